#!/usr/bin/env bash
# `make bench`: import, export and report on a generated 50,000-person bundle, then the web
# application on the same data (bench/web.sh).
# Every figure is the median of RUNS runs, printed next to a baseline measured in the same run
# (Python's C JSON parser reading the same file), because this machine is noisy: compare the
# ratio between runs, not the seconds. Results also go to bench/out/results.txt.
set -euo pipefail
# PostgreSQL is measured in the same run, on SAMSKAB_TEST_PG_URL's server or a throwaway one.
if [ -z "${SAMSKAB_TEST_PG_URL:-}" ]; then
  exec bash "$(dirname "$0")/../scripts/with_postgres.sh" bash "$0" "$@"
fi
build=${1:-build}
bin="$build/samskab"
people=${BENCH_PEOPLE:-50000}
runs=${RUNS:-3}
out=bench/out
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One key for the run's databases (PostgreSQL needs one named; SQLite then uses it too).
export SAMSKAB_KEY_FILE="$work/samskab.key"
results="$out/results.txt"
: > "$results"

say() { echo "$*" | tee -a "$results"; }

# median FILE: the middle value of the numbers in FILE, one per line.
median() { sort -n "$1" | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# timed NAME COMMAND...: runs COMMAND `runs` times; records wall seconds and peak memory (MB).
timed() {
  local name=$1
  shift
  : > "$work/$name.s"
  : > "$work/$name.mb"
  for _ in $(seq "$runs"); do
    [ -n "${BEFORE_EACH:-}" ] && eval "$BEFORE_EACH"
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null
    read -r seconds kb < "$work/time"
    echo "$seconds" >> "$work/$name.s"
    echo $((kb / 1024)) >> "$work/$name.mb"
  done
  say "$(printf '%-28s median %6.2f s   peak %5d MB   (runs: %s)' "$name" \
    "$(median "$work/$name.s")" "$(median "$work/$name.mb")" "$(paste -sd' ' "$work/$name.s")")"
}

bundle="$work/bundle.json"
db="$work/bench.db"
say "samskab bench — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, ${people} people, median of ${runs}"
"$bin" generate --people "$people" --seed 1 -o "$bundle"
size_mb=$(( $(stat -c %s "$bundle") / 1024 / 1024 ))
participations=$(grep -c '"occurrence":' "$bundle" || true)
say "bundle: ${size_mb} MB, ${participations} participations"

timed generate "$bin" generate --people "$people" --seed 1 -o "$work/again.json"
timed baseline_python_json_load python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$bundle"
BEFORE_EACH="rm -f '$db' '$db-wal' '$db-shm'" timed import "$bin" --db "$db" import "$bundle"
timed export "$bin" --db "$db" export -o "$work/export.json"
timed report_full_cli "$bin" --db "$db" report --from 2016-01-01 --to 2018-12-31 --json
timed report_by_month_cli "$bin" --db "$db" report --from 2016-01-01 --to 2018-12-31 --by month --json

import_mb=$(median "$work/import.mb")
say "import peak memory: ${import_mb} MB = $(awk -v a="$import_mb" -v b="$size_mb" 'BEGIN {printf "%.2f", a / b}') x the bundle size (limit 3x)"
say "import vs baseline: $(awk -v a="$(median "$work/import.s")" -v b="$(median "$work/baseline_python_json_load.s")" 'BEGIN {printf "%.2f", a / b}') x the time Python takes only to parse the file"

# --- the same bundle in PostgreSQL, against the SQLite figures above -------------------------
pg_name="samskab_bench_$$"
pg_base=${SAMSKAB_TEST_PG_URL%%\?*}
pg="${pg_base%/*}/$pg_name${SAMSKAB_TEST_PG_URL#"$pg_base"}"
pg_admin() {
  PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 "$SAMSKAB_TEST_PG_URL" "$@" > /dev/null
}
fresh_pg() { pg_admin -c "DROP DATABASE IF EXISTS \"$pg_name\" WITH (FORCE)" -c "CREATE DATABASE \"$pg_name\""; }
trap 'pg_admin -c "DROP DATABASE IF EXISTS \"$pg_name\" WITH (FORCE)" || true; rm -rf "$work"' EXIT
say ""
say "PostgreSQL $(psql -Atc 'SHOW server_version' "$SAMSKAB_TEST_PG_URL"), the same bundle:"
BEFORE_EACH=fresh_pg timed pg_import "$bin" --db "$pg" import "$bundle"
timed pg_export "$bin" --db "$pg" export -o "$work/pg-export.json"
timed pg_report_full_cli "$bin" --db "$pg" report --from 2016-01-01 --to 2018-12-31 --json
timed pg_report_by_month_cli "$bin" --db "$pg" report --from 2016-01-01 --to 2018-12-31 --by month --json
cmp -s "$work/export.json" "$work/pg-export.json" && say "export: byte-identical to SQLite's" ||
  say "export: DIFFERS from SQLite's"
for step in import export report_full_cli report_by_month_cli; do
  say "$(awk -v step="$step" -v pg="$(median "$work/pg_$step.s")" -v lite="$(median "$work/$step.s")" \
    'BEGIN {r = lite > 0 ? pg / lite : 0; printf "%-28s PostgreSQL / SQLite = %.2f (limit 3)%s", step, r, (r > 3 ? "  OVER THE LIMIT" : "")}')"
done

say ""
say "report split (Google Benchmark, median of ${runs} repetitions):"
SAMSKAB_BENCH_DB="$db" "$build/bench/report_bench" --benchmark_repetitions="$runs" \
  --benchmark_report_aggregates_only=true 2>/dev/null | grep -E '_median|^Benchmark|^-' | tee -a "$results"

# --- the web application on the same data: bench/web.sh (wrk), also into bench/out/web.txt ---
say ""
bash "$(dirname "$0")/web.sh" "$build" "$db" | tee -a "$results"
