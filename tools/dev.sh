#!/usr/bin/env bash
# One entry point for people and CI:
#   tools/dev.sh run [convene options]   install dependencies, build, run the app
#   tools/dev.sh test [ctest options]    install dependencies, build, run every test headless
#   tools/dev.sh bench                   build and run the benchmarks (optimised build)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command=${1:-}
shift || true

bash tools/install-deps.sh

configure_and_build() { # preset [targets...]
    local preset=$1
    shift
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" ${1:+--target "$@"}
}

case "$command" in
run)
    configure_and_build dev convene
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        shot="$root/build/dev/convene-window.png"
        echo "No display found: rendering the window offscreen to $shot instead."
        exec build/dev/app/convene --screenshot "$shot" "$@"
    fi
    exec build/dev/app/convene "$@"
    ;;
test)
    configure_and_build ci
    export QT_QPA_PLATFORM=offscreen
    ctest --preset ci "$@"
    ;;
bench)
    configure_and_build ci
    cmake --build --preset ci --target bench
    ;;
*)
    echo "usage: tools/dev.sh run|test|bench [arguments]" >&2
    exit 2
    ;;
esac
