"""The navigator pane: the act's tree, the institutions' tree and the filter box over them."""
