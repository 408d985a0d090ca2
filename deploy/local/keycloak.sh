#!/usr/bin/env bash
# A throwaway Keycloak for tests and local use, without Docker: the Quarkus distribution from Maven Central, started in
# dev mode with the demo realm (deploy/keycloak/demo/civil-safety-realm.json: demo users, a password-grant client for the
# tests) imported fresh on every start. Production imports deploy/keycloak/production/ instead (compose.yaml).
# Usage: deploy/local/keycloak.sh start|stop|status
# Settings: CIVIL_SAFETY_KEYCLOAK_PORT (8180), CIVIL_SAFETY_KEYCLOAK_MANAGEMENT_PORT (9180),
# CIVIL_SAFETY_KEYCLOAK_DIR (/tmp/civil-safety-keycloak), CIVIL_SAFETY_KEYCLOAK_REALM (the realm file to import).
# Finds a JDK 21+ as bin/run and bin/test do. Needs a JDK 21+ (JAVA_HOME) and Maven for the download.
set -euo pipefail

VERSION=26.5.5
PORT="${CIVIL_SAFETY_KEYCLOAK_PORT:-8180}"
MPORT="${CIVIL_SAFETY_KEYCLOAK_MANAGEMENT_PORT:-9180}"
DIR="${CIVIL_SAFETY_KEYCLOAK_DIR:-/tmp/civil-safety-keycloak}"
HOME_DIR="$DIR/keycloak-$VERSION"
PIDFILE="$DIR/keycloak.pid"
LOG="$DIR/keycloak.log"
REALM="${CIVIL_SAFETY_KEYCLOAK_REALM:-$(cd "$(dirname "$0")/../keycloak/demo" && pwd)/civil-safety-realm.json}"

say() { echo "[keycloak] $*" >&2; }
die() { say "ERROR: $*"; [ -f "$LOG" ] && tail -n 30 "$LOG" >&2; exit 1; }

ready() { curl -sf "http://127.0.0.1:$MPORT/health/ready" >/dev/null 2>&1; }

ensure_installed() {
  [ -x "$HOME_DIR/bin/kc.sh" ] && return 0
  say "downloading org.keycloak:keycloak-quarkus-dist:$VERSION from Maven Central"
  mkdir -p "$DIR"
  mvn -q -B -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" -DoutputDirectory="$DIR" \
    || die "could not download Keycloak"
  unzip -q -o "$DIR/keycloak-quarkus-dist-$VERSION.zip" -d "$DIR" || die "could not unpack Keycloak"
}

start() {
  if ready; then say "already running on port $PORT"; return 0; fi
  # shellcheck source=../../bin/prerequisites.sh
  . "$(dirname "$0")/../../bin/prerequisites.sh"
  pick_jdk || die "a JDK 21 or newer is required (or set JAVA_HOME)"
  local unsafe=""
  [ "$(java_major "$JAVA_HOME")" -ge 23 ] && unsafe=" --sun-misc-unsafe-memory-access=allow" # JDK 23+ warns, older ones refuse it
  ensure_installed
  # the realm is imported only when it does not exist yet: start from empty data every time
  rm -rf "$HOME_DIR/data"
  mkdir -p "$HOME_DIR/data/import"
  cp "$REALM" "$HOME_DIR/data/import/"
  # brute-force detection stays on (as in production), but Keycloak 26 also refuses a user's login while another of
  # theirs is in flight — seen here as a random "user_temporarily_disabled" for one test user (keycloak#36495)
  JAVA_OPTS_APPEND="--add-opens=java.base/java.lang=ALL-UNNAMED$unsafe" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid "$HOME_DIR/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$PORT" \
    --hostname="http://127.0.0.1:$PORT" --health-enabled=true --http-management-port="$MPORT" --import-realm \
    --spi-brute-force-protector-default-brute-force-detector-allow-concurrent-requests=true \
    >"$LOG" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 180); do
    ready && break
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || die "Keycloak stopped while starting"
    sleep 1
  done
  ready || die "Keycloak did not become ready within 180 s"
  say "running on http://127.0.0.1:$PORT (realm civil-safety)"
}

stop() {
  if [ -f "$PIDFILE" ]; then
    kill -- -"$(cat "$PIDFILE")" 2>/dev/null || true
    for _ in $(seq 1 20); do ready || break; sleep 0.5; done
    rm -f "$PIDFILE"
  fi
  ready && die "Keycloak on port $PORT is still running"
  say "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if ready; then say "running on port $PORT"; else say "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
