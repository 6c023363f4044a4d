#!/usr/bin/env bash
# Issue 6's benchmark: the in-process figures (criterion), then the whole-
# process and batch figures, then one table of every figure beside its
# target. Put a `typst` binary on PATH (or set $TYPST) for the comparison
# with the typst command line; it is skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo bench --bench render "$@"
cargo bench --bench process
