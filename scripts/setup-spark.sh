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

packages=()
if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ] 2>/dev/null; then
  packages+=(openjdk-17-jre-headless)
fi
if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  packages+=(python3-venv)
fi
if [ ${#packages[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
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
