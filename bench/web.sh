#!/usr/bin/env bash
# The web benchmark: `samskab serve` on the generated 50,000-person dataset, loaded with wrk.
#   web.sh BUILD_DIR [DATABASE]
# bench/run.sh calls it with the database it has just imported; alone, it generates and imports
# the bundle itself. It works on a copy, adds two accounts and this week's occurrences (the
# generated data ends with 2018), starts the server on a free port, signs in a participant and
# a host through the API, and runs each load RUNS times (default 3), printing the medians:
#   whats_on      the participant's "what's on" page, 64 connections (target >= 5,000 req/s,
#                 p99 < 50 ms)
#   check_in      POST /api/v1/host/check-ins with JSON, the cookie and the CSRF header, people
#                 drawn at random, 16 connections (target p99 < 20 ms)
#   keepalive_1k  1,000 concurrent keep-alive connections on the login page (target: no errors)
# Figures go to bench/out/web.txt as well.
set -euo pipefail
build=${1:-build}
bin="$build/samskab"
source_db=${2:-}
people=${BENCH_PEOPLE:-50000}
runs=${RUNS:-3}
seconds=${WRK_SECONDS:-10}
out=bench/out
mkdir -p "$out"
results="$out/web.txt"
: > "$results"
bash "$(dirname "$0")/../scripts/deps.sh" wrk curl
# 1,000 connections for wrk and as many for the server, with room to spare.
ulimit -n 8192

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
median() { sort -n "$1" | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

db="$work/web.db"
if [ -n "$source_db" ]; then
  cp "$source_db" "$db"
else
  "$bin" generate --people "$people" --seed 1 -o "$work/bundle.json"
  "$bin" --db "$db" import "$work/bundle.json" > /dev/null
fi
"$bin" --db "$db" export -o "$work/data.json"

# The first place, its partnership, and the people who have visited it.
place=$(sed -n '/^  "places": \[/,/^  \]/{s/.*{"id":"\([^"]*\)","partnership":"\([^"]*\)".*/\1 \2/p}' "$work/data.json" | head -n 1)
read -r place partnership <<< "$place"
sed -n "s/.*{\"person\":\"\\([^\"]*\\)\",\"place\":\"$place\",\"date\".*/\\1/p" "$work/data.json" |
  sort -u > "$work/people.txt"
participant=$(head -n 1 "$work/people.txt")

# This week and the next three: one occurrence a week of each fixed activity of the place.
monday=$(date -d "$(( $(date +%u) - 1 )) days ago" +%F)
{
  echo '{"format": "samskab-bundle/1", "occurrences": ['
  index=0
  grep "\"place\":\"$place\",\"title\":\"[^\"]*\",\"kind\":\"fixed\"" "$work/data.json" |
    sed 's/.*{"id":"\([^"]*\)".*/\1/' | while read -r activity; do
    for week in 0 1 2 3; do
      day=$(date -d "$monday + $(( week * 7 + index % 7 )) days" +%F)
      hour=$(( 10 + (index % 5) * 2 ))
      [ "$index" -eq 0 ] && [ "$week" -eq 0 ] || echo ','
      printf '{"id": "%s-bench-%s", "activity": "%s", "start": "%sT%02d:00:00", "end": "%sT%02d:00:00"}' \
        "$activity" "${day//-/}" "$activity" "$day" "$hour" "$day" "$(( hour + 2 ))"
    done
    index=$(( index + 1 ))
  done
  echo ']}'
} > "$work/upcoming.json"
"$bin" --db "$db" import "$work/upcoming.json" > /dev/null

password=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-16)
printf '%s\n' "$password" | "$bin" --db "$db" user add deltager@bench.example --name Deltager \
  --role participant --partnership "$partnership" --person "$participant" --password-stdin > /dev/null
printf '%s\n' "$password" | "$bin" --db "$db" user add vaert@bench.example --name Vært \
  --role host --place "$place" --password-stdin > /dev/null

"$bin" --db "$db" serve --listen 127.0.0.1:0 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/^samskab: listening on \(http:\/\/[0-9.]*:[0-9]*\)$/\1/p' "$work/serve.out")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.err"; echo "web bench: the server did not start" >&2; exit 1; }

