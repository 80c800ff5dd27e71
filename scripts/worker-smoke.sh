#!/usr/bin/env bash
# Migrates the PostgreSQL database in DATABASE_URL and runs scripts/worker-smoke.ts against it.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx scripts/db.ts migrate
npx tsx scripts/worker-smoke.ts
