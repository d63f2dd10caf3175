#!/usr/bin/env bash
# Start-up time, side by side, with a valid token against the Google stand-in (so no request goes
# to the token endpoint), over plain HTTP: the Python quickstart, gmailcli through its launcher, gmailcli as a plain
# `java -jar`, `gmailcli --version`, and JVM flag variants (passed to the launcher through
# GMAILCLI_JAVA_OPTS, which come after its own flags and so override them, or to java directly).
# Reports mean, median and min wall time; uses hyperfine when available, else a bash loop.
# JVM flags in GMAILCLI_JAVA_OPTS switch the launcher's class-data archive off. For the
# benchmark against the seed over HTTPS and HTTP, with ratios and RSS, see bench/run.
#
#   bench/startup.sh [RUNS]        # RUNS per command, default 20; from the repository root
#   BENCH_SKIP_BUILD=1 BENCH_VARIANTS=0 BENCH_LOOP=1 bench/startup.sh 10
#
#   BENCH_VARIANTS=0   skip the JVM flag variants
#   BENCH_LOOP=1       time with a bash loop even if hyperfine is there; it runs the commands in
#                      round robin, which spreads a changing machine load evenly over them
#   BENCH_WARMUP=N     untimed runs before each command (default 2)
# Results: target/bench/startup/results.md (and hyperfine's JSON next to it).
set -uo pipefail
# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"

RUNS=${1:-20}
WARMUP=${BENCH_WARMUP:-2}
case $RUNS in '' | *[!0-9]* | 0) die "usage: bench/startup.sh [RUNS]" ;; esac

bench_build
bench_venv
write_browser
S=$BENCH_DIR/startup
rm -rf "$S"; mkdir -p "$S/python" "$S/home"
standin_start 50 "$S/home"
gmailcli_env
export GMAILCLI_HOME=$S/home

# one login, shared by everything below (a fresh access token lives 3599 s: no refresh happens)
BROWSER=$BROWSER_SCRIPT target/gmailcli login --timeout 60s </dev/null 2>"$S/login.err" \
  || { cat "$S/login.err" >&2; die "gmailcli login failed"; }
export GMAILCLI_TOKEN=$S/home/token.json
cp "$S/home/token.json" "$S/home/credentials.json" "$S/python/"
export GMAIL_ROOT=$BASE TOKEN_URI=${BASE}token

JAR=$ROOT/target/gmailcli.jar
LAUNCHER=$ROOT/target/gmailcli
THREADS="threads --max 5 --format json"
LAUNCHER_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -Xms4m"
LAUNCHER_FLAGS="$LAUNCHER_FLAGS -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:CompileThresholdScaling=2"
JSA=$S/app.jsa

# name|command (run in $S/python, where the quickstart finds token.json and credentials.json)
COMMANDS=(
  "python seed_quickstart.py 5|$PY -W ignore $SEED 5"
  "target/gmailcli threads|$LAUNCHER $THREADS"
  "java -jar gmailcli.jar threads|java -jar $JAR $THREADS"
  "target/gmailcli --version|$LAUNCHER --version"
)
if [ "${BENCH_VARIANTS:-1}" != 0 ]; then
  # AppCDS: a dynamic archive of the classes one `threads` run loads, made with the launcher's flags
  (cd "$S/python" && java -XX:ArchiveClassesAtExit="$JSA" $LAUNCHER_FLAGS -jar "$JAR" $THREADS \
      >/dev/null 2>"$S/cds-dump.log") || log "warning: AppCDS dump failed, see $S/cds-dump.log"
  COMMANDS+=(
    "java -XX:TieredStopAtLevel=1|java -XX:TieredStopAtLevel=1 -jar $JAR $THREADS"
    "java -XX:+UseSerialGC|java -XX:+UseSerialGC -jar $JAR $THREADS"
    "java -Xshare:off|java -Xshare:off -jar $JAR $THREADS"
    "java + launcher flags|java $LAUNCHER_FLAGS -jar $JAR $THREADS"
    "launcher, -Xshare:off|env GMAILCLI_JAVA_OPTS=-Xshare:off $LAUNCHER $THREADS"
    "launcher, TieredStopAtLevel=4 (full JIT)|env GMAILCLI_JAVA_OPTS=-XX:TieredStopAtLevel=4 $LAUNCHER $THREADS"
    "launcher, -XX:-UseSerialGC (G1)|env GMAILCLI_JAVA_OPTS=-XX:-UseSerialGC $LAUNCHER $THREADS"
  )
  if [ -f "$JSA" ]; then
    COMMANDS+=(
      "java -XX:SharedArchiveFile=app.jsa|java -XX:SharedArchiveFile=$JSA -jar $JAR $THREADS"
      "launcher + AppCDS (GMAILCLI_JAVA_OPTS)|env GMAILCLI_JAVA_OPTS=-XX:SharedArchiveFile=$JSA $LAUNCHER $THREADS"
      "launcher + AppCDS --version|env GMAILCLI_JAVA_OPTS=-XX:SharedArchiveFile=$JSA $LAUNCHER --version"
    )
  fi
