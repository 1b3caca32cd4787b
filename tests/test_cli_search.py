"""``gp-desktop search`` in a real process, with its own cache folder."""

from __future__ import annotations

import json

import edition_facts as facts
import pytest
from conftest import run_cli


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return {"XDG_CACHE_HOME": str(tmp_path_factory.mktemp("xdg-cache"))}


def test_json_hits(env):
    result = run_cli("search", "огневая подготовка", "--json", env=env)
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert [set(h) for h in hits] == [{"id", "citation", "snippet", "text", "score"}]
    (hit,) = hits
    assert hit["id"] == "polozhenie/p-19/pp-45"
    assert hit["citation"] == "Положение, Глава 3, п. 19, пп. 45)"
    assert "<b>огневой подготовки</b>" in hit["snippet"]
    assert (
        hit["text"]
        == "определяет порядок организации огневой подготовки в системе органов прокуратуры;"
    )
    assert isinstance(hit["score"], float)


def test_text_output_limit_exact_and_section(env):
    result = run_cli("search", "прокурора", "--limit", "3", "--exact", "--in", "Глава 3", env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("1. Положение, Глава 3, п. 19")
    assert sum(1 for line in lines if line[:2] in {"1.", "2.", "3."}) == 3
    assert not any(line.startswith("4.") for line in lines)
    assert lines[-1].startswith("Найдено: ") and "(показано 3)" in lines[-1]
    assert "<b>" not in result.stdout  # marks are for HTML, not for a pipe


def test_clause_reference_and_decree(env):
    result = run_cli("search", "пп. 8 п. 19", "--json", "--limit", "1", env=env)
    assert json.loads(result.stdout)[0]["id"] == "polozhenie/p-19/pp-8"
    result = run_cli("search", facts.LAST_DECREE_QUERY, "--json", "--limit", "1", env=env)
    assert json.loads(result.stdout)[0]["id"] == facts.LAST_DECREE_FIRST_HIT


def test_no_hits_with_a_suggestion(env):
    result = run_cli("search", "прокуротура", env=env)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "Ничего не найдено.",
        "Возможно, вы имели в виду: прокуратура",
    ]
    result = run_cli("search", "прокуротура", "--json", env=env)
    assert result.returncode == 0 and json.loads(result.stdout) == []
    assert result.stderr.strip() == "gp-desktop: возможно, вы имели в виду: прокуратура"


@pytest.mark.parametrize("query", ['"', "OR", "-", "*", "\x07", "«»", "a" * 10_000])
def test_any_query_is_fine(env, query):
    result = run_cli("search", query, "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_bad_input_is_one_line(env, tmp_path):
    result = run_cli("search", "прокурор", "--in", "Глава 99", env=env)
    assert result.returncode == 1
    assert result.stderr.startswith("gp-desktop: не найден раздел «Глава 99»")
    assert len(result.stderr.strip().splitlines()) == 1
    for limit in ("0", "-1", "много"):
        result = run_cli("search", "прокурор", "--limit", limit, env=env)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    result = run_cli("search", "прокурор", "--corpus", str(tmp_path / "missing.sqlite"), env=env)
    assert result.returncode == 1 and "не найден" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unwritable_cache_still_searches(tmp_path):
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("", encoding="utf-8")
    result = run_cli("search", "Улытау", "--json", env={"XDG_CACHE_HOME": str(blocker)})
    assert result.returncode == 0 and result.stderr == ""
    assert [h["id"] for h in json.loads(result.stdout)] == [
        "perechen-uchrezhdeniy/gr-1/pp-23",
        "perechen-uchrezhdeniy/gr-2/pp-19",
    ]
