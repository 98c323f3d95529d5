#!/bin/sh
# Runs every test program and end-to-end script, first against the plain
# build, then against the sanitizer build (ASan + UBSan), and prints one
# closing line "N passed, N failed" over all of them.
#   tests/run.sh BUILD_DIR BINARY [ASAN_BUILD_DIR ASAN_BINARY]
cd "$(dirname "$0")/.." || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_FRAMEBUFFER_ACCELERATION=0
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

run_suite() { # BUILD_DIR BINARY LABEL
    for t in "$1"/tests/test_*; do
        [ -x "$t" ] || continue
        echo "== $3 $(basename "$t")"
        SAYSO_BIN="$2" "$t" 2>&1 | tee -a "$log"
        status=$?
        # A crash or sanitizer report after the last PASS still fails the run.
        if ! tail -n 1 "$log" | grep -q '^[0-9]* passed, 0 failed$'; then
            echo "FAIL $(basename "$t") (exit or sanitizer report, see above)" | tee -a "$log"
        fi
    done
}

run_suite "$1" "$2" plain
[ -n "$3" ] && run_suite "$3" "$4" asan

passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
