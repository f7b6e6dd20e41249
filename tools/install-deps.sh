#!/usr/bin/env bash
# Installs every Debian package (and npm test peer) Convene needs to build, run and test.
# Idempotent: when everything is present it only checks and returns within a second or two.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git ca-certificates
  # Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-multimedia-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n qt6-qpa-plugins libgl-dev libvulkan-dev
  qml6-module-qtqml qml6-module-qtqml-workerscript qml6-module-qtqml-models
  qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-layouts
  qml6-module-qtquick-controls qml6-module-qtquick-templates qml6-module-qtquick-dialogs
  qml6-module-qtquick-shapes qml6-module-qtmultimedia qml6-module-qttest
  qml6-module-qt-labs-settings qml6-module-qt-labs-platform
  # media, storage, tests
  libopus-dev libvpx-dev libyuv-dev libsqlite3-dev sqlite3 catch2
  zlib1g-dev
  # fonts and headless display
  fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji xvfb xauth
  # packaging: DEB tools, desktop file checks, the MSI built and inspected on Linux
  dpkg-dev desktop-file-utils wixl msitools
  # test scripts
  python3
)

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
