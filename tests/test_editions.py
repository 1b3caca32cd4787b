"""Editions of the act: several texts in one corpus, reading any edition back, what changed
between two of them (word by word), adding an edition, ``--as-of``, which corpus is opened.

The earlier and later texts under tests/data/editions/ were made for these tests from the
bundled one (their README lists every edit); the diffs below are those edits, exactly.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import CORPUS, SOURCE, corpus_copy, run_cli
from edition_facts import EDITION_DATE, EDITION_DATE_RU, LAST_DECREE, LAST_DECREE_LABEL

from gp_desktop.corpus.build import add_edition, build_editions
from gp_desktop.corpus.diff import diff_editions, marked_text, word_ops
from gp_desktop.corpus.errors import CorpusError, CorpusFileError, SourceError
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.parser import parse_act
from gp_desktop.corpus.reader import Corpus
from gp_desktop.corpus_choice import ADMIN, BUNDLED, OPTION, USER, choose_corpus

DATA = Path(__file__).resolve().parent / "data" / "editions"
EARLIER = DATA / "ukaz-2017-563-2025-04-25.md"  # made for the tests: before the last decree
LATER = DATA / "ukaz-2017-563-2026-06-10.md"  # made for the tests: a made-up decree № 1200
EARLIER_DATE, LATER_DATE = "2025-04-25", "2026-06-10"


@pytest.fixture(scope="session")
def today() -> str:
    """The bundled edition's date (tests/edition_facts.py)."""
    return EDITION_DATE


@pytest.fixture(scope="session")
def three(tmp_path_factory) -> Path:
    """A corpus of the earlier, the bundled and the later text, given out of order."""
    path = tmp_path_factory.mktemp("editions") / "three.sqlite"
    build_editions([LATER, EARLIER, SOURCE], path)
    return path


def _changes(old: Corpus, new: Corpus) -> list[tuple]:
    return [(c.change, c.id, c.old_id) for c in diff_editions(old, new)]


def _content(nodes):
    ordered = sorted(nodes, key=lambda n: n.seq)
    return [(n.id, n.parent_id, n.position, n.kind, n.label, n.heading, n.text) for n in ordered]


def test_the_editions_table_and_the_current_edition(three, today):
    corpus = Corpus(three)
    assert [e.date for e in corpus.editions] == [EARLIER_DATE, today, LATER_DATE]
    assert [e.current for e in corpus.editions] == [False, False, True]
    assert [e.amendment_number for e in corpus.editions] == ["855", LAST_DECREE, "1200"]
    assert corpus.editions[-1].amendment_id == "ukaz-2026-06-10-1200"
    assert {e.source_format for e in corpus.editions} == {"markdown"}
    # The contract tables are the current (latest) edition, as a reader unaware of editions sees.
    assert corpus.act.edition_date == LATER_DATE
    assert _content(corpus.nodes) == _content(parse_act(LATER.read_text("utf-8")).nodes)
    conn = sqlite3.connect(three)
    rows = conn.execute(
        "SELECT date, current, source_sha256 FROM editions ORDER BY date"
    ).fetchall()
    import hashlib

    assert rows[0][2] == hashlib.sha256(EARLIER.read_bytes()).hexdigest()
    assert [r[1] for r in rows] == [0, 0, 1]


@pytest.mark.parametrize("which", ["earlier", "bundled"])
def test_every_edition_reads_back_as_its_own_text(three, today, which):
    source = {"earlier": EARLIER, "bundled": SOURCE}[which]
    date = {"earlier": EARLIER_DATE, "bundled": today}[which]
    parsed = parse_act(source.read_text("utf-8"))
    edition = Corpus(three, date)
    assert not edition.is_current and edition.edition.date == date
    assert _content(edition.nodes) == _content(parsed.nodes)
    assert [n.seq for n in edition.nodes] == sorted(n.seq for n in parsed.nodes)
    assert edition.amendments == parsed.amendments
    assert edition.node_amendments == parsed.node_amendments
    assert edition.institutions == parsed.institutions
    assert edition.act.edition_date == date


