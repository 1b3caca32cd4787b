"""lintian, Debian's package checker, finds no error in the Debian package (where installed).

It runs for minutes on a package of this size, so conftest.deb_package starts it as soon as
the package is made and it checks beside the other tests; this file (late in the run) waits
for its report. What the package overrides, with the reasons, is in packaging/make_deb.py.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.build


def test_lintian_finds_no_error(deb_package, capsys):
    if deb_package.lintian is None:
        pytest.skip("lintian is not installed (apt-get install lintian)")
    deb_package.lintian.wait(timeout=1800)
    report = deb_package.lintian_log.read_text(encoding="utf-8", errors="replace").splitlines()
    findings = [line for line in report if line[:2] in ("E:", "W:", "I:")]
    counts = {kind: sum(line.startswith(kind) for line in findings) for kind in ("E:", "W:")}
    with capsys.disabled():
        print(f"\n[deb] lintian: {counts['E:']} errors, {counts['W:']} warnings")
    errors = [line for line in findings if line.startswith("E:")]
    assert errors == []
