"""The window's dialogs: credentials, settings, and the error report for anything unexpected."""