fi

# every command must work before it is timed
for entry in "${COMMANDS[@]}"; do
  name=${entry%%|*}; cmd=${entry#*|}
  # shellcheck disable=SC2086
  (cd "$S/python" && $cmd >"$S/check.out" 2>"$S/check.err" </dev/null) \
    || { cat "$S/check.err" >&2; die "'$name' failed: $cmd"; }
done
standin_clear

use_hyperfine=0
if [ "${BENCH_LOOP:-0}" != 1 ]; then
  if ! command -v hyperfine >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "hyperfine: not found, trying apt-get install -y hyperfine"
    timeout 300 apt-get install -y -q hyperfine >/dev/null 2>&1 || log "hyperfine: not installable"
  fi
  command -v hyperfine >/dev/null && use_hyperfine=1
fi

# ms statistics of a file of nanosecond durations: "mean median min max stddev"
stats_ms() {
  sort -n "$1" | awk '{ v[NR] = $1 / 1e6; s += v[NR]; q += v[NR] * v[NR] }
    END { m = s / NR; med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          sd = NR > 1 ? sqrt((q - NR * m * m) / (NR - 1)) : 0
          printf "%.1f %.1f %.1f %.1f %.1f\n", m, med, v[1], v[NR], sd }'
}

RESULTS=$S/results.tsv
: >"$RESULTS"
n=${#COMMANDS[@]}
if [ $use_hyperfine = 1 ]; then
  for ((i = 1; i <= n; i++)); do
    entry=${COMMANDS[i - 1]}; name=${entry%%|*}; cmd=${entry#*|}
    log "timing [$i/$n] $name"
    (cd "$S/python" && hyperfine -N --style none --warmup "$WARMUP" --runs "$RUNS" \
        --export-json "$S/hyperfine-$i.json" --command-name "$name" "$cmd" >/dev/null 2>"$S/hyperfine-$i.err") \
      || { cat "$S/hyperfine-$i.err" >&2; die "hyperfine failed for '$name'"; }
    python3 - "$S/hyperfine-$i.json" >>"$RESULTS" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f" % (r["command"], r["mean"] * 1e3, r["median"] * 1e3,
      r["min"] * 1e3, r["max"] * 1e3, (r["stddev"] or 0) * 1e3))
EOF
  done
else
  # round robin (command 1, 2, ..., n, then again), so that a change in the machine's load
  # during the run affects every command alike; includes a subshell fork per run (~1 ms)
  for ((r = 1 - WARMUP; r <= RUNS; r++)); do
    log "timing round $r/$RUNS"
    for ((i = 1; i <= n; i++)); do
      entry=${COMMANDS[i - 1]}; cmd=${entry#*|}
      [ "$r" = 1 ] && : >"$S/times-$i.txt"
      # shellcheck disable=SC2086
      t0=$(now_ns); (cd "$S/python" && $cmd >/dev/null 2>&1 </dev/null); t1=$(now_ns)
      [ "$r" -ge 1 ] && echo $((t1 - t0)) >>"$S/times-$i.txt"
    done
  done
  for ((i = 1; i <= n; i++)); do
    entry=${COMMANDS[i - 1]}
    printf '%s\t%s\n' "${entry%%|*}" "$(stats_ms "$S/times-$i.txt" | tr ' ' '\t')" >>"$RESULTS"
  done
fi

c=$(standin_counts)
{
  echo "startup: $RUNS runs per command after $WARMUP warm-up runs, timed with $([ $use_hyperfine = 1 ] && echo "$(hyperfine --version), one command after the other" || echo 'a bash loop (date +%s%N), commands in round robin')"
  echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null); $(java -version 2>&1 | head -n 1); Python $("$PY" -c 'import platform; print(platform.python_version())'), $(python_versions)"
  echo "launcher flags: $LAUNCHER_FLAGS"
  echo
  echo "| command | mean ms | median ms | min ms | max ms | stddev ms |"
  echo "|---|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$RESULTS"
  echo
  echo "stand-in requests during the timed runs: auth=$(standin_count auth "$c") token.refresh=$(standin_count token.refresh "$c") threads.list=$(standin_count threads.list "$c") (a valid token: no refresh expected)"
  # fastest way to run `threads` (every entry except Python and --version)
  grep -v -e '^python' -e 'version' "$RESULTS" | sort -t$'\t' -k3,3n | head -n 1 \
    | awk -F'\t' '{ printf "fastest gmailcli threads (by median): %s, %s ms\n", $1, $3 }'
} | tee "$S/results.md"
if [ "$(standin_count token.refresh "$c")" != 0 ] || [ "$(standin_count auth "$c")" != 0 ]; then
  die "the timed runs refreshed or logged in: the figures include token requests"
fi
