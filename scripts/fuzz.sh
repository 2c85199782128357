#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for SECONDS each (default 30) and fails if any crashes.
#
#   scripts/fuzz.sh [SECONDS]
#
# cargo-fuzz needs nightly compiler flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain
# accept them, since CI has no other toolchain. A crash leaves its input in
# fuzz/artifacts/TARGET/ and cargo-fuzz prints the command that replays it; make the input a
# regression test beside the code it broke. The corpus each run grows stays in
# fuzz/corpus/TARGET/ (not committed) and seeds the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
seconds="${1:-30}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1

# No AddressSanitizer: the code under test is safe Rust, and a panic, an overflow or a
# failed assertion is what the targets look for (debug assertions and overflow checks stay
# on). Without it, and with 16 codegen units instead of cargo-fuzz's 1, a fresh build takes
# about 2 minutes instead of 5 on two cores. `run` takes the same flags, so it reuses the build.
flags=(--sanitizer none --codegen-units 16)

# target, its dictionary, then the folders whose files seed its corpus.
targets=(
  "yaml_source yaml_source.dict fuzz/seeds/yaml_source content/sources tests/fixtures/broken"
  "clean text.dict fuzz/seeds/text content/texts"
  "sentences text.dict fuzz/seeds/text content/texts"
  "matcher text.dict fuzz/seeds/text content/texts"
)

(cd fuzz && cargo fuzz build "${flags[@]}")

failed=()
for spec in "${targets[@]}"; do
  read -r target dict seeds <<<"$spec"
  corpus="$root/fuzz/corpus/$target"
  mkdir -p "$corpus"
  seed_dirs=()
  for dir in $seeds; do seed_dirs+=("$root/$dir"); done
  log="$root/fuzz/target/$target.log"
  echo "== fuzz $target for ${seconds}s (log: fuzz/target/$target.log)"
  # -timeout: an input that takes seconds is a bug too (the inputs are a few KB at most).
  if (cd fuzz && cargo fuzz run "${flags[@]}" "$target" "$corpus" "${seed_dirs[@]}" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -dict="$root/fuzz/dicts/$dict") >"$log" 2>&1; then
    grep -E '^Done [0-9]+ runs' "$log" || true
  else
    tail -n 60 "$log"
    failed+=("$target")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: crashes in ${failed[*]}; inputs are in fuzz/artifacts/"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets ran ${seconds}s each without a crash"
