# Sourced by test.sh. Installs Redocly's CLI (lints the OpenAPI document) from npm, once, into a cache outside the
# repository, and exports SAMVERKA_REDOCLY for ApiDocumentTests. Nothing but the npm package is downloaded.
REDOCLY_VERSION=2.77.0

ensure_redocly() {
  local dir="${SAMVERKA_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/samverka-tools}/redocly-$REDOCLY_VERSION"
  local bin="$dir/node_modules/.bin/redocly"
  export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
  if ! "$bin" --version >/dev/null 2>&1; then
    command -v npm >/dev/null || { echo "npm is missing: Redocly CLI cannot be installed"; return 1; }
    echo "Installing @redocly/cli $REDOCLY_VERSION into $dir ..."
    mkdir -p "$dir"
    # The package runs on Node 20 with a deprecation notice; the notice is not an error.
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "@redocly/cli@$REDOCLY_VERSION" >/dev/null || return 1
    "$bin" --version >/dev/null 2>&1 || return 1
  fi
  export SAMVERKA_REDOCLY="$bin"
}
