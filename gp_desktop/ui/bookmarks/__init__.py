"""The bookmarks pane: starred clauses, kept in the user's bookmarks file."""
