#!/usr/bin/env bash
# Set-up on a fresh machine: the project's packages (including the Node.js 24 that its scripts
# run on) and, where the VS Code tests need them, Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
