"""The main window: the hub (main_window), its commands, notices, the resolve run, the kept list and the bars."""
