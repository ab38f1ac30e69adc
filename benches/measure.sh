#!/bin/sh
# Command-line measurements for PERFORMANCE.md: `gnlc list --search` side by side with what a
# user would run instead (`fzf --filter` on the names; `jq | fzf` on the full file), peak
# memory, and an older binary side by side with this one.
# The criterion benchmarks (`cargo bench`) cover load, keystroke, frame and in-process start-up.
# gnlc is timed twice in each comparison: as a user runs it (its load cache, in DIR/cache,
# holds a snapshot after the first run, which the warm-up makes) and with GNLC_NO_CACHE=1
# (the JSON parsed every time, as on the first run of a new file).
#
# Usage: sh benches/measure.sh [DIR [BEFORE]]
#   DIR     where the generated data goes (default /tmp/gnlc-perf; never the repository)
#   BEFORE  an older gnlc binary to compare with (default /tmp/gnlc-before, skipped if absent)
# Installs hyperfine, fzf and jq with apt-get when missing (the tests never need them).
set -eu
dir=${1:-/tmp/gnlc-perf}
before=${2:-/tmp/gnlc-before}
mkdir -p "$dir"

missing=""
for tool in hyperfine fzf jq python3; do
    command -v $tool >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
    apt-get install -y $missing >/dev/null
fi

cargo build --release --quiet --bin gnlc --example synth
gnlc=$PWD/target/release/gnlc
synth=$PWD/target/release/examples/synth

export GNLC_CACHE_DIR="$dir/cache"
echo "== machine"
nproc
uptime

echo "== generate (seed 1)"
[ -s "$dir/synth100k.json" ] || $synth --members 100k --seed 1 >"$dir/synth100k.json"
[ -s "$dir/names100k.txt" ] || $synth --members 100k --seed 1 --names >"$dir/names100k.txt"
# The same 100k members without profile text: id, city, country, region, clusters.
[ -s "$dir/lean100k.json" ] || python3 - "$dir/synth100k.json" "$dir/lean100k.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
keep = ("id", "city", "country", "region", "clusters")
d["members"] = [{k: m[k] for k in keep if k in m} for m in d["members"]]
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
ls -l "$dir"

# Prints the median of each command of a hyperfine JSON export and its ratio to the second
# command's (the peer: fzf, or jq | fzf; or the later binary).
ratios() {
    python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))['results']
for x in r:
    print(f\"  median {x['median']*1000:8.1f} ms  ratio to the 2nd {x['median']/r[1]['median']:.2f}  {x['command']}\")" "$1"
}

q=kozh
echo "== names-only 100k: gnlc vs fzf --filter on the same names (query $q)"
uptime
echo "hits: gnlc $($gnlc --data "$dir/lean100k.json" list --search $q --format csv | tail -n +2 | wc -l)," \
    "fzf $(fzf --filter $q <"$dir/names100k.txt" | wc -l)"
hyperfine -N --warmup 3 --runs 20 --export-json "$dir/lean.json" \
    "sh -c 'exec $gnlc --data $dir/lean100k.json list --search $q --format csv > /dev/null'" \
    "sh -c 'exec fzf --filter $q < $dir/names100k.txt > /dev/null'" \
    "sh -c 'GNLC_NO_CACHE=1 exec $gnlc --data $dir/lean100k.json list --search $q --format csv > /dev/null'"
ratios "$dir/lean.json"

echo "== full profiles 100k: gnlc vs jq | fzf (query $q)"
uptime
hyperfine -N --warmup 3 --runs 10 --export-json "$dir/full.json" \
    "sh -c 'exec $gnlc --data $dir/synth100k.json list --search $q --format csv > /dev/null'" \
    "sh -c 'jq -r \".members[].city\" $dir/synth100k.json | fzf --filter $q > /dev/null'" \
    "sh -c 'GNLC_NO_CACHE=1 exec $gnlc --data $dir/synth100k.json list --search $q --format csv > /dev/null'"
ratios "$dir/full.json"

echo "== a new file: the first run parses, hashes and writes the snapshot (the cache emptied before each run)"
uptime
for f in lean100k synth100k; do
    hyperfine -N --warmup 1 --runs 10 --export-json "$dir/first-$f.json" \
        --prepare "rm -rf $dir/cache-first" \
        "sh -c 'GNLC_CACHE_DIR=$dir/cache-first exec $gnlc --data $dir/$f.json list --search $q --format csv > /dev/null'" \
        "sh -c 'GNLC_NO_CACHE=1 exec $gnlc --data $dir/$f.json list --search $q --format csv > /dev/null'"
    ratios "$dir/first-$f.json"
done

echo "== peak memory (kB) and file sizes (bytes), from the snapshot and with GNLC_NO_CACHE=1"
for f in synth100k lean100k; do
    size=$(stat -c %s "$dir/$f.json")
    for cache in "" 1; do
        kb=$(GNLC_NO_CACHE=$cache /usr/bin/time -f %M $gnlc --data "$dir/$f.json" list --search $q --format csv 2>&1 >/dev/null)
        python3 -c "import sys; k,s=int(sys.argv[1]),int(sys.argv[2]); print(f'  $f (GNLC_NO_CACHE=$cache): peak {k/1000:.1f} MB, file {s/1e6:.1f} MB, ratio {k*1000/s:.2f}')" "$kb" "$size"
    done
done
for f in synth100k lean100k; do
    [ -x "$before" ] || break
    kb=$(/usr/bin/time -f %M "$before" --data "$dir/$f.json" list --search $q --format csv 2>&1 >/dev/null)
    echo "  before, $f: peak $kb kB"
done

if [ -x "$before" ]; then
    echo "== before and after, side by side"
    uptime
    for f in lean100k synth100k; do
        hyperfine -N --warmup 2 --runs 10 --export-json "$dir/before-after-$f.json" \
            "$before --data $dir/$f.json list --search $q --format csv" \
            "$gnlc --data $dir/$f.json list --search $q --format csv"
        ratios "$dir/before-after-$f.json"
    done
    hyperfine -N --warmup 5 --runs 50 "$before list --format csv" "$gnlc list --format csv"
fi
uptime
