#!/usr/bin/env python3
"""Time from starting `dotnet hrprep practice` to the first question on standard output.

Usage: bench/practice-first-question.py [runs]   (expects a Release build of src/HrPrep.Tool)
Each run starts the tool with a fresh-enough store, waits for the line "You have ..." that ends the
first question, then closes standard input so the session ends. Prints fastest, median, slowest.
"""
import os, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tool = os.path.join(root, "src/HrPrep.Tool/bin/Release/net10.0/HrPrep.Tool.dll")
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
store = os.path.join(tempfile.mkdtemp(), "progress.db")
times = []
for i in range(runs + 1):
    start = time.perf_counter()
    p = subprocess.Popen(["dotnet", tool, "practice", "--count", "1", "--seed", str(i), "--store", store],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in p.stdout:
        if line.startswith("You have "):
            break
    elapsed = time.perf_counter() - start
    p.stdin.close()
    p.stdout.read()
    p.wait()
    if i > 0:  # the first run creates the store and warms the disk cache
        times.append(elapsed)
times.sort()
print(f"runs: {len(times)}  time to first question: fastest {times[0]:.3f} s, median {times[len(times) // 2]:.3f} s, slowest {times[-1]:.3f} s")
