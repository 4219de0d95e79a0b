"""The desktop window: Qt models, widgets, dialogs, wording and translations."""
