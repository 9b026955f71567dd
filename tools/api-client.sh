#!/usr/bin/env bash
# Regenerates the committed Kiota client (tests/Samverka.ApiClient/Generated) from the app's current /openapi/v1.json.
# Run it after changing the API; ApiClientTests fails while the committed client is stale. Re-runs are harmless.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 KIOTA_OFFLINE_ENABLED=true
dotnet tool restore >/dev/null
dotnet build tests/Samverka.Tests -c Debug -v quiet -nologo
SAMVERKA_UPDATE_API_CLIENT=1 dotnet test --project tests/Samverka.Tests --no-build -c Debug -- \
  --filter-method Samverka.Tests.Infrastructure.ApiClientTests.CommittedClient_IsWhatKiotaGeneratesFromTheDocument
git status --short tests/Samverka.ApiClient/Generated
