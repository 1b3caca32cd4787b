"""The corpus file on hostile machines: damaged, locked, read-only; and `gp-desktop check`."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat

import edition_facts as facts
import pytest
from conftest import CORPUS, corpus_copy, run_cli

from gp_desktop.corpus.check import check_corpus
from gp_desktop.corpus.errors import CorpusFileError
from gp_desktop.corpus.reader import Corpus


def test_check_the_bundled_corpus():
    result = run_cli("check", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] and data["clauses"] == facts.CLAUSE_COUNT
    assert data["amendments"] == facts.AMENDMENT_COUNT
    assert data["edition_date"] == facts.EDITION_DATE
    assert "не сверен" not in str(data["source"])
    assert data["word_forms"] > 15_000 and data["dictionary"].startswith("pymorphy3 ")


@pytest.mark.parametrize(
    "damage, fragment",
    [
        (lambda p: p.write_bytes(b""), "пуст"),
        (lambda p: p.write_bytes(p.read_bytes()[: 4096 * 3]), "повреждён"),
        (lambda p: p.write_bytes(os.urandom(50_000)), "не файл SQLite"),
    ],
    ids=["empty", "truncated", "random-bytes"],
)
def test_check_reports_damaged_files(tmp_path, damage, fragment):
    path = corpus_copy(tmp_path)
    damage(path)
    result = run_cli("check", str(path))
    assert result.returncode == 1
    assert fragment in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_finds_a_corpus_built_from_another_text(tmp_path):
    path = corpus_copy(tmp_path, "UPDATE meta SET value = 'deadbeef' WHERE key = 'source_sha256'")
    report = check_corpus(path)
    assert not report.ok and "пересоберите" in report.problems[0]


def test_check_finds_an_empty_lexicon(tmp_path):
    path = corpus_copy(tmp_path, "DELETE FROM word_forms")
    result = run_cli("check", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "word_forms" in result.stderr and "пуста" in result.stderr
    assert "word_forms: 0" in result.stdout


def test_check_finds_corrupted_pages(tmp_path):
    path = corpus_copy(tmp_path)
    data = bytearray(path.read_bytes())
    # Damage the middle of the file (table pages), keeping the header valid.
    for k in range(len(data) // 2, len(data) // 2 + 3000):
        data[k] = 0x55
    path.write_bytes(bytes(data))
    report = check_corpus(path)
    assert not report.ok


def test_truncated_corpus_is_refused_by_the_reader(tmp_path):
    path = tmp_path / "corpus.sqlite"
    path.write_bytes(CORPUS.read_bytes()[: len(CORPUS.read_bytes()) // 3])
    with pytest.raises(CorpusFileError):
        Corpus(path)


def test_corpus_locked_by_another_process_still_opens(tmp_path):
    path = corpus_copy(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert Corpus(path).node("polozhenie/p-19").label == "19."
        assert run_cli("show", "19", "--corpus", str(path)).returncode == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_corpus_on_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "corpus.sqlite"
    shutil.copy(CORPUS, path)
    path.chmod(stat.S_IRUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert Corpus(path).act.number == "563"
        assert run_cli("timeline", "--corpus", str(path)).returncode == 0
        assert sorted(p.name for p in folder.iterdir()) == ["corpus.sqlite"]  # no -journal, no -wal
    finally:
        folder.chmod(stat.S_IRWXU)
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_tag_like_text_in_the_act_stays_text(tmp_path):
    from conftest import SOURCE

    from gp_desktop.corpus.build import build_corpus
    from gp_desktop.corpus.export import export_html

    hostile = SOURCE.read_text(encoding="utf-8").replace(
        "10. Настоящее Положение является учредительным документом Генеральной прокуратуры.",
        "10. Настоящее Положение <script>alert(1)</script> <img src=http://example.com/x.png> "
        '<a href="javascript:alert(1)">ссылка</a> <b>qt</b> является учредительным документом.',
    )
    source = tmp_path / "act.md"
    source.write_text(hostile, encoding="utf-8")
    build_corpus([source], tmp_path / "c.sqlite")
    corpus = Corpus(tmp_path / "c.sqlite")
    text = corpus.node("polozhenie/p-10").text
    assert "<script>alert(1)</script>" in text and "<img src=http://example.com/x.png>" in text
    html = export_html(corpus)
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
