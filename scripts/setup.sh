#!/usr/bin/env bash
# Set-up on a fresh machine: the project's packages (including the Node.js 24 that its scripts
# run on) and, where the VS Code tests need them, Debian's packages and code-server.
#   ADOPT_SKIP_VSCODE=1 skips the VS Code part (Debian packages and code-server).
set -euo pipefail
cd "$(dirname "$0")/.."

# The project's packages, unless node_modules already holds exactly what package-lock.json names
# (a stamp with the hash of package.json and the lock file, written after a successful install): `npm ci` deletes and
# reinstalls everything, about 40 s, for nothing.
stamp=node_modules/.adopt-installed
lock_hash=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ] && [ -x node_modules/.bin/node ]; then
    echo "setup: the project's packages are installed (package-lock.json unchanged)"
else
    # npm running on a system Node.js older than 22 warns (EBADENGINE) about chevrotain, commander
    # and yaml-language-server, which want Node.js 22: they run on the Node.js 24 this install
    # brings (the `node` devDependency), so those warnings say nothing about this project.
    npm ci --no-audit --no-fund 2> >(grep -v 'EBADENGINE' >&2)
    echo "$lock_hash" > "$stamp"
fi

[ "${ADOPT_SKIP_VSCODE:-}" = 1 ] && exit 0

# Debian packages for the VS Code tests: chromium (the browser that shows code-server's
# workbench) and what code-server's native modules build with (kerberos needs libkrb5-dev).
debian_packages=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3 fonts-dejavu-core)
missing=()
for package in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null; then
        sudo=""
        [ "$(id -u)" = 0 ] || sudo="sudo"
        echo "setup: installing Debian packages: ${missing[*]}"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "setup: no apt-get; install ${missing[*]} yourself for the VS Code tests" >&2
    fi
fi

# code-server (a real VS Code: server, extension host, web workbench) in its own folder, so the
# project's own `npm ci` stays light. Its install scripts need Node.js 24 running npm: the one
# the project installs.
host=tests/vscode/host
wanted=$(node -p "require('./$host/package-lock.json').packages['node_modules/code-server'].version")
installed=$(node -p "try { require('./$host/node_modules/code-server/package.json').version } catch { '' }" 2>/dev/null || true)
if [ "$installed" != "$wanted" ]; then
    echo "setup: installing code-server $wanted in $host (about 2 minutes)"
    (export PATH="$PWD/node_modules/.bin:$PATH"; cd "$host" && npm ci --no-audit --no-fund --loglevel=error)
fi
