"""Share links and QR codes: the "Create share link…" dialog and the QR code dialog."""