def test_earlier_to_bundled_word_by_word(three, today):
    old, new = Corpus(three, EARLIER_DATE), Corpus(three, today)
    assert _changes(old, new) == [
        ("footnotes", "polozhenie/p-1", "polozhenie/p-1"),
        ("changed", "polozhenie/p-2", "polozhenie/p-2"),
        ("changed", "polozhenie/p-11", "polozhenie/p-11"),
        ("footnotes", "polozhenie/p-13", "polozhenie/p-13"),
        ("footnotes", "polozhenie/p-14", "polozhenie/p-14"),
        ("footnotes", "polozhenie/p-15", "polozhenie/p-15"),
        ("added", "polozhenie/p-15/pp-3-1", None),
        ("added", "polozhenie/p-19/pp-32-1", None),
        ("renumbered", "polozhenie/p-19/pp-32-2", "polozhenie/p-19/pp-32-1"),
        ("footnotes", "struktura", "struktura"),
    ]
    by_id = {c.id: c for c in diff_editions(old, new)}
    p11 = by_id["polozhenie/p-11"]
    assert [(o.op, o.text) for o in p11.ops] == [
        (
            "equal",
            "11. Финансирование деятельности Генеральной прокуратуры осуществляется из "
            "республиканского бюджета",
        ),
        (
            "insert",
            ", а также Специального государственного фонда в части деятельности, касающейся "
            "возврата активов,",
        ),
        ("equal", " в соответствии с законодательством Республики Казахстан."),
    ]
    assert p11.old_footnotes == ()
    assert p11.new_footnotes == (
        f"Сноска. Пункт 11 - в редакции Указа Президента РК от {LAST_DECREE_LABEL}.",
    )
    p2 = by_id["polozhenie/p-2"]
    assert [(o.op, o.text.strip()) for o in p2.ops if o.op != "equal"] == [
        ("delete", "ведомство"),
        ("insert", "ведомства"),
        (
            "insert",
            "по правовой статистике и специальным учетам) и Комитет по защите прав инвесторов "
            "Генеральной прокуратуры Республики Казахстан (далее – Комитет по защите прав "
            "инвесторов",
        ),
    ]
    renumbered = by_id["polozhenie/p-19/pp-32-2"]
    assert [(o.op, o.text) for o in renumbered.ops[:3]] == [
        ("delete", "32-1"),
        ("insert", "32-2"),
        ("equal", renumbered.ops[2].text),
    ]
    assert renumbered.ops[2].text.startswith(") определяет должности")
    assert renumbered.citation == "Положение, Глава 3, п. 19, пп. 32-2)"
    p1 = by_id["polozhenie/p-1"]
    assert marked_text(p1.ops) == (
        "Сноска. Пункт 1 - в редакции Указа Президента РК от 05.10.2023 № 366"
        "{+; с изменением, внесенным Указом Президента РК от " + LAST_DECREE_LABEL + "+}."
    )
    added = by_id["polozhenie/p-15/pp-3-1"]
    assert added.old == "" and added.new.startswith("3-1) осуществление от имени и в интересах")
    assert "проведения аудита, оценки активов" in added.new  # with its paragraphs


def test_bundled_to_later_word_by_word(three, today):
    old, new = Corpus(three, today), Corpus(three)
    # A paragraph taken out of п. 13 shifts the ids of the later ones: they are not «changed».
    assert _changes(old, new) == [
        ("changed", "polozhenie/p-9", "polozhenie/p-9"),
        ("footnotes", "polozhenie/p-13", "polozhenie/p-13"),
        ("removed", "polozhenie/p-13/abz-6", "polozhenie/p-13/abz-6"),
        ("footnotes", "polozhenie/p-15", "polozhenie/p-15"),
        ("added", "polozhenie/p-15/pp-48-1", None),
    ]
    by_id = {c.id: c for c in diff_editions(old, new)}
    assert marked_text(by_id["polozhenie/p-9"].ops).endswith("проспект Мәңгілік Ел, [-14-] {+16+}.")
    assert by_id["polozhenie/p-9"].new_footnotes == (
        "Сноска. Пункт 9 с изменением, внесенным Указом Президента РК от 10.06.2026 № 1200.",
    )
    assert marked_text(by_id["polozhenie/p-13"].ops) == (
        "Сноска. Пункт [-11-] {+13+} с [-изменением-] {+изменениями+}, [-внесенным Указом-] "
        "{+внесенными указами+} Президента РК от "
        + LAST_DECREE_LABEL
        + "{+; от 10.06.2026 № 1200+}."
    )
    assert by_id["polozhenie/p-13/abz-6"].old == (
        "развитие международно-правового сотрудничества по возврату активов;"
    )
    assert by_id["polozhenie/p-15/pp-48-1"].new == (
        "48-1) правовой мониторинг актов в сфере защиты прав инвесторов, в том числе в областях "
        "Ұлытау и Жетісу;"
    )


