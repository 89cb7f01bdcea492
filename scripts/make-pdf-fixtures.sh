#!/bin/sh
# Rebuilds tests/fixtures/pdf/*.pdf from tests/fixtures/pdf/src. Installs
# what it needs from Debian (offline-capable mirrors) when it is missing.
# The tests read the committed PDFs; this script is for changing them.
set -eu
cd "$(dirname "$0")/../tests/fixtures/pdf"

need() { command -v "$1" >/dev/null 2>&1; }
missing=""
need pdflatex || missing="$missing texlive-latex-base texlive-latex-recommended texlive-fonts-recommended"
need chromium || missing="$missing chromium"
need qpdf || missing="$missing qpdf"
if [ -n "$missing" ]; then
    echo "installing:$missing"
    apt-get install -y --no-install-recommends $missing
fi

# pdfTeX's output is reproducible (fixed dates and trailer ID); Chromium's
# and qpdf's carry a fresh date or salt each time, which changes no text.
export SOURCE_DATE_EPOCH=1700000000 FORCE_SOURCE_DATE=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

latex() { # name [tex-before-input]
    pdflatex -interaction=nonstopmode -halt-on-error -output-directory "$work" \
        -jobname "$1" "\\pdftrailerid{}${2:-}\\input{src/$3.tex}" >"$work/$1.out" ||
        { cat "$work/$1.out"; exit 1; }
    cp "$work/$1.pdf" "$1.pdf"
}
latex reid-two-column "" reid-two-column
latex face-two-column "" face-two-column
latex no-text-layer "" no-text-layer
latex old-pdftex "" old-pdftex
latex long-10 '\def\PAGES{10}' long-paper
latex long-30 '\def\PAGES{30}' long-paper

chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chromium" --no-pdf-header-footer \
    --print-to-pdf="$PWD/reid-author-year.pdf" "file://$PWD/src/reid-author-year.html" 2>/dev/null

qpdf --static-id --encrypt secret owner 256 -- reid-two-column.pdf encrypted.pdf
qpdf --static-id --encrypt "" owner 256 --modify=none -- reid-two-column.pdf owner-locked.pdf
ls -l ./*.pdf
