/* pull.c: a published survey down to a kiosk (sync_push.h), and what the
 * kiosk keeps of them (sync.h).
 *
 * Published surveys live beside the database, in DB.published/: a folder
 * N for each version N kept (the central store's publish number), and a
 * file N.rejected for a version this kiosk refused, holding why. A new
 * version is written into N.tmp-PID, checked (its checksum, then
 * survey_load with the kiosk's own symbol folders, exactly as `sayso
 * check` and the kiosk load a survey), and renamed to N only when good,
 * so a folder N is always whole and loads: a kill mid-download leaves a
 * .tmp folder that the next pull removes. A version that fails the check
 * is never shown; the kiosk goes on with what it has and the staff menu
 * says why. The two newest kept versions stay; older ones are removed. */
#include "sync/sync_bundle.h"
#include "sync/sync_push.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "survey/survey.h"

#define PULL_KEEP 2 /* versions kept: the one in use and the one before */

/* DB.published: where `db_path`'s published surveys are kept. */
static void pull_root(const char *db_path, char *out, size_t size)
{
    snprintf(out, size, "%s.published", db_path);
}

/* The number a name in the folder stands for, with its kind: a kept
 * folder "N", a refused "N.rejected", or neither (0). */
static int pull_entry(const char *name, bool *rejected)
{
    char *end;
    long n = strtol(name, &end, 10);
    if (name[0] < '1' || name[0] > '9' || n <= 0 || n > 1000000000)
        return 0;
    *rejected = strcmp(end, ".rejected") == 0;
    return *end == '\0' || *rejected ? (int)n : 0;
}

/* The newest kept and refused numbers in `root` (0: none). */
static void pull_scan(const char *root, int *kept, int *rejected)
{
    *kept = *rejected = 0;
    DIR *d = opendir(root);
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        bool refused = false;
        int n = pull_entry(e->d_name, &refused);
        int *newest = refused ? rejected : kept;
        if (n > *newest)
            *newest = n;
    }
    if (d)
        closedir(d);
}

int sync_published_current(const char *db_path, char *dir, size_t size)
{
    char root[4096];
    int kept, rejected;
    pull_root(db_path, root, sizeof root);
    pull_scan(root, &kept, &rejected);
    if (kept > 0)
        snprintf(dir, size, "%s/%d", root, kept);
    return kept;
}

int sync_published_rejected(const char *db_path, char *why, size_t size)
{
    char root[4096], path[4200];
    int kept, rejected;
    pull_root(db_path, root, sizeof root);
    pull_scan(root, &kept, &rejected);
    why[0] = '\0';
    if (rejected <= kept)
        return 0;
    snprintf(path, sizeof path, "%s/%d.rejected", root, rejected);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(why, 1, size - 1, f) : 0;
    why[n] = '\0';
    if (f)
        fclose(f);
    return rejected;
}

/* The second newest kept version (0: none), below which nothing is kept. */
static int pull_oldest_kept(const char *root, int newest)
{
    int second = 0;
    DIR *d = opendir(root);
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        bool refused = false;
        int n = pull_entry(e->d_name, &refused);
        if (!refused && n < newest && n > second)
            second = n;
    }
    if (d)
        closedir(d);
    return PULL_KEEP >= 2 && second > 0 ? second : newest;
}

/* Removes leftovers: .tmp folders of killed downloads (another process's
 * too: one at a time is enough), versions older than the two newest kept,
 * refusals older than what is kept. */
static void pull_tidy(const char *root)
{
    int kept, rejected;
    pull_scan(root, &kept, &rejected);
    int oldest = pull_oldest_kept(root, kept);
    char own_tmp[32], path[4400];
    snprintf(own_tmp, sizeof own_tmp, ".tmp-%ld", (long)getpid());
    DIR *d = opendir(root);
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        bool refused = false;
        int n = pull_entry(e->d_name, &refused);
        snprintf(path, sizeof path, "%s/%s", root, e->d_name);
        if (strstr(e->d_name, ".tmp-") && !strstr(e->d_name, own_tmp))
            sync_bundle_remove(path);
        else if (n > 0 && !refused && n < oldest)
            sync_bundle_remove(path);
        else if (n > 0 && refused && n < kept)
            unlink(path);
    }
    if (d)
        closedir(d);
}

