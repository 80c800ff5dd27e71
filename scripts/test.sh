#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: types, unit and integration tests (Vitest, on a real
# database), the production build, then the browser tests (Playwright) against that build.
# Embedded PGlite by default; with TEST_DATABASE_URL (integration) and DATABASE_URL (e2e)
# pointing at PostgreSQL it runs the same tests there (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "prisma generate";   npm run -s db:generate >/dev/null
step "typecheck";         npx tsc --noEmit
step "unit + integration (vitest)"; npx vitest run
# The payment, card-check and renewal integration tests once more on Stripe (its API faked on
# loopback, tests/fake-stripe), through the same gateway interface (lib/gateway/testing.ts).
step "payments on Stripe (vitest, TEST_GATEWAY=stripe)"; TEST_GATEWAY=stripe npx vitest run lib/payments/ lib/cards/ lib/renewals/ lib/payments-list/
step "build";             BUILD_SKIP_TYPECHECK=1 npx next build >/tmp/area-clienti-build.log 2>&1 || { cat /tmp/area-clienti-build.log; exit 1; }
step "browser";           bash scripts/ensure-browser.sh
step "e2e (playwright)";  npx playwright test
