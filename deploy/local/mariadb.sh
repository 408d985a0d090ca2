#!/usr/bin/env bash
# A throwaway MariaDB for tests and local use, without Docker: its own data directory and port, so it never touches
# a MariaDB the machine already runs. Usage: deploy/local/mariadb.sh start|stop|restart|status
# Settings: CIVIL_SAFETY_MARIADB_PORT (3307), CIVIL_SAFETY_MARIADB_DIR (/tmp/civil-safety-mariadb),
# MARIADB_BUFFER_POOL (InnoDB buffer pool, 128M; the city-scale benchmark uses 1G).
# The user civil_safety / civil_safety gets every right on the databases named civil_safety*.
# As root the server runs as the mysql user; as anyone else, as that user (MariaDB's root signs in by that user's socket).
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"

PORT="${CIVIL_SAFETY_MARIADB_PORT:-3307}"
DIR="${CIVIL_SAFETY_MARIADB_DIR:-/tmp/civil-safety-mariadb}"
DATA="$DIR/data"
SOCK="$DIR/mysqld.sock"
PIDFILE="$DIR/mariadbd.pid"
LOG="$DIR/error.log"
BUFFER_POOL="${MARIADB_BUFFER_POOL:-128M}"

say() { echo "[mariadb] $*" >&2; }
die() { say "ERROR: $*"; [ -f "$LOG" ] && tail -n 30 "$LOG" >&2; exit 1; }

running() { [ -S "$SOCK" ] && mariadb-admin --socket="$SOCK" --user=root ping >/dev/null 2>&1; }

ensure_installed() {
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] && return 0
  say "installing mariadb-server from Debian packages"
  [ "$(id -u)" = 0 ] || die "mariadb-server is not installed and installing it needs root (apt-get install mariadb-server)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "apt-get update failed"
  apt-get install -y -qq mariadb-server mariadb-client >/dev/null || die "apt-get install mariadb-server failed"
}

start() {
  if running; then say "already running on port $PORT ($DIR)"; return 0; fi
  ensure_installed
  mkdir -p "$DIR"
  local owner=() as_user=()
  if [ "$(id -u)" = 0 ]; then
    owner=(--user=mysql); as_user=(--chuid mysql)
  else
    owner=(--auth-root-socket-user="$(id -un)")
  fi
  if [ ! -d "$DATA/mysql" ]; then
    rm -rf "$DATA"; mkdir -p "$DATA"; [ "$(id -u)" = 0 ] && chown -R mysql:mysql "$DIR"
    mariadb-install-db "${owner[@]}" --datadir="$DATA" --skip-test-db --auth-root-authentication-method=socket \
      >"$DIR/install.log" 2>&1 || { cat "$DIR/install.log" >&2; die "mariadb-install-db failed"; }
  fi
  [ "$(id -u)" = 0 ] && chown -R mysql:mysql "$DIR"
  start-stop-daemon --start --background --make-pidfile --pidfile "$PIDFILE" "${as_user[@]}" \
    --exec /usr/sbin/mariadbd -- --no-defaults --datadir="$DATA" --socket="$SOCK" --pid-file="$DIR/mariadbd.server.pid" \
    --bind-address=127.0.0.1 --port="$PORT" --log-error="$LOG" --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --skip-name-resolve --innodb-buffer-pool-size="$BUFFER_POOL" \
    || die "could not start mariadbd"
  for _ in $(seq 1 60); do running && break; sleep 0.5; done
  running || die "mariadbd did not answer within 30 s"
  mariadb --socket="$SOCK" --user=root <<'SQL' || die "could not create the civil_safety user"
CREATE USER IF NOT EXISTS 'civil_safety'@'127.0.0.1' IDENTIFIED BY 'civil_safety';
CREATE USER IF NOT EXISTS 'civil_safety'@'localhost' IDENTIFIED BY 'civil_safety';
GRANT ALL PRIVILEGES ON `civil\_safety%`.* TO 'civil_safety'@'127.0.0.1';
GRANT ALL PRIVILEGES ON `civil\_safety%`.* TO 'civil_safety'@'localhost';
CREATE DATABASE IF NOT EXISTS civil_safety CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
FLUSH PRIVILEGES;
SQL
  say "running on 127.0.0.1:$PORT ($(mariadb --socket="$SOCK" --user=root -N -e 'select version()'))"
}

stop() {
  if [ -f "$PIDFILE" ]; then
    start-stop-daemon --stop --pidfile "$PIDFILE" --retry TERM/30/KILL/5 --remove-pidfile >/dev/null 2>&1 || true
  fi
  running && die "mariadbd on $SOCK is still running"
  say "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) if running; then say "running on port $PORT"; else say "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
