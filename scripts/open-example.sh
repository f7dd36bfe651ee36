#!/usr/bin/env bash
# Opens the example plans in a real VS Code with the Adopt extension, the plan
# riverside-health.adopt in an editor and, on a first start, the walkthrough "Get Started with Adopt":
#   - the desktop `code` when it is on the PATH (the extension runs from this folder);
#   - otherwise code-server (VS Code in the browser) on 127.0.0.1 with the packaged extension
#     installed; it prints the address to open. Its profile (settings, colour theme, state) is
#     kept in ~/.local/share/adopt/code-server (ADOPT_PROFILE_DIR picks another folder), and so
#     is its port: the one of the last start while it is free. PORT=8080 picks the port.
# The folder opened is a copy of examples/ outside this repository (scripts/example-workspace.mjs):
# what you write there is kept from one start to the next, and VS Code's Git extension does not
# offer to open this repository. Needs scripts/setup.sh once (it skips what is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$root/node_modules/.bin:$PATH"

if [ ! -x node_modules/.bin/node ]; then
    echo "The project's packages are not installed: run bash scripts/setup.sh first." >&2
    exit 1
fi

langium generate >/dev/null
node scripts/build.mjs
examples=$(node scripts/example-workspace.mjs)

if command -v code >/dev/null 2>&1; then
    echo "Opening $examples in VS Code (the extension runs from $root)"
    ADOPT_OPEN_WALKTHROUGH=1 exec code --new-window --extensionDevelopmentPath="$root" "$examples" "$examples/riverside-health.adopt"
fi

if [ ! -f tests/vscode/host/node_modules/code-server/out/node/entry.js ]; then
    echo "No desktop VS Code (code) on the PATH and code-server is not installed: run bash scripts/setup.sh first." >&2
    exit 1
fi
mkdir -p test-results
vsix=test-results/adopt-open.vsix
vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links --out "$vsix" >/dev/null
exec node tests/vscode/code-server.mjs --open "$examples" "$vsix"