def test_ops_give_both_texts_back_and_an_edition_equals_itself(three, today):
    editions = [Corpus(three, EARLIER_DATE), Corpus(three, today), Corpus(three)]
    for old in editions:
        for new in editions:
            for change in diff_editions(old, new):
                assert "".join(o.text for o in change.ops if o.op != "delete") == change.new
                assert "".join(o.text for o in change.ops if o.op != "insert") == change.old
        assert diff_editions(old, old) == []
    # Backwards, an added clause is a removed one.
    back = _changes(editions[2], editions[1])
    assert ("removed", "polozhenie/p-15/pp-48-1", "polozhenie/p-15/pp-48-1") in back
    assert ("added", "polozhenie/p-13/abz-6", None) in back


def test_word_ops_treat_punctuation_as_words():
    ops = word_ops("из бюджета в", "из бюджета, фонда в")
    assert [(o.op, o.text) for o in ops] == [
        ("equal", "из бюджета"),
        ("insert", ", фонда"),
        ("equal", " в"),
    ]
    assert word_ops("", "") == ()


def test_an_inserted_paragraph_and_a_renumbered_clause_of_an_unseen_edition(tmp_path, today):
    """Edits of another kind than the test texts': a paragraph put first in п. 13 (every later
    paragraph id shifts) and clause 25 of the Положение renumbered 26 after a new clause 25."""
    text = SOURCE.read_text("utf-8")
    text = text.replace("13. Задачи:\n", "13. Задачи:\n\nобеспечение верховенства закона;\n", 1)
    start = text.index("\n25. ")
    body = text[start + 5 : text.index("\n", start + 1)]
    text = (
        text[:start]
        + f"\n25. Новый пункт о порядке работы.\n\n26. {body}"
        + text[text.index("\n", start + 1) :]
    )
    text = text.replace(f"{LAST_DECREE_LABEL}.**", f"{LAST_DECREE_LABEL}; от 01.02.2027 № 9.**", 1)
    (tmp_path / "new.md").write_text(text, encoding="utf-8")
    out = tmp_path / "c.sqlite"
    add_edition(tmp_path / "new.md", CORPUS, out)
    changes = _changes(Corpus(out, today), Corpus(out))
    assert ("added", "polozhenie/p-13/abz-1", None) in changes
    assert ("renumbered", "polozhenie/p-26", "polozhenie/p-25") in changes
    assert ("added", "polozhenie/p-25", None) in changes
    assert not [c for c in changes if c[1].startswith("polozhenie/p-13/abz-") and c[0] != "added"]


def test_as_of_picks_the_edition_in_force_and_refuses_earlier_dates(three, today):
    assert Corpus.as_of(three, "2025-04-25").edition.date == EARLIER_DATE
    assert Corpus.as_of(three, "2025-12-16").edition.date == EARLIER_DATE
    assert Corpus.as_of(three, today).edition.date == today
    assert Corpus.as_of(three, "2030-01-01").is_current
    with pytest.raises(CorpusError, match=r"самая ранняя редакция в корпусе — от 25\.04\.2025"):
        Corpus.as_of(three, "2025-04-24")


def test_as_of_on_the_command_line(three, tmp_path):
    old = run_cli("show", "2", "--as-of", "01.05.2025", "--corpus", str(three))
    assert old.returncode == 0, old.stderr
    assert "имеет ведомство – Комитет" in old.stdout
    before = run_cli("show", "2", "--as-of", "2017-01-01", "--corpus", str(three))
    assert before.returncode == 1
    assert before.stderr.strip().splitlines() == [
        "gp-desktop: на 01.01.2017 редакции нет: самая ранняя редакция в корпусе — от 25.04.2025"
    ]
    bad = run_cli("export", "--as-of", "вчера", "--corpus", str(three))
    assert bad.returncode == 1 and "не дата" in bad.stderr and "Traceback" not in bad.stderr
    text = run_cli("export", "--as-of", "2025-05-01", "--corpus", str(three))
    assert "Специального государственного фонда" not in text.stdout
    assert "Специального государственного фонда" in run_cli("export", "--corpus", str(three)).stdout
    excerpt = tmp_path / "old.txt"
    made = run_cli(
        "excerpt", "11", "--as-of", "2025-05-01", "--corpus", str(three), "-o", str(excerpt)
    )
    assert made.returncode == 0, made.stderr
    assert "(в редакции по состоянию на 25.04.2025; недействующая редакция)" in excerpt.read_text(
        "utf-8"
    )
    current = tmp_path / "now.txt"
    run_cli("excerpt", "11", "--corpus", str(three), "-o", str(current))
    assert "недействующая" not in current.read_text("utf-8")


