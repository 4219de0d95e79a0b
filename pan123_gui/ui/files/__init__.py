"""Your files: the folder tree, search and the dock that adds chosen files to the results."""
