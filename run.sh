#!/usr/bin/env bash
# Starts Samverka on SQLite (data/samverka.db) with the demo data and demo accounts, and prints the URL.
# PORT=8080 ./run.sh to choose the port.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p data
exec dotnet run --project src/Samverka.Web -c Release --no-launch-profile -- \
  --urls "http://127.0.0.1:${PORT:-5080}" \
  --environment Production \
  --Samverka:DemoData=true \
  --ConnectionStrings:Samverka="Data Source=$(pwd)/data/samverka.db" \
  --Samverka:FileStore:Path="$(pwd)/data/files" \
  --Samverka:Audit:KeyFile="$(pwd)/data/audit.key"
