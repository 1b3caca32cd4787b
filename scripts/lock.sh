#!/usr/bin/env bash
# Refresh the locks from pyproject.toml's ranges (`make lock`; `make lock UPGRADE=1` also moves
# every package to the newest release the ranges allow). Needs the network and .venv (uv is one
# of the locked test tools). Writes:
#   uv.lock                  uv's own lock of every package, for every platform, with hashes
#   requirements-lock.txt    the same as pip reads it (--require-hashes): bootstrap, make build, CI
#   requirements-oldest.txt  the oldest release of each direct dependency the ranges allow,
#                            hashed too: the second environment CI runs the Qt tests in
# tests/test_lock.py fails when pyproject.toml and these files disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=.venv/bin/uv
if [ ! -x "$UV" ]; then
  echo "lock: run scripts/bootstrap.sh first (uv comes with the locked test tools)" >&2
  exit 1
fi
upgrade=()
if [ -n "${UPGRADE:-}" ]; then upgrade=(--upgrade); fi
"$UV" lock "${upgrade[@]}"
"$UV" export --frozen --quiet --format requirements-txt --extra test --no-emit-project \
  --output-file requirements-lock.txt
"$UV" pip compile --quiet pyproject.toml --extra test --universal --python-version 3.11 \
  --resolution lowest-direct --generate-hashes --output-file requirements-oldest.txt
echo "lock: uv.lock, requirements-lock.txt, requirements-oldest.txt" >&2
