#!/usr/bin/env bash
# Many small packs: times `dotnet hrprep lint DIR -q` (Release build; schema and all rules) against
# `ajv validate` (ajv-cli, schema only) side by side on generated collections of role packs
# (bench/CorpusGenerator `packs`: one folder per role, one file of 5 questions each, the shape
# `import markdown` writes), then `stats`, `list`, `export csv` and `merge` of the same corpora.
#
#   bench/many-packs.sh [RUNS] [PACKS...]     (default 5 runs, 5000 and 20000 packs)
#
# Each figure is the median of RUNS runs; lint and ajv runs alternate, so both see the same load.
# Wall time, user+sys CPU time and peak memory come from /usr/bin/time -v. Prints the lint/ajv wall
# ratio per corpus and the growth of lint's wall time from the first to the last corpus.
# OTHERS="stats list csv merge" (the default) picks the other commands timed; OTHERS= times lint only.
# HRPREP_TOOL=PATH times another build of the tool (e.g. an older one kept for a before/after
# comparison) instead of building src/HrPrep.Tool; AOT=1 times the tool as it ships for linux-x64
# instead (Native AOT, `dotnet publish src/HrPrep.Tool -c Release -r linux-x64` into bench/.tools/aot).
# BASE_TOOL=PATH also times a second build of lint (and of the other commands), runs alternating with the first and with ajv, and
# prints its figures and the after/before ratios (e.g. BASE_TOOL=/tmp/before/HrPrep.Tool). Per corpus, one more lint run with HRPREP_LINT_TIMING=1
# prints the phase figures (CPU and managed allocations of reading + per-file rules, of the workspace
# rules, and in all); MAX_ALLOC_KIB_PER_FILE=N makes the script fail (exit 1) when lint allocates more
# than N KiB per file in all: a phase-level regression guard that needs no quiet machine. ajv-cli and ajv-formats are installed into
# bench/.tools and corpora written to bench/corpus (both git-ignored). Needs the .NET SDK,
# Node.js with npm, GNU time and bc.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000 20000)
tools=bench/.tools
ajv=$tools/node_modules/.bin/ajv
schema=schema/question-pack.schema.json

if [ ! -x "$ajv" ]; then
  echo "installing ajv-cli into $tools ..." >&2
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error ajv-cli@5.0.0 ajv-formats@3.0.1 >&2
fi
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is required" >&2; exit 1; }

dotnet build -c Release -nologo -v:q bench/CorpusGenerator >&2
gen=bench/CorpusGenerator/bin/Release/net10.0/CorpusGenerator.dll
if [ -n "${HRPREP_TOOL:-}" ]; then
  tool=$HRPREP_TOOL
elif [ "${AOT:-}" = 1 ]; then
  dotnet publish -c Release -r linux-x64 -nologo -v:q src/HrPrep.Tool -o "$tools/aot" >&2
  tool=$tools/aot/HrPrep.Tool
else
  dotnet build -c Release -nologo -v:q src/HrPrep.Tool >&2
  tool=src/HrPrep.Tool/bin/Release/net10.0/HrPrep.Tool
fi

for n in "${sizes[@]}"; do
  dir=bench/corpus/packs-$n
  if [ ! -d "$dir" ] || [ "$(ls "$dir" | wc -l)" -ne "$n" ]; then
    dotnet "$gen" packs "$n" "$dir" >&2
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# once CMD... -> appends "wall cpu maxrss_kb" of one run to $tmp/$key
once() {
  local key=$1
  shift
  /usr/bin/time -v -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || true
  if grep -q 'exited with non-zero status [^1]' "$tmp/time"; then
    echo "failed: $* ($(tail -1 "$tmp/err"))" >&2
  fi
  awk -F': ' '
    /User time/ {u=$2} /System time/ {s=$2} /Maximum resident set size/ {m=$2}
    /Elapsed \(wall clock\)/ {n=split($2, p, ":"); w=0; for (i=1; i<=n; i++) w=w*60+p[i]}
    END {printf "%.2f %.2f %d\n", w, u+s, m}' "$tmp/time" >>"$tmp/$key"
}

# median KEY -> "wall cpu peak_MiB", each the median of its column
median() {
  local col out=""
  for col in 1 2 3; do
    out+="$(cut -d' ' -f$col "$tmp/$1" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}') "
  done
  read -r w c r <<<"$out"
  printf '%s %s %.0f' "$w" "$c" "$(echo "$r / 1024" | bc -l)"
}