/* Every problem as "FILE:LINE: message" with only the file's name, one a
 * line, into `out`; the download folder `tmp` (gone by the time anyone
 * reads this) is called what it is. */
static void pull_describe(const SurveyProblems *problems, const char *tmp, char *out, size_t size)
{
    size_t used = 0, n = strlen(tmp);
    out[0] = '\0';
    for (int i = 0; i < problems->n && used + 1 < size; i++) {
        const SurveyProblem *p = &problems->items[i];
        const char *slash = strrchr(p->file, '/');
        char line[16] = "", message[1024];
        if (p->line > 0)
            snprintf(line, sizeof line, ":%d", p->line);
        const char *at = strstr(p->message, tmp);
        if (at)
            snprintf(message, sizeof message, "%.*sthe survey's folder%s", (int)(at - p->message), p->message,
                     at + n);
        int w = snprintf(out + used, size - used, "%s%s%s: %s", i ? "; " : "", slash ? slash + 1 : p->file, line,
                         at ? message : p->message);
        used += w > 0 ? (size_t)w : 0;
    }
}

/* Checks the folder `tmp` as the kiosk would load it. 0, or -1 with the
 * problems in `why`. */
static int pull_check(const char *tmp, const char *const *symbol_dirs, char *why, size_t size)
{
    SurveyProblems problems = {0};
    Survey *survey = survey_load(tmp, symbol_dirs, &problems);
    if (!survey)
        pull_describe(&problems, tmp, why, size);
    survey_problems_free(&problems);
    survey_free(survey);
    return survey ? 0 : -1;
}

/* Notes that version `number` was refused, and why. */
static void pull_refuse(const char *root, int number, const char *form, const char *why,
                        SyncReport *report)
{
    char path[4200];
    static const char format[] = "Published survey %d (%s) was not used: %s";
    int whole = snprintf(report->survey_rejected, sizeof report->survey_rejected, format, number,
                         form, why);
    report->survey_refused = true;
    snprintf(path, sizeof path, "%s/%d.rejected", root, number);
    FILE *f = fopen(path, "w");
    if (f) { /* the file keeps the whole reason, where the report may cut it */
        if (whole >= (int)sizeof report->survey_rejected)
            fprintf(f, format, number, form, why);
        else
            fputs(report->survey_rejected, f);
        fclose(f);
    }
}

/* The files of version `number` as a bundle (pointing into `res`). */
static SyncBundleFile *pull_files(PGresult *res, int *n)
{
    *n = PQntuples(res);
    SyncBundleFile *files = calloc((size_t)*n + 1, sizeof *files);
    for (int i = 0; files && i < *n; i++)
        files[i] = (SyncBundleFile){PQgetvalue(res, i, 0), (const unsigned char *)PQgetvalue(res, i, 1),
                                    (size_t)PQgetlength(res, i, 1)};
    return files;
}

/* Writes, verifies and keeps (or refuses) version `number`. 0, or -1 with
 * `err` when it must be fetched again (a damaged download, a full disk). */
