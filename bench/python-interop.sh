#!/usr/bin/env bash
# token.json interoperability between gmailcli and Python's google-auth (the seed quickstart),
# both ways, against the Google stand-in. Prints PASS/FAIL per check (WARN for differences that do
# not break the other side) and exits 1 on any FAIL.
#
#   bench/python-interop.sh            # from the repository root; builds with mvn first
#   BENCH_SKIP_BUILD=1 bench/python-interop.sh
#
# Needs: Java 17+, Maven, python3 (venv), curl. See bench/common.sh for the environment variables.
#
#   a. Python logs in -> gmailcli reads Python's token.json without a refresh; same thread ids.
#   b. Python's token made expired (in Python's own format) -> gmailcli refreshes exactly once and
#      saves; Python then uses gmailcli's file without refreshing.
#   c. gmailcli logs in -> Python uses gmailcli's token.json without a refresh; same thread ids;
#      and once expired, Python refreshes it and gmailcli uses Python's save without refreshing.
#   d. token.json details: unknown fields, scopes as a string, missing/empty expiry, a symlink,
#      a file from an older google-auth.
#
# Note on Python's login: google-auth-oauthlib's run_local_server sends access_type=offline but
# not prompt=consent. Google (and the stand-in) return a refresh token on a user's first consent
# anyway, which is what happens here.
set -uo pipefail
# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"

FAILS=0 PASSES=0 WARNS=0
pass() { PASSES=$((PASSES + 1)); printf 'PASS  %s\n' "$*"; }
fail() { FAILS=$((FAILS + 1)); printf 'FAIL  %s\n' "$*"; }
warn() { WARNS=$((WARNS + 1)); printf 'WARN  %s\n' "$*"; }
# verdict OK-CONDITION-STATUS NAME DETAIL: PASS when the status is 0, else FAIL
verdict() { if [ "$1" -eq 0 ]; then pass "$2 ($3)"; else fail "$2 ($3)"; fi; }
tool() { "$PY" "$ROOT/bench/tokentool.py" "$@"; }
mode_of() { stat -c %a "$1" 2>/dev/null || stat -f %Lp "$1"; }

bench_build
bench_venv
write_browser

W=$BENCH_DIR/interop
rm -rf "$W"
mkdir -p "$W/a-python" "$W/b" "$W/c-gmailcli-home" "$W/c-python" "$W/d"
standin_start 50 "$W/a-python" "$W/c-gmailcli-home"
gmailcli_env
log "python: $(python_versions)"
if [ "$VENV_SETUP" = reused ]; then echo "venv: reused $VENV"; else echo "venv: set up in $VENV_SETUP s"; fi

# run_python DIR [BROWSER]: the quickstart in DIR (token.json, credentials.json there), 5 threads;
# output in DIR/out.json, DIR/err.txt. Without a browser argument a login attempt fails at once.
run_python() {
  (cd "$1" && BROWSER=${2:-/bin/false} OAUTHLIB_INSECURE_TRANSPORT=1 GMAIL_ROOT=$BASE \
      TOKEN_URI=${BASE}token timeout 60 "$PY" -W ignore "$SEED" 5 >out.json 2>err.txt </dev/null)
}
# gmailcli_threads TOKEN OUT: 5 threads as JSON with that token.json; stderr in OUT.err
gmailcli_threads() {
  GMAILCLI_TOKEN=$1 target/gmailcli threads --max 5 --format json >"$2" 2>"$2.err" </dev/null
}
counts_detail() {
  local c=$1
  echo "auth=$(standin_count auth "$c") token.code=$(standin_count token.code "$c") token.refresh=$(standin_count token.refresh "$c") threads.list=$(standin_count threads.list "$c")"
}
first_line() { head -n 1 "$1" 2>/dev/null | cut -c1-200; }

# ---------------------------------------------------------------- a. Python logs in
A=$W/a-python
standin_clear
run_python "$A" "$BROWSER_SCRIPT"; rc=$?
c=$(standin_counts)
py_ids=$(tool ids "$A/out.json" 2>/dev/null)
ok=1
[ $rc -eq 0 ] && [ -n "$py_ids" ] && [ "$(standin_count auth "$c")" = 1 ] \
  && [ "$(standin_count token.code "$c")" = 1 ] && [ "$(tool get "$A/token.json" refresh_token)" != "<absent>" ] && ok=0
