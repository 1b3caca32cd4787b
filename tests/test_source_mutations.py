"""The real act damaged 200 ways (and as plain text, a page and a Word file, 48 more): each
import either succeeds (with warnings) or fails cleanly.

Failing cleanly means a SourceError (one line for the user), never another exception, and the
previous corpus file left byte for byte as it was. A success must give a corpus that opens.
"""

from __future__ import annotations

import random

import pytest
from conftest import CORPUS, SOURCE

from gp_desktop.corpus.build import build_corpus
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.corpus.reader import Corpus

RAW = SOURCE.read_bytes()
TEXT = RAW.decode("utf-8")
LINES = TEXT.split("\n")


def _truncate(rng: random.Random) -> bytes:
    return RAW[: rng.randrange(0, len(RAW))]


def _shuffle_lines(rng: random.Random) -> bytes:
    lines = LINES[:]
    start = rng.randrange(0, len(lines) - 40)
    window = lines[start : start + rng.randrange(5, 40)]
    rng.shuffle(window)
    lines[start : start + len(window)] = window
    return "\n".join(lines).encode()


def _flip_bytes(rng: random.Random) -> bytes:
    data = bytearray(RAW)
    for _ in range(rng.randrange(1, 20)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def _cp1251(rng: random.Random) -> bytes:
    return TEXT.encode("cp1251", errors="replace")


def _utf16(rng: random.Random) -> bytes:
    return TEXT.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"]))


def _impossible_date(rng: random.Random) -> bytes:
    bad = rng.choice(["31.02.2023", "00.10.2023", "32.13.2025", "29.02.2023"])
    return TEXT.replace("05.10.2023", bad, rng.randrange(1, 4)).encode()


def _numbers_out_of_order(rng: random.Random) -> bytes:
    a, b = rng.sample(range(3, 25), 2)
    text = TEXT.replace(f"\n{a}. ", "\n@@A@@. ", 1).replace(f"\n{b}. ", f"\n{a}. ", 1)
    return text.replace("\n@@A@@. ", f"\n{b}. ", 1).encode()


def _delete_lines(rng: random.Random) -> bytes:
    lines = LINES[:]
    for _ in range(rng.randrange(1, 30)):
        del lines[rng.randrange(len(lines))]
    return "\n".join(lines).encode()


def _duplicate_lines(rng: random.Random) -> bytes:
    lines = LINES[:]
    for _ in range(rng.randrange(1, 10)):
        k = rng.randrange(len(lines))
        lines.insert(k, lines[k])
    return "\n".join(lines).encode()


def _garbage_inserted(rng: random.Random) -> bytes:
    lines = LINES[:]
    junk = rng.choice(
        [
            "<script>alert(1)</script>",
            "Сноска.",
            "УТВЕРЖДЕНО",
            "Глава 99.",
            "1)",
            "**",
            "## ",
            "\t\t",
            "№ №",
        ]
    )
    lines.insert(rng.randrange(len(lines)), junk)
    return "\n".join(lines).encode()


def _markup_stripped(rng: random.Random) -> bytes:
    return TEXT.replace(rng.choice(["**", "## ", "### ", "  - ", "- "]), "").encode()


def _crlf(rng: random.Random) -> bytes:
    return TEXT.replace("\n", "\r\n").encode()


MUTATIONS = [
    _truncate,
    _shuffle_lines,
    _flip_bytes,
    _cp1251,
    _utf16,
    _impossible_date,
    _numbers_out_of_order,
    _delete_lines,
    _duplicate_lines,
    _garbage_inserted,
    _markup_stripped,
    _crlf,
]
CASES = [(MUTATIONS[k % len(MUTATIONS)], k) for k in range(200)]


@pytest.fixture(scope="module")
def good_corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("mutations") / "corpus.sqlite"
    path.write_bytes(CORPUS.read_bytes())
    return path


@pytest.mark.parametrize("mutation, seed", CASES, ids=[f"{m.__name__[1:]}-{k}" for m, k in CASES])
def test_damaged_source_imports_with_warnings_or_fails_cleanly(
    tmp_path, good_corpus, mutation, seed
):
    source = tmp_path / "act.md"
    source.write_bytes(mutation(random.Random(seed)))
    before = good_corpus.read_bytes()
    try:
        parsed = build_corpus([source], good_corpus)
    except CorpusError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        assert good_corpus.read_bytes() == before
    else:
        corpus = Corpus(good_corpus)
        assert corpus.parts() and corpus.act.number
        assert all(isinstance(w, str) and w for w in parsed.warnings)
        good_corpus.write_bytes(before)  # the next case starts from the good corpus again
    leftovers = [p.name for p in good_corpus.parent.iterdir() if p.name != good_corpus.name]
    assert leftovers == []


def test_known_damage_is_reported(tmp_path):
    source = tmp_path / "act.md"
    source.write_bytes(_impossible_date(random.Random(0)))
    parsed = build_corpus([source], tmp_path / "c.sqlite")
    assert any("невозможная дата" in w for w in parsed.warnings)
    source.write_bytes(_numbers_out_of_order(random.Random(1)))
    parsed = build_corpus([source], tmp_path / "c.sqlite")
    assert any("нумерация пунктов" in w for w in parsed.warnings)
    source.write_bytes(_utf16(random.Random(2)))
    build_corpus([source], tmp_path / "c.sqlite")  # UTF-16 is lossless: accepted
    names = [i.name for i in Corpus(tmp_path / "c.sqlite").institutions]
    assert "Прокуратура области Ұлытау" in names


# -- the same damage to the act as plain text, as a saved page and as a Word file -------------
def _blocks_deleted(rng: random.Random, blocks: list) -> list:
    blocks = blocks[:]
    for _ in range(rng.randrange(1, 30)):
        del blocks[rng.randrange(len(blocks))]
    return blocks


def _blocks_shuffled(rng: random.Random, blocks: list) -> list:
    blocks = blocks[:]
    start = rng.randrange(0, len(blocks) - 40)
    window = blocks[start : start + rng.randrange(5, 40)]
    rng.shuffle(window)
    blocks[start : start + len(window)] = window
    return blocks


def _blocks_duplicated(rng: random.Random, blocks: list) -> list:
    blocks = blocks[:]
    for _ in range(rng.randrange(1, 10)):
        k = rng.randrange(len(blocks))
        blocks.insert(k, blocks[k])
    return blocks


def _blocks_cut(rng: random.Random, blocks: list) -> list:
    return blocks[: rng.randrange(1, len(blocks))]


BLOCK_DAMAGE = [_blocks_deleted, _blocks_shuffled, _blocks_duplicated, _blocks_cut]
FORMS = {
    "plain": ("plain-one-line-each-bom-crlf", ".txt"),
    "page": ("page-full-page", ".html"),
    "word": ("word-styled", ".docx"),
}
FORM_CASES = [(form, k) for form in FORMS for k in range(16)]


@pytest.fixture(scope="module")
def act_blocks():
    import renditions

    return renditions.act_blocks()


def _damaged(form: str, seed: int, blocks: list) -> bytes:
    import renditions

    rng = random.Random(seed)
    name, _suffix = FORMS[form]
    make = renditions.ALL[name][1]
    if seed % 4 == 3:  # damage to the bytes of the file itself
        data = bytearray(make(blocks))
        if rng.random() < 0.5:
            return bytes(data[: rng.randrange(0, len(data))])
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return bytes(data)
    return make(BLOCK_DAMAGE[seed % len(BLOCK_DAMAGE)](rng, blocks))


@pytest.mark.parametrize("form, seed", FORM_CASES, ids=[f"{f}-{k}" for f, k in FORM_CASES])
def test_damaged_text_page_and_word_file_import_or_fail_in_one_line(
    tmp_path, act_blocks, form, seed
):
    from gp_desktop.corpus.errors import SourceError
    from gp_desktop.corpus.parser import parse_act
    from gp_desktop.corpus.source import read_source

    path = tmp_path / f"act{FORMS[form][1]}"
    path.write_bytes(_damaged(form, seed, act_blocks))
    try:
        source = read_source(path)
        parsed = parse_act(source.text, source=source.blocks)
    except SourceError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        assert "обрезан?" not in message
    else:
        assert parsed.nodes and parsed.act.number
        assert all(isinstance(w, str) and w and "\n" not in w for w in parsed.warnings)


@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_failed_import_of_any_format_leaves_the_corpus_as_it_was(
    tmp_path, good_corpus, act_blocks, form
):
    import renditions

    name, suffix = FORMS[form]
    path = tmp_path / f"act{suffix}"
    path.write_bytes(renditions.ALL[name][1](act_blocks[: len(act_blocks) // 2]))
    before = good_corpus.read_bytes()
    with pytest.raises(CorpusError):
        build_corpus([path], good_corpus)
    assert good_corpus.read_bytes() == before
    assert [p.name for p in good_corpus.parent.iterdir()] == [good_corpus.name]
