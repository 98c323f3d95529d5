/* export.c: export_run, export_folder and `sayso export` (export.h).
 *
 * Each export opens one StoreReader, so whatever it writes (one file, or
 * the csv, jsonl and report of a folder export) comes from one snapshot of
 * the database, and the kiosk can go on writing meanwhile. Files go through
 * an AtomicFile (whole or not at all). Sessions are reported to on_session
 * only once every file is in place, so the staff menu never marks as
 * exported a session whose file did not land. */
#include "export/export_internal.h"

#include <assert.h>
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* "DIR/recordings" for the output file `out_path`. */
static void export_recordings_dir(const char *out_path, char *out, size_t size)
{
    char *copy = strdup(out_path);
    snprintf(out, size, "%s/recordings", copy ? dirname(copy) : ".");
    free(copy);
}

/* Removes what an earlier export to the same place left when it was
 * killed (a stick pulled out): temporary files beside `path` and in its
 * recordings folder `rec_dir` that no export is writing now. */
static void export_sweep(const char *path, const char *rec_dir)
{
    char *copy = strdup(path);
    if (copy)
        atomic_file_sweep(dirname(copy), 0);
    free(copy);
    atomic_file_sweep(rec_dir, 0);
}

/* Writes one format of `reader`'s snapshot to `path`. With `recordings`,
 * csv and jsonl also write the WAVs into recordings/ beside `path`. */
static int export_one(StoreReader *reader, const ExportRequest *request, ExportFormat format,
                      const char *path, bool recordings, ExportCounts *counts, char *err,
                      size_t err_size)
{
    char dir[4096];
    export_recordings_dir(path, dir, sizeof dir);
    const char *rec = recordings ? dir : NULL;
    export_sweep(path, dir);
    AtomicFile file;
    if (export_file_open(&file, path, err, err_size) != 0)
        return -1;
    int status = -1;
    if (format == EXPORT_CSV)
        status = export_csv_write(reader, request, file.f, path, rec, counts, err, err_size);
    else if (format == EXPORT_JSONL)
        status = export_jsonl_write(reader, request, file.f, path, rec, counts, err, err_size);
    else
        status = export_html_write(reader, request, file.f, counts, err, err_size);
    if (status != 0) {
        atomic_file_abort(&file);
        return -1;
    }
    return export_file_commit(&file, err, err_size);
}

static void export_mark_one(void *ctx, const StoreSessionRow *row)
{
    const ExportRequest *request = ctx;
    request->on_session(request->ctx, row->id);
}

/* Reports each exported session (the snapshot's, under the filter). */
static int export_mark(StoreReader *reader, const ExportRequest *request, char *err,
                       size_t err_size)
{
    if (!request->on_session)
        return 0;
    if (store_reader_sessions(reader, &request->filter, export_mark_one, (void *)request) >= 0)
        return 0;
    snprintf(err, err_size, "%s", store_reader_error(reader));
    return -1;
}

int export_run(const ExportRequest *request, ExportCounts *counts, char *err, size_t err_size)
{
    assert(request && request->db_path && request->out_path && err);
    ExportCounts got = {0};
    if (counts)
        *counts = got;
    if (strcmp(request->out_path, "-") == 0 || !*request->out_path) {
        snprintf(err, err_size, "export needs a file to write (--out PATH), not \"%s\"",
                 request->out_path);
        return -1;
    }
    StoreReader *reader = store_reader_open(request->db_path, err, err_size);
    if (!reader)
        return -1;
    int status = export_one(reader, request, request->format, request->out_path, true, &got, err,
                            err_size);
    if (status == 0)
        status = export_mark(reader, request, err, err_size);
    store_reader_close(reader);
    if (counts && status == 0)
        *counts = got;
    return status;
}

int export_make_folder(const char *path, char *err, size_t err_size)
{
    struct stat st;
    if (mkdir(path, EXPORT_FOLDER_MODE) == 0 || (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
        return 0;
    snprintf(err, err_size, "cannot make the folder %s: %s", path,
             errno == EEXIST ? "a file of that name is in the way" : strerror(errno));
    return -1;
}

int export_folder(const ExportRequest *request, ExportCounts *counts, char *err, size_t err_size)
{
    assert(request && request->db_path && request->out_path && err);
    static const struct {
        const char *name;
        ExportFormat format;
    } files[] = {{"answers.csv", EXPORT_CSV}, {"answers.jsonl", EXPORT_JSONL},
                 {"report.html", EXPORT_HTML}};
    ExportCounts got[3] = {{0}};
    if (counts)
        *counts = got[0];
    if (export_make_folder(request->out_path, err, err_size) != 0)
        return -1;
    StoreReader *reader = store_reader_open(request->db_path, err, err_size);
    if (!reader)
        return -1;
    int status = 0;
    for (int i = 0; i < 3 && status == 0; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", request->out_path, files[i].name);
        status = export_one(reader, request, files[i].format, path, i == 0, &got[i], err,
                            err_size); /* recordings once, with the csv */
    }
    if (status == 0)
        status = export_mark(reader, request, err, err_size);
    store_reader_close(reader);
    if (counts && status == 0)
        *counts = got[0];
    return status;
}
