"""Background work for the window: QRunnables that call the core and report through signals."""
