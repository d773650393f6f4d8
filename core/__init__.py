"""WellCheck's platform-free core: directory, search, crisis routing, tips, replies.

Nothing in this package imports a chat SDK or a web framework; adapters translate
platform payloads into the boundary types defined here and render `Reply` back.
"""
