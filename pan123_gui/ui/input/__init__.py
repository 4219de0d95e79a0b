"""The paste box: text, dropped and opened files in; the IDs found, counted before anything is sent."""
