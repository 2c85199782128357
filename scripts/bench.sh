#!/usr/bin/env bash
# Build speed, measured: sitegen against Hugo and a plain copy, on generated corpora.
#
#   scripts/bench.sh [SIZES...]        default: 1000 10000
#   TMPDIR=/dev/shm scripts/bench.sh   everything (content and output) in memory, no disk
#   SHAPES=news scripts/bench.sh       only the news-shaped corpora (default: "seeds news")
#
# For each corpus shape in SHAPES (corpusgen --shape: seeds, stories of one to four versions;
# news, heavy-tailed stories over thousands of outlets) and each size N, it generates N
# sources with corpusgen (seed 42) as a sitegen content folder and as the same Markdown pages
# for Hugo (Debian's hugo). After a warm-up build with each, it
# times RUNS rounds (default 3) of: a plain copy of the content (the floor no build can beat),
# `hugo`, and `sitegen` (release), one after the other, each into a new folder, so that a slow
# spell of the disk falls on all three. It reports the median wall time and CPU time (user +
# system) and the largest peak memory from GNU time, and sitegen's own phase timings
# (--timings) of its median run, and the sizes of the first run's site against the content
# (whole site, briefing.json, largest page). Results go to stdout as a Markdown table. Then, on the
# smallest corpus of the first shape, it times the rebuild `sitegen serve` does after a one-source edit
# (examples/rebuild_bench.rs: 30 edits, the median and the phases of the last).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
read -r -a shapes <<<"${SHAPES:-seeds news}"
[ ${#shapes[@]} -gt 0 ] || { echo "SHAPES is empty" >&2; exit 1; }
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is not installed (apt-get install time)" >&2; exit 1; }

# --bins too: naming an example alone builds only the example (and its dependencies).
cargo build -q --release -p sitegen -p corpusgen --bins --example rebuild_bench
work=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

runs=${RUNS:-3}

# measure OUT COMMAND...: runs it under GNU time, appends "wall cpu peak_mb" to OUT.
measure() {
  local out="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >"$work/stdout.txt" 2>"$work/stderr.txt" || {
    cat "$work/stderr.txt" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$work/time.txt" >>"$out"
}

# summary FILE: "median_wall median_cpu max_peak" of its lines.
summary() {
  sort -n -k1,1 "$1" | awk '{ w[NR] = $1; if ($3 > m) m = $3 } END { printf "%s ", w[int((NR + 1) / 2)] }'
  sort -n -k2,2 "$1" | awk '{ c[NR] = $2; if ($3 > m) m = $3 } END { printf "%s %d\n", c[int((NR + 1) / 2)], m }'
}

echo "| shape | sources | tool | wall (s) | CPU (s) | peak memory (MB) |"
echo "| --- | ---: | --- | ---: | ---: | ---: |"
for shape in "${shapes[@]}"; do
  for n in "${sizes[@]}"; do
    id="$shape-$n"
    content="$work/content-$id"; hugo_site="$work/hugo-$id"
    ./target/release/corpusgen --sources "$n" --seed 42 --shape "$shape" --out "$content" --hugo "$hugo_site" >/dev/null
    (cd "$hugo_site" && hugo --quiet --destination "$work/warm-hugo" >/dev/null 2>&1) || true
    ./target/release/sitegen --content "$content" --output "$work/warm-site" >/dev/null 2>&1
    rm -rf "$work/warm-hugo" "$work/warm-site"
    for r in $(seq "$runs"); do
      measure "$work/copy-$id.txt" cp -r "$content" "$work/copy-$id-$r"
      (cd "$hugo_site" && measure "$work/hugo-$id.txt" hugo --quiet --destination "$work/hugo-out-$id-$r")
      measure "$work/sitegen-$id.txt" ./target/release/sitegen --content "$content" --output "$work/site-$id-$r" --timings
      # Keep each run's phases under its wall time, to report the median run's.
      cp "$work/stderr.txt" "$work/phases-$id-$(tail -1 "$work/sitegen-$id.txt" | cut -d' ' -f1)-$r.txt"
      if [ "$r" = 1 ]; then
        # Sizes: the whole site and briefing.json against the content, and the largest page.
        site_bytes=$(du -sb "$work/site-$id-$r" | cut -f1); content_bytes=$(du -sb "$content" | cut -f1)
        json_bytes=$(stat -c %s "$work/site-$id-$r/briefing.json")
        largest=$(find "$work/site-$id-$r" -name '*.html' -printf '%s %P\n' | sort -n | tail -1)
        awk -v s="$site_bytes" -v c="$content_bytes" -v j="$json_bytes" -v l="$largest" -v id="$shape $n" 'BEGIN {
          printf "    %s sizes: content %.1f MB, site %.1f MB (%.1fx), briefing.json %.1f MB (%.1fx), largest page %s bytes\n",
            id, c / 1e6, s / 1e6, s / c, j / 1e6, j / c, l }' >&2
      fi
      rm -rf "$work/copy-$id-$r" "$work/hugo-out-$id-$r" "$work/site-$id-$r"
    done
    read -r w c m < <(summary "$work/copy-$id.txt")
    echo "| $shape | $n | copy of the content | $w | $c | $m |"
    read -r w c m < <(summary "$work/hugo-$id.txt")
    echo "| $shape | $n | hugo $(hugo version | awk '{print $2}' | cut -d+ -f1) | $w | $c | $m |"
    read -r w c m < <(summary "$work/sitegen-$id.txt")
    echo "| $shape | $n | sitegen | $w | $c | $m |"
    median_run=$(ls "$work"/phases-"$id"-"$w"-*.txt | head -1)
    grep -E "^  [a-z]" "$median_run" | sed "s/^/    sitegen $shape $n: /" >&2 || true
    echo "    $shape $n, walls of the $runs runs, copy / hugo / sitegen: $(cut -d' ' -f1 "$work/copy-$id.txt" | xargs) / $(cut -d' ' -f1 "$work/hugo-$id.txt" | xargs) / $(cut -d' ' -f1 "$work/sitegen-$id.txt" | xargs)" >&2
  done
done

echo
./target/release/examples/rebuild_bench "$work/content-${shapes[0]}-${sizes[0]}" 30
