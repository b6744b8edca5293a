#!/usr/bin/env bash
# Import benchmark: PAGES synthetic pages (bench/ImportBench: ~120 folders, duplicate roles, promotional
# words inside questions, one very long page) imported by the Release build of the tool in one
# process, measured with /usr/bin/time -v (wall time, CPU time and peak resident memory).
# Usage: bench/import-bench.sh [PAGES=5000] [LONG=20000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pages="${1:-5000}"
long="${2:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build -c Release "$root/bench/ImportBench" -v q -nologo >/dev/null
dotnet build -c Release "$root/src/HrPrep.Tool" -v q -nologo >/dev/null
dotnet "$root/bench/ImportBench/bin/Release/net10.0/ImportBench.dll" "$work/corpus" "$pages" "$long"
du -sh "$work/corpus"
echo "--- dotnet hrprep import markdown (Release) under /usr/bin/time -v"
set +e
/usr/bin/time -v dotnet "$root/src/HrPrep.Tool/bin/Release/net10.0/HrPrep.Tool.dll" import markdown "$work/corpus" -o "$work/out" --report "$work/report.json" >"$work/out.txt" 2>"$work/err.txt"
code=$?
set -e
echo "exit code: $code"
grep "hrprep: import:" "$work/err.txt" || tail -5 "$work/err.txt"
grep -E "Elapsed \(wall clock\)|User time|System time|Maximum resident set size" "$work/err.txt"
echo "packs written: $(find "$work/out" -name '*.yaml' | wc -l), report: $(du -h "$work/report.json" | cut -f1)"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores"