def test_search_as_of_has_its_own_index(three, tmp_path):
    from gp_desktop.search import SearchIndex

    old, new = Corpus(three, EARLIER_DATE), Corpus(three)
    assert old.file_sha256 != new.file_sha256
    cache = tmp_path / "cache"
    for corpus, found in ((old, False), (new, True)):
        index = SearchIndex.open(corpus, cache_dir=cache)
        try:
            hits = index.search('"Специального государственного фонда"').hits
            assert any(h.id == "polozhenie/p-11" for h in hits) is found
        finally:
            index.close()
    result = run_cli(
        "search", "ведомство", "--as-of", "2025-05-01", "--json", "--corpus", str(three)
    )
    assert result.returncode == 0, result.stderr
    assert "polozhenie/p-2" in [h["id"] for h in json.loads(result.stdout)]


def test_editions_and_diff_commands(three):
    listed = run_cli("editions", "--json", "--corpus", str(three))
    data = json.loads(listed.stdout)
    assert [(e["date"], e["current"]) for e in data][-1] == (LATER_DATE, True)
    assert {"id", "date", "amendment_id", "source_sha256", "node_count", "current"} <= set(data[0])
    text = run_cli("editions", "--corpus", str(three)).stdout.splitlines()
    assert text[0].startswith("25.04.2025  № 855") and text[-1].endswith("действующая")
    result = run_cli("diff", "--json", "--corpus", str(three))
    assert result.returncode == 0, result.stderr
    changes = json.loads(result.stdout)
    assert changes[0]["id"] == "polozhenie/p-9"
    assert set(changes[0]) >= {"id", "citation", "change", "old", "new", "ops"}
    only = json.loads(
        run_cli(
            "diff",
            "--from",
            "2025-04-25",
            "--to",
            EDITION_DATE_RU,
            "п. 19",
            "--json",
            "--corpus",
            str(three),
        ).stdout
    )
    assert [(c["change"], c["id"]) for c in only] == [
        ("added", "polozhenie/p-19/pp-32-1"),
        ("renumbered", "polozhenie/p-19/pp-32-2"),
    ]
    readable = run_cli("diff", "--corpus", str(three), "9").stdout
    assert "проспект Мәңгілік Ел, [-14-] {+16+}." in readable
    unknown = run_cli("diff", "п. 99", "--corpus", str(three))
    assert unknown.returncode == 1 and unknown.stderr.count("\n") == 1
    single = run_cli("diff", "--corpus", str(CORPUS))
    assert single.returncode == 1 and "сравнивать не с чем" in single.stderr


def test_build_corpus_refuses_two_texts_of_one_date(tmp_path, today):
    other = tmp_path / "same-date.md"
    other.write_text(
        SOURCE.read_text("utf-8").replace("проспект Мәңгілік Ел, 14", "проспект Мәңгілік Ел, 15"),
        encoding="utf-8",
    )
    out = tmp_path / "c.sqlite"
    result = run_cli("build-corpus", str(SOURCE), str(other), "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"gp-desktop: same-date.md: другой текст с той же датой, что и {SOURCE.name} "
        f"(редакция от {short_date(today)})"
    ]
    assert not out.exists()
    twice = run_cli("build-corpus", str(SOURCE), str(SOURCE), "-o", str(out))
    assert twice.returncode == 1 and "тот же текст" in twice.stderr and not out.exists()


