#!/usr/bin/env bash
# Starts the production build for the e2e suite on a fresh database with the demo data.
# Embedded by default (a PGlite directory wiped each run); DATABASE_URL=postgres://… in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-3100}"

export NODE_ENV=production
export AREA_DEV_TOOLS=1                  # local mailbox page and test fixtures route
export AREA_DEMO=1                       # a declared demo: the sandbox bank and the demo seed are allowed
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-e2e-only-secret-not-for-production}"
export GATEWAY_SECRET="${GATEWAY_SECRET:-e2e-only-gateway-secret-not-for-production}"
export NEXTAUTH_URL="http://127.0.0.1:${PORT}"
# The daily renewal run would e-mail every fixture customer whose service is near expiry and
# break the tests' exact mailbox checks; tests run the engine for their own customer through
# /dev/renewals instead.
export RENEWALS_DAILY_AT="${RENEWALS_DAILY_AT:-off}"

if [[ "${DATABASE_URL:-}" != postgres* ]]; then
  export PGLITE_DIR="${PGLITE_DIR:-.data/e2e}"
  rm -rf "$PGLITE_DIR"
else
  export WORKER_IN_PROCESS="${WORKER_IN_PROCESS:-1}"
fi

# Everything the server prints is kept: e2e/pci.spec.ts searches it for card numbers.
LOG="${E2E_SERVER_LOG:-.data/e2e-server.log}"
mkdir -p "$(dirname "$LOG")" && : > "$LOG"
exec > >(tee -a "$LOG") 2>&1

npx tsx scripts/db.ts migrate
npx tsx scripts/seed.ts
exec npx next start -p "$PORT" -H 127.0.0.1