verdict $ok "a1 Python logs in and lists threads" "rc=$rc, $(counts_detail "$c"), ids=$py_ids$([ $rc -ne 0 ] && echo ", $(tail -n 1 "$A/err.txt")")"

cp "$A/token.json" "$W/a-token.before"
standin_clear
gmailcli_threads "$A/token.json" "$W/a-gmailcli.json"; rc=$?
c=$(standin_counts)
g_ids=$(tool ids "$W/a-gmailcli.json" 2>/dev/null)
ok=1; [ $rc -eq 0 ] && [ "$(standin_count token.refresh "$c")" = 0 ] && [ "$(standin_count auth "$c")" = 0 ] && ok=0
verdict $ok "a2 gmailcli reads Python's token.json with no refresh request" "rc=$rc, $(counts_detail "$c")$([ $rc -ne 0 ] && echo ", $(first_line "$W/a-gmailcli.json.err")")"
ok=1; [ -n "$g_ids" ] && [ "$g_ids" = "$py_ids" ] && ok=0
verdict $ok "a3 gmailcli's thread ids match Python's" "gmailcli=$g_ids python=$py_ids"
ok=1; cmp -s "$A/token.json" "$W/a-token.before" && ok=0
verdict $ok "a4 gmailcli leaves a valid Python token.json untouched" "byte-identical: $([ $ok -eq 0 ] && echo yes || echo no)"

# ---------------------------------------------------------------- b. expired Python token
B=$W/b
cp "$A/token.json" "$B/token.json"
tool expire "$B/token.json"
old_expiry=$(tool get "$B/token.json" expiry)
old_refresh=$(tool get "$B/token.json" refresh_token)
standin_clear
gmailcli_threads "$B/token.json" "$W/b-gmailcli.json"; rc=$?
c=$(standin_counts)
g_ids=$(tool ids "$W/b-gmailcli.json" 2>/dev/null)
ok=1; [ $rc -eq 0 ] && [ "$(standin_count token.refresh "$c")" = 1 ] && [ "$g_ids" = "$py_ids" ] && ok=0
verdict $ok "b1 gmailcli refreshes Python's expired token exactly once" "expiry was $old_expiry; rc=$rc, $(counts_detail "$c"), ids=$g_ids$([ $rc -ne 0 ] && echo ", $(first_line "$W/b-gmailcli.json.err")")"

new_expiry=$(tool get "$B/token.json" expiry)
state=$(tool python-reads "$B/token.json")
like=$(tool like-python "$B/token.json"); like_rc=$?
mode=$(mode_of "$B/token.json")
ok=1
[ "$new_expiry" != "$old_expiry" ] && [ "$state" = valid ] && [ "$(tool get "$B/token.json" refresh_token)" = "$old_refresh" ] \
  && [ $like_rc -eq 0 ] && ok=0
verdict $ok "b2 gmailcli saved the refreshed token in google-auth's format" "expiry now $new_expiry, google-auth: $state, refresh_token kept: $([ "$(tool get "$B/token.json" refresh_token)" = "$old_refresh" ] && echo yes || echo no), mode $mode, vs Credentials.to_json: $like"

cp "$B/token.json" "$W/b-token.saved"
standin_clear
run_python "$B"; rc=$?
c=$(standin_counts)
p_ids=$(tool ids "$B/out.json" 2>/dev/null)
ok=1
[ $rc -eq 0 ] && [ "$(standin_count token.refresh "$c")" = 0 ] && [ "$(standin_count auth "$c")" = 0 ] \
  && [ "$p_ids" = "$py_ids" ] && cmp -s "$B/token.json" "$W/b-token.saved" && ok=0
verdict $ok "b3 Python uses gmailcli's saved token.json without refreshing" "rc=$rc, $(counts_detail "$c"), ids=$p_ids, file untouched: $(cmp -s "$B/token.json" "$W/b-token.saved" && echo yes || echo no)$([ $rc -ne 0 ] && echo ", $(tail -n 1 "$B/err.txt")")"

standin_clear
gmailcli_threads "$B/token.json" "$W/b-gmailcli2.json"; rc=$?
c=$(standin_counts)
ok=1; [ $rc -eq 0 ] && [ "$(standin_count token.refresh "$c")" = 0 ] && ok=0
verdict $ok "b4 gmailcli reuses its own saved token without refreshing" "rc=$rc, $(counts_detail "$c")"

