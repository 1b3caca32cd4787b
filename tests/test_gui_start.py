"""Starting the app: a bad corpus is refused clearly; the self-test runs the real window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from conftest import CORPUS, ROOT, run_cli


@pytest.fixture
def clean_env(tmp_path):
    env = {
        name: str(tmp_path / name.lower())
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_missing_corpus_is_refused_with_one_line(tmp_path, clean_env):
    missing = tmp_path / "нет.sqlite"
    result = run_cli("--corpus", str(missing), env=clean_env)
    assert result.returncode == 1
    assert (
        result.stderr.strip().splitlines()[-1] == f"gp-desktop: {missing}: файл корпуса не найден"
    )
    assert "Traceback" not in result.stderr


def test_damaged_corpus_is_refused_with_one_line(tmp_path, clean_env):
    damaged = tmp_path / "corpus.sqlite"
    damaged.write_bytes(CORPUS.read_bytes()[:5000])
    result = run_cli("--corpus", str(damaged), env=clean_env)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("gp-desktop:")]
    assert len(lines) == 1 and "повреждён" in lines[0]
    assert "Traceback" not in result.stderr


def test_refusal_dialog_says_what_is_wrong(qapp, tmp_path):
    from gp_desktop.ui.app import open_corpus_or_explain, show_fatal

    assert open_corpus_or_explain(tmp_path / "x.sqlite") is None
    box = show_fatal(f"{tmp_path / 'x.sqlite'}: файл корпуса не найден")
    assert "Не удаётся открыть файл акта" in box.text()
    assert "файл корпуса не найден" in box.text()
    assert "--corpus" in box.text()


def test_self_test_opens_the_window_searches_opens_a_clause_and_prints_it(clean_env):
    clean_env.pop("QT_QPA_PLATFORM")  # the self-test chooses offscreen by itself
    spawned = time.time()
    result = run_cli("--self-test", env=clean_env)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] is True
    assert report["hits"] >= 1 and report["clause"].startswith("Положение, Глава 3, п. 19")
    assert report["highlighted"] == ["огневой", "подготовки"]
    for key in (
        "start_to_first_paint_ms",
        "start_to_search_ready_ms",
        "search_ms",
        "open_clause_ms",
        "excerpt_pdf_ms",
    ):
        assert report[key] > 0, key
    assert report["excerpt_pdf_bytes"] > 1000
    assert report["start_to_first_paint_ms"] <= report["start_to_search_ready_ms"]
    # The wall-clock moment of the first paint, for benchmarks/startup_bench.py to count from
    # the spawn: after it, and at least the self-test's own count after it.
    painted_after_spawn_ms = (report["first_paint_at"] - spawned) * 1000
    assert report["start_to_first_paint_ms"] <= painted_after_spawn_ms < 120_000
    assert result.stderr == ""


def test_self_test_does_not_combine_with_a_command():
    result = run_cli("--self-test", "show", "19")
    assert result.returncode == 2
    assert "--self-test" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_no_screen_is_said_in_one_line(clean_env):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.update({k: v for k, v in clean_env.items() if k != "QT_QPA_PLATFORM"})
    result = subprocess.run(
        [sys.executable, "-m", "gp_desktop"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith("gp-desktop: нет экрана для окна")
    assert len(result.stderr.strip().splitlines()) == 1
