"""What the bot does: the ports it needs, the responder, lookups, reminders, forgetting,
tip delivery and its pace, usage counters, and every user-facing sentence."""
