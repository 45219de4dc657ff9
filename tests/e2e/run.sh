#!/usr/bin/env bash
# End-to-end cases of the command line, run by CTest against the real binary:
#   run.sh SAMSKAB_BINARY TESTS_DIR
# Invalid bundles live in invalid/NAME.json with the exact expected error output in
# NAME.da.expected and NAME.en.expected; each must be refused with exit 1 and change nothing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
tests=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=lib.sh
source "$here/lib.sh"

# --- usage, version, help -------------------------------------------------------------
expect_status version 0 "$bin" --version
expect_contains version out.txt "samskab "
expect_status help 0 "$bin" --help
expect_contains help out.txt "import"
for command in init import export generate report; do
  expect_status "help-$command" 0 "$bin" "$command" --help
done
expect_status no-command 2 "$bin"
expect_status unknown-option 2 "$bin" --frobnicate init
expect_status unknown-command 2 "$bin" frobnicate
expect_status report-without-period 2 "$bin" --db r.db report --to 2018-12-31
expect_status db-unknown-scheme 2 "$bin" --db mysql://u@localhost/x init
# PostgreSQL itself is tested in postgres.sh; a server that is not there needs none.
expect_status postgres-unreachable 3 "$bin" --db postgresql://u:hemmeligt@127.0.0.1:1/x --key-file pg.key init
expect_contains postgres-unreachable err.txt "postgresql://u@127.0.0.1:1/x"
grep -q hemmeligt out.txt err.txt && fail "postgres-unreachable: the password is shown" || pass

# --- init -----------------------------------------------------------------------------
expect_status init 0 "$bin" --db fresh.db init
[ -f fresh.db ] && pass || fail "init: no database file"
expect_status init-again 0 "$bin" --db fresh.db init
expect_status sqlite-url 0 "$bin" --db sqlite:url.db init
[ -f url.db ] && pass || fail "sqlite: URL did not open url.db"
expect_status unopenable 3 "$bin" --db no/such/dir/x.db init
expect_contains unopenable err.txt "no/such/dir/x.db"

# --- import, export, round trip -------------------------------------------------------
expect_status import 0 "$bin" --db a.db import "$tests/bundles/small.json"
expect_contains import out.txt "personer: 3"
expect_status export 0 "$bin" --db a.db export -o a.json
expect_status import-exported 0 "$bin" --db b.db --lang en import a.json
expect_contains import-en out.txt "people: 3"
expect_status export-stdout 0 "$bin" --db b.db export
cmp -s a.json out.txt && pass || fail "round trip: export -> import -> export differs"
expect_contains utf8 a.json "Åse Ærø 🌻"
expect_status import-stdin 0 bash -c "\"$bin\" --db c.db import - < a.json"
expect_status export-c 0 "$bin" --db c.db export -o c.json
cmp -s a.json c.json && pass || fail "import from stdin differs"
expect_status reimport 0 "$bin" --db a.db import a.json
expect_status export-again 0 "$bin" --db a.db export -o a2.json
cmp -s a.json a2.json && pass || fail "importing the same bundle twice changed the data"
expect_status missing-file 1 "$bin" --db a.db import no-such-file.json
expect_contains missing-file err.txt "no-such-file.json"
# The self-evaluation collections (docs/bundle.md): imported, counted, and round-tripped.
expect_status self-evaluation 0 "$bin" --db s.db import "$tests/bundles/self_evaluation.json"
expect_contains self-evaluation out.txt "logbogsskabeloner: 2, logbogsnotater: 3, koder: 2."
expect_status self-evaluation-export 0 "$bin" --db s.db export -o s.json
expect_contains self-evaluation-export s.json '{"id":"le-3","template":"lt-spis","version":1,'
expect_status self-evaluation-import-en 0 "$bin" --db s2.db --lang en import s.json
expect_contains self-evaluation-import-en out.txt "logbook templates: 2, logbook entries: 3, codes: 19."
expect_status self-evaluation-export-2 0 "$bin" --db s2.db export -o s2.json
cmp -s s.json s2.json && pass || fail "self-evaluation: export -> import -> export differs"
grep -q '"codes"' a.json && fail "an export without self-evaluation has its keys" || pass
# Interviews and survey rounds: counted in the summary, round-tripped, and the same again is
# no change.
expect_status surveys 0 "$bin" --db v.db import "$tests/bundles/surveys.json"
expect_contains surveys out.txt "Interviewguides: 1, nye interviews: 1."
expect_contains surveys out.txt "Nye spørgeskemarunder: 2, med svar: 4."
expect_status surveys-export 0 "$bin" --db v.db export -o v.json
expect_contains surveys-export v.json '"respondents":["p1","p3"]'
expect_status surveys-import-en 0 "$bin" --db v2.db --lang en import v.json
expect_contains surveys-import-en out.txt "New survey rounds: 2, with responses: 4."
expect_status surveys-export-2 0 "$bin" --db v2.db export -o v2.json
cmp -s v.json v2.json && pass || fail "surveys: export -> import -> export differs"
expect_status surveys-again 0 "$bin" --db v2.db import v.json
expect_status surveys-export-3 0 "$bin" --db v2.db export -o v3.json
cmp -s v.json v3.json && pass || fail "surveys: importing the same bundle again changed the data"

