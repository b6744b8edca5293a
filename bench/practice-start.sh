#!/usr/bin/env bash
# Start-up of `dotnet hrprep practice` as whole processes: a one-question session whose input ends
# at once (empty answer, feedback printed, no rating), so the process does everything a real start
# does (load the content, open the SQLite store, draw the question, score, print) and exits.
# Usage: bench/practice-start.sh [runs]   (builds src/HrPrep.Tool in Release first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
dotnet build src/HrPrep.Tool -c Release -v q -nologo >/dev/null
tool=src/HrPrep.Tool/bin/Release/net10.0/HrPrep.Tool.dll
store="$(mktemp -d)/progress.db"
printf '' | dotnet "$tool" practice --count 1 --seed 1 --store "$store" >/dev/null   # creates the store
for i in $(seq "$runs"); do
  /usr/bin/time -f '%e s wall, %U s user, %M KiB max RSS' dotnet "$tool" practice --count 1 --seed "$i" --store "$store" </dev/null 2>&1 >/dev/null
done | sort -n | awk '{ all[NR] = $0 } END { print "runs: " NR; print "fastest: " all[1]; print "median:  " all[int((NR + 1) / 2)]; print "slowest: " all[NR] }'
printf 'reference, hrprep --help: '
/usr/bin/time -f '%e s wall' dotnet "$tool" --help 2>&1 >/dev/null | tail -1
rm -rf "$(dirname "$store")"
