#!/usr/bin/env bash
# The Python tools the export tests check whichdata's output with, pinned,
# in a venv under target/ (PyPI only): mlcroissant validates Croissant
# records, jsonschema (with its non-GPL format checkers) the Scholix and
# DataCite exports against the schemas in schemas/.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/interop-venv
MLCROISSANT=1.1.1
JSONSCHEMA=4.26.0
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
fi
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
if ! "$VENV/bin/python" - "$MLCROISSANT" "$JSONSCHEMA" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
assert version("mlcroissant") == sys.argv[1] and version("jsonschema") == sys.argv[2]
import rfc3986_validator  # the format checker for "uri"
PY
then
  "$VENV/bin/pip" install -q --disable-pip-version-check \
    "mlcroissant==$MLCROISSANT" "jsonschema[format-nongpl]==$JSONSCHEMA"
fi
