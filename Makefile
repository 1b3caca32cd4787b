# The two commands a new user needs: `make run` opens the app, `make test` runs the tests.
# Each prepares the machine first (scripts/bootstrap.sh): system libraries, .venv, packages.

.PHONY: run test build lint format corpus

run:
	@scripts/bootstrap.sh
	.venv/bin/gp-desktop

test:
	@scripts/bootstrap.sh
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	QT_QPA_PLATFORM=offscreen scripts/offline.sh .venv/bin/python -m pytest -q

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
