#!/usr/bin/env bash
# `make run`: the demo database (the booklet's three partnerships, 2016-2018, invented people),
# an account for every role, and the web application on it until Ctrl+C.
#   run.sh [BUILD_DIR]      SAMSKAB_DEMO_DB=FILE (samskab-demo.db), SAMSKAB_LISTEN=HOST:PORT
# The accounts are made only when the demo database is new, with generated passwords that are
# printed and kept beside the database (FILE minus .db, plus -logins.txt), so that the next
# `make run` can print them again. A plain `samskab serve` creates no account.
set -euo pipefail
build=${1:-build}
db=${SAMSKAB_DEMO_DB:-samskab-demo.db}
listen=${SAMSKAB_LISTEN:-127.0.0.1:8080}
bin="$build/samskab"
logins="${db%.db}-logins.txt"
domain=samskab.example

# A password of 16 letters and digits.
new_password() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-16; }

# The fixed weekly activities of INSP!'s house for the next four weeks, as a bundle that refers
# to the activities already stored: the demo's own records end with 2018, and "what's on"
# shows what is coming. Ids follow core::expand_schedule ("<activity>-<YYYYMMDD>T<HHMM>").
upcoming_bundle() {
  # activity, ISO weekday (1 = Monday), start, end
  local weekly=(
    "insp-netvaerk-for-ledige 1 10:00 12:00"
    "insp-introrunde 2 11:00 12:00"
    "insp-musikvaerksted 2 16:00 19:00"
    "insp-kreativt-vaerksted 3 13:00 16:00"
    "insp-braetspilsaften 3 18:00 22:00"
    "insp-faellesspisning 4 17:30 19:30"
    "insp-startup-cafe 5 13:00 15:00"
  )
  local first=1 day date weekday line activity on start end
  echo '{"format": "samskab-bundle/1", "occurrences": ['
  for day in $(seq 0 27); do
    date=$(date -d "+$day day" +%F)
    weekday=$(date -d "+$day day" +%u)
    for line in "${weekly[@]}"; do
      read -r activity on start end <<< "$line"
      [ "$on" = "$weekday" ] || continue
      [ "$first" = 1 ] || echo ','
      first=0
      printf '{"id": "%s-%sT%s", "activity": "%s", "start": "%sT%s:00", "end": "%sT%s:00"}' \
        "$activity" "${date//-/}" "${start//:/}" "$activity" "$date" "$start" "$date" "$end"
    done
  done
  echo ']}'
}

# add_login ROLE EMAIL NAME OPTIONS...: an account with a new password, noted in $logins.
add_login() {
  local role=$1 email=$2 name=$3
  shift 3
  local password
  password=$(new_password)
  printf '%s\n' "$password" |
    "$bin" --db "$db" user add "$email" --name "$name" --role "$role" "$@" --password-stdin > /dev/null
  printf '  %-14s %-32s %s\n' "$role" "$email" "$password" >> "$logins"
}

if [ ! -f "$db" ]; then
  "$bin" --db "$db" demo
  echo
  work=$(mktemp -d)
  upcoming_bundle > "$work/upcoming.json"
  "$bin" --db "$db" import "$work/upcoming.json" > /dev/null
  # The participant is a young person whom the companion, a youth guide, accompanies now.
  guide=insp-v01
  "$bin" --db "$db" export -o "$work/demo.json"
  person=$(sed -n "/\"companion\":\"$guide\".*\"to\":null/{s/.*\"person\":\"\([^\"]*\)\".*/\1/p;q}" "$work/demo.json")
  person=${person:-insp-p001}
  rm -rf "$work"
  umask 077
  : > "$logins"
  add_login participant "deltager@$domain" "Demodeltager" --partnership insp --person "$person"
  add_login host "vaert@$domain" "Demovært" --place insp-huset
  add_login coordinator "koordinator@$domain" "Demokoordinator" --partnership insp
  add_login companion "foelgeperson@$domain" "Demofølgeperson" --partnership insp --person "$guide"
  add_login analyst "analytiker@$domain" "Demoanalytiker"
  add_login administrator "administrator@$domain" "Demoadministrator"
fi

echo "Demodatabasen er $db (alle personer er opdigtede)."
if [ -f "$logins" ]; then
  echo "Log ind som (rolle, e-mail, adgangskode; også i $logins):"
  cat "$logins"
else
  echo "Kontiene i $db er lavet før; se dem med: $bin --db $db user list"
fi
echo "Åbn http://$listen/ i en browser. API'et: http://$listen/api/v1/openapi.json"
echo "Stop serveren med Ctrl+C."
echo
exec "$bin" --db "$db" serve --listen "$listen" --public-url "http://$listen"
