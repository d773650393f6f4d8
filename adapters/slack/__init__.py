"""Slack, through slack-bolt: the app, Block Kit, the Web API client, delivery, Socket Mode."""
