"""Editions in the window: the chooser and the band over a non-current edition, comparing two
editions, updating the text of the act, «Что нового» and the notice of a stale text."""
