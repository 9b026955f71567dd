#!/usr/bin/env bash
# Samverka's benchmark: ./bench.sh [S|M|L] [sqlite|postgres|both] [seconds per measurement]
# The first run of a size generates its data (kept under bench/data/ for the next runs: M takes minutes);
# each run writes bench/results/<date>-<provider>-<size>.md and prints it. L is PostgreSQL only.
set -euo pipefail
cd "$(dirname "$0")"
. tools/postgres.sh

size=${1:-M}
providers=${2:-both}
seconds=${3:-10}
[ "$size" = "L" ] && [ "$providers" != "postgres" ] && { echo "Size L runs on PostgreSQL only: ./bench.sh L postgres"; exit 2; }

ensure_packages wrk
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Samverka.Bench -c Release -v quiet -nologo
bench() { dotnet bench/Samverka.Bench/bin/Release/net10.0/Samverka.Bench.dll --size "$size" --seconds "$seconds" "$@"; }

if [ "$providers" = "sqlite" ] || [ "$providers" = "both" ]; then
  bench --provider Sqlite
fi
if [ "$providers" = "postgres" ] || [ "$providers" = "both" ]; then
  ensure_packages postgresql
  mkdir -p bench/data
  trap pg_stop EXIT
  pg_start "$PWD/bench/data/postgres-$size"
  # Npgsql prepares the statements it sees repeatedly, as production should (see README, configuration).
  bench --provider Postgres --connection "$PG_CONNECTION;Max Auto Prepare=50;Maximum Pool Size=100"
fi
