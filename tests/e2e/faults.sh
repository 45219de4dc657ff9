#!/usr/bin/env bash
# Faults, run by CTest against the real binary:
#   faults.sh SAMSKAB_BINARY TESTS_DIR
# 1. `samskab serve` is killed with SIGKILL in the middle of a stream of check-ins from four
#    clients at once; after a restart, every check-in the server acknowledged (HTTP 200) is
#    stored, and the database passes PRAGMA integrity_check (`samskab restore --check`).
# 2. `samskab backup` while the server is writing check-ins: the backup passes the check, holds
#    a consistent state, and `samskab restore` of it, with the server still running, gives a
#    server that answers with the restored data and goes on storing check-ins.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
work=$(mktemp -d)
server=""
clients=()
cleanup() {
  for client in "${clients[@]}"; do
    kill -KILL "$client" 2> /dev/null
  done
  if [ -n "$server" ] && kill -0 "$server" 2> /dev/null; then
    kill -KILL "$server" 2> /dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1
# shellcheck source=lib.sh
source "$here/lib.sh"

password='korrekt hest batteri'
db=faults.db
people=2401
# Recent visits: people inactive for years are anonymised when the server starts.
yesterday=$(date -d yesterday +%F)

# A partnership with one place and $people people who have been there before, so that the
# place's host may check each of them in (once a day).
{
  printf '{"format": "samskab-bundle/1",\n'
  printf ' "partnerships": [{"id": "fp", "name": "Fejlpartnerskabet"}],\n'
  printf ' "places": [{"id": "fp-place", "partnership": "fp", "name": "Huset", "support_threshold": 0.2}],\n'
  printf ' "people": ['
  for i in $(seq "$people"); do
    [ "$i" -gt 1 ] && printf ','
    printf '{"id": "f%d", "name": "Person %d"}' "$i" "$i"
  done
  printf '],\n "visits": ['
  for i in $(seq "$people"); do
    [ "$i" -gt 1 ] && printf ','
    printf '{"person": "f%d", "place": "fp-place", "date": "%s"}' "$i" "$yesterday"
  done
  printf ']}\n'
} > bundle.json
expect_status import 0 "$bin" --db "$db" import bundle.json
expect_status host-account 0 bash -c "printf '%s\n' '$password' | \"$bin\" --db $db user add \
  host@example.dk --name Værten --role host --place fp-place --password-stdin"

# start_server: `samskab serve` on a free port; sets $server and $url.
start_server() {
  "$bin" --db "$db" serve --listen 127.0.0.1:0 --workers 2 > serve.out 2> serve.err &
  server=$!
  url=""
  for _ in $(seq 100); do
    url=$(sed -n 's/^samskab: listening on \(http:\/\/[0-9.]*:[0-9]*\)$/\1/p' serve.out)
    [ -n "$url" ] && return 0
    kill -0 "$server" 2> /dev/null || break
    sleep 0.1
  done
  fail "serve: did not start listening"
  cat serve.out serve.err
  finish
  exit 1
}

# sign_in: a session for the host in jar.txt, its CSRF token in $csrf.
sign_in() {
  rm -f jar.txt
  curl -s -o body.json -b jar.txt -c jar.txt "$url/api/v1/session"
  csrf=$(sed -n 's/.*"csrf_token":"\([A-Za-z0-9_-]*\)".*/\1/p' body.json)
  local got
  got=$(curl -s -o body.json -w '%{http_code}' -b jar.txt -c jar.txt \
    -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
    -d "{\"email\":\"host@example.dk\",\"password\":\"$password\"}" "$url/api/v1/session")
  [ "$got" = 200 ] && pass || { fail "sign-in: HTTP $got"; cat body.json; }
  csrf=$(sed -n 's/.*"csrf_token":"\([A-Za-z0-9_-]*\)".*/\1/p' body.json)
}

# start_clients FROM: four clients at once, each a single curl that checks in its own
# $per_client people from f<FROM> on, one after another at 100 a second over one kept-alive
# connection, and prints "ID STATUS" for each into client-N.out (STATUS 000: no answer).
per_client=300
start_clients() {
  clients=()
  rm -f client-*.out
  local c i first
  for c in 0 1 2 3; do
    first=$(($1 + c * per_client))
    {
      echo 'rate = "100/s"'
      for i in $(seq "$first" $((first + per_client - 1))); do
        printf 'url = "%s/api/v1/host/check-ins"\n' "$url"
        printf 'data = "{\\"person\\":\\"f%d\\",\\"place\\":\\"fp-place\\"}"\n' "$i"
        printf 'header = "content-type: application/json"\nheader = "x-csrf-token: %s"\n' "$csrf"
        printf 'cookie = "jar.txt"\noutput = "/dev/null"\nmax-time = 5\n'
        printf 'write-out = "f%d %%{http_code}\\n"\nnext\n' "$i"
      done
    } > "client-$c.conf"
    curl -s -K "client-$c.conf" > "client-$c.out" 2> /dev/null &
    clients+=($!)
  done
}

# wait_clients: waits for the clients; the acknowledged ids into acked.txt (sorted), any other
# answer but 000 into stream-errors.txt.
wait_clients() {
  local client
  for client in "${clients[@]}"; do wait "$client"; done
  clients=()
  awk '$2 == 200 {print $1}' client-*.out | sort > acked.txt
  awk '$2 != 200 && $2 != "000"' client-*.out > stream-errors.txt
}

# stored_count: how many are checked in today, as the server says.
stored_count() {
  curl -s -b jar.txt "$url/api/v1/host/today?place=fp-place" | grep -o '"id":"f[0-9]*"' | sort -u |
    wc -l
}

# today_ids FILE: the ids checked in today, one a line, sorted, from the host's API.
today_ids() {
  curl -s -b jar.txt "$url/api/v1/host/today?place=fp-place" |
    grep -o '"id":"f[0-9]*"' | sed 's/"id":"\(f[0-9]*\)"/\1/' | sort -u > "$1"
}

# --- 1. SIGKILL in the middle of a stream of check-ins ---------------------------------
start_server
sign_in
start_clients 1
# Kill once some check-ins are stored, while the clients are still sending.
for _ in $(seq 100); do
  [ "$(stored_count)" -ge 40 ] && break
  sleep 0.05
done
kill -KILL "$server"
wait "$server" 2> /dev/null
server=""
wait_clients
acked=$(wc -l < acked.txt)
if [ "$acked" -ge 40 ] && [ "$acked" -lt $((4 * per_client)) ]; then pass; else
  fail "kill: $acked check-ins acknowledged, expected the kill in the middle of $((4 * per_client))"
fi
[ -s stream-errors.txt ] && { fail "check-ins refused before the kill"; head stream-errors.txt; } || pass

# The database after the crash: recovered from its WAL, and sound.
expect_status integrity-after-kill 0 "$bin" --lang en restore --check "$db"
expect_contains integrity-after-kill out.txt "$db is a sound samskab database"
start_server
sign_in
today_ids stored.txt
missing=$(comm -23 acked.txt stored.txt | wc -l)
[ "$missing" -eq 0 ] && pass || {
  fail "kill: $missing acknowledged check-ins are not stored"
  comm -23 acked.txt stored.txt | head
}

# --- 2. backup while the server writes, and restore under the running server ------------
before=$(wc -l < stored.txt)
start_clients $((4 * per_client + 1))
for _ in $(seq 100); do
  [ "$(stored_count)" -ge $((before + 20)) ] && break
  sleep 0.05
done
expect_status backup-while-writing 0 "$bin" --db "$db" backup backup.db
expect_contains backup-while-writing out.txt "Sikkerhedskopien er gemt i backup.db"
still_sending=0
for client in "${clients[@]}"; do kill -0 "$client" 2> /dev/null && still_sending=1; done
wait_clients
# The backup was taken while the clients were writing, and none of their check-ins was refused.
[ "$still_sending" -eq 1 ] && pass || fail "backup: the stream had ended before it"
[ -s stream-errors.txt ] && { fail "check-ins refused during the backup"; head stream-errors.txt; } || pass
[ "$(wc -l < acked.txt)" -eq $((4 * per_client)) ] && pass || fail "stream: $(wc -l < acked.txt) acknowledged"
expect_status backup-sound 0 "$bin" --lang en restore --check backup.db
expect_contains backup-sound out.txt "backup.db is a sound samskab database"
[ ! -e backup.db-wal ] && [ ! -e backup.db-journal ] && pass || fail "backup: not one file"
ls -a | grep -q '\.tmp-' && fail "backup: a temporary file was left" || pass
today_ids full.txt
[ "$(wc -l < full.txt)" -eq $((before + 4 * per_client)) ] && pass ||
  fail "stream: $(wc -l < full.txt) stored"

# Restore with the server running: the check-ins made after the backup are gone, those before
# it stay, the signed-in session (older than the backup) goes on working.
expect_status restore-under-server 0 "$bin" --db "$db" --lang en restore backup.db
expect_contains restore-under-server out.txt "The database $db is restored from backup.db"
today_ids restored.txt
in_backup=$(wc -l < restored.txt)
if [ "$in_backup" -ge $((before + 20)) ] && [ "$in_backup" -lt $((before + 4 * per_client)) ]; then
  pass
else
  fail "restore: $in_backup check-ins after it, expected more than $before, fewer than all"
fi
[ "$(comm -23 stored.txt restored.txt | wc -l)" -eq 0 ] && pass ||
  fail "restore: check-ins from before the backup are gone"
got=$(curl -s -o body.json -w '%{http_code}' -b jar.txt -H 'content-type: application/json' \
  -H "x-csrf-token: $csrf" -d '{"person":"f2401","place":"fp-place"}' "$url/api/v1/host/check-ins")
today_ids after.txt
if [ "$got" = 200 ] && grep -qx f2401 after.txt; then pass; else
  fail "a check-in after the restore: HTTP $got"
  cat body.json
fi

kill -TERM "$server"
status=0
wait "$server" || status=$?
server=""
[ "$status" -eq 0 ] && pass || { fail "serve: exit $status after SIGTERM"; cat serve.err; }
expect_status integrity-after-restore 0 "$bin" restore --check "$db"

# The refusals: PostgreSQL, a file that is no database, the database itself.
expect_status backup-postgres 2 "$bin" --db postgresql://u@127.0.0.1:1/x backup x.db
expect_contains backup-postgres err.txt "pg_dump"
expect_status restore-postgres-en 2 "$bin" --db postgres://u@127.0.0.1:1/x --lang en restore x.db
expect_contains restore-postgres-en err.txt "back up a PostgreSQL database with pg_dump and restore it with pg_restore"
echo "not a database" > notes.txt
expect_status restore-not-a-database 1 "$bin" --db "$db" restore notes.txt
expect_contains restore-not-a-database err.txt "notes.txt: er ikke en samskab-database"
expect_status backup-onto-itself 2 "$bin" --db "$db" backup "$db"
expect_status check-after-refusals 0 "$bin" restore --check "$db"

finish
