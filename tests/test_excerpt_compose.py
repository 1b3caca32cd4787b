"""The excerpt document composed without Qt: selection, context, footnotes, title, escaping."""

from __future__ import annotations

import edition_facts as facts
import pytest
from conftest import corpus_copy

from gp_desktop.corpus.errors import CorpusError
from gp_desktop.corpus.export import export_text
from gp_desktop.corpus.reader import Corpus
from gp_desktop.excerpt import ExcerptError, combined_citation, compose_excerpt

POLOZHENIE_TITLE = (
    "Выписка из Положения о Генеральной прокуратуре Республики Казахстан, утвержденного "
    "Указом Президента Республики Казахстан от 13 октября 2017 года № 563 «О некоторых "
    "вопросах органов прокуратуры Республики Казахстан»"
)
CITATION_19_8 = (
    "пп. 8 п. 19 Положения о Генеральной прокуратуре Республики Казахстан, утв. Указом "
    "Президента РК от 13.10.2017 № 563"
)
SUB_8 = (
    "8) дает санкцию на проведение оперативно-розыскных мероприятий в отношении судей "
    "Конституционного Суда Республики Казахстан и судей;"
)


def test_document_order_whatever_the_picking_order(corpus):
    ex = compose_excerpt(corpus, ["21", "19.9", "пп. 8 п. 19", "polozhenie/p-19/pp-8"])
    assert ex.node_ids == (
        "polozhenie/p-19/pp-8",
        "polozhenie/p-19/pp-9",
        "polozhenie/p-21",
    )
    text = ex.text
    assert text.index("8) дает санкцию") < text.index("9) представляет") < text.index("21. ")
    assert ex.citations[0] == CITATION_19_8
    assert len(ex.citations) == 3


def test_a_child_inside_a_chosen_parent_is_not_repeated(corpus):
    ex = compose_excerpt(corpus, ["19.8", "п. 19", "19.8"])
    assert ex.node_ids == ("polozhenie/p-19",)
    assert ex.text.count("8) дает санкцию") == 1
    assert ex.html.count("8)</span> дает санкцию") == 1
    # The whole clause is there: its first and last sub-clauses and its closing paragraph.
    assert "1) в пределах и формах" in ex.text
    assert "47) осуществляет иные полномочия" in ex.text


def test_context_headings_and_omissions(corpus):
    ex = compose_excerpt(corpus, ["19.8"])
    lines = [line for line in ex.text.split("\n\n")]
    chapter = "Глава 3. Статус, полномочия первого руководителя Генеральной прокуратуры"
    clause = "19. Полномочия Генерального Прокурора:"
    assert chapter in lines and clause in lines and SUB_8 in lines
    assert lines.index(chapter) < lines.index(clause) < lines.index(SUB_8)
    # Sub-clauses 1)–7) are left out, and «…» says so between the clause and 8).
    assert "7) с согласия Президента" not in ex.text
    assert lines[lines.index(SUB_8) - 1] == "…"
    # The title names the Положение, so its own heading is not repeated as context.
    assert "ПОЛОЖЕНИЕ о Генеральной прокуратуре" not in ex.text
    assert 'class="chapter"' in ex.html and 'class="clause"' in ex.html


def test_no_omission_mark_between_neighbours(corpus):
    ex = compose_excerpt(corpus, ["19.8", "19.9"], footnotes=False)
    blocks = ex.text.split("\n\n")
    at = blocks.index(SUB_8)
    assert blocks[at + 1].startswith("9) представляет")


def test_footnotes_on_and_off(corpus):
    with_notes = compose_excerpt(corpus, ["15", "19.8"])
    assert "Сноска. Пункт 15 с изменениями" in with_notes.text
    # The footnote of clause 19 concerns the sub-clause chosen from it.
    assert "Сноска. Пункт 19 с изменениями" in with_notes.text
    assert with_notes.footnotes
    without = compose_excerpt(corpus, ["15", "19.8"], footnotes=False)
    assert "Сноска" not in without.text and "Сноска" not in without.html
    assert not without.footnotes
    assert "15. Функции:" in without.text and SUB_8 in without.text


def test_title_block_and_edition(corpus):
    ex = compose_excerpt(corpus, ["19.8"])
    assert ex.title == POLOZHENIE_TITLE
    assert ex.edition_line == facts.EDITION_LINE
    head = ex.text.split("\n\n")[0].split("\n")
    assert head == [
        "ВЫПИСКА",
        POLOZHENIE_TITLE.removeprefix("Выписка "),
        f"({facts.EDITION_LINE})",
    ]
    assert ex.footer == "Положение о Генеральной прокуратуре Республики Казахстан"
    assert ex.page_footer(2, 5) == (ex.footer, "стр. 2 из 5")
    assert ex.source_line.startswith("Источник: справочник gp-desktop")
    assert facts.LAST_DECREE_LABEL in ex.source_line and "ukaz-2017-563.md" in ex.source_line
    made = ex.made.strftime("%d.%m.%Y")
    assert ex.text.rstrip("\n").endswith(f"{ex.source_line}\n\nДата изготовления: {made}")
    assert "<title>Выписка из Положения" in ex.html
    assert f"({facts.EDITION_LINE})" in ex.html


