/* testing.h: the smallest test harness that does the job.
 *
 * Each tests/test_*.c is one program whose main() calls RUN(fn) for each
 * named case. A case fails at its first failed CHECK, printing the file, the
 * line and the expression. Every case prints one line, "PASS name" or
 * "FAIL name: why", which tests/run.sh counts into "N passed, N failed". */
#ifndef SAYSO_TESTING_H
#define SAYSO_TESTING_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int passed, failed;
    int current_failed;
} TestRun;

static TestRun test_run;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            printf("    %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);      \
            test_run.current_failed = 1;                                             \
            return;                                                                  \
        }                                                                            \
    } while (0)

#define CHECK_STR(a, b)                                                              \
    do {                                                                             \
        const char *check_a_ = (a), *check_b_ = (b);                                 \
        if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {             \
            printf("    %s:%d: \"%s\" != \"%s\" (%s vs %s)\n", __FILE__, __LINE__,     \
                   check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)",   \
                   #a, #b);                                                          \
            test_run.current_failed = 1;                                             \
            return;                                                                  \
        }                                                                            \
    } while (0)

#define CHECK_INT(a, b)                                                              \
    do {                                                                             \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);              \
        if (check_a_ != check_b_) {                                                  \
            printf("    %s:%d: %lld != %lld (%s vs %s)\n", __FILE__, __LINE__,         \
                   check_a_, check_b_, #a, #b);                                      \
            test_run.current_failed = 1;                                             \
            return;                                                                  \
        }                                                                            \
    } while (0)

#define RUN(fn)                                                                      \
    do {                                                                             \
        test_run.current_failed = 0;                                                 \
        fn();                                                                        \
        if (test_run.current_failed) {                                               \
            test_run.failed++;                                                       \
            printf("FAIL %s\n", #fn);                                                \
        } else {                                                                     \
            test_run.passed++;                                                       \
            printf("PASS %s\n", #fn);                                                \
        }                                                                            \
        fflush(stdout);                                                              \
    } while (0)

/* Heavy system cases (kill loops, package builds, servers) run in the plain
 * pass only: tests/run.sh sets SAYSO_TEST_PASS=asan for the sanitizer
 * pass, where they would repeat what the plain pass proved at several
 * times the cost. */
#define RUN_PLAIN_PASS_ONLY(fn)                                                      \
    do {                                                                             \
        const char *pass_ = getenv("SAYSO_TEST_PASS");                               \
        if (!pass_ || strcmp(pass_, "asan") != 0)                                     \
            RUN(fn);                                                                 \
    } while (0)

#define TEST_SUMMARY() (printf("%d passed, %d failed\n", test_run.passed, test_run.failed), \
                        test_run.failed ? 1 : 0)

#endif
