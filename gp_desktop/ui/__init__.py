"""The window (PySide6): a package per feature, the main window that wires them, the app."""
