"""Writers that take what the researcher selected out of the app, in formats other tools read.

All are Qt-free and work on ``records.Citable`` / plain event rows, so the export dialog,
the clipboard and ``maisky-desktop export`` share them.
"""
