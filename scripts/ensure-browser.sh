#!/usr/bin/env bash
# Makes sure the e2e suite has a Chromium. Playwright's own download is blocked on our machines,
# so we use Debian's package (installed here when we are root with apt); on an ordinary machine
# Playwright's managed browser is installed instead.
set -euo pipefail
if [[ -n "${CHROMIUM_PATH:-}" && -x "${CHROMIUM_PATH}" ]] || [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "ensure-browser: installing Debian's chromium"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  npx playwright install chromium
fi
