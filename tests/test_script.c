/* test_script.c: the headless script runner (src/headless/script.c) at its
 * limits, on the real binary: a line too long is refused with its own line
 * number, a wait past a year is refused, a day's wait jumps from time-out
 * to time-out and ends on the screen real time would show, and SIGTERM
 * ends a run even in the middle of a long wait or while waiting for a
 * line from a pipe. */
#include "test_support.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char dir[64];

/* Runs the kiosk headless on `script` (text) with kiosk.ini `ini` (NULL:
 * none); output in out.txt. The exit code. */
static int run_text(const char *script, const char *ini)
{
    char args[1024];
    support_write_file(dir, "run.script", script);
    snprintf(args, sizeof args, "--headless --script %s/run.script --db %s/sayso.db --config config/forum%s%s",
             dir, dir, ini ? " --kiosk " : "", ini ? ini : "");
    return support_run(dir, NULL, args);
}

static void test_long_line_refused_with_its_number(void)
{
    char *script = malloc(8192);
    CHECK(script);
    int n = snprintf(script, 8192, "expect welcome\n# a comment\ntap ");
    memset(script + n, 'x', 3000);
    strcpy(script + n + 3000, "\nexpect welcome\n");
    int rc = run_text(script, NULL);
    free(script);
    CHECK_INT(rc, 1);
    CHECK(support_output_has(dir, "run.script:3: this line is 3004 bytes long; a step takes at most 1023"));
    CHECK(!support_output_has(dir, "run.script:4"));
}

static void test_endless_wait_refused(void)
{
    CHECK_INT(run_text("wait 18446744073709551615\n", NULL), 1);
    CHECK(support_output_has(dir, "run.script:1: wait takes at most 31622400000 milliseconds"));
    CHECK_INT(run_text("wait 99999999999999999999999\n", NULL), 1);
    CHECK(support_output_has(dir, "takes at most"));
    CHECK_INT(run_text("wait -5\n", NULL), 1);
    CHECK(support_output_has(dir, "wait wants milliseconds"));
}

/* A day's wait in the middle of a session: the idle time-out asks "Are
 * you still there?", nobody answers, the session ends, and the welcome
 * screen's attract loop goes round all day; the run ends on welcome. */
static void test_a_days_wait_ends_where_real_time_would(void)
{
    CHECK_INT(run_text("tap start\ntap lang:en\ntap yes\nexpect question:positive\nwait 86400000\n"
                       "expect welcome\nwait 31622400000\nexpect welcome\n",
                       NULL),
              0);
    CHECK_INT(support_query_int(dir, "sayso.db", "SELECT count(*) FROM session WHERE ended_how = 'timeout'"), 1);
}

/* Starts the kiosk headless on the script at `script` (one-switch
 * kiosk.ini), output in out.txt; its pid. */
static pid_t start_on(const char *script, const char *db_name, const char *env, const char *config)
{
    char out[256], cmd[1400];
    support_path_in(dir, "out.txt", out, sizeof out);
    pid_t pid = fork();
    if (pid == 0) {
        snprintf(cmd, sizeof cmd,
                 "exec env %s %s --headless --script %s --shots %s --db %s/%s --config %s "
                 "--kiosk tests/e2e/one_switch.ini >%s 2>&1",
                 env, support_bin(), script, dir, dir, db_name, config, out);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Waits (up to a minute: a loaded machine starts slowly) for the script's
 * `shot ready.png`, so the run is where the test means it to be, checks
 * the run is still going, sends SIGTERM and checks it ends within ten
 * seconds with exit code 1. */
static void check_sigterm_ends(pid_t pid)
{
    CHECK(pid > 0);
    char ready[256];
    support_path_in(dir, "ready.png", ready, sizeof ready);
    for (int i = 0; i < 600 && access(ready, F_OK) != 0; i++) {
        struct timespec tick = {0, 100 * 1000 * 1000};
        nanosleep(&tick, NULL);
    }
    CHECK(access(ready, F_OK) == 0);
    struct timespec pause = {0, 200 * 1000 * 1000};
    nanosleep(&pause, NULL);
    unlink(ready);
    int status = 0;
    CHECK_INT(waitpid(pid, &status, WNOHANG), 0); /* still running */
    kill(pid, SIGTERM);
    int waited = 0;
    while (waitpid(pid, &status, WNOHANG) == 0 && waited++ < 100) {
        struct timespec tick = {0, 100 * 1000 * 1000};
        nanosleep(&tick, NULL);
    }
    if (waited > 100) { /* it hung: do not leave it behind */
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    CHECK(waited <= 100);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
}

/* A recording runs in real time (a wait while recording lasts as long as
 * it says, up to ten minutes): SIGTERM must end it at once. */
static void test_sigterm_ends_a_long_wait(void)
{
    char script[256], silence[256], env[400];
    support_write_file(dir, "long.script",
                       "tap start\nexpect consent\ntap yes\nexpect question:own_words\n"
                       "tap record\nshot ready.png\nwait 600000\nexpect question:own_words\n");
    support_write_file(dir, "silence.raw", ""); /* the disk driver then records silence */
    support_path_in(dir, "long.script", script, sizeof script);
    support_path_in(dir, "silence.raw", silence, sizeof silence);
    snprintf(env, sizeof env,
             "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null SDL_DISKAUDIOFILEIN=%s", silence);
    check_sigterm_ends(start_on(script, "term.db", env, "tests/surveys/spoken"));
    CHECK(support_output_has(dir, "long.script:7: stopped: the program was asked to end"));
}

/* A script from a pipe whose writer says nothing more: the run waits for
 * the next line, and SIGTERM ends it as a stop (exit 1, said), not as the
 * script's end. */
static void test_sigterm_ends_a_wait_for_a_line(void)
{
    char fifo[256];
    support_path_in(dir, "steps.fifo", fifo, sizeof fifo);
    CHECK(mkfifo(fifo, 0600) == 0);
    int writer = open(fifo, O_RDWR); /* held open: the reader never sees the end */
    CHECK(writer >= 0);
    static const char steps[] = "expect welcome\nshot ready.png\n";
    CHECK(write(writer, steps, sizeof steps - 1) == (ssize_t)(sizeof steps - 1));
    check_sigterm_ends(start_on(fifo, "fifo.db", "", "config/forum"));
    close(writer);
    CHECK(support_output_has(dir, "steps.fifo:2: stopped: the program was asked to end"));
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "script") != 0)
        return 1;
    RUN(test_long_line_refused_with_its_number);
    RUN(test_endless_wait_refused);
    RUN(test_a_days_wait_ends_where_real_time_would);
    RUN(test_sigterm_ends_a_long_wait);
    RUN(test_sigterm_ends_a_wait_for_a_line);
    return support_finish(dir);
}
