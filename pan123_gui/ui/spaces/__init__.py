"""Direct-link spaces in the window: asking before switching one on, the spaces the app knows, the account line."""
