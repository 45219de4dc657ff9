#!/usr/bin/env bash
# `make run`: a demonstration database from generated data (invented people), then its report.
set -euo pipefail
build=${1:-build}
db=${SAMSKAB_DEMO_DB:-samskab-demo.db}
bin="$build/samskab"

if [ ! -f "$db" ]; then
  echo "Laver demodatabasen $db (opdigtede personer) ..."
  bundle=$(mktemp --suffix=.json)
  trap 'rm -f "$bundle"' EXIT
  "$bin" generate --people 2000 --seed 2016 -o "$bundle"
  "$bin" --db "$db" import "$bundle"
fi
"$bin" --db "$db" report --from 2016-01-01 --to 2018-12-31 --by year --format text
echo
echo "Database: $db — prøv også: $bin --db $db report --from 2017-01-01 --to 2017-12-31 --format html -o rapport.html"
