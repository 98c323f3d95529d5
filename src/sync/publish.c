/* publish.c: a checked survey stored centrally as the next version for
 * every kiosk, or for one venue's (`sayso publish`; sync.h).
 *
 * The command layer has already checked the survey exactly as `sayso
 * check` does and listed its files (survey_files). Here the files are read,
 * their checksum taken (the kiosk takes it again on arrival), and the
 * version stored in one transaction with its files and its "You said, we
 * did" items (in the survey's default language, for reports). Publishing
 * the same files again for the same venue adds nothing; a survey whose
 * form_id and version were published before with other files is refused,
 * since its sessions could not be told apart: raise settings.csv's version. */
#include "sync/sync_bundle.h"
#include "sync/sync_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads every file of the request into `files` (names borrowed). 0 or -1. */
static int publish_read(const PublishRequest *req, SyncBundleFile *files, SyncError *err)
{
    for (int i = 0; i < req->n_files; i++) {
        FILE *f = fopen(req->files[i].path, "rb");
        long size = f && fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
        unsigned char *data = size >= 0 && fseek(f, 0, SEEK_SET) == 0 ? malloc((size_t)size + 1) : NULL;
        bool ok = data && fread(data, 1, (size_t)size, f) == (size_t)size;
        if (f)
            fclose(f);
        if (!ok) {
            free(data);
            return central_fail_with(err, "A survey file cannot be read.", "cannot read %s",
                                     req->files[i].path);
        }
        files[i] = (SyncBundleFile){req->files[i].name, data, (size_t)size};
        if (!sync_bundle_name_ok(files[i].name))
            return central_fail_with(err, "A survey file has a name that cannot travel.",
                                     "%s: a published file needs a plain name (no folder, not"
                                     " starting with a dot)", req->files[i].path);
    }
    return 0;
}

typedef enum { EARLIER_NONE, EARLIER_SAME, EARLIER_OTHER_FILES, EARLIER_OTHER_VENUE } Earlier;

/* Whether this form_id and version was published before: with the same
 * files for the same venue (its number in *number), with other files
 * (refused), or with the same files for another venue (a new number). */
static Earlier publish_earlier(Central *c, const Survey *s, const char *venue, const char *checksum,
                               int *number, SyncError *err)
{
    const char *values[] = {s->form_id, s->version, checksum, venue};
    PGresult *res = central_query(c,
                                  "SELECT id, checksum = $3, venue IS NOT DISTINCT FROM $4"
                                  " FROM sayso.survey_version WHERE form_id = $1 AND version = $2"
                                  " ORDER BY (checksum = $3 AND venue IS NOT DISTINCT FROM $4) DESC,"
                                  " checksum <> $3 DESC, id LIMIT 1",
                                  4, values, "looking for earlier versions", err);
    *number = -1;
    if (!res)
        return EARLIER_NONE;
    Earlier e = EARLIER_NONE;
    *number = 0;
    if (PQntuples(res) == 1) {
        bool same_files = strcmp(PQgetvalue(res, 0, 1), "t") == 0;
        bool same_venue = strcmp(PQgetvalue(res, 0, 2), "t") == 0;
        *number = atoi(PQgetvalue(res, 0, 0));
        e = !same_files ? EARLIER_OTHER_FILES : same_venue ? EARLIER_SAME : EARLIER_OTHER_VENUE;
    }
    PQclear(res);
    return e;
}

