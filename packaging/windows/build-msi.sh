#!/usr/bin/env bash
# Builds the Convene MSI with wixl and msibuild (Debian: apt-get install wixl msitools).
#   build-msi.sh STAGE_DIR VERSION OUTPUT.msi
# STAGE_DIR holds convene.exe and everything installed beside it (windeployqt's output).
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 STAGE_DIR VERSION OUTPUT.msi" >&2
    exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
stage=$(cd "$1" && pwd)
version=$2
out=$(realpath -m "$3")
[ -f "$stage/convene.exe" ] || { echo "build-msi: $stage/convene.exe is missing" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every file but convene.exe (convene.wxs installs that one itself, with its shortcut).
(cd "$stage" && find . -type f ! -path ./convene.exe | LC_ALL=C sort) |
    wixl-heat --prefix ./ --directory-ref INSTALLDIR --component-group AppFiles --var var.SourceDir --win64 \
        >"$work/app-files.wxs"

# wixl resolves sources relative to its working directory and refuses absolute paths.
ln -s "$stage" "$work/stage"
rm -f "$out"
(cd "$work" && wixl --arch x64 -D Version="$version" -D Win64=yes -D SourceDir=stage \
    -o "$out" "$here/convene.wxs" app-files.wxs) 2> >(grep -v '^$' >&2)

queries=()
while IFS= read -r line; do
    case "$line" in '' | --*) continue ;; esac
    queries+=(-q "$line")
done <"$here/msi-additions.sql"
msibuild "$out" "${queries[@]}"
echo "build-msi: wrote $out"
