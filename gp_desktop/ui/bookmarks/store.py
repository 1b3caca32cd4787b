"""The bookmarks the panes share: one QObject over ``gp_desktop.bookmarks.Bookmarks``.

Starring happens in the tool bar, the reader's context menu and the bookmarks pane; the tree's
stars, the pane's list and the «Добавить в закладки» action all follow ``changed``, as the
excerpt's panes follow ``ExcerptChoice``. A file that cannot be written does not lose the
change for this session: the store says so through ``failed`` and the window shows it.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject, Signal

from gp_desktop.bookmarks import Bookmark, Bookmarks, BookmarksFileError


class BookmarksStore(QObject):
    changed = Signal()
    """A bookmark was added or removed."""
    added = Signal(str)
    """``node_id`` was starred (for the status bar)."""
    failed = Signal(str)
    """The file could not be saved; the message is for the user."""

    def __init__(self, bookmarks: Bookmarks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bookmarks = bookmarks

    def __iter__(self) -> Iterator[Bookmark]:
        return iter(self.bookmarks)

    def __len__(self) -> int:
        return len(self.bookmarks)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.bookmarks

    @property
    def items(self) -> tuple[Bookmark, ...]:
        return self.bookmarks.items

    @property
    def node_ids(self) -> list[str]:
        return [b.node_id for b in self.bookmarks]

    @property
    def problem(self) -> str:
        """Why the file on disk was not used at start (see ``Bookmarks.problem``), or ""."""
        return self.bookmarks.problem

    def add(self, node_id: str) -> None:
        try:
            self.bookmarks.add(node_id)
        except BookmarksFileError as exc:
            self.failed.emit(str(exc))
        self.changed.emit()
        self.added.emit(node_id)

    def remove(self, node_id: str) -> None:
        try:
            self.bookmarks.remove(node_id)
        except BookmarksFileError as exc:
            self.failed.emit(str(exc))
        self.changed.emit()

    def follow_activation(self, window: QObject) -> None:
        """Re-read the file whenever ``window`` is activated: another window or program may
        have starred or unstarred meanwhile (the file is merged on every change, so nothing
        is lost), and the stars and the list follow through ``changed``."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ActivationChange and watched.isActiveWindow():
            self.refresh()
        return False

    def refresh(self) -> bool:
        """Pick up what another window or program wrote to the file; True (and ``changed``)
        if it did."""
        if not self.bookmarks.refresh():
            return False
        self.changed.emit()
        return True

    def toggle(self, node_id: str) -> None:
        if not node_id:
            return
        if node_id in self.bookmarks:
            self.remove(node_id)
        else:
            self.add(node_id)
