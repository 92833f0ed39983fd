"""Export out of the window: the export dialog and images of the timeline view."""
