#!/bin/sh
# Runs libFuzzer targets, each for SECONDS, and prints one line per target
# ("PASS fuzz_NAME: N runs in S s" or "FAIL fuzz_NAME: ...", with the input
# that failed and the line that reproduces it) and "N passed, N failed".
#   tests/fuzz/run.sh FUZZ_BUILD_DIR SECONDS NAME...
# Inputs found on the way go to FUZZ_BUILD_DIR/corpus/NAME (the seeds in
# tests/fuzz/corpus/NAME stay as they are); crashes to FUZZ_BUILD_DIR/artifacts.
# Seeds kept as text, tests/fuzz/seeds/NAME/*.sql (databases: a binary file
# is not tracked), are made into FUZZ_BUILD_DIR/seeds/NAME/*.db first.
# FUZZ_SEED fixes libFuzzer's random seed (make test's brief runs use 1, so
# a run on one machine repeats on another); unset, each run takes a new one.
cd "$(dirname "$0")/../.." || exit 1
build=$1 seconds=$2
shift 2
passed=0 failed=0
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for name in "$@"; do
    bin="$build/fuzz_$name" log="$build/fuzz_$name.log"
    mkdir -p "$build/corpus/$name" "$build/artifacts"
    rm -f "$build/artifacts/$name-"*
    dirs="$build/corpus/$name"  # the corpus folders (no spaces in them)
    [ -d "tests/fuzz/corpus/$name" ] && dirs="$dirs tests/fuzz/corpus/$name"
    for sql in tests/fuzz/seeds/"$name"/*.sql; do
        [ -f "$sql" ] || continue
        mkdir -p "$build/seeds/$name"
        db="$build/seeds/$name/$(basename "$sql" .sql).db"
        rm -f "$db" && sqlite3 "$db" <"$sql" || { echo "FAIL fuzz_$name: cannot make a seed of $sql"; exit 1; }
    done
    [ -d "$build/seeds/$name" ] && dirs="$dirs $build/seeds/$name"
    # shellcheck disable=SC2086
    "$bin" ${FUZZ_SEED:+-seed="$FUZZ_SEED"} -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
        -artifact_prefix="$build/artifacts/$name-" $dirs \
        >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    crash=$(ls "$build/artifacts/$name-"* 2>/dev/null | head -n 1)
    if [ "$status" = 0 ] && [ -z "$crash" ]; then
        echo "PASS fuzz_$name: ${runs:-?} runs in ${seconds} s"
        passed=$((passed + 1))
    else
        echo "FAIL fuzz_$name (exit $status): see $log"
        grep -m 3 -E "ERROR|runtime error|SUMMARY" "$log" | sed 's/^/    /'
        [ -n "$crash" ] && echo "    reproduce: $bin $crash"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
