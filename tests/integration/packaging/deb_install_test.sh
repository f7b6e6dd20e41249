#!/usr/bin/env bash
# Builds the DEB from this build tree with cpack, installs it on this machine with apt, runs the
# installed app (--version, a screenshot, a convene:// link), checks the desktop integration and
# purges the package again, so the machine is left as it was.
#   deb_install_test.sh BUILD_DIR VERSION SOURCE_DIR
set -euo pipefail

build=$1
version=$2
source=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "-- $*"; }

[ "$(id -u)" -eq 0 ] || fail "this test installs the .deb with apt and must run as root (CI does). Run it as root, or leave it out with: ctest -LE packaging"
command -v apt-get >/dev/null || fail "apt-get not found: the DEB test needs a Debian system"
command -v desktop-file-validate >/dev/null || fail "desktop-file-validate not found: run tools/install-deps.sh (desktop-file-utils)"
if dpkg-query -W -f='${Status}' convene 2>/dev/null | grep -q "install ok installed"; then
    fail "a convene package is already installed; remove it (apt-get purge convene) so this test can leave the machine as it found it"
fi

work=$(mktemp -d)
installed=0
cleanup() {
    if [ "$installed" = 1 ]; then
        apt-get purge -y -qq -o DPkg::Lock::Timeout=120 convene >/dev/null 2>&1 || echo "warning: could not purge convene" >&2
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT # a ctest timeout still purges the package

step "cpack -G DEB from $build"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"
    fail "cpack failed"
}
deb=$(find "$work/out" -maxdepth 1 -name "convene_${version}_*.deb" | head -n 1)
[ -n "$deb" ] || fail "cpack wrote no convene_${version}_*.deb"

step "metadata of $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
has_dependency() { tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | grep -qx "$1"; }
# dpkg-shlibdeps found the shared libraries ...
for lib in libqt6core6 libqt6gui6 libqt6widgets6 libqt6qml6 libqt6quick6 libopus0 libvpx7 libsqlite3-0; do
    has_dependency "$lib" || fail "Depends lacks $lib (shared library dependency)"
done
# ... and everything the app loads at run time is listed explicitly: the QML modules, as derived
# from the QML now (the same as packaging/qml-runtime-packages.txt, which tst_packaging_qml_runtime
# checks), the SVG image plugin, a Chinese font and libnice (loaded when a call starts).
qml_packages=$(python3 "$source/tools/qml-runtime-packages.py" --source "$source" | cut -f1) ||
    fail "could not derive the QML runtime packages"
[ -n "$qml_packages" ] || fail "no QML runtime package derived from $source"
for package in $qml_packages libqt6svg6 fonts-noto-cjk libnice10; do
    has_dependency "$package" || fail "Depends lacks $package, needed at run time"
done
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/convene ./usr/share/applications/convene.desktop \
    ./usr/share/icons/hicolor/scalable/apps/convene.svg ./usr/share/icons/hicolor/48x48/apps/convene.png \
    ./usr/share/icons/hicolor/256x256/apps/convene.png ./usr/share/doc/convene/copyright \
    ./usr/share/doc/convene/policy.conf.example; do
    grep -q " $path\$" <<<"$contents" || fail "the package does not contain $path"
done

# The call engine, which the app loads from ../lib[/<arch>]/convene beside /usr/bin when a call starts.
engine=$(grep -o ' \./usr/lib[^ ]*/convene/convene_call_engine\.so$' <<<"$contents" | sed 's/^ \.//') ||
    fail "the package does not contain the call engine (usr/lib/.../convene/convene_call_engine.so)"
# The tray library (Qt Widgets), which the app loads from the same folder where the desktop has a tray.
tray=$(grep -o ' \./usr/lib[^ ]*/convene/convene_tray\.so$' <<<"$contents" | sed 's/^ \.//') ||
    fail "the package does not contain the tray library (usr/lib/.../convene/convene_tray.so)"

step "apt-get install $(basename "$deb")"
installed=1
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 "$deb" >"$work/apt.log" 2>&1 || {
    cat "$work/apt.log"
    fail "apt-get could not install the package"
}

step "run /usr/bin/convene"
out=$(/usr/bin/convene --version)
[ "$out" = "Convene $version" ] || fail "--version printed '$out', expected 'Convene $version'"

shot="$work/shot.png"
QT_QPA_PLATFORM=offscreen /usr/bin/convene --profile "$work/profile" --screenshot "$shot" convene://calendar \
    2>"$work/run.log" || {
    cat "$work/run.log"
    fail "the installed app could not render a screenshot"
}
python3 "$here/check_png.py" "$shot" 760 500 || fail "the screenshot is not a plausible window image"

QT_QPA_PLATFORM=offscreen /usr/bin/convene --profile "$work/profile" --screenshot "$work/other.png" \
    convene://no-such-view 2>"$work/link.log" || fail "an unknown convene:// link stopped the app"
grep -q "Ignoring the link" "$work/link.log" || fail "an unknown convene:// link was not reported"

step "the call engine loads with what the package depends on"
components=$(python3 -c 'import ctypes, sys
engine = ctypes.CDLL(sys.argv[1])
engine.convene_call_engine_components.restype = ctypes.c_char_p
print(engine.convene_call_engine_components().decode())' "$engine") || fail "the installed call engine $engine does not load"
grep -q '^libvpx ' <<<"$components" && grep -q '^libopus ' <<<"$components" ||
    fail "the call engine names no codec libraries: '$components'"

step "the tray library loads with what the package depends on"
python3 -c 'import ctypes, sys
tray = ctypes.CDLL(sys.argv[1])
tray.convene_tray_create_application, tray.convene_tray_create_icon' "$tray" ||
    fail "the installed tray library $tray does not load or lacks its entry points"

step "desktop integration"
desktop-file-validate /usr/share/applications/convene.desktop || fail "the desktop file does not validate"
grep -q '^MimeType=.*x-scheme-handler/convene;' /usr/share/applications/convene.desktop || fail "no URL scheme in the desktop file"
grep -q '^Exec=convene %u$' /usr/share/applications/convene.desktop || fail "the desktop file does not pass the link to the app"
grep -q '^x-scheme-handler/convene=.*convene.desktop' /usr/share/applications/mimeinfo.cache ||
    fail "convene:// is not registered in /usr/share/applications/mimeinfo.cache"

step "apt-get purge convene"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=120 convene >"$work/purge.log" 2>&1 || {
    cat "$work/purge.log"
    fail "apt-get could not purge the package"
}
installed=0
[ ! -e /usr/bin/convene ] || fail "/usr/bin/convene is still there after purge"
[ ! -e /usr/share/applications/convene.desktop ] || fail "the desktop file is still there after purge"
if grep -q 'x-scheme-handler/convene=' /usr/share/applications/mimeinfo.cache 2>/dev/null; then
    fail "convene:// is still registered after purge"
fi
echo "PASS: $(basename "$deb") installs, runs and purges cleanly"
