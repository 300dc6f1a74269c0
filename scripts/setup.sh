#!/usr/bin/env bash
# Installs everything this repo needs on a fresh machine of its kind (Debian, Node 20, no pnpm):
# pnpm, the workspace's packages (including the Node 24 binary every script runs on) and,
# when browser tests are wanted, Debian's Chromium. Idempotent: a second run does nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."

want_pnpm=12
if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup: installing pnpm@${want_pnpm}"
  npm install -g "pnpm@${want_pnpm}" >/dev/null
fi

echo "setup: pnpm install"
if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install
fi

if [ "${SETUP_CHROMIUM:-1}" = "1" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: /usr/bin/chromium is missing; install it (sudo apt-get install chromium) for the browser tests" >&2
  fi
fi