def test_an_excerpt_across_parts_is_from_the_decree(corpus):
    ex = compose_excerpt(corpus, ["ukaz/p-1", "23"])
    assert ex.title.startswith(
        "Выписка из Указа Президента Республики Казахстан от 13 октября 2017 года № 563"
    )
    assert ex.footer == "Указ Президента РК от 13.10.2017 № 563"
    # The Положение's heading now tells where clause 23 comes from.
    blocks = ex.text.split("\n\n")
    assert blocks.index("ПОЛОЖЕНИЕ о Генеральной прокуратуре Республики Казахстан") < next(
        i for i, b in enumerate(blocks) if b.startswith("23. Имущество")
    )


def test_kazakh_letters_survive(corpus):
    ex = compose_excerpt(corpus, ["perechen-uchrezhdeniy/gr-1/pp-23"])
    assert '23) государственное учреждение "Прокуратура области Ұлытау";' in ex.text
    assert "Прокуратура области Ұлытау" in ex.html.replace("&quot;", '"')
    assert "Генеральная прокуратура" in ex.text  # the group heading as context


def test_the_whole_polozhenie_keeps_every_word(corpus):
    ex = compose_excerpt(corpus, ["polozhenie"])
    body = export_text(corpus, corpus.subtree("polozhenie")).strip("\n")
    head = "\n".join(["ВЫПИСКА", POLOZHENIE_TITLE.removeprefix("Выписка "), f"({ex.edition_line})"])
    tail = f"{ex.source_line}\n\nДата изготовления: {ex.made.strftime('%d.%m.%Y')}"
    assert ex.text == f"{head}\n\n{body}\n\n{tail}\n"
    assert "…" not in ex.text


def test_copy_text_carries_headings_lead_ins_and_the_edition(corpus):
    ex = compose_excerpt(corpus, ["19.8"], footnotes=False)
    chapter = corpus.node("polozhenie/gl-3")
    lead_in = corpus.node("polozhenie/p-19")
    assert ex.copy_text() == (
        f"{chapter.label} {chapter.heading}\n\n…\n\n{lead_in.label} {lead_in.text}\n\n…\n\n"
        f"{SUB_8}\n\n{CITATION_19_8} ({facts.EDITION_LINE})\n"
    )
    assert lead_in.text.endswith(":")
    several = compose_excerpt(corpus, ["21", "19.9", "19.8"], footnotes=False)
    assert several.copy_text().endswith(
        "\n\nпп. 8, 9 п. 19, п. 21 Положения о Генеральной прокуратуре Республики "
        f"Казахстан, утв. Указом Президента РК от 13.10.2017 № 563 ({facts.EDITION_LINE})\n"
    )
    assert f"{chapter.label} {chapter.heading}" in several.copy_text()
    # The copy is the excerpt's body: the same blocks the printed page has, between the
    # title block and the source line.
    body = ex.text.split(f"({facts.EDITION_LINE})\n\n", 1)[1].split("\n\nИсточник:")[0]
    assert ex.copy_text().startswith(body)


def test_combined_citation_names_each_part_once(corpus):
    polozhenie = (
        "Положения о Генеральной прокуратуре Республики Казахстан, утв. Указом Президента РК "
        "от 13.10.2017 № 563"
    )
    cited = combined_citation(
        corpus, ["ukaz/p-1", "polozhenie/p-19/pp-8", "polozhenie/p-19/pp-9", "polozhenie/p-21"]
    )
    assert (
        cited == f"п. 1 Указа Президента РК от 13.10.2017 № 563; пп. 8, 9 п. 19, п. 21 {polozhenie}"
    )
    assert combined_citation(corpus, ["polozhenie"]) == (
        "Положение о Генеральной прокуратуре Республики Казахстан, утв. Указом Президента РК "
        "от 13.10.2017 № 563"
    )


def test_unknown_and_empty_selections(corpus):
    with pytest.raises(ExcerptError, match=r"^не найден пункт «999»$"):
        compose_excerpt(corpus, ["19", "999"])
    with pytest.raises(ExcerptError, match=r"^не найдены пункты «999», «пп\. 99 п\. 19»$"):
        compose_excerpt(corpus, ["999", "пп. 99 п. 19"])
    with pytest.raises(ExcerptError, match="не выбран ни один пункт"):
        compose_excerpt(corpus, [])
    with pytest.raises(ExcerptError, match="не выбран ни один пункт"):
        compose_excerpt(corpus, ["  ", ""])
    assert issubclass(ExcerptError, CorpusError)


def test_the_html_is_self_contained(corpus):
    ex = compose_excerpt(corpus, ["polozhenie", "perechen-uchrezhdeniy", "izmeneniya"])
    lowered = ex.html.lower()
    for external in ("http:", "https:", "src=", "url(", "<script", "<link", "@import"):
        assert external not in lowered
    assert ex.html.startswith("<!DOCTYPE html>") and ex.html.rstrip().endswith("</html>")


