"""Slack, through slack-bolt: the app and its parts, scheduled tips, the manifest, Socket Mode."""