# ---------------------------------------------------------------- c. gmailcli logs in
CH=$W/c-gmailcli-home
CP=$W/c-python
standin_clear
(GMAILCLI_HOME=$CH BROWSER=$BROWSER_SCRIPT target/gmailcli login --timeout 60s </dev/null >"$W/c-login.out" 2>"$W/c-login.err"); rc=$?
c=$(standin_counts)
like=$(tool like-python "$CH/token.json" 2>&1); like_rc=$?
account=$(tool get "$CH/token.json" account 2>/dev/null)
ok=1
[ $rc -eq 0 ] && [ -f "$CH/token.json" ] && [ "$(standin_count auth "$c")" = 1 ] && [ "$(standin_count token.code "$c")" = 1 ] \
  && [ $like_rc -eq 0 ] && ok=0
verdict $ok "c1 gmailcli logs in and saves token.json in google-auth's format" "rc=$rc, $(counts_detail "$c") profile=$(standin_count profile "$c"), account=$account, mode $(mode_of "$CH/token.json"), vs Credentials.to_json: $like$([ $rc -ne 0 ] && echo ", $(tail -n 1 "$W/c-login.err")")"

gmailcli_threads "$CH/token.json" "$W/c-gmailcli.json"
g_ids=$(tool ids "$W/c-gmailcli.json" 2>/dev/null)
cp "$CH/token.json" "$CP/token.json"
standin_clear
run_python "$CP"; rc=$?
c=$(standin_counts)
p_ids=$(tool ids "$CP/out.json" 2>/dev/null)
ok=1
[ $rc -eq 0 ] && [ "$(standin_count token.refresh "$c")" = 0 ] && [ "$(standin_count auth "$c")" = 0 ] \
  && [ -n "$p_ids" ] && [ "$p_ids" = "$g_ids" ] && cmp -s "$CP/token.json" "$CH/token.json" && ok=0
verdict $ok "c2 Python uses gmailcli's token.json directly (no refresh, no login)" "rc=$rc, $(counts_detail "$c"), python ids=$p_ids, gmailcli ids=$g_ids$([ $rc -ne 0 ] && echo ", $(tail -n 1 "$CP/err.txt")")"

tool expire "$CP/token.json"
standin_clear
run_python "$CP"; rc=$?
c1=$(standin_counts)
standin_clear
gmailcli_threads "$CP/token.json" "$W/c-gmailcli2.json"; grc=$?
c2=$(standin_counts)
ok=1
[ $rc -eq 0 ] && [ "$(standin_count token.refresh "$c1")" = 1 ] && [ $grc -eq 0 ] && [ "$(standin_count token.refresh "$c2")" = 0 ] \
  && [ "$(tool ids "$W/c-gmailcli2.json")" = "$g_ids" ] && [ "$(tool get "$CP/token.json" account)" = "$account" ] && ok=0
verdict $ok "c3 Python refreshes gmailcli's expired token once; gmailcli uses Python's save as is" "python rc=$rc token.refresh=$(standin_count token.refresh "$c1"); gmailcli rc=$grc token.refresh=$(standin_count token.refresh "$c2"); account after Python's save: $(tool get "$CP/token.json" account)"

# ---------------------------------------------------------------- d. token.json details
D=$W/d
base_token=$A/token.json
# d1: fields gmailcli does not know (README: kept on rewrite); google-auth writes rapt_token
cp "$base_token" "$D/d1.json"
tool set "$D/d1.json" '{"rapt_token": "rapt-fake", "quota_project_id": "fake-quota-project"}'
tool expire "$D/d1.json"
standin_clear
gmailcli_threads "$D/d1.json" "$D/d1.out"; rc=$?
c=$(standin_counts)
kept="rapt_token=$(tool get "$D/d1.json" rapt_token) quota_project_id=$(tool get "$D/d1.json" quota_project_id)"
state=$(tool python-reads "$D/d1.json")
ok=1; [ $rc -eq 0 ] && [ "$(standin_count token.refresh "$c")" = 1 ] && [ "$kept" = "rapt_token=rapt-fake quota_project_id=fake-quota-project" ] && [ "$state" = valid ] && ok=0
verdict $ok "d1 unknown fields survive gmailcli's refresh and google-auth reads the result" "rc=$rc, $kept, google-auth: $state"
like=$(tool like-python "$D/d1.json")
if [ $? -eq 0 ]; then pass "d1b field order with rapt_token matches Credentials.to_json ($like)"
else warn "d1b field order with rapt_token differs from Credentials.to_json (harmless for JSON readers): $like"; fi

