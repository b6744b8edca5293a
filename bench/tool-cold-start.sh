#!/usr/bin/env bash
# Cold start of the INSTALLED tool, side by side with a hello-world app (`dotnet HelloWorld.dll`).
# Packs the tool (Release) into a temporary feed, installs it the two ways users do (a tool path, as
# `dotnet tool install --global` does, and a local tool manifest), then runs, alternating, N times
# each as whole processes:
#   hello          dotnet bench/ColdStart/HelloWorld/bin/Release/net10.0/HelloWorld.dll
#   tool --version TOOLS/dotnet-hrprep --version        (what a global `dotnet hrprep` starts)
#   tool stats     TOOLS/dotnet-hrprep stats            (embedded packs)
#   local --version / local stats: `dotnet hrprep ...` through the local manifest (the .NET CLI
#                  resolves the tool first, then starts it)
# and prints each median wall time and its ratio to hello world.
# Usage: bench/tool-cold-start.sh [runs=31]
#   FEED=DIR bench/tool-cold-start.sh 21   installs from packages already packed into DIR (skips the pack)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-31}"
work="$(mktemp -d "${TMPDIR:-/tmp}/hrprep-cold-start.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
version="$(sed -n 's:.*<HrPrepContentVersion>\(.*\)</HrPrepContentVersion>.*:\1:p' "$root/Directory.Build.props")"

if [[ -n "${FEED:-}" ]]; then
  mkdir -p "$work/feed" && cp "$FEED"/HrPrep.Tool*.nupkg "$work/feed/"
else
  dotnet pack "$root/src/HrPrep.Tool" -c Release -o "$work/feed" -p:PackageOutputPath="$work/feed" -v q -nologo >/dev/null
fi
dotnet build "$root/bench/ColdStart/HelloWorld" -c Release -v q -nologo >/dev/null
hello="$root/bench/ColdStart/HelloWorld/bin/Release/net10.0/HelloWorld.dll"
# Installed with their own package cache, so no other build's packages are picked up.
export NUGET_PACKAGES="$work/nuget-packages" DOTNET_CLI_HOME="$work/cli-home"
dotnet tool install HrPrep.Tool --version "$version" --add-source "$work/feed" --tool-path "$work/tools" >/dev/null
mkdir -p "$work/local"
(cd "$work/local" && dotnet new tool-manifest >/dev/null && dotnet tool install HrPrep.Tool --version "$version" --add-source "$work/feed" >/dev/null)
echo "installed: $(readlink "$work/tools/dotnet-hrprep" | sed 's:.*/\.store/::')"
dotnet build-server shutdown >/dev/null 2>&1 || true
sleep 2

names=(hello "tool --version" "tool stats" "local --version" "local stats")
run() {
  case "$1" in
    0) dotnet "$hello" ;;
    1) "$work/tools/dotnet-hrprep" --version ;;
    2) "$work/tools/dotnet-hrprep" stats ;;
    3) (cd "$work/local" && dotnet hrprep --version) ;;
    4) (cd "$work/local" && dotnet hrprep stats) ;;
  esac
}
declare -a samples
for ((k = 0; k < ${#names[@]}; k++)); do run "$k" >/dev/null; run "$k" >/dev/null; samples[k]=""; done # warm-up (disk cache)
for ((i = 0; i < runs; i++)); do
  for ((k = 0; k < ${#names[@]}; k++)); do
    t0=$EPOCHREALTIME
    run "$k" >/dev/null
    t1=$EPOCHREALTIME
    samples[k]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }') "
  done
done
median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
base="$(echo "${samples[0]}" | median)"
for ((k = 0; k < ${#names[@]}; k++)); do
  m="$(echo "${samples[k]}" | median)"
  printf '%-16s median %7.1f ms over %d runs  %5.2fx hello world\n' "${names[k]}" "$m" "$runs" "$(awk -v a="$m" -v b="$base" 'BEGIN { print a / b }')"
done
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores"
