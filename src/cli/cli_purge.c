/* cli_purge.c: `sayso purge --db FILE --before DATE` (commands.h), keeping
 * answers only as long as they are needed.
 *
 * Deletes every session started before DATE (a UTC day) with its answers
 * and recordings, so that no copy stays in the database file or its -wal
 * file (store_purge_before), and says what it deleted and what it kept:
 * "sayso: deleted 12 sessions started before 2026-01-01 (140 answers,
 * 3 recordings); 30 sessions kept" on stdout and 0; on failure why on
 * stderr and 1.
 *
 * The store does the deleting, in one transaction; this file only refuses a
 * database that is not there (store_open would make an empty one, and
 * "deleted 0 sessions" from a mistyped path would mislead) or a day that is
 * not over yet (a running kiosk's session in progress would go with it), and
 * words the result for the person who ran it. */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/store.h"
#include "store/store_staff.h"

/* "1 session", "12 sessions". */
static const char *purge_plural(int n)
{
    return n == 1 ? "" : "s";
}

/* The file at `path` exists and is a regular file. 0, or -1 with why. */
static int purge_check_file(const char *path, char *err, size_t err_size)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, err_size, "there is no database %s (check --db): nothing was deleted",
                 path);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, err_size, "%s is not a database file (check --db): nothing was deleted",
                 path);
        return -1;
    }
    return 0;
}

/* `before` (YYYY-MM-DD, already checked to be a day) is no later than
 * today's UTC date, the calendar the database's times are in. 0, or -1 with
 * why: a later date would take today's sessions, one perhaps still being
 * answered. */
static int purge_check_day_is_over(const char *before, char *err, size_t err_size)
{
    time_t now = time(NULL);
    struct tm utc;
    char today[16];
    if (!gmtime_r(&now, &utc) || strftime(today, sizeof today, "%Y-%m-%d", &utc) == 0)
        return 0;
    if (strcmp(before, today) <= 0)
        return 0;
    snprintf(err, err_size,
             "--before %s is after today (%s, UTC): a purge only deletes days that are over,"
             " so that no session still being answered goes; nothing was deleted",
             before, today);
    return -1;
}

int cli_purge(const CliOptions *options)
{
    char err[512];
    StorePurged gone;
    StoreCounts left;
    Store *store = NULL;
    int status = 1;
    if (purge_check_file(options->db_path, err, sizeof err) != 0 ||
        purge_check_day_is_over(options->before, err, sizeof err) != 0)
        goto done;
    store = store_open(options->db_path, err, sizeof err);
    if (!store)
        goto done;
    if (store_purge_before(store, options->before, &gone) != 0 ||
        store_counts(store, options->before, &left) != 0) {
        snprintf(err, sizeof err, "%s", store_error(store));
        goto done;
    }
    printf("sayso: deleted %d session%s started before %s (%d answer%s, %d recording%s);"
           " %d session%s kept\n",
           gone.sessions, purge_plural(gone.sessions), options->before, gone.answers,
           purge_plural(gone.answers), gone.recordings, purge_plural(gone.recordings),
           left.sessions_total, purge_plural(left.sessions_total));
    status = 0;
done:
    if (status != 0)
        fprintf(stderr, "sayso: %s\n", err);
    store_close(store);
    return status;
}
