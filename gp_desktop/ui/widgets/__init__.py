"""Pieces shared by the panes: list and tree models, item roles, icons, small widgets."""
