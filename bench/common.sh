# Shared by bench/*.sh (sourced, not run): build gmailcli, set up the Python reference venv,
# start the Google stand-in (dev.gmailcli.standin.StandInMain) and read its request counts.
#
# Environment:
#   BENCH_SKIP_BUILD=1   reuse target/gmailcli(.jar), test classes and the classpath file if present
#   SEEDREF_VENV=DIR     Python venv with google-auth & co (default target/seedref; made if missing)
#   SEED_QUICKSTART=F    the Python reference (default ../shared/reference/seed_quickstart.py,
#                        relative to the repository root)
#   PIP_ARGS="..."       extra pip install arguments (default none: pip's own configuration)
#   STANDIN_ARGS="..."   extra StandInMain arguments, e.g. "--quota 2500/10" or "--https KEYSTORE.p12"

# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
BENCH_DIR=$ROOT/target/bench
CLASSPATH_FILE=$BENCH_DIR/test-classpath.txt
SEED=${SEED_QUICKSTART:-$ROOT/../shared/reference/seed_quickstart.py}
VENV=${SEEDREF_VENV:-$ROOT/target/seedref}
PY=$VENV/bin/python
STANDIN_PID=
mkdir -p "$BENCH_DIR"

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 2; }

# now in nanoseconds
now_ns() { date +%s%N; }
# seconds between two now_ns values, e.g. 12.3
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

# Builds target/gmailcli, target/gmailcli.jar, test classes and the test classpath file.
bench_build() {
  if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -x target/gmailcli ] && [ -f target/gmailcli.jar ] \
      && [ -f target/test-classes/dev/gmailcli/standin/StandInMain.class ] && [ -s "$CLASSPATH_FILE" ]; then
    log "build: skipped (BENCH_SKIP_BUILD=1)"
    return
  fi
  command -v mvn >/dev/null || die "mvn not found on PATH"
  local t0; t0=$(now_ns)
  log "build: mvn -q -B -DskipTests package dependency:build-classpath ..."
  mvn -q -B -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile="$CLASSPATH_FILE" >&2 || die "maven build failed"
  log "build: done in $(elapsed "$t0" "$(now_ns)") s"
}

# Makes (or reuses) the Python venv with google-auth, google-auth-oauthlib and
# google-api-python-client. Sets VENV_SETUP (seconds, or "reused").
bench_venv() {
  [ -f "$SEED" ] || die "Python reference not found: $SEED (set SEED_QUICKSTART)"
  if [ -x "$PY" ] && "$PY" -c 'import google.oauth2.credentials, google_auth_oauthlib.flow, googleapiclient.discovery' 2>/dev/null; then
    VENV_SETUP=reused
    log "venv: reusing $VENV"
    return
  fi
  command -v python3 >/dev/null || die "python3 not found on PATH"
  local args=${PIP_ARGS:-}
  local t0; t0=$(now_ns)
  log "venv: creating $VENV (pip install $args google-auth google-auth-oauthlib google-api-python-client)"
  rm -rf "$VENV"
  python3 -m venv "$VENV" || die "python3 -m venv failed"
  # shellcheck disable=SC2086
  "$VENV/bin/pip" install -q $args google-auth google-auth-oauthlib google-api-python-client \
      2> >(grep -v 'is ignored: it is neither a file nor a directory' >&2) >&2 \
      || die "pip install failed"
  VENV_SETUP=$(elapsed "$t0" "$(now_ns)")
  log "venv: set up in $VENV_SETUP s"
  echo "$VENV_SETUP" > "$BENCH_DIR/venv-setup-seconds.txt"
}

# Versions of the Python packages, one line.
python_versions() {
  "$PY" - <<'EOF'
import importlib.metadata as m
print(" ".join(f"{p}=={m.version(p)}" for p in
      ("google-auth", "google-auth-oauthlib", "google-api-python-client")))
EOF
}

# Starts StandInMain with $1 threads; writes credentials.json into each further argument (a
# directory). Sets BASE (the stand-in's root URL, with a trailing /) and CONTROL (its control URL).
# STANDIN_NAME (default "standin") names its directory under target/bench, so that several can run
# at once; STANDIN_ARGS adds StandInMain arguments (e.g. "--https KEYSTORE.p12").
standin_start() {
  local threads=$1; shift
  local dir=$BENCH_DIR/${STANDIN_NAME:-standin}
  rm -rf "$dir"; mkdir -p "$dir"
  local args=(--threads "$threads" --url-file "$dir/url" --control-file "$dir/control")
  # shellcheck disable=SC2206
  args+=(${STANDIN_ARGS:-})
  local d
  for d in "$@"; do args+=(--credentials-dir "$d"); done
  java -cp "target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")" \
      dev.gmailcli.standin.StandInMain "${args[@]}" >"$dir/log" 2>&1 </dev/null &
  local pid=$!
  STANDIN_PIDS="${STANDIN_PIDS:-} $pid"
  STANDIN_PID=$pid
  trap standin_stop EXIT
  trap 'exit 130' INT TERM
  local i
  for i in $(seq 1 200); do
    [ -s "$dir/url" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$dir/log" >&2; die "the stand-in did not start"; }
    sleep 0.1
  done
  [ -s "$dir/url" ] || die "the stand-in did not start within 20 s"
  BASE=$(cat "$dir/url"); CONTROL=$(cat "$dir/control")
  log "stand-in: $BASE (control $CONTROL, pid $pid, $threads threads)"
}

standin_stop() {
  local pid
  for pid in ${STANDIN_PIDS:-} $STANDIN_PID; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null
      wait "$pid" 2>/dev/null
    fi
  done
  STANDIN_PID= STANDIN_PIDS=
}

standin_clear() { curl -s -f -X POST "${CONTROL}__clear" >/dev/null; }
standin_counts() { curl -s -f "${CONTROL}__counts"; }
# count KIND [COUNTS_JSON]: one count, from the given JSON or fetched now
standin_count() {
  local json=${2:-$(standin_counts)}
  python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], 0))' "$json" "$1"
}

# Writes $BENCH_DIR/bin/browser: a BROWSER for unattended logins that "clicks Allow" by
# following the consent redirect with curl, in the background like a real browser.
write_browser() {
  mkdir -p "$BENCH_DIR/bin"
  BROWSER_SCRIPT=$BENCH_DIR/bin/browser
  cat >"$BROWSER_SCRIPT" <<'EOF'
#!/bin/sh
curl -s -L -o /dev/null --max-time 30 "$1" &
EOF
  chmod +x "$BROWSER_SCRIPT"
}

# Environment for gmailcli against the stand-in (GMAILCLI_HOME in the bench dir, never ~/.config).
gmailcli_env() {
  export GMAILCLI_GMAIL_ROOT_URL=$BASE GMAILCLI_TOKEN_URI=${BASE}token GMAILCLI_REVOKE_URI=${BASE}revoke
  export GMAILCLI_HOME=$BENCH_DIR/gmailcli-home
  mkdir -p "$GMAILCLI_HOME"
}
