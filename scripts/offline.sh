#!/usr/bin/env bash
# Run a command with networking unavailable: in a fresh network namespace with no interfaces
# where the kernel allows it (unshare), otherwise as is — the test suite's own socket guard
# (tests/netguard) still refuses and reports every connection attempt.
if command -v unshare >/dev/null 2>&1 && unshare -rn true 2>/dev/null; then
  exec unshare -rn "$@"
fi
echo "offline.sh: no network namespace here; relying on the test suite's socket guard" >&2
exec "$@"