# --- every validation rule: refused, listed, nothing changed --------------------------
cp a.json before.json
for bundle in "$tests"/e2e/invalid/*.json; do
  name=$(basename "$bundle" .json)
  for lang in da en; do
    "$bin" --db a.db --lang "$lang" import "$bundle" > out.txt 2> err.txt
    status=$?
    [ "$status" -eq 1 ] && pass || fail "invalid/$name ($lang): exit $status, expected 1"
    if diff -u "$tests/e2e/invalid/$name.$lang.expected" err.txt > diff.txt; then
      pass
    else
      fail "invalid/$name ($lang): unexpected messages"
      cat diff.txt
    fi
  done
done
"$bin" --db a.db export -o after.json
cmp -s before.json after.json && pass || fail "a refused import changed the database"

# --- generate -------------------------------------------------------------------------
expect_status generate 0 "$bin" generate --people 300 --seed 7 -o g1.json
expect_status generate-again 0 "$bin" generate --people 300 --seed 7 -o g2.json
cmp -s g1.json g2.json && pass || fail "generate: same seed, different output"
expect_status generate-other 0 "$bin" generate --people 300 --seed 8 -o g3.json
cmp -s g1.json g3.json && fail "generate: different seeds, same output" || pass
expect_status generate-import 0 "$bin" --db g.db import g1.json
expect_status generate-export 0 "$bin" --db g.db export -o g-export.json
expect_status generate-reimport 0 "$bin" --db g2.db import g-export.json
expect_status generate-reexport 0 "$bin" --db g2.db export -o g-export2.json
cmp -s g-export.json g-export2.json && pass || fail "generated bundle does not round-trip"
expect_status generate-bad-people 2 "$bin" generate --people 0

# --- report ---------------------------------------------------------------------------
expect_status report-json 0 "$bin" --db g.db report --from 2016-01-01 --to 2018-12-31 --json
expect_contains report-json out.txt '"participants"'
expect_status report-bad-date 1 "$bin" --db g.db report --from 2016-02-30 --to 2018-12-31
expect_contains report-bad-date err.txt "--from"
expect_status report-unknown-place 1 "$bin" --db g.db report --from 2016-01-01 --to 2016-12-31 --place nowhere
expect_contains report-unknown-place err.txt "nowhere"

# --- report of the small bundle: hand-checked figures (reports/README.md) ---------------
expect_status small-db 0 "$bin" --db small.db import "$tests/bundles/small.json"
expect_status small-report 0 "$bin" --db small.db report --from 2016-01-01 --to 2018-12-31 --json
diff -u "$tests/e2e/reports/small-2016-2018.json" out.txt && pass || fail "report 2016-2018 differs"
expect_status small-report-2017 0 "$bin" --db small.db report --from 2017-01-01 --to 2017-12-31 --format json
diff -u "$tests/e2e/reports/small-2017.json" out.txt && pass || fail "report 2017 differs"
expect_status small-report-place 0 "$bin" --db small.db report --from 2016-01-01 --to 2018-12-31 --place insp-house --json
diff -u "$tests/e2e/reports/small-2016-2018.json" out.txt && pass || fail "the only place's report differs"
expect_status report-csv 0 "$bin" --db small.db report --from 2016-01-01 --to 2018-12-31 --by year --format csv
[ "$(head -c 3 out.txt | od -An -tx1 | tr -d ' ')" = "efbbbf" ] && pass || fail "csv: no UTF-8 BOM"
[ "$(wc -l < out.txt)" -eq 4 ] && pass || fail "csv: expected a header and three yearly rows"
expect_contains report-csv out.txt "0,5;"
expect_status report-text-en 0 "$bin" --db small.db --lang en report --from 2016-01-01 --to 2018-12-31 --format text
expect_contains report-text-en out.txt "Participants: 2 people"
expect_status report-text-da 0 "$bin" --db small.db report --from 2016-01-01 --to 2018-12-31 --format text
expect_contains report-text-da out.txt "Deltagere: 2 personer"
expect_status report-html 0 "$bin" --db small.db report --from 2016-01-01 --to 2018-12-31 --format html -o report.html
expect_contains report-html report.html '<html lang="da">'
expect_status report-suppress 0 "$bin" --db small.db report --from 2016-01-01 --to 2018-12-31 --suppress
expect_contains report-suppress out.txt '"participants": "<5"'
expect_status report-from-after-to 1 "$bin" --db small.db report --from 2018-01-01 --to 2017-12-31
expect_contains report-from-after-to err.txt "--from"

# --- demo: the booklet's three partnerships, into an empty database only ----------------
expect_status help-demo 0 "$bin" demo --help
expect_status demo 0 "$bin" --db demo.db demo
expect_contains demo out.txt "Alle personer er opdigtede"
expect_status demo-export 0 "$bin" --db demo.db export -o demo-1.json
# The sample logbooks travel in the bundle: into an empty database and out again unchanged.
expect_contains demo-logbooks demo-1.json '"logbook_templates": ['
expect_contains demo-logbook-entries demo-1.json '"logbook_entries": ['
expect_status demo-import 0 "$bin" --db demo-copy.db import demo-1.json
expect_status demo-copy-export 0 "$bin" --db demo-copy.db export -o demo-copy.json
cmp -s demo-1.json demo-copy.json && pass || fail "demo: export -> import -> export differs"
expect_status demo-again 1 "$bin" --db demo.db demo
expect_contains demo-again err.txt "--db demo.db"
expect_status demo-again-en 1 "$bin" --db demo.db --lang en demo
expect_contains demo-again-en err.txt "already holds data"
expect_status demo-export-again 0 "$bin" --db demo.db export -o demo-2.json
cmp -s demo-1.json demo-2.json && pass || fail "demo: a refused second demo changed the database"
expect_status demo-into-small 1 "$bin" --db small.db demo
expect_status demo-report-2016 0 "$bin" --db demo.db report --partnership insp --from 2016-01-01 --to 2016-12-31 --json
expect_contains demo-report-2016 out.txt '"cohort": 30'
expect_contains demo-report-2016 out.txt '"reached": 9'
grep -qE '^ *"share": 0\.3$' out.txt && pass || fail "demo: INSP! reach in 2016 is not 0.3"

finish
