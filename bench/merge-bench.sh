#!/usr/bin/env bash
# Merge benchmark: two generated 100k-question packs merged by the Release build of the tool,
# measured with /usr/bin/time -v (wall time, CPU time and peak resident memory).
# Usage: bench/merge-bench.sh [N] [compact|full]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-100000}"
size="${2:-compact}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build -c Release "$root/bench/MergeBench" -v q -nologo >/dev/null
dotnet build -c Release "$root/src/HrPrep.Tool" -v q -nologo >/dev/null
dotnet "$root/bench/MergeBench/bin/Release/net10.0/MergeBench.dll" generate "$work" "$n" "$size"
du -sh "$work/a" "$work/b"
echo "--- in-process stages (MergeBench merge)"
dotnet "$root/bench/MergeBench/bin/Release/net10.0/MergeBench.dll" merge "$work"
rm -rf "$work/out"
echo "--- dotnet hrprep merge (Release) under /usr/bin/time -v"
/usr/bin/time -v dotnet "$root/src/HrPrep.Tool/bin/Release/net10.0/HrPrep.Tool.dll" merge "$work/a" "$work/b" -o "$work/out" --on-conflict newest 2>"$work/time.txt"
grep -E "Elapsed \(wall clock\)|User time|System time|Maximum resident set size" "$work/time.txt"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores"
