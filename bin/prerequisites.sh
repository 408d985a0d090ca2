# Sourced by bin/run, bin/test, bin/calendar-sweep and .ci/run: makes sure what the build and the tests need is there,
# installing what is missing from Debian's packages when we may (root), or saying what to install.
#   require_build_tools: a JDK 21+ (the Zeebe engine jars need 21; the machine's default java may be older) first on
#                        the PATH, Maven, Node.js 20.19+ with npm (the web UI is built with Vite during the Maven build)
#   require_test_tools:  unzip and curl (the test Keycloak), Debian's chromium and CJK fonts (the browser tests)
say_setup() { echo "[setup] $*" >&2; }

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say_setup "installing $*"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq >/dev/null && apt-get install -y -qq "$@" >/dev/null; } && return 0
  fi
  say_setup "please install: $* (apt-get install $*)"
  return 1
}

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F= '/java.specification.version/ {gsub(/ /,"",$2); print $2}'; }

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/temurin-21-jdk-* /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"; return 0
    fi
  done
  # Debian 13 has openjdk-21; Debian 12 has only 17: there, a JDK 21+ comes from elsewhere (e.g. Eclipse Temurin)
  local package
  for package in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
    if apt-cache show "$package" >/dev/null 2>&1 && apt_install "$package"; then
      for candidate in /usr/lib/jvm/java-*-openjdk-*; do
        if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
          export JAVA_HOME="$candidate"; return 0
        fi
      done
    fi
  done
  say_setup "no JDK 21 or newer found: install one (Eclipse Temurin 21 or 25 from adoptium.net, or openjdk-21-jdk-headless"
  say_setup "where the distribution has it) and set JAVA_HOME to it"
  return 1
}

node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
    && node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
}

require_build_tools() {
  pick_jdk || return 1
  export PATH="$JAVA_HOME/bin:$PATH"
  command -v mvn >/dev/null 2>&1 || apt_install maven || return 1
  node_ok || apt_install nodejs npm || true
  node_ok || { say_setup "Node.js 20.19 or newer with npm is required for the web UI's build (Vite): install it from nodejs.org or NodeSource"; return 1; }
}

require_test_tools() {
  local missing=()
  for tool in unzip curl; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}
