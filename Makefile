# The two commands a new user needs: `make run` opens the app, `make test` runs the tests.
# Each prepares the machine first (scripts/bootstrap.sh): system libraries, .venv, packages.

.PHONY: run test test-oldest build deb lint format corpus lock

run:
	@scripts/bootstrap.sh
	.venv/bin/gp-desktop

test:
	@scripts/bootstrap.sh
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	QT_QPA_PLATFORM=offscreen scripts/offline.sh .venv/bin/python -m pytest -q
	@$(MAKE) --no-print-directory test-oldest

# The Qt tests again on the oldest releases pyproject.toml allows (requirements-oldest.txt).
test-oldest:
	@scripts/bootstrap.sh --oldest
	QT_QPA_PLATFORM=offscreen scripts/offline.sh .venv-oldest/bin/python -m pytest -q -m qt -p no:cacheprovider

# Refresh the hashed lock from pyproject.toml's ranges (UPGRADE=1: newest releases allowed).
lock:
	@scripts/bootstrap.sh
	UPGRADE=$(UPGRADE) scripts/lock.sh

format:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

# Rebuild the bundled corpus from the source text of the act.
corpus:
	.venv/bin/gp-desktop build-corpus resources/acts/ukaz-2017-563.md -o corpus.sqlite

# The desktop build: dist/gp-desktop, a folder that runs without Python (see build.spec).
build:
	@scripts/bootstrap.sh
	.venv/bin/pyinstaller --noconfirm --log-level=WARN --distpath dist --workpath build/pyinstaller build.spec
	@du -sh dist/gp-desktop | sed 's|\t| |; s|^|build: |'
	.venv/bin/python packaging/sha256sums.py dist

# The Debian package of the desktop build: dist/gp-desktop_VERSION_ARCH.deb (packaging/make_deb.py),
# and dist/SHA256SUMS again with it.
deb: build
	.venv/bin/python packaging/make_deb.py --folder dist/gp-desktop --out dist
	.venv/bin/python packaging/sha256sums.py dist
