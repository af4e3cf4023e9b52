#!/usr/bin/env bash
# Installs what the tests need on a fresh machine: each area that needs
# something outside Go (Debian packages, npm packages) has a fragment in
# scripts/ci-deps.d/, run here in name order.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in scripts/ci-deps.d/*.sh; do
  [ -e "$f" ] || continue
  echo "== $f"
  bash "$f"
done
