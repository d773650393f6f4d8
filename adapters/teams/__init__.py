"""Microsoft Teams, through botbuilder: every botbuilder import stays in this package."""