static int pull_install(const char *root, int number, const char *form, const char *checksum,
                        PGresult *res, const char *const *symbol_dirs, SyncReport *report,
                        SyncError *err)
{
    char tmp[4200], final[4200], why[512] = "", sum[SYNC_BUNDLE_CHECKSUM_SIZE];
    int n, status = 0;
    SyncBundleFile *files = pull_files(res, &n);
    if (!files)
        return central_fail_with(err, "Out of memory.", "out of memory fetching a survey");
    snprintf(tmp, sizeof tmp, "%s/%d.tmp-%ld", root, number, (long)getpid());
    snprintf(final, sizeof final, "%s/%d", root, number);
    sync_bundle_checksum(files, n, sum);
    int written = strcmp(sum, checksum) != 0 ? -3 : mkdir(tmp, 0755) == 0 || errno == EEXIST
                                                        ? sync_bundle_write(tmp, files, n, why, sizeof why)
                                                        : -2;
    if (written == -3)
        status = central_fail_with(err, "The survey download was damaged; it will be fetched again.",
                                   "published survey %d arrived damaged (checksum %s, not %s)", number,
                                   sum, checksum);
    else if (written == -2)
        status = central_fail_with(err, "The kiosk's disk could not be written.",
                                   "cannot keep published survey %d: %s", number,
                                   why[0] ? why : strerror(errno));
    else if (written == -1 || pull_check(tmp, symbol_dirs, why, sizeof why) != 0)
        pull_refuse(root, number, form, why, report);
    else if (rename(tmp, final) != 0 && errno != EEXIST && errno != ENOTEMPTY)
        status = central_fail_with(err, "The kiosk's disk could not be written.", "cannot keep %s: %s",
                                   final, strerror(errno));
    else
        report->survey_new = true;
    sync_bundle_remove(tmp);
    free(files);
    return status;
}

/* The newest version published here: its number (0 none), form and checksum. */
static int pull_latest(Central *c, char *form, size_t form_size, char *checksum, SyncError *err)
{
    PGresult *res = central_query(c,
                                  "SELECT id, form_id || ' version ' || version, checksum"
                                  " FROM sayso.survey_version ORDER BY id DESC LIMIT 1",
                                  0, NULL, "asking for a published survey", err);
    if (!res)
        return -1;
    int number = PQntuples(res) == 1 ? atoi(PQgetvalue(res, 0, 0)) : 0;
    if (number > 0) {
        snprintf(form, form_size, "%s", PQgetvalue(res, 0, 1));
        snprintf(checksum, SYNC_BUNDLE_CHECKSUM_SIZE, "%s", PQgetvalue(res, 0, 2));
    }
    PQclear(res);
    return number;
}

/* Fetches version `number`'s files and installs them. 0 or -1. */
static int pull_fetch(Central *c, const char *root, int number, const char *form,
                      const char *checksum, const char *const *symbol_dirs, SyncReport *report,
                      SyncError *err)
{
    char id[16];
    snprintf(id, sizeof id, "%d", number);
    const char *values[1] = {id};
    PGresult *res = PQexecParams(c->pg, "SELECT name, data FROM sayso.survey_file WHERE version_id = $1"
                                        " ORDER BY name COLLATE \"C\"", 1, NULL, values, NULL, NULL, 1);
    if (!res || PQresultStatus(res) != PGRES_TUPLES_OK) {
        central_fail(c, res, "fetching a published survey", err);
        PQclear(res);
        return -1;
    }
    if (mkdir(root, 0755) != 0 && errno != EEXIST) {
        PQclear(res);
        return central_fail_with(err, "The kiosk's disk could not be written.", "cannot make %s: %s", root,
                                 strerror(errno));
    }
    int status = pull_install(root, number, form, checksum, res, symbol_dirs, report, err);
    PQclear(res);
    return status;
}

int sync_pull(Central *c, const char *db_path, const char *const *symbol_dirs, SyncReport *report,
              SyncError *err)
{
    char root[4096], form[256] = "", checksum[SYNC_BUNDLE_CHECKSUM_SIZE] = "";
    int kept, rejected, status = 0;
    pull_root(db_path, root, sizeof root);
    pull_scan(root, &kept, &rejected);
    int latest = pull_latest(c, form, sizeof form, checksum, err);
    if (latest < 0)
        return -1;
    if (latest > kept && latest > rejected)
        status = pull_fetch(c, root, latest, form, checksum, symbol_dirs, report, err);
    pull_tidy(root);
    report->survey_number = sync_published_current(db_path, report->survey_dir, sizeof report->survey_dir);
    if (!report->survey_rejected[0])
        sync_published_rejected(db_path, report->survey_rejected, sizeof report->survey_rejected);
    return status;
}