@pytest.fixture
def tagged_corpus(tmp_path):
    """A copy of the real corpus whose clause 21 and chapter 3 carry tag-like text."""
    path = corpus_copy(
        tmp_path,
        (
            "UPDATE nodes SET text = ? WHERE id = 'polozhenie/p-21'",
            ("Текст <script>alert(1)</script> & <b>не жирный</b> «Ә» </p><p>",),
        ),
        ("UPDATE nodes SET heading = ? WHERE id = 'polozhenie/gl-3'", ("Статус <i>курсив</i>",)),
        name="tagged.sqlite",
    )
    return Corpus(path)


def test_tag_like_text_is_escaped(tagged_corpus):
    ex = compose_excerpt(tagged_corpus, ["21"])
    assert "<script" not in ex.html and "<b>не" not in ex.html and "<i>курсив" not in ex.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;не жирный&lt;/b&gt;" in ex.html
    assert "Статус &lt;i&gt;курсив&lt;/i&gt;" in ex.html
    # The plain text keeps the act's characters as they are.
    assert "Текст <script>alert(1)</script> & <b>не жирный</b> «Ә» </p><p>" in ex.text
    assert "Глава 3. Статус <i>курсив</i>" in ex.text


def test_date_of_making_and_certification(corpus):
    import datetime as dt

    from gp_desktop.excerpt.paper import Certification

    made = dt.date(2026, 12, 1)
    plain = compose_excerpt(corpus, ["19.8"], made=made)
    assert "Дата изготовления: 01.12.2026" in plain.text and "Выписка верна" not in plain.text
    assert "Дата изготовления: 01.12.2026" in plain.html
    cert = Certification("Главный специалист", "А. Б. Иванов")
    ex = compose_excerpt(corpus, ["19.8"], made=made, certification=cert)
    assert ex.text.endswith(
        "Дата изготовления: 01.12.2026\n\nВыписка верна\n"
        "Главный специалист _______________ А. Б. Иванов\n01.12.2026\n"
    )
    assert "Выписка верна<br>Главный специалист" in ex.html
    # Nothing to certify with: no block.
    empty = compose_excerpt(corpus, ["19.8"], made=made, certification=Certification())
    assert "Выписка верна" not in empty.text and empty.certification is None
    # The source line, the date and the certification are kept together with the last text.
    tail = [b.anchor for b in ex.blocks[-4:]]
    assert tail[1:] == ["excerpt-source", "excerpt-made", "excerpt-cert"]
    assert {tail[0], "excerpt-source", "excerpt-made"} <= ex.keep_with_next


def test_headings_and_lead_ins_keep_with_what_follows(corpus):
    ex = compose_excerpt(corpus, ["19.8", "21"])
    kinds = {b.anchor: b for b in ex.blocks}
    assert {"excerpt-heading", "excerpt-act", "excerpt-edition"} <= ex.keep_with_next
    assert "polozhenie/gl-3" in ex.keep_with_next  # the chapter heading
    assert "polozhenie/p-19" in ex.keep_with_next  # «19. Полномочия …:», a lead-in
    assert kinds["polozhenie/p-19"].text.endswith(":")
    assert "polozhenie/p-19/pp-8" not in ex.keep_with_next  # chosen text, not a lead-in


def test_suggested_names_are_short_and_within_255_bytes(corpus):
    import datetime as dt

    from gp_desktop.excerpt.compose import compose_act
    from gp_desktop.excerpt.files import NAME_LIMIT_BYTES, suggested_name

    made = dt.date(2026, 12, 1)
    ex = compose_excerpt(corpus, ["13", "19.8"], made=made)
    assert suggested_name(ex, ".pdf") == "Выписка п. 13, пп. 8 п. 19 — 2026-12-01.pdf"
    assert len(ex.title.encode("utf-8")) > NAME_LIMIT_BYTES  # the old name could not be
    every = compose_excerpt(corpus, [n.id for n in corpus.children("polozhenie/p-19")])
    name = suggested_name(every, ".docx")
    assert len(name.encode("utf-8")) <= NAME_LIMIT_BYTES and name.endswith(".docx")
    assert "и ещё" in name and "/" not in name
    assert compose_act(corpus, made=made).file_stem == "Указ № 563 — 2026-12-01"


def test_a_long_word_gets_break_points_in_the_documents(tmp_path):
    word = "Ж" * 10_000
    path = corpus_copy(
        tmp_path,
        ("UPDATE nodes SET text = ? WHERE id = 'polozhenie/p-21'", (f"Начало {word} конец.",)),
        name="long.sqlite",
    )
    ex = compose_excerpt(Corpus(path), ["21"])
    assert word in ex.text  # the text file keeps the word as it is
    assert word not in ex.html and "\u200b" in ex.html
    assert ex.html.count("\u200b") >= 10_000 // 200 - 1


def test_the_source_hash_is_the_one_about_shows(corpus):
    from gp_desktop.excerpt.names import source_identity, text_digest

    ex = compose_excerpt(corpus, ["19.8"])
    digest = text_digest(corpus)
    assert len(digest) == 64 and f"SHA-256 {digest}" in ex.source_line
    assert source_identity(corpus) in ex.source_line
