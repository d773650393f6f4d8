"""The core's vocabulary: who and where, messages and replies, resources, tips, schedules,
subscriptions and deliveries. Frozen types; imports nothing else of ours."""
