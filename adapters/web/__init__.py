"""Pages outside the chat: the families' directory (HTML, with its printed handout)."""
