"""The window's item models on the real act, checked by Qt's model tester and by content."""

from __future__ import annotations

import edition_facts as facts
from PySide6.QtCore import QModelIndex, Qt

from gp_desktop.corpus import model as m
from gp_desktop.corpus.outline import TREE_KINDS, tree_node_id
from gp_desktop.corpus.restricted import restricted_annexes
from gp_desktop.text_fold import fold
from gp_desktop.ui.excerpt.choice import ExcerptChoice
from gp_desktop.ui.navigator.act_tree import ActTreeModel
from gp_desktop.ui.navigator.institutions import InstitutionModel
from gp_desktop.ui.navigator.tree_filter import TreeFilter
from gp_desktop.ui.timeline.model import TimelineModel
from gp_desktop.ui.widgets.roles import Role
from gp_desktop.wording import clauses


def rows(model, parent=QModelIndex()):
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def walk(model, parent=QModelIndex()):
    for index in rows(model, parent):
        yield index
        yield from walk(model, index)


def test_act_tree_passes_the_model_tester(qapp, qtmodeltester, corpus):
    model = ActTreeModel(corpus)
    qtmodeltester.check(model)
    model.set_marked(["polozhenie/p-15", "polozhenie/p-19/abz-1"])
    model.set_bookmarked(["polozhenie/p-1"])
    choice = ExcerptChoice(corpus)
    model.attach_choice(choice)
    choice.set_chosen("polozhenie/p-19", True)
    qtmodeltester.check(model)


def test_act_tree_is_parts_chapters_clauses_subclauses(qapp, corpus):
    model = ActTreeModel(corpus)
    parts = [i.data(Role.NODE_ID) for i in rows(model)]
    # Unpublished annexes standing together are one row (corpus/restricted.py).
    joined = {p for a in restricted_annexes(corpus) for p in a.part_ids[1:]}
    assert parts == [p.id for p in corpus.parts() if p.id not in joined]
    polozhenie = model.index_of("polozhenie")
    chapters = rows(model, polozhenie)
    assert [c.data() for c in chapters] == [
        "Глава 1. Общие положения",
        "Глава 2. Задачи и полномочия Генеральной прокуратуры",
        "Глава 3. Статус, полномочия первого руководителя Генеральной прокуратуры",
        "Глава 4. Имущество Генеральной прокуратуры",
        "Глава 5. Реорганизация и ликвидация Генеральной прокуратуры",
    ]
    clause_19 = model.index_of("polozhenie/p-19")
    assert clause_19.parent() == chapters[2]
    assert clause_19.data().startswith("19. Полномочия Генерального Прокурора")
    subclauses = rows(model, clause_19)
    assert [s.data().split(")")[0] for s in subclauses][30:34] == ["31", "32", "32-1", "32-2"]
    assert len(subclauses) == 49
    assert subclauses[7].data().startswith("8) дает санкцию")
    # Every row is a navigable node; paragraphs and footnotes stay with their clause.
    ids = [i.data(Role.NODE_ID) for i in walk(model)]
    assert len(ids) == len(set(ids))
    assert all(corpus.by_id[i].kind in TREE_KINDS for i in ids)
    assert not any(corpus.by_id[i].kind in (m.FOOTNOTE, m.PARAGRAPH) for i in ids)
    assert tree_node_id(corpus, "polozhenie/p-19/snoska-1") == "polozhenie/p-19"
    assert model.index_of("polozhenie/p-19/abz-1") == clause_19


