#!/usr/bin/env bash
# Sets up a fresh machine and runs every test: system packages for the browser and LibreOffice checks,
# npm ci (which also builds the command line), type check, lint, the production build, then jest.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v libreoffice >/dev/null 2>&1 || need_apt+=(libreoffice-calc)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== apt-get install ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "!! missing ${need_apt[*]} and cannot install them (need root and apt-get)" >&2
    exit 1
  fi
fi

echo "== npm ci"
npm ci --no-audit --no-fund

echo "== type check"
npm run --silent typecheck

echo "== lint"
npm run --silent lint

echo "== production build"
npm run --silent build

echo "== tests"
npx jest --ci
