#!/usr/bin/env bash
# Installs what the Spark test (make spark-test) needs, skipping whatever is
# already there: Java 17 (Spark 4 needs Java 17 or 21) and Python's venv
# from Debian, then PySpark from PyPI in a venv at target/spark-venv.
set -euo pipefail
cd "$(dirname "$0")/.."

PYSPARK_VERSION=4.3.0
VENV=target/spark-venv

java_major() {
  # `openjdk version "17.0.15" 2025-04-15` -> 17 (`"1.8.0_…"` -> 1)
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

# Spark 4 runs on Java 17 or 21, no other.
packages=()
major=""
command -v java >/dev/null && major=$(java_major)
if [ "$major" != 17 ] && [ "$major" != 21 ]; then
  if command -v java >/dev/null && [ -z "$major" ]; then
    echo "setup-spark: cannot read the version of $(command -v java); Spark needs Java 17 or 21" >&2
  fi
  # Whichever of the two this Debian release packages (bookworm: 17, trixie: 21).
  for jre in openjdk-17-jre-headless openjdk-21-jre-headless; do
    if apt-cache show "$jre" >/dev/null 2>&1; then
      packages+=("$jre")
      break
    fi
  done
  if [ ${#packages[@]} -eq 0 ]; then
    echo "setup-spark: no Java 17 or 21 package found by apt-cache; install one and rerun" >&2
    exit 1
  fi
fi
if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  packages+=(python3-venv)
fi
if [ ${#packages[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup-spark: need root or sudo to install ${packages[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

if ! "$VENV/bin/python" -c pass 2>/dev/null; then
  python3 -m venv --clear "$VENV"
fi
installed=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("pyspark"))' 2>/dev/null || true)
if [ "$installed" != "$PYSPARK_VERSION" ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
