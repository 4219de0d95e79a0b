"""The results table: the model (one row per file ID) and the view with its row actions."""
