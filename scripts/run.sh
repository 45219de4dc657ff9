#!/usr/bin/env bash
# `make run`: the demo database (the booklet's three partnerships, 2016-2018, invented people),
# then INSP!'s report by year and the commands for the other two partnerships.
set -euo pipefail
build=${1:-build}
db=${SAMSKAB_DEMO_DB:-samskab-demo.db}
bin="$build/samskab"
period=(--from 2016-01-01 --to 2018-12-31)

if [ ! -f "$db" ]; then
  "$bin" --db "$db" demo
  echo
fi
if ! "$bin" --db "$db" report --partnership insp "${period[@]}" --by year --format text; then
  echo "$db er ikke en demodatabase fra 'samskab demo': slet filen, eller vælg en anden fil med SAMSKAB_DEMO_DB=..." >&2
  exit 1
fi
echo
echo "Demodatabasen er $db. De to andre partnerskaber:"
echo "  $bin --db $db report --partnership sager ${period[*]} --format text"
echo "  $bin --db $db report --partnership vimby ${period[*]} --by year --format text"
echo "Som side til udskrift: $bin --db $db report --partnership insp ${period[*]} --by year --format html -o rapport.html"
