"""The command line for the corpus: build-corpus, show, timeline, export, and bad input."""

from __future__ import annotations

import json

import edition_facts as facts
import pytest
from conftest import CORPUS, SOURCE, run_cli, source_words


def test_show_clause_19():
    result = run_cli("show", "19")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Положение, Глава 3, п. 19"
    assert "19. Полномочия Генерального Прокурора:" in result.stdout
    assert "47) осуществляет иные полномочия" in result.stdout
    assert "Сноска. Пункт 19 с изменениями" in result.stdout
    assert "05.10.2023 № 366 — изменён" in result.stdout


def test_show_json_and_unknown_reference():
    data = json.loads(run_cli("show", "пп. 8 п. 19", "--json").stdout)
    assert data["id"] == "polozhenie/p-19/pp-8"
    assert data["text"].startswith("8) дает санкцию")
    missing = run_cli("show", "999")
    assert missing.returncode == 1
    assert missing.stderr.strip() == "gp-desktop: не найден пункт «999»"


def test_timeline_text_and_json():
    text = run_cli("timeline")
    assert text.returncode == 0
    first = text.stdout.splitlines()[0]
    assert first.startswith("13.10.2017") and "№ 563" in first
    events = json.loads(run_cli("timeline", "--json").stdout)
    assert [e["number"] for e in events] == facts.TIMELINE_NUMBERS
    assert events[-1]["changes"][0]["citation"].startswith("Положение")


def test_export_text_has_every_word_in_order(tmp_path):
    out = tmp_path / "act.txt"
    result = run_cli("export", "--format", "text", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").split() == source_words(
        SOURCE.read_text(encoding="utf-8")
    )


def test_export_html_and_json():
    html = run_cli("export", "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and "Ұлытау" in html
    assert "<script" not in html and "http" not in html
    data = json.loads(run_cli("export", "--format", "json").stdout)
    assert data["act"]["number"] == "563" and len(data["nodes"]) > 400


def test_build_corpus_writes_and_warns(tmp_path):
    out = tmp_path / "c.sqlite"
    result = run_cli("build-corpus", str(SOURCE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "предупреждение" in result.stderr and "пункте 11" in result.stderr
    assert out.exists()
    assert run_cli("show", "19", "--corpus", str(out)).returncode == 0
    assert run_cli("--corpus", str(out), "show", "19").returncode == 0


def _bad_sources(tmp_path):
    text = SOURCE.read_text(encoding="utf-8")
    raw = SOURCE.read_bytes()
    cases = {
        "empty": b"",
        "not-the-act": "# Заметки\n\nСписок покупок: хлеб, молоко.\n".encode(),
        "cp1251": text.encode("cp1251", errors="replace"),
        "binary": bytes(range(256)) * 40,
        "truncated": raw[: len(raw) // 2],
        "truncated-mid-word": raw[: raw.index("Полномочия Генерального".encode()) + 9],
    }
    paths = {}
    for name, data in cases.items():
        p = tmp_path / f"{name}.md"
        p.write_bytes(data)
        paths[name] = p
    paths["missing"] = tmp_path / "no-such-file.md"
    return paths


@pytest.mark.parametrize(
    "case",
    ["empty", "not-the-act", "cp1251", "binary", "truncated", "truncated-mid-word", "missing"],
)
def test_bad_sources_fail_cleanly_and_keep_the_old_corpus(tmp_path, case):
    target = tmp_path / "corpus.sqlite"
    target.write_bytes(CORPUS.read_bytes())
    before = target.read_bytes()
    source = _bad_sources(tmp_path)[case]
    result = run_cli("build-corpus", str(source), "-o", str(target))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gp-desktop: "), result.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_unwritable_output_folder(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for target in (tmp_path / "missing-dir" / "c.sqlite", blocker / "c.sqlite"):
        result = run_cli("build-corpus", str(SOURCE), "-o", str(target))
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        assert not target.exists()


def test_missing_corpus_and_bad_usage():
    result = run_cli("timeline", "--corpus", "/nonexistent/corpus.sqlite")
    assert result.returncode == 1
    assert result.stderr.strip() == "gp-desktop: /nonexistent/corpus.sqlite: файл корпуса не найден"
    usage = run_cli("export", "--format", "rtf")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
