"""The timeline pane: the act's history, decree by decree, and the marks it sets."""
