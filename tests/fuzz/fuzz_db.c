/* fuzz_db.c: a database opened from a damaged file.
 * sources: src/store/ src/export/ src/survey/ src/expr/ src/fileio/ src/staff/pin_keys.c src/staff/pin.c src/recorder/wav.c src/lazy/
 *
 * The input is written as sayso.db (no -wal beside it) and opened as the
 * kiosk opens it (store_open: schema checks, migrations, the kiosk row),
 * then, when it opens, used: a session and an answer written, the staff
 * counts read; and read as an export reads it (store_reader_open and a
 * csv export of every session). Anything may be refused, with a message;
 * nothing may crash or leak. */
#include "export/export.h"
#include "fuzz_support.h"
#include "store/store.h"
#include "store/store_read.h"
#include "store/store_staff.h"

static void use_store(const char *path)
{
    char err[1024], session[STORE_UUID_SIZE];
    Store *store = store_open(path, err, sizeof err);
    if (!store) {
        if (!err[0])
            abort();
        return;
    }
    StoreSessionInfo info = {"forum", "1", "en", "touch", "self", NULL};
    const char *choice[] = {"listened"};
    if (store_session_begin(store, &info, session) == 0) {
        store_answer_put(store, session, "change", NULL, choice, 1, false);
        store_session_end(store, session, "finished");
    }
    StoreCounts counts;
    store_counts(store, "2000-01-01", &counts);
    store_close(store);
}

static void export_it(const char *dir, const char *path)
{
    char out[256], err[1024];
    snprintf(out, sizeof out, "%s/out.csv", dir);
    ExportRequest request = {.db_path = path, .format = EXPORT_CSV, .out_path = out};
    export_run(&request, NULL, err, sizeof err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir = fuzz_dir("db");
    char path[256], side[300];
    static const char *const sides[] = {"-wal", "-shm", "-journal", "-reserve"};
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        snprintf(side, sizeof side, "%s/sayso.db%s", dir, sides[i]);
        unlink(side);
    }
    fuzz_write(dir, "sayso.db", data, size, path, sizeof path);
    export_it(dir, path);
    use_store(path);
    return 0;
}
