#!/usr/bin/env bash
# Long fuzz campaigns (not part of the test run). Builds the `fuzz` preset (clang, libFuzzer,
# ASan and UBSan on the libraries as well as the harness) and runs every fuzz target, starting
# from its checked-in corpus, until it has made RUNS executions or spent SECONDS, whichever
# comes first. Prints one line per target: executions, seconds, corpus size, result.
#
#   tools/fuzz-campaign.sh [regex of target names]      RUNS=1000000 SECONDS_MAX=1800 JOBS=1 by default
#
# Findings (crash-*, timeout-*, oom-* files) are written to build/fuzz/campaign/<target>/.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
filter=${1:-.}
runs=${RUNS:-1000000}
seconds=${SECONDS_MAX:-1800}

bash tools/install-deps.sh
if ! command -v clang++ >/dev/null || ! dpkg -s libclang-rt-14-dev >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clang libclang-rt-14-dev
fi

cmake --preset fuzz >/dev/null
# Every fuzz target and the corpus its replay test uses, from the generated test files.
mapfile -t targets < <(python3 - "$filter" <<'PY'
import glob, os, re, sys
for f in sorted(glob.glob("build/fuzz/tests/**/CTestTestfile.cmake", recursive=True)):
    for m in re.finditer(r'add_test\(\[=\[(\S+)-replay\]=\] "([^"]+)" "([^"]+)"', open(f).read()):
        if re.search(sys.argv[1], m.group(1)):
            print(m.group(1), os.path.dirname(m.group(2)), m.group(3))
PY
)

names=()
for line in "${targets[@]}"; do names+=("${line%% *}"); done
cmake --build build/fuzz --target "${names[@]}"

printf '%-28s %12s %8s %8s  %s\n' target executions seconds corpus result
status=0
for line in "${targets[@]}"; do
    read -r name dir corpus <<<"$line"
    work="build/fuzz/campaign/$name"
    mkdir -p "$work/corpus"
    cp -rn "$corpus"/. "$work/corpus/" 2>/dev/null || true
    start=$(date +%s)
    result=ok
    if ! "$dir/$name" "$work/corpus" -runs="$runs" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/" \
        >"$work/log.txt" 2>&1; then
        result="FAILED (see $work/log.txt)"
        status=1
    fi
    executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log.txt" | grep -o '[0-9]*$' || echo 0)
    printf '%-28s %12s %8s %8s  %s\n' "$name" "$executions" "$(($(date +%s) - start))" \
        "$(find "$work/corpus" -type f | wc -l)" "$result"
done
exit $status
