#!/usr/bin/env bash
# Runs COMMAND with a PostgreSQL server to test against:
#   with_postgres.sh COMMAND [ARG...]
# When SAMSKAB_TEST_PG_URL is set, that server is used and nothing is started. Otherwise a
# throwaway PostgreSQL 15 cluster is made in a temporary directory (initdb and pg_ctl as the
# unprivileged `postgres` user when run as root), listening on 127.0.0.1 only, on a free port,
# with its socket in that directory and trust authentication (nothing but this machine's test
# processes can reach it), and SAMSKAB_TEST_PG_URL names it for COMMAND (SAMSKAB_TEST_PG_RESTART,
# below, restarts it). The cluster is stopped
# and its directory removed whatever happens; the exit status is COMMAND's.
#
# The cluster collates with ICU's Danish rules, as a Danish deployment would: "aa" sorts after
# "z" there, so a test that relies on the database's collation for samskab's bytewise order
# fails here instead of passing by luck under the C locale.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: with_postgres.sh COMMAND [ARG...]" >&2
  exit 2
fi

if [ -n "${SAMSKAB_TEST_PG_URL:-}" ]; then
  exec "$@"
fi

# Debian's PostgreSQL 15 (scripts/deps.sh); SAMSKAB_PG_BIN names another server's binaries.
pg_bin=${SAMSKAB_PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$pg_bin/initdb" ]; then
  echo "with_postgres.sh: no PostgreSQL 15 in $pg_bin (scripts/deps.sh installs it)" >&2
  exit 3
fi

as_owner=()
base=${TMPDIR:-/tmp}
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root; the Debian package's system user owns the cluster instead,
  # in a directory it can reach (root's own TMPDIR may be closed to it).
  as_owner=(runuser -u postgres --)
  base=/tmp
fi
dir=$(mktemp -d "$base/samskab-pg.XXXXXX")
if [ ${#as_owner[@]} -gt 0 ]; then
  chown postgres: "$dir"
fi

stop() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${as_owner[@]}" "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  --locale-provider=icu --icu-locale=da-DK > "$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  exit 3
}

# Durable as PostgreSQL ships (fsync on), with the memory and WAL room a server of this
# machine's size would be given, so that the benchmark's bulk import is not measured against
# 128 MB of buffers and a checkpoint every gigabyte of WAL.
settings="-c shared_buffers=512MB -c max_wal_size=4GB"

# A port is free when nothing answers on it; a server that loses the race for it fails to start,
# and the next candidate is tried.
started=""
for _ in $(seq 20); do
  port=$((20000 + RANDOM % 40000))
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    continue
  fi
  if "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir $settings" \
    start > /dev/null 2>&1; then
    started=$port
    break
  fi
done
if [ -z "$started" ]; then
  echo "with_postgres.sh: the PostgreSQL server did not start:" >&2
  cat "$dir/server.log" >&2 || true
  exit 3
fi

export SAMSKAB_TEST_PG_URL="postgresql://postgres@127.0.0.1:$started/postgres"
# A command (for `bash -c`) that restarts this cluster as its owner, for tests of what survives
# a restart; it ends every connection (-m fast) and returns once the server accepts new ones, on
# the same port and with the same settings (pg_ctl keeps the start's options). Not set for a
# server named by the caller's SAMSKAB_TEST_PG_URL (tests/e2e/postgres.sh then does without).
restart=("${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 -l "$dir/server.log"
  restart)
export SAMSKAB_TEST_PG_RESTART="${restart[*]@Q}"
status=0
"$@" || status=$?
exit "$status"
