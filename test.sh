#!/usr/bin/env bash
# Runs every Samverka test: unit, HTTP on SQLite and PostgreSQL, and the browser journeys.
# Installs Chromium and PostgreSQL when missing, starts a throwaway PostgreSQL on 127.0.0.1, and cleans up.
# Ends with the line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/wrk ] || need+=(wrk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "Could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# --- a throwaway PostgreSQL ---
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDIR=$(mktemp -d /tmp/samverka-pg.XXXXXX)
chmod 755 "$PGDIR"
pg_user=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$PGDIR"; pg_user=(runuser -u postgres --); fi
port=$(( 20000 + RANDOM % 20000 ))
while (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$(( port + 1 )); done
cleanup() {
  "${pg_user[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1
  rm -rf "$PGDIR"
}
trap cleanup EXIT
"${pg_user[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null \
  || { echo "initdb failed"; echo "0 passed, 1 failed"; exit 1; }
"${pg_user[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { cat "$PGDIR/log"; echo "0 passed, 1 failed"; exit 1; }
export SAMVERKA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"

# --- build, then the tests ---
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
if ! build_out=$(dotnet build Samverka.slnx -c Debug -v quiet -nologo 2>&1); then
  printf '%s\n' "$build_out" | grep -E "error|Error" | sort -u | head -n 40
  echo "The build failed."; echo "0 passed, 1 failed"; exit 1
fi

log=$(mktemp)
dotnet test --project tests/Samverka.Tests --no-build -c Debug 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

sum() { grep -E "^\s+$1:\s+[0-9]+" "$log" | awk '{s += $2} END {print s + 0}'; }
total=$(sum total); failed=$(sum failed); passed=$(sum succeeded); skipped=$(sum skipped)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$total" -eq 0 ]; then echo "No test ran."; failed=$(( failed + 1 )); fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