def test_add_edition_later_earlier_identical_and_bad(tmp_path, today):
    out = tmp_path / "c.sqlite"
    new, editions = add_edition(LATER, CORPUS, out)
    assert new is editions[-1] and Corpus(out).edition.date == LATER_DATE
    # An older text joins as history, the current edition stays.
    again = tmp_path / "d.sqlite"
    new, editions = add_edition(EARLIER, out, again)
    assert [e.date for e in editions] == [EARLIER_DATE, today, LATER_DATE]
    assert Corpus(again).edition.date == LATER_DATE
    before = again.read_bytes()
    for source, message in (
        (LATER, "этот текст уже есть в корпусе — редакция от 10.06.2026"),
        (SOURCE, "этот текст уже есть"),
    ):
        with pytest.raises(SourceError, match=message):
            add_edition(source, again, again)
    other_act = tmp_path / "other.md"
    other_act.write_text(
        SOURCE.read_text("utf-8").replace("2017 года № 563", "2017 года № 564"), encoding="utf-8"
    )
    damaged = tmp_path / "damaged.md"
    damaged.write_bytes(SOURCE.read_bytes()[:5000])
    for bad in (other_act, damaged, tmp_path / "missing.md"):
        with pytest.raises(SourceError):
            add_edition(bad, again, again)
    assert again.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_add_edition_command_writes_the_users_corpus_which_is_then_opened(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = run_cli("add-edition", str(LATER), env=env)
    assert result.returncode == 0, result.stderr
    mine = tmp_path / "data" / "gp-desktop" / "corpus.sqlite"
    assert "действующая" in result.stderr and mine.is_file()
    listed = run_cli("editions", "--json", env=env)
    assert [e["date"] for e in json.loads(listed.stdout)][-1] == LATER_DATE
    refused = run_cli("add-edition", str(LATER), env=env)
    assert refused.returncode == 1 and "уже есть" in refused.stderr
    assert refused.stderr.count("\n") == 1


def test_the_corpus_choice_in_order(tmp_path, monkeypatch):
    bundled = CORPUS
    user = tmp_path / "user.sqlite"
    empty_env = {"GP_DESKTOP_SYSTEM_CONFIG": str(tmp_path / "none.ini")}
    assert choose_corpus(None, empty_env, bundled, user).reason == BUNDLED
    build_editions([LATER], user)
    assert choose_corpus(None, empty_env, bundled, user).reason == USER
    assert choose_corpus(tmp_path / "x.sqlite", empty_env, bundled, user).reason == OPTION
    share = corpus_copy(tmp_path, name="share.sqlite")
    ini = tmp_path / "gp-desktop.ini"
    ini.write_text("[corpus]\npath = share.sqlite\n", encoding="utf-8")
    by_file = choose_corpus(None, {"GP_DESKTOP_SYSTEM_CONFIG": str(ini)}, bundled, user)
    assert (by_file.reason, by_file.path) == (ADMIN, share)
    by_env = choose_corpus(None, {**empty_env, "GP_DESKTOP_CORPUS": str(share)}, bundled, user)
    assert by_env.reason == ADMIN
    gone = choose_corpus(
        None, {**empty_env, "GP_DESKTOP_CORPUS": str(tmp_path / "offline")}, bundled, user
    )
    assert gone.reason == USER and "недоступен" in gone.notes[0]
    # The user's corpus older than the bundled one is not preferred; nor a damaged one.
    build_editions([EARLIER], user)
    assert choose_corpus(None, empty_env, bundled, user).reason == BUNDLED
    user.write_bytes(b"damaged")
    assert choose_corpus(None, empty_env, bundled, user).reason == BUNDLED


def test_a_corpus_of_schema_2_is_refused_with_what_to_do(tmp_path):
    older = corpus_copy(
        tmp_path,
        "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
        "DROP TABLE editions",
    )
    with pytest.raises(CorpusFileError, match=r"старой версии схемы 2.*build-corpus"):
        Corpus(older)
    unmarked = corpus_copy(tmp_path, "UPDATE editions SET current = 0", name="unmarked.sqlite")
    with pytest.raises(CorpusFileError, match="не отмечена действующая редакция"):
        Corpus(unmarked)


def test_growth_per_edition_is_a_fraction_of_the_act(three):
    """Each non-current edition is kept as its difference: far less than a copy of the act."""
    conn = sqlite3.connect(three)
    stored = conn.execute("SELECT count(*) FROM edition_nodes").fetchone()[0]
    nodes = conn.execute("SELECT count(*) FROM nodes").fetchone()[0]
    assert stored < 0.2 * nodes * 2
