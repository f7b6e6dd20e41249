#!/usr/bin/env bash
# Runs the backend contract suite (tests/integration/contract) with the XMPP backend on an
# ejabberd the tests start themselves (tests/common/ejabberd_server.*) instead of Prosody.
# Not part of tools/dev.sh test: ejabberd is not among tools/install-deps.sh's packages.
#
#   tools/contract-ejabberd.sh [Catch2 arguments]   e.g. -c xmpp (skip the local backend's runs)
#
# Installs Debian's ejabberd if missing (and keeps its system instance stopped), builds the
# contract test in build/ci (configuring it if needed), and runs it with CONVENE_XMPP_SERVER=ejabberd.
# Run it as root: ejabberdctl runs only as root or as the ejabberd user.
# CONVENE_BUILD_LOCK=<file>: build under `flock <file>` (a tree shared by several builders).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
target=tst_integration_backend_contract

if [ "$(id -u)" -ne 0 ] && [ "$(id -un)" != ejabberd ]; then
  echo "contract-ejabberd: run as root (ejabberdctl runs only as root or the ejabberd user)" >&2
  exit 1
fi

if ! dpkg-query -W -f='${Status}' ejabberd 2>/dev/null | grep -q "install ok installed"; then
  echo "contract-ejabberd: installing ejabberd"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends ejabberd >/dev/null
fi

# The package enables (and, where policy-rc.d allows, starts) a system ejabberd on 5222, 5269,
# 5280, 5443, 1883 and 3478 with epmd on 4369. The tests start their own: stop that one and keep it
# from coming back at boot.
if [ -d /run/systemd/system ]; then
  systemctl disable --now ejabberd >/dev/null 2>&1 || true
else
  update-rc.d ejabberd disable >/dev/null 2>&1 || true
  if pgrep -u ejabberd beam >/dev/null 2>&1; then
    service ejabberd stop >/dev/null 2>&1 || invoke-rc.d ejabberd stop >/dev/null 2>&1 || true
  fi
fi

[ -f build/ci/build.ninja ] || cmake --preset ci >/dev/null
if [ -n "${CONVENE_BUILD_LOCK:-}" ]; then
  flock "$CONVENE_BUILD_LOCK" cmake --build build/ci --target "$target"
else
  cmake --build build/ci --target "$target"
fi

echo "contract-ejabberd: $(dpkg-query -W -f='ejabberd ${Version}' ejabberd)"
export CONVENE_XMPP_SERVER=ejabberd
export QT_QPA_PLATFORM=offscreen
exec "build/ci/tests/integration/contract/$target" "$@"