# d2: scopes as one space-separated string (older google-auth, hand-written files)
cp "$base_token" "$D/d2.json"
tool set "$D/d2.json" '{"scopes": "https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/gmail.labels"}'
gmailcli_threads "$D/d2.json" "$D/d2.out"; rc=$?
verdict $rc "d2 gmailcli accepts scopes as a space-separated string" "rc=$rc$([ $rc -ne 0 ] && echo ", $(first_line "$D/d2.out.err")")"

# d3: no expiry at all: google-auth treats the token as expired and refreshes
cp "$base_token" "$D/d3.json"
tool set "$D/d3.json" '{}' expiry
standin_clear
gmailcli_threads "$D/d3.json" "$D/d3.out"; rc=$?
c=$(standin_counts)
ok=1; [ $rc -eq 0 ] && [ "$(standin_count token.refresh "$c")" = 1 ] && [ "$(tool get "$D/d3.json" expiry)" != "<absent>" ] && ok=0
verdict $ok "d3 token.json without expiry: gmailcli refreshes once, as google-auth does" "rc=$rc, token.refresh=$(standin_count token.refresh "$c"), expiry now $(tool get "$D/d3.json" expiry)"

# d4: "expiry": "" - google-auth treats an empty expiry like a missing one (expired, refresh)
cp "$base_token" "$D/d4.json"
tool set "$D/d4.json" '{"expiry": ""}'
state=$(tool python-reads "$D/d4.json")
standin_clear
gmailcli_threads "$D/d4.json" "$D/d4.out"; rc=$?
if [ $rc -eq 0 ]; then pass "d4 empty expiry: gmailcli refreshes as google-auth does (google-auth: $state; token.refresh=$(standin_count token.refresh))"
else warn "d4 empty expiry: google-auth loads it ($state, then refreshes), gmailcli exits $rc: $(first_line "$D/d4.out.err")"; fi

# d5: token.json as a symlink (e.g. gmailcli's file linked to a Python project's token.json)
mkdir -p "$D/shared"
cp "$base_token" "$D/shared/token.json"
tool expire "$D/shared/token.json"
ln -s "$D/shared/token.json" "$D/d5-link.json"
standin_clear
gmailcli_threads "$D/d5-link.json" "$D/d5.out"; rc=$?
target_state=$(tool python-reads "$D/shared/token.json")
if [ $rc -eq 0 ] && [ -L "$D/d5-link.json" ] && [ "$target_state" = valid ]; then
  pass "d5 refreshing through a symlinked token.json updates the link's target and keeps the link"
else
  warn "d5 refreshing through a symlinked token.json (rc=$rc): link kept: $([ -L "$D/d5-link.json" ] && echo yes || echo "no, replaced by a regular file"); target as google-auth sees it: $target_state"
fi

# d6: a token.json from an older google-auth (before universe_domain and account were written)
cp "$base_token" "$D/d6.json"
tool set "$D/d6.json" '{}' universe_domain account
tool expire "$D/d6.json"
standin_clear
gmailcli_threads "$D/d6.json" "$D/d6.out"; rc=$?
like=$(tool like-python "$D/d6.json"); like_rc=$?
ok=1; [ $rc -eq 0 ] && [ "$(standin_count token.refresh)" = 1 ] && [ "$(tool python-reads "$D/d6.json")" = valid ] && ok=0
verdict $ok "d6 token.json without universe_domain and account: gmailcli refreshes it, google-auth reads the result" "rc=$rc"
if [ $like_rc -eq 0 ]; then pass "d6b gmailcli's rewrite matches Credentials.to_json ($like)"
else warn "d6b gmailcli's rewrite differs from Credentials.to_json (harmless: both readers default these): $like"; fi

echo
echo "python-interop: $PASSES passed, $FAILS failed, $WARNS warnings"
echo "(work files in $W; stand-in log $BENCH_DIR/standin/log)"
[ "$FAILS" -eq 0 ]
