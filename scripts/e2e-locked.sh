#!/usr/bin/env bash
# Builds and runs the given Playwright specs while holding a lock, for several people (or
# agents) working in one checkout: two runs would otherwise share `.next`, port 3100 and
# `.data/e2e`. Usage: bash scripts/e2e-locked.sh e2e/renewals.spec.ts [playwright options]
set -euo pipefail
cd "$(dirname "$0")/.."
# The build skips its type check: other people's work in progress must not stop a browser run
# (npm test type-checks everything with tsc before it builds).
exec flock /tmp/area-clienti-e2e.lock bash -c '
  BUILD_SKIP_TYPECHECK=1 npx next build >/tmp/area-clienti-e2e-build.log 2>&1 || { tail -60 /tmp/area-clienti-e2e-build.log; exit 1; }
  npx playwright test "$@"' _ "$@"
