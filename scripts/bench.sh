#!/usr/bin/env bash
# Build speed, measured: sitegen against Hugo and a plain copy, on generated corpora.
#
#   scripts/bench.sh [SIZES...]        default: 1000 10000
#
# For each size N it generates N sources with corpusgen (seed 42) as a sitegen content folder
# and as the same Markdown pages for Hugo (Debian's hugo), then times, once each after a warm-up
# run: a plain copy of the content (the floor no build can beat), `hugo`, and `sitegen` (release).
# It reports wall time, CPU time (user + system) and peak memory from GNU time, and sitegen's
# own phase timings (--timings). Results go to stdout as a Markdown table. Then, on the
# smallest corpus, it times the rebuild `sitegen serve` does after a one-source edit
# (examples/rebuild_bench.rs: 30 edits, the median and the phases of the last).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is not installed (apt-get install time)" >&2; exit 1; }

# --bins too: naming an example alone builds only the example (and its dependencies).
cargo build -q --release -p sitegen -p corpusgen --bins --example rebuild_bench
work=$(mktemp -d /tmp/sitegen-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# measure LABEL COMMAND...: runs it under GNU time, prints "wall cpu peak_mb".
measure() {
  local out="$work/time.txt"
  /usr/bin/time -f "%e %U %S %M" -o "$out" "$@" >"$work/stdout.txt" 2>"$work/stderr.txt" || {
    cat "$work/stderr.txt" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$out"
}

echo "| sources | tool | wall (s) | CPU (s) | peak memory (MB) |"
echo "| ---: | --- | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  content="$work/content-$n"; hugo_site="$work/hugo-$n"
  ./target/release/corpusgen --sources "$n" --seed 42 --out "$content" --hugo "$hugo_site" >/dev/null
  read -r w c m < <(measure cp -r "$content" "$work/copy-$n")
  echo "| $n | copy of the content | $w | $c | $m |"
  (cd "$hugo_site" && hugo --quiet --destination "$work/hugo-out-warm-$n" >/dev/null 2>&1) || true
  read -r w c m < <(cd "$hugo_site" && measure hugo --quiet --destination "$work/hugo-out-$n")
  echo "| $n | hugo $(hugo version | awk '{print $2}' | cut -d+ -f1) | $w | $c | $m |"
  ./target/release/sitegen --content "$content" --output "$work/site-warm-$n" >/dev/null 2>&1
  read -r w c m < <(measure ./target/release/sitegen --content "$content" --output "$work/site-$n" --timings)
  echo "| $n | sitegen | $w | $c | $m |"
  grep -E "^  [a-z]" "$work/stderr.txt" | sed "s/^/    sitegen $n: /" >&2 || true
done

echo
./target/release/examples/rebuild_bench "$work/content-${sizes[0]}" 30
