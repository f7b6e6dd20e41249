#!/usr/bin/env bash
# Installs every Debian package (and npm test peer) Convene needs to build, run and test.
# Idempotent: when everything is present it only checks and returns within a second or two.
set -euo pipefail

# One run at a time: two runs at once would each start apt or npm over the other's work.
exec 9>/tmp/convene-install-deps.lock
flock 9

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git ca-certificates
  # Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-multimedia-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n qt6-qpa-plugins libgl-dev libvulkan-dev
  # QML modules for tests and development; the ones the app loads are in
  # packaging/qml-runtime-packages.txt (read below)
  qml6-module-qttest qml6-module-qt-labs-settings qml6-module-qt-labs-platform
  # passwords in the OS keychain; a keychain service and a session bus for its tests
  qtkeychain-qt6-dev gnome-keyring dbus-daemon
  # media, storage, tests
  libopus-dev libvpx-dev libyuv-dev libsqlite3-dev sqlite3 catch2
  # calls: DTLS 1.2 (OpenSSL) and SRTP (libsrtp2)
  libssl-dev libsrtp2-dev
  # calls: ICE (libnice); a TURN server for its tests (coturn)
  libnice-dev coturn
  # calls: a browser to prove WebRTC interop (tests/interop/webrtc-interop.mjs)
  chromium
  # calls: an SFU to prove WebRTC interop (tests/interop/janus-interop.mjs)
  janus
  zlib1g-dev
  # calendar: libical (iCalendar, recurrence); its IANA time zones come from tzdata at run time
  libical-dev tzdata
  # calendar: lunar dates (农历) and their festivals from ICU's Chinese calendar
  libicu-dev
  # fonts and headless display
  fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji xvfb xauth
  # the tray: whether the desktop has one is asked before the app starts (D-Bus, X11); an XEmbed
  # tray for its test (tests/integration/tray)
  libdbus-1-dev libxcb1-dev trayer
  # packaging: DEB tools, desktop file checks, the MSI built and inspected on Linux
  dpkg-dev desktop-file-utils wixl msitools
  # test scripts
  python3
  # XMPP test server (tests/common/prosody_server.*): every module we use is core in 0.12, so no
  # prosody-modules; lua-unbound is only recommended, but without it every prosody start prints
  # a warning banner; openssl makes the throwaway CA and certificates
  prosody lua-unbound openssl
  # the accessibility test (tests/a11y): the AT-SPI bus and registry, pyatspi for Debian's
  # python3, and xdotool for the keys it presses
  at-spi2-core python3-pyatspi gir1.2-atspi-2.0 xdotool
  # network namespaces and a veth pair for the two-computer test (tests/ui/netns)
  iproute2
  # archives in SQLite for bench_xmpp, as a production Prosody keeps them
  lua-dbi-sqlite3
)

# The QML modules the app loads at run time, as the DEB's Depends lists them (generated from the
# QML's imports by tools/qml-runtime-packages.py).
qml_runtime_list="$root/packaging/qml-runtime-packages.txt"
[ -f "$qml_runtime_list" ] || { echo "install-deps: $qml_runtime_list is missing" >&2; exit 1; }
while read -r p; do
  case "$p" in '' | '#'*) ;; *) packages+=("$p") ;; esac
done <"$qml_runtime_list"

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1 && ! dpkg-query -W nodejs 2>/dev/null | grep -q nodesource; then
  command -v npm >/dev/null 2>&1 || missing+=(npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's prosody package enables (and, where policy-rc.d allows, starts) a system instance on
# 5222. Tests start their own servers, so stop that one and keep it from coming back at boot.
stop_system_prosody() {
  if [ -d /run/systemd/system ]; then
    systemctl disable --now prosody >/dev/null 2>&1 || true
    return
  fi
  if ls /etc/rc[2-5].d/S*prosody >/dev/null 2>&1; then
    update-rc.d prosody disable >/dev/null 2>&1 || true
  fi
  # The system instance runs as user prosody with the system config; test servers run as root
  # with --config. Ask the init script first, then end any left (e.g. started by the postinst
  # without an init system) by its pid.
  local system_pids=() proc
  for proc in $(find /proc -mindepth 1 -maxdepth 1 -user prosody -regex '/proc/[0-9]+' 2>/dev/null); do
    case "$(tr '\0' ' ' <"$proc/cmdline" 2>/dev/null || true)" in
      *--config*) ;;
      *"/usr/bin/prosody"*) system_pids+=("${proc#/proc/}") ;;
    esac
  done
  [ ${#system_pids[@]} -gt 0 ] || return 0
  service prosody stop >/dev/null 2>&1 || invoke-rc.d prosody stop >/dev/null 2>&1 || true
  local pid
  for pid in "${system_pids[@]}"; do
    kill "$pid" 2>/dev/null || continue
    for _ in 1 2 3 4 5 6 7 8 9 10; do [ -d "/proc/$pid" ] || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
if dpkg-query -W -f='${Status}' prosody 2>/dev/null | grep -q "install ok installed"; then
  stop_system_prosody
fi

# coturn and janus are test peers too: tests start their own, so the system services their
# packages enable stay off (where an init system would start them at all).
if [ -d /run/systemd/system ]; then
  for service in coturn janus; do
    if systemctl is-enabled --quiet "$service" 2>/dev/null || systemctl is-active --quiet "$service" 2>/dev/null; then
      systemctl disable --now "$service" >/dev/null 2>&1 || true
    fi
  done
fi

# npm test peers (pinned in tests/interop/package.json); only when the lock is newer than the install.
peers="$root/tests/interop"
if [ -f "$peers/package.json" ]; then
  stamp="$peers/node_modules/.convene-installed"
  if [ ! -f "$stamp" ] || [ "$peers/package.json" -nt "$stamp" ] || [ "$peers/package-lock.json" -nt "$stamp" ]; then
    echo "install-deps: installing npm test peers"
    (cd "$peers" && npm ci --no-audit --no-fund --loglevel=error 2>/dev/null || npm install --no-audit --no-fund --loglevel=error)
    touch "$stamp"
  fi
fi
echo "install-deps: all dependencies present"
