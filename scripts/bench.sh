#!/usr/bin/env bash
# The benchmark: the in-process figures (criterion), then the whole-process,
# batch and editor figures, then one table of every figure beside its target.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo bench --bench render "$@"
cargo bench --bench process
