"""The excerpt (выписка): the shared choice of clauses, its pane, printing and saving."""
