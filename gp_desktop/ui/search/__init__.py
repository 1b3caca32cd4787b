"""Search in the window: the results pane and the service that runs queries off the GUI thread."""
