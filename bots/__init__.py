"""Composition: settings, the aiohttp server, the command line."""
