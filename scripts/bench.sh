#!/usr/bin/env bash
# Whole-process figures for the seed plan: a fresh `vanban render` per
# document (cold), and peak memory. In-process (warm) figures come from
# `cargo bench --bench render`. Timings are medians of N runs.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-20}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/work/cargo-target}"
cargo build --release -q
bin="$CARGO_TARGET_DIR/release/vanban"
plan=data/ke-hoach-binh-dang-gioi-bat-trang-2026.yaml
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median_ms() {  # command… → median wall time in ms over N runs
  local times=()
  for _ in $(seq "$N"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

peak_mb() {  # command… → peak resident memory in MB
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f", $1/1024}'
}

echo "machine: $(nproc) cores, $(uname -m), $(date -u +%F)"
for f in docx pdf; do
  ms=$(median_ms "$bin" render "$plan" -f "$f" -o "$tmp")
  mb=$(peak_mb "$bin" render "$plan" -f "$f" -o "$tmp")
  echo "cold, one process per document, $f: ${ms} ms (median of $N), peak ${mb} MB"
done
ms=$(median_ms "$bin" render "$plan" -o "$tmp")
echo "cold, docx + pdf in one process: ${ms} ms"
