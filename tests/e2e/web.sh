#!/usr/bin/env bash
# End-to-end cases of the web application's commands, run by CTest against the real binary:
#   web.sh SAMSKAB_BINARY TESTS_DIR
# `samskab user` on a database with the small bundle, then `samskab serve` on a port the system
# chooses, spoken to with curl as a script would: sign in through the API, check someone in,
# and stop the server with SIGTERM.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
tests=$2
work=$(mktemp -d)
server=""
cleanup() {
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
db=web.db
expect_status import 0 "$bin" --db "$db" import "$tests/bundles/small.json"

# --- user add, list, remove -----------------------------------------------------------
expect_status help-user 0 "$bin" user --help
expect_status user-add-invitation 0 "$bin" --db "$db" user add Anna@Example.dk --name "Anna Ærø" \
  --role coordinator --partnership insp
expect_contains user-add-invitation out.txt "Kontoen anna@example.dk er oprettet: coordinator (partnerskab insp)."
expect_contains user-add-invitation out.txt "http://127.0.0.1:8080/invitation/"
expect_status user-add-invitation-url 0 "$bin" --db "$db" --lang en user add guide@example.dk \
  --name Guide --role companion --partnership insp --person s1 --public-url https://samskab.example.dk/
expect_contains user-add-invitation-url out.txt "https://samskab.example.dk/invitation/"
expect_contains user-add-invitation-url out.txt "The account guide@example.dk is created"
expect_status user-add-host 0 bash -c "printf '%s\n' '$password' | \"$bin\" --db $db user add \
  host@example.dk --name Værten --role host --place insp-house --password-stdin"
grep -q invitation out.txt && fail "user add --password-stdin: printed an invitation" || pass
expect_status user-add-participant 0 bash -c "printf '%s' '$password' | \"$bin\" --db $db user add \
  p2@example.dk --name Søren --role participant --partnership insp --person p2 --password-stdin"

expect_status user-list 0 "$bin" --db "$db" user list
expect_contains user-list out.txt "anna@example.dk"
expect_contains user-list out.txt "Anna Ærø"
expect_contains user-list out.txt "coordinator (partnerskab insp)"
expect_contains user-list out.txt "host (sted insp-house)"
expect_contains user-list out.txt "inviteret"
expect_contains user-list out.txt "aktiv"
expect_contains user-list out.txt "p2"
grep -q 'argon2' out.txt && fail "user list shows a password hash" || pass
expect_status user-list-en 0 "$bin" --db "$db" --lang en user list
expect_contains user-list-en out.txt "participant (partnership insp)"
expect_contains user-list-en out.txt "invited"

# Bad input: exit 1, the option named, in Danish or English; nothing stored.
expect_status bad-role-da 1 "$bin" --db "$db" user add x@example.dk --name X --role boss
expect_contains bad-role-da err.txt '--role: ukendt værdi "boss"; tilladt er: participant, host, coordinator, companion, analyst, administrator'
expect_status bad-role-en 1 "$bin" --db "$db" --lang en user add x@example.dk --name X --role boss
expect_contains bad-role-en err.txt '--role: unknown value "boss"; allowed: participant, host,'
expect_status unknown-place-da 1 "$bin" --db "$db" user add x@example.dk --name X --role host --place nowhere
expect_contains unknown-place-da err.txt '--place: ukendt sted "nowhere"'
expect_status unknown-place-en 1 "$bin" --db "$db" --lang en user add x@example.dk --name X --role host --place nowhere
expect_contains unknown-place-en err.txt '--place: unknown place "nowhere"'
expect_status unknown-partnership 1 "$bin" --db "$db" --lang en user add x@example.dk --name X --role coordinator --partnership nope
expect_contains unknown-partnership err.txt '--partnership: unknown partnership "nope"'
expect_status unknown-person 1 "$bin" --db "$db" user add x@example.dk --name X --role participant --person nobody
expect_contains unknown-person err.txt '--person: ukendt person "nobody"'
expect_status person-taken 1 "$bin" --db "$db" --lang en user add y@example.dk --name Y --role participant --person p2
expect_contains person-taken err.txt '--person: p2 already has an account (p2@example.dk)'
expect_status email-taken 1 "$bin" --db "$db" user add ANNA@example.dk --name Anna --role host --place insp-house
expect_contains email-taken err.txt 'EMAIL: er allerede i brug'
expect_status bad-email 1 "$bin" --db "$db" --lang en user add not-an-email --name X --role host
expect_contains bad-email err.txt 'EMAIL: must be an email address'
expect_status short-password 1 bash -c "echo kort | \"$bin\" --db $db user add x@example.dk --name X --role host --password-stdin"
expect_contains short-password err.txt '--password-stdin: skal være mindst 10 tegn'
expect_status place-and-partnership 2 "$bin" --db "$db" user add x@example.dk --name X --role host --place a --partnership b
expect_status user-without-action 2 "$bin" --db "$db" user
# On PostgreSQL (tests/e2e/postgres.sh) `user` works; a server that cannot be reached is named.
expect_status user-postgres 3 "$bin" --db postgresql://u@127.0.0.1:1/x --key-file pg.key user list
expect_contains user-postgres err.txt "127.0.0.1:1"
# PostgreSQL needs a named key file (nothing is kept beside a server); rotate-key reaches it.
expect_status rotate-key-postgres-no-key 2 "$bin" --db postgresql://u@127.0.0.1:1/x rotate-key
expect_contains rotate-key-postgres-no-key err.txt "--key-file: en PostgreSQL-database skal have en nøglefil"
expect_status rotate-key-postgres 3 "$bin" --db postgresql://u@127.0.0.1:1/x --key-file pg.key rotate-key
expect_contains rotate-key-postgres err.txt "127.0.0.1:1"
expect_status user-list-after-errors 0 "$bin" --db "$db" user list
grep -q 'x@example.dk\|y@example.dk' out.txt && fail "a refused user add stored an account" || pass

expect_status user-remove 0 "$bin" --db "$db" user remove anna@example.dk
expect_contains user-remove out.txt "anna@example.dk"
expect_status user-list-removed 0 "$bin" --db "$db" user list
grep -q anna@example.dk out.txt && fail "user remove: the account is still listed" || pass
expect_status user-remove-unknown 1 "$bin" --db "$db" user remove anna@example.dk
expect_contains user-remove-unknown err.txt "EMAIL: der er ingen konto med e-mailen anna@example.dk"
expect_status user-remove-unknown-en 1 "$bin" --db "$db" --lang en user remove nobody@example.dk
expect_contains user-remove-unknown-en err.txt "there is no account with the email nobody@example.dk"

# --- serve: usage ---------------------------------------------------------------------
expect_status help-serve 0 "$bin" serve --help
expect_status serve-postgres 3 "$bin" --db postgresql://u@127.0.0.1:1/x --key-file pg.key --lang en serve
expect_contains serve-postgres err.txt "127.0.0.1:1"
expect_status serve-bad-listen 2 "$bin" --db "$db" serve --listen localhost
expect_contains serve-bad-listen err.txt "--listen: skal være VÆRT:PORT"
expect_status serve-bad-port 2 "$bin" --db "$db" --lang en serve --listen 127.0.0.1:70000
expect_contains serve-bad-port err.txt "--listen: must be HOST:PORT"
expect_status serve-no-workers 2 "$bin" --db "$db" serve --workers 0
# A plain serve creates no account.
expect_status accounts-before 0 "$bin" --db "$db" user list
cp out.txt accounts-before.txt

# --- serve: a real server on a free port ----------------------------------------------
"$bin" --db "$db" serve --listen 127.0.0.1:0 --workers 2 > serve.out 2> serve.err &
server=$!
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/^samskab: listening on \(http:\/\/[0-9.]*:[0-9]*\)$/\1/p' serve.out)
  [ -n "$url" ] && break
  kill -0 "$server" 2> /dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  fail "serve: did not start listening"
  cat serve.out serve.err
  finish
  exit 1
fi
pass

# curl_json NAME WANT_STATUS ARGS...: a request with the cookie jar; body to body.json.
curl_json() {
  local name=$1 want=$2
  shift 2
  local got
  got=$(curl -s -o body.json -w '%{http_code}' -b jar.txt -c jar.txt "$@")
  if [ "$got" = "$want" ]; then pass; else fail "$name: HTTP $got, expected $want"; cat body.json; echo; fi
}
token_of() { sed -n 's/.*"csrf_token":"\([A-Za-z0-9_-]*\)".*/\1/p' body.json; }

curl_json openapi 200 "$url/api/v1/openapi.json"
expect_contains openapi body.json '"openapi": "3.0.3"'
curl_json unauthenticated 401 "$url/api/v1/me"
expect_contains unauthenticated body.json '"code":"Unauthenticated"'

# Sign in as a script does: the pre-session CSRF token, then email and password as JSON.
curl_json session-token 200 "$url/api/v1/session"
csrf=$(token_of)
[ -n "$csrf" ] && pass || fail "GET /api/v1/session gave no csrf_token"
curl_json sign-in-without-token 403 -H 'content-type: application/json' \
  -d "{\"email\":\"host@example.dk\",\"password\":\"$password\"}" "$url/api/v1/session"
curl_json sign-in-wrong 400 -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
  -d '{"email":"host@example.dk","password":"forkert forkert"}' "$url/api/v1/session?lang=en"
expect_contains sign-in-wrong body.json '"message":"the email or the password is wrong"'
curl_json sign-in 200 -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
  -d "{\"email\":\"host@example.dk\",\"password\":\"$password\"}" "$url/api/v1/session"
csrf=$(token_of)
grep -q samskab_session jar.txt && pass || fail "sign-in: no session cookie"
curl_json me 200 "$url/api/v1/me"
expect_contains me body.json '"email":"host@example.dk"'

# A check-in: refused without the CSRF header, recorded with it, shown in today's list.
curl_json check-in-no-csrf 403 -H 'content-type: application/json' \
  -d '{"person":"p1","place":"insp-house"}' "$url/api/v1/host/check-ins"
curl_json check-in 200 -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
  -d '{"person":"p1","place":"insp-house"}' "$url/api/v1/host/check-ins"
curl_json today 200 "$url/api/v1/host/today?place=insp-house"
expect_contains today body.json '"id":"p1"'
grep -q support_need body.json && fail "today: the host is shown a support need" || pass
curl_json check-in-elsewhere 404 -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
  -d '{"person":"p1","place":"nowhere"}' "$url/api/v1/host/check-ins?lang=en"
expect_contains check-in-elsewhere body.json '"message":"place: unknown place \"nowhere\""'

# SIGTERM: the server stops accepting, finishes, and exits 0.
kill -TERM "$server"
status=0
wait "$server" || status=$?
server=""
[ "$status" -eq 0 ] && pass || { fail "serve: exit $status after SIGTERM"; cat serve.err; }
curl -s -o /dev/null "$url/api/v1/openapi.json" && fail "serve: still answering after SIGTERM" || pass
expect_status accounts-after 0 "$bin" --db "$db" user list
cmp -s out.txt accounts-before.txt && pass || fail "serve changed the accounts"

finish
