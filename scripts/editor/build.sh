#!/usr/bin/env bash
# Rebuild assets/serve/codemirror.js (the editor component of `vanban
# serve`) and its licence file from the versions package-lock.json pins.
# Only needed to upgrade CodeMirror: the bundle is committed, so building
# vanban needs neither Node.js nor the network.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
out=../../assets/serve
node_modules/.bin/esbuild entry.js --bundle --minify --format=iife \
  --global-name=CM --legal-comments=none --outfile="$out/codemirror.js"
{
  echo "assets/serve/codemirror.js bundles these packages (scripts/editor/build.sh):"
  for p in node_modules/@codemirror/* node_modules/@lezer/* node_modules/style-mod \
           node_modules/w3c-keyname node_modules/crelt node_modules/@marijn/*; do
    [ -f "$p/package.json" ] || continue
    echo
    echo "== $(node -p "const p=require('./$p/package.json'); p.name+' '+p.version") =="
    cat "$p/LICENSE"
  done
} > "$out/codemirror.LICENSE"
ls -l "$out/codemirror.js" "$out/codemirror.LICENSE"
