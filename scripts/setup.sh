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
# workbench) and what code-server's native modules build with (kerberos needs libkrb5-dev); khal,
# a calendar program, into which a test imports the calendar `adopt calendar` writes.
debian_packages=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3 fonts-dejavu-core khal)
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
# the project installs. The install downloads about 170 packages and compiles VS Code's native
# modules (sqlite3, spdlog, kerberos, …) with node-gyp, one after the other: about 3 minutes of
# CPU, so 3 minutes on an idle 2-core machine and 11 to 15 on a busy one (measured), nearly all of
# it compiling spdlog and sqlite3. Neither comes prebuilt for Node.js 24, and npm's cache keeps
# only the downloads. So it shows what it is doing every
# 30 s, and keeps the result in a cache (a tar file of the host's node_modules, keyed by the
# host's package-lock.json, the Node.js ABI and the machine), from which a second set-up (another
# clone or worktree, a CI machine that keeps ~/.cache) restores it in seconds (13 s measured, for
# a 600 MB tar file).
#   ADOPT_CACHE_DIR: where the cache lives (default: ${XDG_CACHE_HOME:-~/.cache}/adopt); ADOPT_NO_CACHE=1: neither read nor write it.
host=tests/vscode/host
export PATH="$PWD/node_modules/.bin:$PATH"
wanted=$(node -p "require('./$host/package-lock.json').packages['node_modules/code-server'].version")
installed=$(node -p "try { require('./$host/node_modules/code-server/package.json').version } catch { '' }" 2>/dev/null || true)
[ "$installed" = "$wanted" ] && exit 0

cache_dir=${ADOPT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/adopt}
abi=$(node -p 'process.versions.modules')
libc=$(ldd --version 2>&1 | head -n1 | grep -qi musl && echo musl || echo glibc)
lock_key=$(sha256sum "$host/package-lock.json" | cut -c1-16)
cache="$cache_dir/code-server-$wanted-$(uname -s)-$(uname -m)-$libc-node$abi-$lock_key.tar"

if [ "${ADOPT_NO_CACHE:-}" != 1 ] && [ -f "$cache" ]; then
    echo "setup: restoring code-server $wanted in $host from the cache ($cache)"
    rm -rf "$host/node_modules"
    if tar -xf "$cache" -C "$host"; then
        echo "setup: code-server $wanted restored"
        exit 0
    fi
    echo "setup: the cache could not be read; installing instead" >&2
    rm -rf "$host/node_modules"
fi

# What the install is doing, from what it has written so far.
install_phase() {
    local vscode="$host/node_modules/code-server/lib/vscode"
    if [ ! -f "$host/node_modules/code-server/package.json" ]; then
        echo "downloading code-server and its packages"
    elif [ -d "$vscode/extensions/node_modules" ]; then
        echo "installing the packages of VS Code's built-in extensions"
    elif [ -d "$vscode/node_modules" ]; then
        # Native modules done: those with a compiled .node; being compiled: those a make runs in.
        local finished=0 compiling=()
        for gyp in "$vscode"/node_modules/*/binding.gyp "$vscode"/node_modules/@*/*/binding.gyp; do
            [ -f "$gyp" ] && compgen -G "${gyp%/binding.gyp}/build/Release/*.node" >/dev/null && finished=$((finished + 1))
        done
        for pid in $(pgrep -x make 2>/dev/null || true); do
            local cwd
            cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null || true)
            case "$cwd" in
                "$PWD/$vscode"/node_modules/*/build) compiling+=("$(basename "$(dirname "$cwd")")") ;;
            esac
        done
        if [ "$finished" -eq 0 ] && [ ${#compiling[@]} -eq 0 ]; then
            echo "downloading VS Code's packages"
        else
            echo "compiling VS Code's native modules: $finished done${compiling[*]:+, now ${compiling[*]}}"
        fi
    else
        echo "running code-server's install script"
    fi
}

report_progress() {
    local started=$SECONDS
    while sleep "${ADOPT_PROGRESS_SECONDS:-30}"; do
        local spent=$((SECONDS - started))
        echo "setup: code-server install, $((spent / 60))m$(printf '%02d' $((spent % 60)))s so far: $(install_phase)"
    done
}

echo "setup: installing code-server $wanted in $host: about 3 minutes on an idle 2-core machine, 15 or more on a busy one (it compiles VS Code's native modules); progress every ${ADOPT_PROGRESS_SECONDS:-30} s"
started=$SECONDS
report_progress &
reporter=$!
trap 'kill "$reporter" 2>/dev/null || true' EXIT
(cd "$host" && npm ci --no-audit --no-fund --loglevel=error)
kill "$reporter" 2>/dev/null || true
spent=$((SECONDS - started))
echo "setup: code-server $wanted installed in $((spent / 60))m$(printf '%02d' $((spent % 60)))s"

if [ "${ADOPT_NO_CACHE:-}" != 1 ]; then
    # Written beside, then renamed: an interrupted set-up never leaves half a cache behind.
    if mkdir -p "$cache_dir" && tar -cf "$cache.partial" -C "$host" node_modules && mv "$cache.partial" "$cache"; then
        echo "setup: kept in the cache for the next set-up: $cache ($(du -h "$cache" | cut -f1))"
    else
        rm -f "$cache.partial"
        echo "setup: could not write the cache $cache (the install itself is done)" >&2
    fi
fi
