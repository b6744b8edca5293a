#!/usr/bin/env bash
# Times `dotnet hrprep lint` (Release build; schema and all rules) against `ajv validate`
# (ajv-cli, schema only) on the same generated corpora and the same schema, side by side in one run.
#
#   bench/lint-vs-ajv.sh [RUNS]        (default 3 runs per tool and size; the best wall time is kept)
#
# Prints, per corpus: wall time, user+sys CPU time and peak memory (/usr/bin/time -v) of each tool,
# the lint/ajv wall-time ratio, and the lint 100k/10k ratio. Needs the .NET SDK, Node.js with npm and
# GNU time. ajv-cli and ajv-formats are installed into bench/.tools (git-ignored); corpora are written
# to bench/corpus (git-ignored) by bench/CorpusGenerator (deterministic: same seed, same files).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
tools=bench/.tools
ajv=$tools/node_modules/.bin/ajv
schema=schema/question-pack.schema.json

if [ ! -x "$ajv" ]; then
  echo "installing ajv-cli into $tools ..." >&2
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error ajv-cli@5.0.0 ajv-formats@3.0.1 >&2
fi
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is required" >&2; exit 1; }

dotnet build -c Release -nologo -v:q bench/CorpusGenerator >&2
dotnet build -c Release -nologo -v:q src/HrPrep.Tool >&2
lint=src/HrPrep.Tool/bin/Release/net10.0/HrPrep.Tool
gen=bench/CorpusGenerator/bin/Release/net10.0/CorpusGenerator.dll

for size in 10k 100k; do
  n=${size%k}000
  dir=bench/corpus/$size
  if [ ! -f "$dir/pack.yaml" ] || [ "$(ls "$dir" | wc -l)" -ne $((n / 100 + 1)) ]; then
    dotnet "$gen" "$n" "$dir" >&2
  fi
done

# measure NAME CMD... -> prints "wall cpu maxrss_kb" of the best (lowest wall) of $runs runs
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
measure() {
  local best="" report wall cpu rss
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -o "$tmp" "$@" >/dev/null 2>&1 || true
    report=$(cat "$tmp")
    read -r wall cpu rss <<<"$(awk -F': ' '
      /User time/ {u=$2} /System time/ {s=$2} /Maximum resident set size/ {m=$2}
      /Elapsed \(wall clock\)/ {n=split($2, p, ":"); w=0; for (i=1; i<=n; i++) w=w*60+p[i]}
      END {printf "%.2f %.2f %d", w, u+s, m}' <<<"$report")"
    if [ -z "$best" ] || (( $(echo "$wall < ${best%% *}" | bc) )); then best="$wall $cpu $rss"; fi
  done
  echo "$best"
}

printf '%-6s %-5s %9s %9s %10s\n' corpus tool wall_s cpu_s peak_MiB
declare -A wall
for size in 10k 100k; do
  dir=bench/corpus/$size
  read -r lw lc lr <<<"$(measure "$lint" lint "$dir")"
  read -r aw ac ar <<<"$(measure "$ajv" validate -s "$schema" -d "$dir/*.yaml" --spec=draft7 --strict=false -c ajv-formats)"
  wall[$size]=$lw
  printf '%-6s %-5s %9.2f %9.2f %10.0f\n' "$size" lint "$lw" "$lc" "$(echo "$lr / 1024" | bc)"
  printf '%-6s %-5s %9.2f %9.2f %10.0f\n' "$size" ajv "$aw" "$ac" "$(echo "$ar / 1024" | bc)"
  printf '%-6s lint/ajv wall ratio %.2f (below 1 means lint is faster)\n' "$size" "$(echo "scale=3; $lw / $aw" | bc)"
done
printf 'lint 100k/10k wall ratio %.2f (target <= 12)\n' "$(echo "scale=3; ${wall[100k]} / ${wall[10k]}" | bc)"
printf 'machine: %s cores, load average %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
