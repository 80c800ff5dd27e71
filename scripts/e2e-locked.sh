#!/usr/bin/env bash
# Builds and runs the given Playwright specs while holding a lock, for several people (or
# agents) working in one checkout: two runs would otherwise share `.next`, port 3100 and
# `.data/e2e`. Usage: bash scripts/e2e-locked.sh e2e/renewals.spec.ts [playwright options]
set -euo pipefail
cd "$(dirname "$0")/.."
exec flock /tmp/area-clienti-e2e.lock bash -c '
  npx next build >/tmp/area-clienti-e2e-build.log 2>&1 || { tail -60 /tmp/area-clienti-e2e-build.log; exit 1; }
  npx playwright test "$@"' _ "$@"
