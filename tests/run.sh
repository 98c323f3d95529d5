#!/bin/sh
# Runs every test program and end-to-end script, first against the plain
# build, then against the sanitizer build (ASan + UBSan), and prints one
# closing line "N passed, N failed" over all of them. Shell tests
# (tests/sys_*.sh: packages, services, whole-system checks) run once, in the
# plain pass, with the binary as their first argument; they print the same
# PASS / FAIL lines and "N passed, N failed" last.
#   tests/run.sh BUILD_DIR BINARY [ASAN_BUILD_DIR ASAN_BINARY]
cd "$(dirname "$0")/.." || exit 1
log=$(mktemp) times=$(mktemp)
trap 'rm -f "$log" "$times"' EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_FRAMEBUFFER_ACCELERATION=0
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Seconds each program took, kept for the slowest list at the end (so the
# suite's time, which CI limits, is seen where it goes; not asserted).
note_time() { # START_SECONDS LABEL
    echo "$(($(date +%s) - $1)) $2" >>"$times"
}

# A crash or sanitizer report after the last PASS still fails the run.
check_ending() { # NAME
    if ! tail -n 1 "$log" | grep -q '^[0-9]* passed, 0 failed$'; then
        echo "FAIL $1 (exit or sanitizer report, see above)" | tee -a "$log"
    fi
}

run_suite() { # BUILD_DIR BINARY LABEL
    for t in "$1"/tests/test_*; do
        [ -x "$t" ] || continue
        echo "== $3 $(basename "$t")"
        start=$(date +%s)
        SAYSO_TEST_PASS="$3" SAYSO_BIN="$2" "$t" 2>&1 | tee -a "$log"
        note_time "$start" "$3 $(basename "$t")"
        check_ending "$(basename "$t")"
    done
}

run_shell_tests() { # BINARY
    for t in tests/sys_*.sh; do
        [ -f "$t" ] || continue
        echo "== system $(basename "$t")"
        start=$(date +%s)
        SAYSO_TEST_PASS=plain SAYSO_BIN="$1" sh "$t" "$1" 2>&1 | tee -a "$log"
        note_time "$start" "system $(basename "$t")"
        check_ending "$(basename "$t")"
    done
}

run_suite "$1" "$2" plain
run_shell_tests "$2"
[ -n "$3" ] && run_suite "$3" "$4" asan

echo "== the slowest, in seconds"
sort -rn "$times" | head -n 12 | sed 's/^/    /'
passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
