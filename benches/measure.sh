#!/bin/sh
# Command-line measurements for PERFORMANCE.md: resident memory at 100k, start-up of the real
# binary, and `gnlc list --search` side by side with `fzf --filter` on the same 100k names.
# The criterion benchmarks (`cargo bench`) cover load, keystroke, frame and in-process start-up.
#
# Usage: sh benches/measure.sh [DIR]   (DIR defaults to target/perf; generated data goes there,
# never into the repository). Needs fzf, hyperfine, python3 and GNU time (/usr/bin/time).
set -eu
dir=${1:-target/perf}
mkdir -p "$dir"
cargo build --release --quiet --bin gnlc --example synth
gnlc=target/release/gnlc
synth=target/release/examples/synth

echo "== machine"
nproc
uptime

echo "== generate (seed 1)"
for n in 1k 10k 100k; do
    [ -s "$dir/synth$n.json" ] || $synth --members $n --seed 1 >"$dir/synth$n.json"
    [ -s "$dir/names$n.txt" ] || $synth --members $n --seed 1 --names >"$dir/names$n.txt"
done
[ -s "$dir/names1M.txt" ] || $synth --members 1M --seed 1 --names >"$dir/names1M.txt"
ls -l "$dir"

echo "== resident memory, 100k full profiles"
size=$(stat -c %s "$dir/synth100k.json")
/usr/bin/time -v $gnlc --data "$dir/synth100k.json" list --format csv 2>"$dir/time-v.txt" >/dev/null
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time-v.txt")
grep -E "Elapsed|Maximum resident|User time|System time" "$dir/time-v.txt"
python3 -c "import sys; s,r=int(sys.argv[1]),int(sys.argv[2])*1024; print(f'file {s/1e6:.1f} MB, max RSS {r/1e6:.1f} MB, ratio {r/s:.2f}')" "$size" "$rss_kb"

echo "== start-up of the real binary on the bundled data (no terminal: list as a proxy)"
hyperfine -N --warmup 5 --runs 50 --export-json "$dir/startup.json" \
    "$gnlc list --format csv" "$gnlc stats"

echo "== gnlc list --search vs fzf --filter, 100k names"
for q in k ko kozh "san ma" zzz; do
    hits_gnlc=$($gnlc --data "$dir/synth100k.json" list --search "$q" --format csv | tail -n +2 | wc -l)
    hits_fzf=$(fzf --filter "$q" <"$dir/names100k.txt" | wc -l)
    echo "-- query '$q': gnlc $hits_gnlc hits, fzf $hits_fzf hits"
    slug=$(echo "$q" | tr ' ' _)
    hyperfine --warmup 3 --runs 10 --export-json "$dir/fzf-$slug.json" \
        "$gnlc --data $dir/synth100k.json list --search '$q' --format csv" \
        "fzf --filter '$q' < $dir/names100k.txt"
    python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))['results']
g, f = r[0]['median'], r[1]['median']
print(f'median gnlc {g*1000:.1f} ms, fzf {f*1000:.1f} ms, ratio {g/f:.2f}')" "$dir/fzf-$slug.json"
done

echo "== the same search with the load taken out: gnlc on a names-only dataset"
# A dataset with the same 100k cities and no profile text, so the ratio shows the search
# itself rather than parsing 220 MB of profiles that fzf never reads.
python3 - "$dir/synth100k.json" "$dir/lean100k.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
keep = ("id", "city", "country", "region", "clusters")
d["members"] = [{k: m[k] for k in keep if k in m} for m in d["members"]]
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
for q in ko kozh "san ma"; do
    slug=$(echo "$q" | tr ' ' _)
    hyperfine --warmup 3 --runs 10 --export-json "$dir/fzf-lean-$slug.json" \
        "$gnlc --data $dir/lean100k.json list --search '$q' --format csv" \
        "fzf --filter '$q' < $dir/names100k.txt"
    python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))['results']
g, f = r[0]['median'], r[1]['median']
print(f'lean: median gnlc {g*1000:.1f} ms, fzf {f*1000:.1f} ms, ratio {g/f:.2f}')" "$dir/fzf-lean-$slug.json"
done
uptime
