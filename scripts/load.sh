#!/usr/bin/env bash
# `make load`: `samskab serve` on the generated 50,000-person dataset under wrk, route by route
# (the main pages of each role and the JSON API), printing a table of requests per second and
# latency percentiles (p50, p90, p99) with the errors of each.
#   load.sh BUILD_DIR
# The dataset (generated with seed 1, imported, with accounts and this week's occurrences) is
# made once into BUILD_DIR/load/ and reused while the binary is not newer; each run serves a
# fresh copy, so that check-ins do not pile up between runs. Figures also go to
# BUILD_DIR/load/results.txt. Settings: LOAD_PEOPLE (50000), LOAD_SECONDS per route (10),
# LOAD_CONNECTIONS (32), LOAD_WORKERS (server threads, 2), LOAD_ROUTES (a regular expression:
# only the routes whose name matches).
set -euo pipefail
build=${1:-build}
bin="$build/samskab"
people=${LOAD_PEOPLE:-50000}
seconds=${LOAD_SECONDS:-10}
connections=${LOAD_CONNECTIONS:-32}
workers=${LOAD_WORKERS:-2}
only=${LOAD_ROUTES:-.}
bash "$(dirname "$0")/deps.sh" wrk curl
ulimit -n 4096

cache="$build/load"
mkdir -p "$cache"
results="$cache/results.txt"
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2> /dev/null; then
    kill -TERM "$server"
    wait "$server" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
say() { echo "$*" | tee -a "$results"; }

# --- the dataset, made once -------------------------------------------------------------
dataset="$cache/dataset-$people.db"
facts="$cache/dataset-$people.env"
password_file="$cache/password"
if [ ! -s "$dataset" ] || [ ! -s "$facts" ] || [ "$bin" -nt "$dataset" ]; then
  echo "load: making the ${people}-person dataset (once; kept in $cache)"
  rm -f "$dataset" "$dataset-wal" "$dataset-shm" "$dataset.key" "$facts"
  "$bin" generate --people "$people" --seed 1 -o "$work/bundle.json"
  "$bin" --db "$work/load.db" import "$work/bundle.json" > /dev/null
  "$bin" --db "$work/load.db" export -o "$work/data.json"
  # The first place, its partnership, one of its fixed activities, the people who visited it.
  read -r place partnership <<< "$(sed -n '/^  "places": \[/,/^  \]/{s/.*{"id":"\([^"]*\)","partnership":"\([^"]*\)".*/\1 \2/p}' "$work/data.json" | head -n 1)"
  sed -n "s/.*{\"person\":\"\\([^\"]*\\)\",\"place\":\"$place\",\"date\".*/\\1/p" "$work/data.json" |
    sort -u > "$cache/people.txt"
  participant=$(head -n 1 "$cache/people.txt")
  grep "\"place\":\"$place\",\"title\":\"[^\"]*\",\"kind\":\"fixed\"" "$work/data.json" |
    sed 's/.*{"id":"\([^"]*\)".*/\1/' > "$work/activities.txt"
  activity=$(head -n 1 "$work/activities.txt")
  # This week and the next three: one occurrence a week of each fixed activity of the place
  # (the generated data ends with 2018; "what's on" shows the weeks ahead).
  monday=$(date -d "$(( $(date +%u) - 1 )) days ago" +%F)
  {
    echo '{"format": "samskab-bundle/1", "occurrences": ['
    index=0
    while read -r id; do
      for week in 0 1 2 3; do
        day=$(date -d "$monday + $(( week * 7 + index % 7 )) days" +%F)
        hour=$(( 10 + (index % 5) * 2 ))
        [ "$index" -eq 0 ] && [ "$week" -eq 0 ] || echo ','
        printf '{"id": "%s-load-%s", "activity": "%s", "start": "%sT%02d:00:00", "end": "%sT%02d:00:00"}' \
          "$id" "${day//-/}" "$id" "$day" "$hour" "$day" "$(( hour + 2 ))"
      done
      index=$(( index + 1 ))
    done < "$work/activities.txt"
    echo ']}'
  } > "$work/upcoming.json"
  "$bin" --db "$work/load.db" import "$work/upcoming.json" > /dev/null
  head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-16 > "$password_file"
  password=$(cat "$password_file")
  add_user() {
    printf '%s\n' "$password" | "$bin" --db "$work/load.db" user add "$@" --password-stdin > /dev/null
  }
  add_user deltager@load.example --name Deltager --role participant --partnership "$partnership" \
    --person "$participant"
  add_user vaert@load.example --name Vært --role host --place "$place"
  add_user koordinator@load.example --name Koordinator --role coordinator --partnership "$partnership"
  # One self-contained file: the WAL folded in.
  "$bin" --db "$work/load.db" backup "$dataset" > /dev/null
  # The backup stays encrypted: its key goes with it.
  cp -p "$work/load.db.key" "$dataset.key"
  printf 'place=%s\npartnership=%s\nactivity=%s\n' "$place" "$partnership" "$activity" > "$facts"
fi
# shellcheck disable=SC1090
source "$facts"
password=$(cat "$password_file")
cp "$dataset" "$work/serve.db"
cp -p "$dataset.key" "$work/serve.db.key"

# The generated people were last active in 2018: the nightly anonymisation of inactive people
# would remove them from under the benchmark.
serve_options=()
"$bin" serve --help | grep -q -- --no-retention && serve_options+=(--no-retention)
"$bin" --db "$work/serve.db" serve --listen 127.0.0.1:0 --workers "$workers" "${serve_options[@]}" \
  > "$work/serve.out" 2> "$work/serve.err" &
