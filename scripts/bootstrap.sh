#!/usr/bin/env bash
# Prepare a fresh machine for gp-desktop: system libraries Qt needs (on Debian/Ubuntu, as root),
# then a virtual environment in .venv with the project and its test tools.
# Usage: scripts/bootstrap.sh [--oldest]   (called by `make run`, `make test`, `make build`)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "bootstrap: Python 3.11 or newer is required ($PYTHON not found)" >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "bootstrap: Python 3.11 or newer is required, found $("$PYTHON" --version 2>&1)" >&2
  exit 1
fi

# Shared libraries Qt loads (offscreen and xcb), fonts with Cyrillic and Kazakh letters,
# poppler's pdftotext (tests read PDFs back) and Xvfb (screenshots, a window on a headless box).
declare -A NEED=(
  [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libxkbcommon.so.0]=libxkbcommon0
  [libfontconfig.so.1]=libfontconfig1 [libdbus-1.so.3]=libdbus-1-3 [libglib-2.0.so.0]=libglib2.0-0
  [libxkbcommon-x11.so.0]=libxkbcommon-x11-0 [libxcb-cursor.so.0]=libxcb-cursor0
  [libxcb-icccm.so.4]=libxcb-icccm4 [libxcb-image.so.0]=libxcb-image0
  [libxcb-keysyms.so.1]=libxcb-keysyms1 [libxcb-randr.so.0]=libxcb-randr0
  [libxcb-render-util.so.0]=libxcb-render-util0 [libxcb-shape.so.0]=libxcb-shape0
  [libxcb-xinerama.so.0]=libxcb-xinerama0 [libxcb-xkb.so.1]=libxcb-xkb1 [libX11-xcb.so.1]=libx11-xcb1
)
missing=()
for lib in "${!NEED[@]}"; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing+=("${NEED[$lib]}")
done
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
# The desktop build: PyInstaller reads shared libraries with objdump and strips them; its test
# records the frozen program's connection attempts with strace and checks the desktop entry.
command -v objdump >/dev/null 2>&1 || missing+=(binutils)
command -v strace >/dev/null 2>&1 || missing+=(strace)
command -v desktop-file-validate >/dev/null 2>&1 || missing+=(desktop-file-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing system packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || true
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: these system packages are missing; install them (e.g. sudo apt-get install ${missing[*]})" >&2
    echo "bootstrap: continuing; Qt or some tests may fail without them" >&2
  fi
fi

# The packages come from the lock, each checked against its hash (scripts/lock.sh writes it from
# pyproject.toml's ranges); the project itself is then installed in place with no dependencies,
# built by the locked setuptools, so nothing is fetched that the lock does not name.
# `scripts/bootstrap.sh --oldest` makes .venv-oldest from requirements-oldest.txt instead: the
# oldest releases the ranges allow, where CI runs the Qt tests a second time.
venv=.venv
lock=requirements-lock.txt
if [ "${1:-}" = "--oldest" ]; then
  venv=.venv-oldest
  lock=requirements-oldest.txt
fi
if [ ! -x "$venv/bin/python" ]; then
  "$PYTHON" -m venv "$venv"
fi
stamp=$venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
  pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
  "${pip[@]}" --require-hashes --only-binary=:all: -r "$lock"
  "${pip[@]}" --no-deps --no-build-isolation -e .
  touch "$stamp"
fi
