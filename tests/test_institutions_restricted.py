"""Institutions that can be told apart; annexes not published shown once, with one note."""

from __future__ import annotations

from gp_desktop.corpus.act_html import document_html
from gp_desktop.corpus.institutions import distinguishing_names
from gp_desktop.corpus.restricted import NOTE, restricted_annexes


def test_names_sharing_a_long_start_are_cut_to_what_differs():
    common = "Департамент Комитета по правовой статистике и специальным учетам Республики Казахстан"
    names = [
        f"{common} по городу Астане",
        f"{common} по городу Алматы",
        f"{common} по городу Шымкенту",
        f"{common} по области Ұлытау",
        f"Военный департамент {common[len('Департамент ') :]}",
        f"{common} на транспорте",
        "Главная военная прокуратура",
    ]
    short = distinguishing_names(names)
    assert short[0] == "Департамент … по городу Астане"  # not «… Астане»: most share less
    assert short[3] == "Департамент … по области Ұлытау"
    assert short[5] == "Департамент … на транспорте"
    assert short[4] == names[4] and short[6] == names[6]  # unlike the others: whole
    assert distinguishing_names(["Служба А Б В Г Д", "Служба А Б В Г Е"]) == [
        "Служба А Б В Г Д",
        "Служба А Б В Г Е",
    ]  # two alike are not a run


def test_every_institution_row_differs_and_names_its_entry(corpus, qapp):
    from PySide6.QtCore import Qt

    from gp_desktop.ui.navigator.institutions import InstitutionModel

    model = InstitutionModel(corpus)
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        shown = []
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            institution = model.record(index)
            shown.append(text)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            assert institution.name in tip and "\n" in tip  # full name, then its clause
            label = corpus.by_id[institution.node_id].label
            if label:
                assert text.startswith(label), text
        assert len(set(shown)) == len(shown), shown


def test_annexes_not_published_are_found_by_their_stamps(corpus):
    annexes = restricted_annexes(corpus)
    assert annexes, "the act has annexes «для служебного пользования»"
    for annex in annexes:
        for part_id in annex.part_ids:
            kinds = {n.kind for n in corpus.children(part_id)}
            assert kinds <= {"marker", "approval"}
    titles = [a.title for a in annexes]
    assert len(set(titles)) == len(titles)
    html = document_html(corpus)
    assert html.count(NOTE) == len(annexes)


def test_the_tree_lists_each_unpublished_annex_once(corpus, qapp):
    from PySide6.QtCore import Qt

    from gp_desktop.ui.navigator.act_tree import ActTreeModel

    model = ActTreeModel(corpus)
    top = [model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert len(set(top)) == len(top), top
    for annex in restricted_annexes(corpus):
        assert top.count(annex.title) == 1
        for part_id in annex.part_ids:  # every part of it leads to its one row
            assert model.index_of(part_id).data(Qt.ItemDataRole.DisplayRole) == annex.title
