#!/bin/sh
# sys_fuzz.sh: every libFuzzer target (tests/fuzz/fuzz_*.c, built by make
# test with clang, ASan and UBSan) runs a few seconds from its seed corpus,
# so a parser that starts to crash, leak or misbehave on its own seeds or
# on what the fuzzer finds quickly fails make test. `make fuzz` runs them
# longer (FUZZ_SECONDS), from a new random seed each time. FUZZ_BRIEF_SECONDS
# sets the time here (3); the seed here is fixed (FUZZ_SEED, 1) so what CI
# finds, a developer's run repeats.
cd "$(dirname "$0")/.." || exit 1
names=$(for f in tests/fuzz/fuzz_*.c; do basename "$f" .c | sed 's/^fuzz_//'; done)
for n in $names; do
    if [ ! -x "build/fuzz/fuzz_$n" ]; then
        echo "FAIL fuzz_$n: not built (make fuzz-build)"
        echo "0 passed, 1 failed"
        exit 1
    fi
done
# shellcheck disable=SC2086
FUZZ_SEED=${FUZZ_SEED:-1} exec tests/fuzz/run.sh build/fuzz "${FUZZ_BRIEF_SECONDS:-3}" $names
