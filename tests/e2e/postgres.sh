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
expect_status round-import 0 "$bin" --db "$round" import export-1.json
expect_status round-export 0 "$bin" --db "$round" export -o round.json
cmp -s round.json export-1.json && pass || fail "export -> import -> export differs on PostgreSQL"

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

finish
