#!/usr/bin/env bash
# End-to-end: the same bundles in SQLite and in PostgreSQL give the same bytes out of every
# command. Run by CTest against the real binary:
#   postgres.sh SAMSKAB_BINARY TESTS_DIR
# The server is SAMSKAB_TEST_PG_URL (scripts/with_postgres.sh starts a throwaway one); without
# it this fails, unless SAMSKAB_TEST_PG=skip. Each run works in a database of its own.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
tests=$2
if [ -z "${SAMSKAB_TEST_PG_URL:-}" ]; then
  if [ "${SAMSKAB_TEST_PG:-}" = skip ]; then
    echo "SAMSKAB_TEST_PG=skip: PostgreSQL end-to-end cases skipped"
    exit 0
  fi
  echo "FAIL: SAMSKAB_TEST_PG_URL is not set; run under scripts/with_postgres.sh (make test does)"
  exit 1
fi
server=$SAMSKAB_TEST_PG_URL
work=$(mktemp -d)
databases=()
# new_database NAME: creates a database for this run and sets $url to it.
new_database() {
  local name="samskab_e2e_$$_$1"
  psql -q -v ON_ERROR_STOP=1 "$server" -c "CREATE DATABASE \"$name\"" > /dev/null || exit 1
  databases+=("$name")
  # The server's URL with its database name replaced.
  local base=${server%%\?*}
  local query=${server#"$base"}
  url="${base%/*}/$name$query"
}
cleanup() {
  for name in "${databases[@]}"; do
    psql -q "$server" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" > /dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
# PostgreSQL keeps no key beside the database: one key file for the databases of this run (the
# SQLite side uses it too).
export SAMSKAB_KEY_FILE="$work/samskab.key"
# shellcheck source=lib.sh
source "$here/lib.sh"
# same NAME ARGS...: the command gives the same output, byte for byte, on both stores.
same() {
  local name=$1
  shift
  "$bin" --db lite.db "$@" > lite.out 2> lite.err
  local lite_status=$?
  "$bin" --db "$pg" "$@" > pg.out 2> pg.err
  local pg_status=$?
  if [ "$lite_status" -ne 0 ] || [ "$pg_status" -ne 0 ]; then
    fail "$name: exit $lite_status on SQLite, $pg_status on PostgreSQL"
    cat lite.err pg.err
  elif cmp -s lite.out pg.out; then
    pass
  else
    fail "$name: SQLite and PostgreSQL differ"
    diff lite.out pg.out | head -20
  fi
}

new_database main
pg=$url

# --- init; the password never shows ----------------------------------------------------
expect_status pg-init 0 "$bin" --db "$pg" init
expect_status pg-init-again 0 "$bin" --db "$pg" init
secret=${pg/@/:hemmeligt@}
expect_status pg-init-password 0 "$bin" --db "$secret" init
if grep -q hemmeligt out.txt err.txt; then fail "init shows the password"; else pass; fi
expect_status postgres-scheme 0 "$bin" --db "${pg/postgresql:/postgres:}" init

# --- a generated partnership in both stores ------------------------------------------------
expect_status generate 0 "$bin" generate --people 1500 --seed 11 -o g.json
grep -q '"id":"pl2"' g.json && grep -q '"id":"pa2"' g.json && pass ||
  fail "the generated bundle no longer has place pl2 and partnership pa2"
same import import g.json
same export export
cp lite.out export-1.json

for period in "2016-01-01 2018-12-31" "2017-01-01 2017-12-31" "2016-02-01 2016-02-29"; do
  set -- $period
  for scope in "" "--place pl2" "--partnership pa2"; do
    # shellcheck disable=SC2086
    same "report $period $scope" report --from "$1" --to "$2" $scope --json
  done
done
same "report by quarter" report --from 2016-01-01 --to 2018-12-31 --by quarter --json
same "report by month, suppressed" report --from 2016-01-01 --to 2018-12-31 --by month --suppress
same "report text" --lang en report --from 2017-01-01 --to 2017-12-31 --format text
same "report csv" report --from 2016-01-01 --to 2018-12-31 --by year --format csv

# --- importing again changes nothing; an export imports into an empty database ----------------
same reimport import g.json
same "export after reimport" export
cmp -s lite.out export-1.json && pass || fail "importing the same bundle again changed the data"
new_database round
round=$url
# This database has a key of its own, which the rotation below replaces.
expect_status round-import 0 "$bin" --db "$round" --key-file round.key import export-1.json
expect_contains round-import err.txt "round.key"
expect_status round-export 0 "$bin" --db "$round" --key-file round.key export -o round.json
cmp -s round.json export-1.json && pass || fail "export -> import -> export differs on PostgreSQL"

# --- encryption at rest: the server holds the sensitive fields sealed ----------------------
count() { psql -At "$round" -c "$1"; }
flags=$(count "SELECT count(*) FROM people WHERE support_sealed IS NOT NULL")
links=$(count "SELECT count(*) FROM companions WHERE person_sealed IS NOT NULL")
plain=$(count "SELECT count(*) FROM people WHERE support_need")
plain_links=$(count "SELECT count(*) FROM companions WHERE person IS NOT NULL OR companion IS NOT NULL")
[ "$flags" -gt 0 ] && [ "$links" -gt 0 ] && [ "$plain" = 0 ] && [ "$plain_links" = 0 ] && pass ||
  fail "sealed on PostgreSQL: $flags flags, $links links sealed; $plain flags, $plain_links links in plaintext"
# Without its key file, or with another key, the database is not opened.
expect_status round-no-key 1 "$bin" --db "$round" --key-file missing.key export -o x.json
expect_contains round-no-key err.txt "missing.key"
expect_status round-other-key 1 "$bin" --db "$round" export -o x.json
expect_contains round-other-key err.txt "krypteret med nøglen"
expect_status pg-no-key-file 2 env -u SAMSKAB_KEY_FILE "$bin" --db "$round" export -o x.json
expect_contains pg-no-key-file err.txt "--key-file"
# rotate-key re-seals everything under a new key and replaces the key file.
old_key=$(count "SELECT key_id FROM field_encryption")
expect_status round-rotate 0 "$bin" --db "$round" --key-file round.key rotate-key
new_key=$(count "SELECT key_id FROM field_encryption")
[ -n "$old_key" ] && [ "$new_key" != "$old_key" ] && pass || fail "rotate-key kept key $old_key"
expect_contains round-rotate out.txt "$new_key"
expect_status round-export-rotated 0 "$bin" --db "$round" --key-file round.key export -o rotated.json
cmp -s rotated.json export-1.json && pass || fail "the export after rotate-key differs"
# An export holds everyone's data: each person has a line in the access log, as on SQLite.
people=$(psql -At "$round" -c "SELECT count(*) FROM people")
exported=$(psql -At "$round" -c "SELECT count(DISTINCT subject) FROM audit_log WHERE action = 'export'
  AND detail = 'samskab export'")
[ "$people" -gt 0 ] && [ "$exported" = "$people" ] && pass ||
  fail "export on PostgreSQL logged $exported of $people people"

# --- a bundle that carries only participations of stored people and occurrences -------------
new_database small
pg=$url
rm -f lite.db
same small-import import "$tests/bundles/small.json"
cat > partial.json << 'EOF'
{"format": "samskab-bundle/1",
 "participations": [{"person": "p2", "occurrence": "o2", "role": "passive"}]}
EOF
same partial-import import partial.json
same partial-export export
grep -q '"person":"p2","occurrence":"o2"' pg.out && pass || fail "partial import not stored"
same small-report report --from 2016-01-01 --to 2018-12-31 --json

# --- every invalid bundle is refused with the same messages, and nothing changes -----------
"$bin" --db "$pg" export -o before.json
for bundle in "$tests"/e2e/invalid/*.json; do
  name=$(basename "$bundle" .json)
  "$bin" --db "$pg" --lang en import "$bundle" > out.txt 2> err.txt
  status=$?
  [ "$status" -eq 1 ] && pass || fail "invalid/$name on PostgreSQL: exit $status, expected 1"
  diff -u "$tests/e2e/invalid/$name.en.expected" err.txt > diff.txt && pass ||
    { fail "invalid/$name on PostgreSQL: unexpected messages"; cat diff.txt; }
done
"$bin" --db "$pg" export -o after.json
cmp -s before.json after.json && pass || fail "a refused import changed the PostgreSQL database"

# --- serve on PostgreSQL: check-ins go on while the database server restarts ----------------
# user add, serve, sign in through the API and check people in one after another; meanwhile
# PostgreSQL is restarted (SAMSKAB_TEST_PG_RESTART, set by scripts/with_postgres.sh). Every
# check-in answered 200 must be stored, and the server must answer again afterwards.
# A restart ends every connection to its server, and CTest runs other PostgreSQL tests beside
# this one: so the restart happens on a throwaway server of its own (a second
# scripts/with_postgres.sh, stopped when this script ends), never on the shared one.
restart_cmd=""
if [ -n "${SAMSKAB_TEST_PG_RESTART:-}" ]; then
  env -u SAMSKAB_TEST_PG_URL -u SAMSKAB_TEST_PG_RESTART \
    bash "$here/../../scripts/with_postgres.sh" bash -c 'printf "%s\n%s\n" \
      "$SAMSKAB_TEST_PG_URL" "$SAMSKAB_TEST_PG_RESTART" > private.tmp && mv private.tmp private.env
      while [ ! -e private.done ] && kill -0 '"$$"' 2> /dev/null; do sleep 0.2; done' \
    > private.log 2>&1 &
  private=$!
  for _ in $(seq 600); do
    [ -s private.env ] && break
    kill -0 "$private" 2> /dev/null || break
    sleep 0.1
  done
  [ -s private.env ] && pass || { fail "the server of the restart test did not start"; cat private.log; }
  web=$(sed -n 1p private.env)
  restart_cmd=$(sed -n 2p private.env)
else
  new_database web
  web=$url
fi
password='korrekt hest batteri'
{
  echo '{"format": "samskab-bundle/1",'
  echo ' "partnerships": [{"id": "web", "name": "Webbyen", "organisations": []}],'
  echo ' "places": [{"id": "web-house", "partnership": "web", "name": "Huset", "support_threshold": 0.2}],'
  echo ' "people": ['
  for i in $(seq 1 400); do
    [ "$i" -gt 1 ] && echo ','
    printf '{"id": "w%03d", "name": "Person %03d"}' "$i" "$i"
  done
  # A host checks in people the partnership knows: each has been at the house once before.
  echo '], "visits": ['
  for i in $(seq 1 400); do
    [ "$i" -gt 1 ] && echo ','
    printf '{"person": "w%03d", "place": "web-house", "date": "2024-01-01"}' "$i"
  done
  echo ']}'
} > web.json
expect_status web-import 0 "$bin" --db "$web" import web.json
expect_status web-user-add 0 bash -c "printf '%s' '$password' | \"$bin\" --db '$web' user add \
  host@example.dk --name Værten --role host --place web-house --password-stdin"
expect_status web-user-add-invited 0 "$bin" --db "$web" user add c@example.dk --name C \
  --role coordinator --partnership web
expect_status web-user-add-coordinator 0 bash -c "printf '%s' '$password' | \"$bin\" --db '$web' \
  user add k@example.dk --name Koordinatoren --role coordinator --partnership web --password-stdin"
expect_status web-user-list 0 "$bin" --db "$web" user list
expect_contains web-user-list out.txt "host (sted web-house)"
expect_contains web-user-list out.txt "c@example.dk"
expect_status web-user-remove 0 "$bin" --db "$web" user remove c@example.dk
expect_status web-retention 0 "$bin" --db "$web" retention --dry-run
expect_status web-serve-unreachable 3 "$bin" --db "postgresql://u:hemmeligt@127.0.0.1:1/x" serve \
  --listen 127.0.0.1:0
grep -q hemmeligt err.txt && fail "serve shows the password of an unreachable server" || pass

"$bin" --db "$web" serve --listen 127.0.0.1:0 --workers 2 > serve.out 2> serve.err &
serve_pid=$!
trap 'kill -KILL "$serve_pid" 2> /dev/null; cleanup' EXIT
site=""
for _ in $(seq 100); do
  site=$(sed -n 's/^samskab: listening on \(http:\/\/[0-9.]*:[0-9]*\)$/\1/p' serve.out)
  [ -n "$site" ] && break
  kill -0 "$serve_pid" 2> /dev/null || break
  sleep 0.1
done
if [ -z "$site" ]; then
  fail "serve on PostgreSQL: did not start listening"
  cat serve.out serve.err
else
  pass
  # http NAME WANT ARGS...: curl with the cookie jar, the body to body.json.
  http() {
    local name=$1 want=$2 got
    shift 2
    got=$(curl -s -o body.json -w '%{http_code}' -b jar.txt -c jar.txt "$@")
    if [ "$got" = "$want" ]; then pass; else fail "$name: HTTP $got, expected $want"; cat body.json; echo; fi
  }
  token() { sed -n 's/.*"csrf_token":"\([A-Za-z0-9_-]*\)".*/\1/p' body.json; }
  http web-session 200 "$site/api/v1/session"
  csrf=$(token)
  http web-sign-in 200 -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
    -d "{\"email\":\"host@example.dk\",\"password\":\"$password\"}" "$site/api/v1/session"
  csrf=$(token)
  # The stream: a check-in of the next person until the restart has finished and 20 more have
  # been answered; the restart begins after the 20th.
  restarting=""
  restarted=""
  after=0
  : > answers.txt
  started_at=$(psql -At "$web" -c "SELECT pg_postmaster_start_time()")
  for i in $(seq 1 400); do
    person=$(printf 'w%03d' "$i")
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b jar.txt \
      -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
      -d "{\"person\":\"$person\",\"place\":\"web-house\"}" "$site/api/v1/host/check-ins")
    echo "$person $answer" >> answers.txt
    if [ "$i" -eq 20 ]; then
      if [ -n "$restart_cmd" ]; then
        bash -c "$restart_cmd" > restart.log 2>&1 &
        restarting=$!
      else
        restarted=yes
      fi
    elif [ -n "$restarting" ] && [ -z "$restarted" ] && ! kill -0 "$restarting" 2> /dev/null; then
      restarted=yes
    elif [ -n "$restarted" ]; then
      after=$((after + 1))
      [ "$after" -ge 20 ] && break
    fi
  done
  if [ -n "$restarting" ]; then
    wait "$restarting" && pass || { fail "the PostgreSQL restart failed"; cat restart.log; }
    [ "$(psql -At "$web" -c "SELECT pg_postmaster_start_time()")" != "$started_at" ] && pass ||
      fail "the PostgreSQL server was not restarted"
  elif [ -z "$restart_cmd" ]; then
    echo "SAMSKAB_TEST_PG_RESTART is not set: the check-ins ran without a restart"
  fi
  # Every check-in answered 200 is stored; the last ones, after the restart, were answered 200.
  psql -At "$web" -c "SELECT p.id FROM visits v JOIN people p ON p.pk = v.person
    JOIN places pl ON pl.pk = v.place WHERE pl.id = 'web-house' AND v.date > '2024-01-01'
    ORDER BY p.id" > stored.txt
  awk '$2 == "200" { print $1 }' answers.txt | sort > acknowledged.txt
  missing=$(comm -23 acknowledged.txt stored.txt)
  [ -z "$missing" ] && pass || fail "acknowledged check-ins not stored: $missing"
  [ -s acknowledged.txt ] && pass || fail "no check-in was acknowledged"
  tail -n 10 answers.txt | awk '$2 != "200" { bad = 1 } END { exit bad }' && pass ||
    { fail "check-ins still fail after the restart"; tail -n 10 answers.txt; }
  echo "check-ins: $(wc -l < answers.txt) sent, $(wc -l < acknowledged.txt) acknowledged," \
    "$(wc -l < stored.txt) stored; the slowest took $(sort -k3 -g answers.txt | tail -n 1 | cut -d' ' -f3) s"
  http web-after-restart 200 "$site/api/v1/me"
  expect_contains web-after-restart body.json '"email":"host@example.dk"'
  http web-today 200 "$site/api/v1/host/today?place=web-house"
  expect_contains web-today body.json '"id":"w001"'
  # The host's logbooks are kept on PostgreSQL too.
  http web-logbooks 200 "$site/host/logbooks?place=web-house"
  # The dashboard reads through the bundle store's own connection, which the restart broke: it
  # is opened anew.
  rm -f jar.txt
  http web-coordinator-session 200 "$site/api/v1/session"
  csrf=$(token)
  http web-coordinator-sign-in 200 -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
    -d "{\"email\":\"k@example.dk\",\"password\":\"$password\"}" "$site/api/v1/session"
  http web-dashboard-after-restart 200 "$site/coordinator/dashboard"
  kill -TERM "$serve_pid"
  status=0
  wait "$serve_pid" || status=$?
  [ "$status" -eq 0 ] && pass || { fail "serve on PostgreSQL: exit $status after SIGTERM"; cat serve.err; }
fi
trap cleanup EXIT
if [ -n "${private:-}" ]; then
  touch private.done
  wait "$private"
fi

finish
