#!/usr/bin/env bash
# The report's fonts, subset from Debian's fonts-noto-core to what the report's languages
# write: Noto Sans in Latin (en, ms, and the Latin inside ar and fa) and in Latin and
# Cyrillic (ru), and Noto Naskh Arabic (ar, fa), each with only the OpenType features the
# shaper applies to its scripts and without hinting (a PDF does not use it): about 20, 25
# and 31 KiB brotli, against 199 and 67 for the whole files. A report loads one Noto Sans and,
# in Arabic and Persian, the Naskh. Their licence (SIL Open Font License 1.1) goes with them.
# Usage: .ci/report-fonts.sh OUT_DIR
set -euo pipefail
out=$1
noto=/usr/share/fonts/truetype/noto
mkdir -p "$out"
subset() {
  pyftsubset "$noto/$1" --unicodes="$2" --layout-features="$3" --no-hinting --output-file="$out/$4"
}
# Latin-1 and Latin Extended-A, punctuation, the euro, arrows; with Cyrillic for Russian.
latin="U+0000-017F,U+2000-206F,U+20AC,U+2190-2193,U+2212,U+FFFD"
subset NotoSans-Regular.ttf "$latin" ccmp,locl,calt,liga,kern,mark,mkmk latin.ttf
subset NotoSans-Regular.ttf "$latin,U+0400-045F,U+0490-04FF" ccmp,locl,calt,liga,kern,mark,mkmk cyrillic.ttf
# Arabic (Persian's letters included), the joiners and bidi marks, ASCII digits and punctuation;
# the joining forms and ligatures.
subset NotoNaskhArabic-Regular.ttf "U+0600-06FF,U+200C-200F,U+2066-2069,U+0020-0040" \
  ccmp,locl,isol,init,medi,fina,rlig,calt,liga,mark,mkmk,curs,kern naskh.ttf
{
  echo "latin.ttf, cyrillic.ttf: Noto Sans; naskh.ttf: Noto Naskh Arabic; all subset. Copyright 2010-2020 Google Inc., 2015-2020 Google LLC."
  echo "This Font Software is licensed under the SIL Open Font License, Version 1.1:"
  echo
  # The licence's text: the copyright file's paragraph that starts "License: OFL-1.1" and
  # goes on with the preamble.
  awk 'BEGIN { RS = "" } /^License: OFL-1\.1\n PREAMBLE/ { print }' /usr/share/doc/fonts-noto-core/copyright \
    | tail -n +2 | sed -E 's/^ \.?//' 
} > "$out/OFL.txt"
