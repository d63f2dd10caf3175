#!/usr/bin/env python3
"""Times commands side by side: every round runs each command once, in the order given (round
robin), so that a changing machine load weighs on all of them alike. Reports per command the
median, min and max wall time and the median peak RSS (the process's own, from wait4).

    rounds.py ROUNDS WARMUP SPEC_FILE > results.tsv

SPEC_FILE has one command per line: NAME<TAB>COMMAND[<TAB>SETUP]. COMMAND runs under /bin/sh -c
(prefix it with `exec` to time the program, not the shell); SETUP, if given, runs before each run
of COMMAND and is not timed (e.g. putting an expired token.json in place). stdin, stdout and stderr
are /dev/null; a run that exits non-zero is reported on stderr and counted in the `failed` column.

Output: TSV with a header: name, runs, failed, median_ms, min_ms, max_ms, rss_mb (median peak
RSS), rss_max_mb.
"""
import os
import statistics
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    process = subprocess.Popen(["/bin/sh", "-c", command], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main():
    rounds, warmup, spec = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    commands = []
    with open(spec) as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                parts = line.split("\t")
                commands.append((parts[0], parts[1], parts[2] if len(parts) > 2 else None))
    times = {name: [] for name, _, _ in commands}
    rss = {name: [] for name, _, _ in commands}
    failed = {name: 0 for name, _, _ in commands}
    for r in range(-warmup, rounds):
        print(f"round {r + 1}/{rounds}" if r >= 0 else f"warm-up {r + warmup + 1}/{warmup}",
              file=sys.stderr)
        for name, command, setup in commands:
            if setup:
                subprocess.run(["/bin/sh", "-c", setup], check=True)
            elapsed, peak, code = run(command)
            if code != 0:
                print(f"  {name}: exit {code}", file=sys.stderr)
            if r >= 0:
                times[name].append(elapsed)
                rss[name].append(peak)
                failed[name] += code != 0
    print("name\truns\tfailed\tmedian_ms\tmin_ms\tmax_ms\trss_mb\trss_max_mb")
    for name, _, _ in commands:
        t, m = times[name], rss[name]
        print(f"{name}\t{len(t)}\t{failed[name]}\t{statistics.median(t):.1f}\t{min(t):.1f}\t"
              f"{max(t):.1f}\t{statistics.median(m):.1f}\t{max(m):.1f}")


if __name__ == "__main__":
    main()
