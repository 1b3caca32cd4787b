"""Help (F1): the keys, the search syntax, the marks, where files are kept — searchable."""
