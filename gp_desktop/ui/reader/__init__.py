"""The reader: the act as formatted text in the centre of the window."""