def test_act_tree_marks_bookmarks_and_ticks(qapp, qtbot, corpus):
    model = ActTreeModel(corpus)
    index = model.index_of("polozhenie/p-15")
    with qtbot.waitSignal(model.dataChanged):
        model.set_marked(["polozhenie/p-15/snoska-1"])
    assert index.data(Role.MARKED) is True
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index_of("polozhenie/p-14").data(Role.MARKED) is False
    model.set_bookmarked(["polozhenie/p-15"])
    assert index.data(Role.BOOKMARKED) is True
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Изменения:" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Role.AMENDED) is True
    assert index.data(Qt.ItemDataRole.CheckStateRole) is None
    choice = ExcerptChoice(corpus)
    model.attach_choice(choice)
    index = model.index_of("polozhenie/p-15")
    assert index.flags() & Qt.ItemFlag.ItemIsUserCheckable
    with qtbot.waitSignal(choice.changed) as blocker:
        assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == [["polozhenie/p-15"]]
    with qtbot.waitSignal(model.dataChanged):
        choice.set_chosen("polozhenie/p-2", True)
    assert choice.ids == ("polozhenie/p-2", "polozhenie/p-15")
    assert model.index_of("polozhenie/p-2").data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    choice.clear()
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_institutions_grouped_as_the_act_lists_them(qapp, qtmodeltester, corpus):
    model = InstitutionModel(corpus)
    qtmodeltester.check(model)
    groups = rows(model)
    assert [model.rowCount(g) for g in groups] == facts.INSTITUTION_GROUP_SIZES
    assert groups[0].data().startswith("Учреждения в ведении Генеральной прокуратуры")
    assert groups[1].data().startswith("Учреждения в ведении Комитета")
    assert groups[2].data().startswith("Структурные подразделения")
    names = {model.record(i).name: i.data(Role.NODE_ID) for g in groups for i in rows(model, g)}
    assert names["Прокуратура области Ұлытау"] == "perechen-uchrezhdeniy/gr-1/pp-23"
    assert all(node_id in corpus.by_id for node_id in names.values())
    assert model.index_of("struktura/ed-1").data() == "Руководство"


def test_timeline_events_in_date_order_with_their_changes(qapp, qtmodeltester, corpus):
    model = TimelineModel(corpus)
    qtmodeltester.check(model)
    events = rows(model)
    assert [model.record(e).number for e in events] == facts.TIMELINE_NUMBERS
    assert events[0].data() == "13.10.2017 № 563 — исходный текст"
    last = events[-1]
    assert last.data() == facts.LAST_DECREE_TIMELINE_LABEL
    changes = rows(model, last)
    assert len(changes) == facts.LAST_DECREE_CHANGES
    assert changes[0].data() == facts.LAST_DECREE_FIRST_CHANGE_LABEL
    assert changes[0].data(Role.NODE_ID) == facts.LAST_DECREE_FIRST_CHANGE
    assert facts.LAST_DECREE_LABEL in changes[0].data(Qt.ItemDataRole.ToolTipRole)


def test_filter_folds_case_yo_and_kazakh_letters(qapp, qtmodeltester, corpus):
    assert fold("Ұлытау ЁЖ") == "улытау еж"
    source = InstitutionModel(corpus)
    proxy = TreeFilter()
    proxy.setSourceModel(source)
    proxy.set_words("улытау")
    qtmodeltester.check(proxy)
    found = [
        i.data(Qt.ItemDataRole.ToolTipRole).split("\n")[0]
        for i in walk(proxy)
        if i.data(Role.NODE_ID)
    ]
    assert found == [
        "Прокуратура области Ұлытау",
        "Департамент Комитета по правовой статистике и специальным учетам Генеральной "
        "прокуратуры Республики Казахстан по области Ұлытау",
    ]
    # The rows show what tells them apart, after the entry's number in the act.
    shown = [i.data() for i in walk(proxy) if i.data(Role.NODE_ID)]
    assert shown[0].endswith(") Прокуратура области Ұлытау")
    assert shown[1].endswith(") Департамент … по области Ұлытау")

    act = ActTreeModel(corpus)
    proxy = TreeFilter()
    proxy.setSourceModel(act)
    proxy.set_words("огневой ПОДГОТОВКИ")
    qtmodeltester.check(proxy)
    found = [i.data(Role.NODE_ID) for i in walk(proxy)]
    assert "polozhenie/p-19/pp-45" in found
    # The match comes with its ancestors, so it can be reached in the tree.
    assert {"polozhenie", "polozhenie/gl-3", "polozhenie/p-19"} <= set(found)
    assert "polozhenie/p-19/pp-1" not in found
    proxy.set_words("")
    assert len(list(walk(proxy))) == len(list(walk(act)))


def test_russian_numerals():
    assert [clauses(n) for n in (1, 2, 5, 11, 21, 22, 112)] == [
        "1 пункт",
        "2 пункта",
        "5 пунктов",
        "11 пунктов",
        "21 пункт",
        "22 пункта",
        "112 пунктов",
    ]
