#!/usr/bin/env bash
# Listings with details at Gmail's per-user quota: the stand-in enforces UNITS per sliding SECONDS
# (default 2500/10, Gmail's 250 units a second) and gmailcli lists N threads of INBOX as the README
# shows (`gmailcli threads -n N --label INBOX`, tsv, details on). Reports, per N: wall time, the
# quota floor ((units − what the window allows at once) ÷ the rate, as the issue defines it), the
# least time a sliding window allows ((⌈units ÷ window units⌉ − 1) × window), calls refused with
# 429, and whether every line has its details. Then one --no-details listing, for comparison.
#
#   bench/quota.sh [N...]            # default: 1000 300; from the repository root
#   QUOTA=2500/10 BENCH_SKIP_BUILD=1 bench/quota.sh 1000
#
# Results: target/bench/quota/results.md. No Python needed.
set -uo pipefail
# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 300)
QUOTA=${QUOTA:-2500/10}
WINDOW_UNITS=${QUOTA%/*}
WINDOW_SECONDS=${QUOTA#*/}
case "$WINDOW_UNITS/$WINDOW_SECONDS" in *[!0-9/]* | /* | */) die "QUOTA must be UNITS/SECONDS" ;; esac
RATE=$(awk -v u="$WINDOW_UNITS" -v s="$WINDOW_SECONDS" 'BEGIN { print u / s }')
LARGEST=0
for n in "${SIZES[@]}"; do
  case $n in '' | *[!0-9]* | 0) die "usage: bench/quota.sh [N...]" ;; esac
  [ "$n" -gt "$LARGEST" ] && LARGEST=$n
done

bench_build
write_browser
Q=$BENCH_DIR/quota
rm -rf "$Q"; mkdir -p "$Q/home"
# the generated mailbox keeps 23 threads in 25 in INBOX
STANDIN_ARGS="--quota $QUOTA" standin_start $((LARGEST * 25 / 23 + 50)) "$Q/home"
gmailcli_env
export GMAILCLI_HOME=$Q/home
BROWSER=$BROWSER_SCRIPT target/gmailcli login --timeout 60s </dev/null 2>"$Q/login.err" \
  || { cat "$Q/login.err" >&2; die "gmailcli login failed"; }

# Lets the units of earlier calls leave the stand-in's window, then forgets its counts.
fresh_window() { sleep "$WINDOW_SECONDS"; sleep 1; standin_clear; }

# run NAME ARGS...: one timed listing; appends a row to $Q/rows.md
run() {
  local name=$1; shift
  fresh_window
  local before; before=$(standin_counts)
  local t0 t1 code
  t0=$(now_ns)
  target/gmailcli threads "$@" >"$Q/$name.out" 2>"$Q/$name.err"
  code=$?
  t1=$(now_ns)
  local counts; counts=$(standin_counts)
  python3 - "$name" "$code" "$t0" "$t1" "$before" "$counts" "$WINDOW_UNITS" "$WINDOW_SECONDS" \
      "$RATE" "$Q/$name.out" "$Q/$name.err" >>"$Q/rows.md" <<'PY'
import json, math, sys
name, code, t0, t1, before, after, wu, ws, rate, out, err = sys.argv[1:]
b, a = json.loads(before), json.loads(after)
d = {k: a.get(k, 0) - b.get(k, 0) for k in a}
wall = (int(t1) - int(t0)) / 1e9
units = d["units"]
wu, ws, rate = int(wu), int(ws), float(rate)
floor = max(0.0, (units - wu) / rate)
window_min = (math.ceil(units / wu) - 1) * ws if units > wu else 0
calls = d["threads.list"] + d["threads.get"]
lines = open(out, encoding="utf-8").read().splitlines()
detailed = sum(1 for l in lines if all(f for f in l.split("\t")[1:4]))
stderr = open(err, encoding="utf-8").read().strip().replace("\n", " / ")
ratio = f"{wall / floor:.2f}×" if floor > 0 else "–"
print(f"| {name} | {code} | {len(lines)} | {detailed} | {units} | {wall:.1f} s | {floor:.1f} s "
      f"| {ratio} | {window_min:.0f} s | {d['refused']} of {calls} ({100 * d['refused'] / max(calls, 1):.1f}%) "
      f"| {d['batch']} | {stderr[:120] or '(empty)'} |")
PY
  tail -n 1 "$Q/rows.md" >&2
}

{
  echo "# gmailcli against a quota of $WINDOW_UNITS units per sliding $WINDOW_SECONDS s ($RATE units/s)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) CPUs, $(java -version 2>&1 | head -n 1)"
  echo
  echo "floor = (units − $WINDOW_UNITS) ÷ $RATE/s; window minimum = (⌈units ÷ $WINDOW_UNITS⌉ − 1) × $WINDOW_SECONDS s"
  echo
  echo "| listing | exit | lines | with details | units | wall | floor | wall ÷ floor | window minimum | refused (429) | batches | stderr |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$Q/results.md"
: >"$Q/rows.md"
for n in "${SIZES[@]}"; do
  run "n$n" -n "$n" --label INBOX
done
run "n$LARGEST-no-details" -n "$LARGEST" --label INBOX --no-details
cat "$Q/rows.md" >>"$Q/results.md"
echo >&2
cat "$Q/results.md"
