#!/usr/bin/env bash
# Install the system packages the project needs, only those that are missing (Debian/Ubuntu).
# Fast no-op when everything is present; 'apt-get update' runs only if something must be installed.
#
#   Java 17+ (Kafka 4.x broker)       openjdk-17-jre-headless (or the distro default JRE if newer)
#   maven                             resolves the broker jars (tools/kafka/pom.xml)
#   postgresql                        server binaries for scripts/postgres.sh
#   chromium                          headless browser for UI tests
#   python3-venv                      python virtual environments
#   docker-compose                    validates docker-compose.yml (no engine runs here)
#   patch                             scripts/vault.sh (Vault for the key store tests; Go comes with the machine)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

log() { echo "system-deps: $*"; }

java_major() { # prints e.g. 17, or nothing when java is missing
  command -v java >/dev/null || return 0
  java -version 2>&1 | sed -nE '1s/.*version "(1\.)?([0-9]+).*/\2/p'
}

missing=()
jmajor="$(java_major)"
if [[ -z "$jmajor" || "$jmajor" -lt 17 ]]; then missing+=(java); fi
command -v mvn >/dev/null || missing+=(maven)
compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || missing+=(postgresql)
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing+=(chromium)
# Debian ships the venv module without ensurepip; 'python3 -m venv' needs python3-venv for it.
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v patch >/dev/null || missing+=(patch)

if ((${#missing[@]} == 0)); then
  log "all present (java ${jmajor}, maven, postgresql, chromium, python3-venv, docker-compose, patch)"
  exit 0
fi
log "missing: ${missing[*]}"

SUDO=()
if [[ "$(id -u)" != 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "system-deps: ERROR: not root and no password-less sudo; install as root: ${missing[*]}" >&2
    exit 1
  fi
fi
command -v apt-get >/dev/null || { echo "system-deps: ERROR: apt-get not found; install manually: ${missing[*]}" >&2; exit 1; }

"${SUDO[@]}" apt-get update -qq

has_candidate() { # package exists in the configured repositories
  # (no "apt-cache | grep -q": with pipefail, grep exiting early makes apt-cache fail on SIGPIPE)
  local policy
  policy="$(apt-cache policy "$1" 2>/dev/null)"
  [[ "$policy" =~ Candidate:\ [^\(] ]]
}

pkgs=()
for m in "${missing[@]}"; do
  case "$m" in
    java)
      # Debian 12 has 17; newer releases dropped 17, where the default JRE (21+) is fine.
      if has_candidate openjdk-17-jre-headless; then pkgs+=(openjdk-17-jre-headless); else pkgs+=(default-jre-headless); fi
      ;;
    chromium)
      if has_candidate chromium; then pkgs+=(chromium); else pkgs+=(chromium-browser); fi
      ;;
    *) pkgs+=("$m") ;;
  esac
done

log "installing: ${pkgs[*]}"
# --force-confold: keep existing config files; no stdin in CI, so never prompt.
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${pkgs[@]}" </dev/null
log "done"
