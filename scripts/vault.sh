#!/usr/bin/env bash
# HashiCorp Vault, for the tests of the `vault` key store (AIS_KEY_STORE=vault). No Vault package
# is served to this machine, but the Go module proxy serves Vault's source: it is built from there
# once per machine and kept outside the checkout, so a fresh clone finds it.
#
#   bash scripts/vault.sh build   build if missing (idempotent); prints the binary's path
#   bash scripts/vault.sh path    print where the binary is (or will be)
#
# Env: AIS_VAULT_HOME (default ~/.cache/ais/vault-<version>). Needs Go (see `go.mod`'s `go` line of
# Vault's module: 1.25 or later). The first build takes minutes; later ones reuse Go's caches.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VAULT_VERSION=1.21.4
VAULT_HOME="${AIS_VAULT_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/ais/vault-$VAULT_VERSION}"
VAULT_BIN="$VAULT_HOME/vault"

die() { echo "vault.sh: $*" >&2; exit 1; }

build() {
  if [[ -x "$VAULT_BIN" ]]; then
    echo "$VAULT_BIN"
    return
  fi
  command -v go >/dev/null || die "Go is needed to build Vault $VAULT_VERSION (none on PATH)"
  command -v patch >/dev/null || die "patch is needed to build Vault (apt-get install patch)"
  local module_dir
  module_dir="$(go mod download -json "github.com/hashicorp/vault@v$VAULT_VERSION" | python3 -c 'import json, sys; print(json.load(sys.stdin)["Dir"])')"
  SRC_DIR="$(mktemp -d)"
  trap 'rm -rf "$SRC_DIR"' EXIT
  cp -r "$module_dir"/. "$SRC_DIR"
  chmod -R u+w "$SRC_DIR"
  # Vault's go.mod points its api and sdk modules at sibling directories, which a module's zip
  # leaves out: the patch builds against the published versions its go.mod requires instead
  # (api v1.22.0, sdk v0.21.0), and adapts the three calls whose signatures differ in that sdk
  # (identity deduplication's activation hook, transit's key restore). The KV engine, the
  # policies and the tokens the key store uses are Vault's own, unchanged.
  (cd "$SRC_DIR" && patch -p1 --quiet < "$ROOT/scripts/vault-$VAULT_VERSION.patch")
  mkdir -p "$VAULT_HOME"
  echo "vault.sh: building Vault $VAULT_VERSION into $VAULT_HOME (minutes the first time)" >&2
  (cd "$SRC_DIR" && go build -mod=mod -trimpath -ldflags "-s -w" -o "$VAULT_BIN.partial" .)
  mv "$VAULT_BIN.partial" "$VAULT_BIN"
  echo "$VAULT_BIN"
}

case "${1:-}" in
  build) build ;;
  path) echo "$VAULT_BIN" ;;
  *) die "usage: vault.sh build|path" ;;
esac
