"""Thin platform edges: translate platform payloads to core types and render replies back."""
