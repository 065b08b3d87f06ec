#!/usr/bin/env bash
# Creates, once, the Python virtual environment the interoperability tests use (.local/venv, git-
# ignored) with the pinned OASIS taxii2-client; later runs find it complete and do nothing.
# Needs python3 with the venv module; prints the venv's python on its last line.
#
#   bash scripts/python-env.sh            # ensure the venv
#   "$(bash scripts/python-env.sh | tail -1)" test/e2e/support/taxii2-client/interop.py
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.local/venv"
requirements="$root/test/e2e/support/taxii2-client/requirements.txt"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"

mkdir -p "$root/.local"
# One installer at a time (parallel test workers, two checkouts' scripts).
exec 9>"$root/.local/python-env.lock"
flock 9

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]] \
  && "$venv/bin/python" -c 'import taxii2client.v21' 2>/dev/null; then
  echo "$venv/bin/python"
  exit 0
fi

python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null; then
  echo "python-env: $python not found; install Python 3 with the venv module" >&2
  exit 1
fi
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$requirements" >&2
"$venv/bin/python" -c 'import taxii2client.v21' 
echo "$want" >"$stamp"
echo "$venv/bin/python"