/* Inserts the version row; its number, or -1. */
static int publish_version(Central *c, const Survey *s, const char *venue, const char *checksum,
                           SyncError *err)
{
    const char *values[] = {s->form_id, s->version, s->title, venue, checksum};
    PGresult *res = central_query(c,
                                  "INSERT INTO sayso.survey_version (form_id, version, title, venue,"
                                  " checksum) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                  5, values, "storing the survey", err);
    int number = res ? atoi(PQgetvalue(res, 0, 0)) : -1;
    PQclear(res);
    return number;
}

static int publish_files(Central *c, const char *number, const SyncBundleFile *files, int n,
                         SyncError *err)
{
    static const char sql[] = "INSERT INTO sayso.survey_file (version_id, name, data) VALUES ($1, $2, $3)";
    static const int formats[3] = {0, 0, 1};
    for (int i = 0; i < n; i++) {
        const char *values[3] = {number, files[i].name, (const char *)files[i].data};
        int lengths[3] = {0, 0, (int)files[i].size};
        PGresult *res = PQexecParams(c->pg, sql, 3, NULL, values, lengths, formats, 0);
        int ok = res && PQresultStatus(res) == PGRES_COMMAND_OK;
        if (!ok)
            central_fail(c, res, "storing the survey's files", err);
        PQclear(res);
        if (!ok)
            return -1;
    }
    return 0;
}

/* The "You said, we did" items, in the survey's default language. */
static int publish_yousaid(Central *c, const char *number, const Survey *s, SyncError *err)
{
    for (int i = 0; i < s->n_yousaid; i++) {
        char position[16];
        snprintf(position, sizeof position, "%d", i + 1);
        const SurveyYouSaid *y = &s->yousaid[i];
        const char *values[] = {number, position, survey_text(s, &y->said, s->default_language),
                                survey_text(s, &y->did, s->default_language), y->image};
        PGresult *res = central_query(c,
                                      "INSERT INTO sayso.yousaid (version_id, position, said, did,"
                                      " image) VALUES ($1, $2, $3, $4, $5)",
                                      5, values, "storing You said, we did", err);
        if (!res)
            return -1;
        PQclear(res);
    }
    return 0;
}

/* Stores the version in one transaction. 0 or -1. */
static int publish_store(Central *c, const PublishRequest *req, const SyncBundleFile *files,
                         const char *checksum, PublishReport *report, SyncError *err)
{
    const Survey *s = req->survey;
    int earlier = 0, number = 0;
    char text[16];
    if (central_exec(c, "BEGIN", PGRES_COMMAND_OK, "beginning", err) != 0)
        return -1;
    Earlier e = publish_earlier(c, s, req->venue, checksum, &earlier, err);
    if (earlier >= 0 && e == EARLIER_SAME) {
        report->number = earlier;
        report->already = true;
    } else if (e == EARLIER_OTHER_FILES) {
        central_fail_with(err, "This version was published before with other files.",
                          "%s version %s was published before (as number %d) with other files:"
                          " raise the version in settings.csv so the answers to each can be told"
                          " apart; nothing was published", s->form_id, s->version, earlier);
    } else if (earlier >= 0 && (number = publish_version(c, s, req->venue, checksum, err)) > 0) {
        snprintf(text, sizeof text, "%d", number);
        if (publish_files(c, text, files, req->n_files, err) == 0 &&
            publish_yousaid(c, text, s, err) == 0)
            report->number = number;
    }
    if (report->number > 0 && !report->already)
        return central_exec(c, "COMMIT", PGRES_COMMAND_OK, "committing the survey", err);
    PQclear(PQexec(c->pg, "ROLLBACK"));
    return report->already ? 0 : -1;
}

/* Byte order of names: the order the checksum is taken in, here and on
 * the kiosk (which asks for the files ORDER BY name COLLATE "C"). */
static int publish_by_name(const void *a, const void *b)
{
    return strcmp(((const SyncBundleFile *)a)->name, ((const SyncBundleFile *)b)->name);
}

int sync_publish(const PublishRequest *req, PublishReport *report, SyncError *err)
{
    char checksum[SYNC_BUNDLE_CHECKSUM_SIZE], why[256];
    memset(report, 0, sizeof *report);
    SyncBundleFile *files = calloc((size_t)req->n_files + 1, sizeof *files);
    if (!files)
        return central_fail_with(err, "Out of memory.", "out of memory");
    int status = publish_read(req, files, err);
    if (status == 0)
        qsort(files, (size_t)req->n_files, sizeof *files, publish_by_name);
    if (status == 0 && sync_bundle_check(files, req->n_files, why, sizeof why) != 0)
        status = central_fail_with(err, "The survey cannot be published.", "%s", why);
    Central c;
    if (status == 0 && (status = central_connect(&c, &req->target, err)) == 0) {
        sync_bundle_checksum(files, req->n_files, checksum);
        status = publish_store(&c, req, files, checksum, report, err);
        central_close(&c);
    }
    for (int i = 0; i < req->n_files; i++) {
        report->files += files[i].data ? 1 : 0;
        report->bytes += (long long)files[i].size;
        free((void *)files[i].data);
    }
    free(files);
    return status;
}