server=$!
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/^samskab: listening on \(http:\/\/[0-9.]*:[0-9]*\)$/\1/p' "$work/serve.out")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.err"; echo "load: the server did not start" >&2; exit 1; }

# sign_in ROLE EMAIL: the session cookie and CSRF token of ROLE, as a script signs in.
declare -A cookie csrf
sign_in() {
  local jar="$work/jar-$1" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$url/api/v1/session" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
  csrf[$1]=$(curl -s -c "$jar" -b "$jar" -H 'content-type: application/json' -H "x-csrf-token: $token" \
    -d "{\"email\":\"$2\",\"password\":\"$password\"}" "$url/api/v1/session" |
    sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
  cookie[$1]="samskab_session=$(awk '$6 == "samskab_session" {print $7}' "$jar")"
  [ -n "${csrf[$1]}" ]
}
declare -A email=([participant]=deltager@load.example [host]=vaert@load.example
                  [coordinator]=koordinator@load.example)
cookie[anonymous]=""


# write_check_in_script: a random person of the place each time, as JSON with the host's
# session (its cookie comes with wrk's -H).
write_check_in_script() {
  {
    echo 'local people = {'
    head -n 2000 "$cache/people.txt" | sed 's/.*/  "&",/'
    echo '}'
    cat << LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-csrf-token"] = "${csrf[host]}"
request = function()
  local person = people[math.random(#people)]
  return wrk.format(nil, nil, nil, '{"person":"' .. person .. '","place":"$place"}')
end
LUA
  } > "$work/check_in.lua"
}

# ms VALUE: wrk's latency ("812.00us", "3.21ms", "1.02s") in milliseconds.
ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; unit = v; sub(/^[0-9.]+/, "", unit)
    if (unit == "us") n /= 1000; else if (unit == "s") n *= 1000; else if (unit == "m") n *= 60000
    printf "%.2f", n }'
}

# drain: waits (up to a minute) until the server answers a light request within 0.2 s again,
# so that requests still queued from one route do not count against the next.
drain() {
  local _ took
  for _ in $(seq 120); do
    took=$(curl -s -o /dev/null -w '%{time_total}' --max-time 5 "$url/login" || echo 5)
    awk -v t="$took" 'BEGIN {exit !(t < 0.2)}' && return 0
    sleep 0.5
  done
}

# The routes: name, role, method (a POST runs the check-in script), path. The lists of all the
# partnership's people come last: they are by far the slowest.
routes="
page_login            anonymous    GET   /login
page_whats_on         participant  GET   /whats-on
page_activity         participant  GET   /activities/$activity
page_me               participant  GET   /me
page_host_today       host         GET   /host/today?place=$place
page_host_rota        host         GET   /host/rota?place=$place
page_coordinator      coordinator  GET   /coordinator
api_me                participant  GET   /api/v1/me
api_whats_on          participant  GET   /api/v1/whats-on
api_places            participant  GET   /api/v1/places
api_activity          participant  GET   /api/v1/activities/$activity
api_host_today        host         GET   /api/v1/host/today?place=$place
api_check_in          host         POST  /api/v1/host/check-ins
page_people           coordinator  GET   /coordinator/people?partnership=$partnership
api_people            coordinator  GET   /api/v1/people?partnership=$partnership
"

: > "$results"
say "samskab load — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, the ${people}-person dataset"
say "server: $workers worker threads; wrk: 2 threads, $connections connections, ${seconds} s per route"
say "place $place ($(wc -l < "$cache/people.txt") people have visited it), partnership $partnership"
say ""
say "$(printf '%-18s %-12s %10s %9s %9s %9s %8s' route role 'req/s' 'p50 ms' 'p90 ms' 'p99 ms' errors)"
failed=0
while read -r name role method path; do
  [ -n "$name" ] || continue
  [[ $name =~ $only ]] || continue
  drain
  # A fresh session for each route, signed in as a script does.
  if [ "$role" != anonymous ] && ! sign_in "$role" "${email[$role]}"; then
    say "$(printf '%-18s %-12s could not sign in, not measured' "$name" "$role")"
    failed=1
    continue
  fi
  args=(-t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency)
  [ -n "${cookie[$role]}" ] && args+=(-H "Cookie: ${cookie[$role]}")
  if [ "$method" = POST ]; then
    write_check_in_script
    args+=(-s "$work/check_in.lua")
  fi
  # One request first: a route that does not answer 200 is reported, not measured.
  if [ "$method" = GET ]; then
    status=$(curl -s -o /dev/null -w '%{http_code}' ${cookie[$role]:+-H "Cookie: ${cookie[$role]}"} "$url$path")
    if [ "$status" != 200 ]; then
      say "$(printf '%-18s %-12s answered HTTP %s, not measured' "$name" "$role" "$status")"
      failed=1
      continue
    fi
  fi
  wrk "${args[@]}" "$url$path" > "$work/$name.txt" 2>&1
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/$name.txt")
  p50=$(ms "$(awk '$1 == "50%" {print $2}' "$work/$name.txt")")
  p90=$(ms "$(awk '$1 == "90%" {print $2}' "$work/$name.txt")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' "$work/$name.txt")")
  errors=$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}
                /Non-2xx or 3xx responses:/ {print $5}' "$work/$name.txt" | awk '{s += $1} END {print s + 0}')
  [ "$errors" -eq 0 ] || failed=1
  say "$(printf '%-18s %-12s %10.0f %9s %9s %9s %8d' "$name" "$role" "$rps" "$p50" "$p90" "$p99" "$errors")"
done <<< "$routes"
exit "$failed"