# sign_in EMAIL: sets $cookie ("samskab_session=...") and $csrf, as a script signs in.
sign_in() {
  local jar="$work/jar-$1" token
  token=$(curl -sf -c "$jar" -b "$jar" "$url/api/v1/session" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
  csrf=$(curl -sf -c "$jar" -b "$jar" -H 'content-type: application/json' -H "x-csrf-token: $token" \
    -d "{\"email\":\"$1\",\"password\":\"$password\"}" "$url/api/v1/session" |
    sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
  cookie="samskab_session=$(awk '$6 == "samskab_session" {print $7}' "$jar")"
}
sign_in deltager@bench.example
participant_cookie=$cookie
sign_in vaert@bench.example
host_cookie=$cookie
host_csrf=$csrf
items=$(curl -sf -H "Cookie: $participant_cookie" "$url/api/v1/whats-on" | grep -o '"id":' | wc -l)
checks=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $participant_cookie" "$url/whats-on")
[ "$checks" = 200 ] || { echo "web bench: /whats-on answered $checks" >&2; exit 1; }

# The check-in script: a random person of the place each time, as JSON with the session.
{
  echo 'local people = {'
  head -n 2000 "$work/people.txt" | sed 's/.*/  "&",/'
  echo '}'
  cat << LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "$host_cookie"
wrk.headers["x-csrf-token"] = "$host_csrf"
request = function()
  local person = people[math.random(#people)]
  return wrk.format(nil, nil, nil, '{"person":"' .. person .. '","place":"$place"}')
end
LUA
} > "$work/check_in.lua"

# ms VALUE: wrk's latency ("812.00us", "3.21ms", "1.02s") in milliseconds.
ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; unit = v; sub(/^[0-9.]+/, "", unit)
    if (unit == "us") n /= 1000; else if (unit == "s") n *= 1000; else if (unit == "m") n *= 60000
    printf "%.2f\n", n }'
}

# load NAME CONNECTIONS WRK_ARGS...: runs wrk `runs` times; medians of req/s and p99, and the
# errors (socket errors and non-2xx/3xx answers) of all runs together.
load() {
  local name=$1 connections=$2
  shift 2
  : > "$work/$name.rps"
  : > "$work/$name.p99"
  local errors=0 run
  for run in $(seq "$runs"); do
    wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@" > "$work/$name.$run" 2>&1
    awk '/^Requests\/sec:/ {print $2}' "$work/$name.$run" >> "$work/$name.rps"
    ms "$(awk '$1 == "99%" {print $2}' "$work/$name.$run")" >> "$work/$name.p99"
    errors=$(( errors + $(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}
                               /Non-2xx or 3xx responses:/ {print $5}' "$work/$name.$run" |
                          awk '{s += $1} END {print s + 0}') ))
  done
  rps=$(median "$work/$name.rps")
  p99=$(median "$work/$name.p99")
  say "$(printf '%-14s %5d conn  median %8.0f req/s  p99 %7.2f ms  errors %d   (req/s: %s; p99 ms: %s)' \
    "$name" "$connections" "$rps" "$p99" "$errors" "$(paste -sd' ' "$work/$name.rps")" \
    "$(paste -sd' ' "$work/$name.p99")")"
  last_errors=$errors
}

# verdict TEXT OK: "TEXT: met" or "TEXT: MISSED".
verdict() { if [ "$2" = 1 ]; then say "  $1: met"; else say "  $1: MISSED"; fi; }
above() { awk -v a="$1" -v b="$2" 'BEGIN {print (a >= b) ? 1 : 0}'; }
below() { awk -v a="$1" -v b="$2" 'BEGIN {print (a < b) ? 1 : 0}'; }

say "samskab web bench — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, the ${people}-person dataset, median of ${runs} runs of ${seconds} s"
say "server: 2 worker threads; place $place ($(wc -l < "$work/people.txt") people have visited it); \"what's on\" lists $items occurrences"
load whats_on 64 -H "Cookie: $participant_cookie" "$url/whats-on"
verdict "what's on >= 5,000 req/s" "$(above "$rps" 5000)"
verdict "what's on p99 < 50 ms" "$(below "$p99" 50)"
verdict "what's on without errors" "$([ "$last_errors" -eq 0 ] && echo 1 || echo 0)"
load check_in 16 -s "$work/check_in.lua" "$url/api/v1/host/check-ins"
verdict "check-in p99 < 20 ms" "$(below "$p99" 20)"
verdict "check-in without errors" "$([ "$last_errors" -eq 0 ] && echo 1 || echo 0)"
load keepalive_1k 1000 "$url/login"
verdict "1,000 keep-alive connections without errors" "$([ "$last_errors" -eq 0 ] && echo 1 || echo 0)"
visits=$(curl -sf -H "Cookie: $host_cookie" "$url/api/v1/host/today?place=$place" | grep -o '"newcomer"' | wc -l)
say "checked in at $place today after the runs: $visits people"
