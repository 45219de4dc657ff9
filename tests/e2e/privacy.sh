#!/usr/bin/env bash
# End-to-end cases of privacy on the command line (docs/privacy.md), against the real binary:
#   privacy.sh SAMSKAB_BINARY TESTS_DIR
# Retention with --dry-run and for real (the reports of the small bundle keep their figures),
# a partnership's retention period, the access log of an export and its purge, a backup
# restored only with its key, and an objection to statistics leaving the person out of reports.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
tests=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=lib.sh
source "$here/lib.sh"
q() { sqlite3 small.db "$1"; }

expect_status import 0 "$bin" --db small.db import "$tests/bundles/small.json"
expect_status report-before 0 "$bin" --db small.db report --from 2016-01-01 --to 2018-12-31 --json
cp out.txt report-before.json

# --- export writes one access-log line per person ---------------------------------------
expect_status export 0 "$bin" --db small.db export -o bundle.json
[ "$(q "SELECT count(*) FROM audit_log WHERE action = 'export'")" = 3 ] && pass \
  || fail "export: expected one access-log line per person"
[ "$(q "SELECT DISTINCT detail FROM audit_log WHERE action = 'export'")" = "samskab export" ] \
  && pass || fail "export: the command is not named"

# --- retention ----------------------------------------------------------------------------
expect_status retention-help 0 "$bin" retention --help
expect_contains retention-help out.txt "--dry-run"
expect_status retention-dry 0 "$bin" --db small.db retention --dry-run
expect_contains retention-dry out.txt "ville anonymisere p1 (sidst aktiv"
expect_contains retention-dry out.txt "grænse 24 måneder"
[ "$(q "SELECT count(*) FROM people WHERE name = 'anonym'")" = 0 ] && pass \
  || fail "retention --dry-run changed something"
expect_status retention-dry-en 0 "$bin" --db small.db --lang en retention --dry-run --months 600
expect_contains retention-dry-en out.txt "0 would be anonymised"
expect_status retention-bad-months 2 "$bin" --db small.db retention --months 0
expect_contains retention-bad-months err.txt "--months"
expect_status retention-half 2 "$bin" --db small.db retention --set-months 12
expect_contains retention-half err.txt "--partnership"
expect_status retention-unknown 1 "$bin" --db small.db retention --partnership nowhere --set-months 12
expect_contains retention-unknown err.txt "--partnership"
expect_status retention-set 0 "$bin" --db small.db retention --partnership insp --set-months 600
expect_contains retention-set out.txt "600"
expect_status retention-kept 0 "$bin" --db small.db retention --dry-run
expect_contains retention-kept out.txt "0 ville blive anonymiseret"
expect_status retention-set-back 0 "$bin" --db small.db retention --partnership insp --set-months 24
expect_status retention-run 0 "$bin" --db small.db retention
expect_contains retention-run out.txt "anonymiserede p1 som anon-"
# p1 and p2 were last active in 2018; s1, the companion, has no dated trace and stays.
[ "$(q "SELECT count(*) FROM people WHERE name = 'anonym'")" = 2 ] && pass \
  || fail "retention: expected two anonymised people"
[ "$(q "SELECT count(*) FROM people WHERE id = 's1'")" = 1 ] && pass || fail "retention: s1 went"
q "SELECT name FROM people" | grep -q "Åse" && fail "retention: a name is left" || pass
# The aggregates of past periods keep their figures.
expect_status report-after 0 "$bin" --db small.db report --from 2016-01-01 --to 2018-12-31 --json
diff -u report-before.json out.txt && pass || fail "retention changed the report"
expect_status retention-again 0 "$bin" --db small.db retention
expect_contains retention-again out.txt "0 anonymiseret"

# --- purge of the access log ------------------------------------------------------------------
q "UPDATE audit_log SET at = '2020-01-01T00:00:00' WHERE action = 'export'"
expect_status purge 0 "$bin" --db small.db purge-access-log
expect_contains purge out.txt "slettede 3 linjer"
[ "$(q "SELECT count(*) FROM audit_log WHERE action = 'anonymise'")" = 2 ] && pass \
  || fail "purge: recent lines went too"
expect_status purge-bad 2 "$bin" --db small.db purge-access-log --months 0
expect_contains purge-bad err.txt "--months"

# --- a backup stays sealed under its key, and is restored only with that key -----------------
expect_status backup 0 "$bin" --db small.db backup small-backup.db
# Onto a new machine: without the backup's key file nothing is restored, and no key is made up.
expect_status restore-without-key 1 "$bin" --db moved.db --lang en restore small-backup.db
expect_contains restore-without-key err.txt "the key file moved.db.key does not exist"
[ ! -e moved.db ] && [ ! -e moved.db.key ] && pass || fail "restore without key: files were made"
# Into a database with a key of its own: refused, the database untouched.
expect_status other-init 0 "$bin" --db other.db init
before_other=$(sha256sum other.db)
expect_status restore-other-key 1 "$bin" --db other.db --lang en restore small-backup.db
expect_contains restore-other-key err.txt "small-backup.db: is sealed under key"
[ "$(sha256sum other.db)" = "$before_other" ] && pass || fail "restore under another key: changed"
# With the backup's key file, the restored database opens and holds the data.
expect_status restore-with-key 0 "$bin" --db moved.db --key-file small.db.key restore small-backup.db
expect_status export-moved 0 "$bin" --db moved.db --key-file small.db.key export
expect_contains export-moved out.txt '{"id":"s1"'

# --- an objection to statistics leaves the person out of reports ------------------------------
expect_status fresh 0 "$bin" --db objection.db import "$tests/bundles/small.json"
sqlite3 objection.db "INSERT INTO privacy_consents (person, statistics)
                      SELECT pk, 0 FROM people WHERE id = 'p2'"
expect_status report-objection 0 "$bin" --db objection.db --lang en report --from 2016-01-01 --to 2018-12-31 --format text
expect_contains report-objection out.txt "Participants: 1 person took part"
expect_status export-objection 0 "$bin" --db objection.db export
expect_contains export-objection out.txt '{"id":"p2"'

finish