printf '%-7s %-14s %8s %8s %9s\n' packs command wall_s cpu_s peak_MiB
declare -A lintwall
for n in "${sizes[@]}"; do
  dir=bench/corpus/packs-$n
  rm -f "$tmp"/*-"$n"
  for _ in $(seq "$runs"); do
    once "lint-$n" "$tool" lint "$dir" -q
    once "ajv-$n" "$ajv" validate -s "$schema" -d "$dir/*/*.yaml" --spec=draft7 --strict=false -c ajv-formats
    [ -z "${BASE_TOOL:-}" ] || once "base-$n" "$BASE_TOOL" lint "$dir" -q
  done
  read -r lw lc lr <<<"$(median "lint-$n")"
  read -r aw ac ar <<<"$(median "ajv-$n")"
  lintwall[$n]=$lw
  printf '%-7s %-14s %8.2f %8.2f %9s\n' "$n" "lint" "$lw" "$lc" "$lr"
  printf '%-7s %-14s %8.2f %8.2f %9s\n' "$n" "ajv (schema)" "$aw" "$ac" "$ar"
  printf '%-7s lint/ajv wall ratio %.2f, CPU ratio %.2f (below 1: lint is faster)\n' "$n" "$(echo "scale=3; $lw / $aw" | bc)" "$(echo "scale=3; $lc / $ac" | bc)"
  if [ -n "${BASE_TOOL:-}" ]; then
    read -r bw bcpu br <<<"$(median "base-$n")"
    printf '%-7s %-14s %8.2f %8.2f %9s\n' "$n" "lint (base)" "$bw" "$bcpu" "$br"
    printf '%-7s base/ajv wall ratio %.2f; lint/base wall %.2f, CPU %.2f, peak %.2f\n' "$n" "$(echo "scale=3; $bw / $aw" | bc)" "$(echo "scale=3; $lw / $bw" | bc)" "$(echo "scale=3; $lc / $bcpu" | bc)" "$(echo "scale=3; $lr / $br" | bc)"
  fi

  # Phase figures from lint's own timer: allocations do not depend on the machine's load.
  HRPREP_LINT_TIMING=1 "$tool" lint "$dir" -q 2>"$tmp/phases" >/dev/null || true
  phase() { grep "lint timing: $1 " "$tmp/phases" | sed -E 's/.*allocated ([0-9]+) MiB.*CPU ([0-9.]+) s.*/\1 \2/'; }
  read -r a_start c_start <<<"$(phase 'schema loaded')"
  read -r a_read c_read <<<"$(phase 'read and per-file rules')"
  read -r a_ws c_ws <<<"$(phase 'workspace rules')"
  read -r a_end c_end <<<"$(phase 'finish')"
  per_file=$(echo "$a_end * 1024 / $n" | bc)
  printf '%-7s lint phases: start-up %.2f s CPU; read+per-file rules %.2f s CPU, %s MiB allocated; workspace rules %.2f s CPU, %s MiB; in all %s MiB (%s KiB per file)\n' \
    "$n" "$c_start" "$(echo "$c_read - $c_start" | bc)" "$((a_read - a_start))" "$(echo "$c_ws - $c_read" | bc)" "$((a_ws - a_read))" "$a_end" "$per_file"
  if [ -n "${MAX_ALLOC_KIB_PER_FILE:-}" ] && [ "$per_file" -gt "$MAX_ALLOC_KIB_PER_FILE" ]; then
    echo "lint allocated $per_file KiB per file on $n packs, over MAX_ALLOC_KIB_PER_FILE=$MAX_ALLOC_KIB_PER_FILE" >&2
    guard_failed=1
  fi

  # The other readers on the same corpus. merge takes one path per pack, --id (the ids differ) and
  # --on-conflict ours (titles and descriptions differ between roles).
  mapfile -t packdirs < <(ls -d "$dir"/*/)
  others=${OTHERS-stats list csv merge}
  # With BASE_TOOL, each command's runs alternate with the base build's (key prefix "b").
  other() {
    local key=$1 t=$2 c=$3
    case $c in
      stats) once "$key" "$t" stats "$dir" -q ;;
      list) once "$key" "$t" list "$dir" -q ;;
      csv) rm -f "$tmp/out.csv"; once "$key" "$t" export csv "$dir" -o "$tmp/out.csv" -q ;;
      merge) rm -f "$tmp/merged.yaml"; once "$key" "$t" merge "${packdirs[@]}" --id merged --on-conflict ours -o "$tmp/merged.yaml" -q ;;
    esac
  }
  for _ in $(seq "$runs"); do
    for c in $others; do
      other "$c-$n" "$tool" "$c"
      [ -z "${BASE_TOOL:-}" ] || other "b$c-$n" "$BASE_TOOL" "$c"
    done
  done
  for c in $others; do
    read -r w cpu r <<<"$(median "$c-$n")"
    label=$c
    [ "$c" = csv ] && label="export csv"
    printf '%-7s %-14s %8.2f %8.2f %9s\n' "$n" "$label" "$w" "$cpu" "$r"
    if [ -n "${BASE_TOOL:-}" ]; then
      read -r bw bcpu br <<<"$(median "b$c-$n")"
      printf '%-7s %-14s %8.2f %8.2f %9s   after/base wall %.2f, CPU %.2f, peak %.2f\n' "$n" "$label (base)" "$bw" "$bcpu" "$br" \
        "$(echo "scale=3; $w / $bw" | bc)" "$(echo "scale=3; $cpu / $bcpu" | bc)" "$(echo "scale=3; $r / $br" | bc)"
    fi
  done
done

if [ ${#sizes[@]} -gt 1 ]; then
  first=${sizes[0]}
  last=${sizes[-1]}
  printf 'lint wall growth %s -> %s packs: %.2fx (target <= 4.5)\n' "$first" "$last" "$(echo "scale=3; ${lintwall[$last]} / ${lintwall[$first]}" | bc)"
fi
printf 'machine: %s cores, load average %s; %s run(s) each, medians; tool %s%s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$runs" "$tool" "${BASE_TOOL:+, base $BASE_TOOL}"
[ -z "${guard_failed:-}" ] || exit 1
