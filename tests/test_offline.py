"""The suite runs with networking unavailable, and the guard that ensures it really works."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from conftest import ROOT


def test_guard_blocks_connections_in_this_process(no_network_attempts):
    before = no_network_attempts.read_text(encoding="utf-8")
    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    assert no_network_attempts.read_text(encoding="utf-8") != before
    no_network_attempts.write_text(before, encoding="utf-8")  # the attempt was ours


def test_guard_is_active_in_child_processes(tmp_path):
    log = tmp_path / "log"
    code = "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\nexcept OSError:\n    pass\n"
    env = {**os.environ, "GP_NETGUARD_LOG": str(log)}
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True, timeout=60)
    assert "192.0.2.1" in log.read_text(encoding="utf-8")
