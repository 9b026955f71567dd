# Sourced by test.sh and bench.sh. Installs missing Debian packages, and runs a PostgreSQL of our own on 127.0.0.1
# (no Docker, no system service): initdb into a directory, start on a free port, stop when done.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# ensure_packages PACKAGE... : installs the Debian packages whose program is missing (chromium, wrk, postgresql).
ensure_packages() {
  local need=() p
  for p in "$@"; do
    case "$p" in
      chromium) [ -x /usr/bin/chromium ] || need+=(chromium) ;;
      wrk) [ -x /usr/bin/wrk ] || need+=(wrk) ;;
      postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql) ;;
    esac
  done
  [ ${#need[@]} -eq 0 ] && return 0
  echo "Installing ${need[*]} ..."
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

# pg_start DIR : starts PostgreSQL with its data under DIR (created by initdb the first time) and sets PG_CONNECTION.
# Durability is off (fsync, synchronous commit): these databases are for tests and benchmarks, never for real data.
pg_start() {
  PG_DIR=$1
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_AS=()
  mkdir -p "$PG_DIR"
  chmod 755 "$PG_DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; PG_AS=(runuser -u postgres --); fi
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  fi
  local port=$(( 20000 + RANDOM % 20000 ))
  while (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$(( port + 1 )); done
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$PG_DIR/log"; return 1; }
  PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] && "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1
  return 0
}
