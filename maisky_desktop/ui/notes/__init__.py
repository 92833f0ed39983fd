"""The researcher's layer in the window: notes panel, own events, import preview, the event form."""
