/* fuzz_bundle.c: what a kiosk does with a published survey it fetched
 * from the central store: the files' names and bytes, as the server sent
 * them, checked (sync_bundle_check), written into a folder
 * (sync_bundle_write) and loaded as a survey (survey_load), exactly as
 * src/sync/pull.c does before it would ever show one.
 * sources: src/sync/bundle.c src/survey/ src/expr/ src/staff/pin_keys.c src/staff/pin.c src/lazy/
 *
 * The input is the list of files the server returned, each as one byte of
 * name length, the name, two bytes (little-endian) of data length and the
 * data; a short record ends the list. The corpus in corpus/bundle/ holds
 * config/forum and a survey with "You said, we did" items in that shape. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "survey/survey.h"
#include "sync/sync_bundle.h"

#define FUZZ_MAX_FILES 32

static char fuzz_dir[64]; /* the run's own folder, removed at exit */

static void fuzz_cleanup(void)
{
    char folder[128];
    snprintf(folder, sizeof folder, "%s/survey", fuzz_dir);
    sync_bundle_remove(folder);
    rmdir(fuzz_dir);
}

/* Splits `data` into files; names are copied into `names` NUL-ended. */
static int fuzz_files(const uint8_t *data, size_t size, SyncBundleFile *files, char names[][256])
{
    int n = 0;
    size_t at = 0;
    while (n < FUZZ_MAX_FILES && at < size) {
        size_t name_len = data[at++];
        if (at + name_len + 2 > size)
            break;
        memcpy(names[n], data + at, name_len);
        names[n][name_len] = '\0';
        at += name_len;
        size_t len = (size_t)data[at] | (size_t)data[at + 1] << 8;
        at += 2;
        if (at + len > size)
            len = size - at;
        files[n] = (SyncBundleFile){names[n], data + at, len};
        at += len;
        n++;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char names[FUZZ_MAX_FILES][256];
    SyncBundleFile files[FUZZ_MAX_FILES];
    char why[512], sum[SYNC_BUNDLE_CHECKSUM_SIZE];
    if (!fuzz_dir[0]) {
        if (!mkdtemp(strcpy(fuzz_dir, "/tmp/sayso-fuzz-bundle-XXXXXX")))
            return 0;
        atexit(fuzz_cleanup);
    }
    int n = fuzz_files(data, size, files, names);
    sync_bundle_checksum(files, n, sum);
    if (sync_bundle_check(files, n, why, sizeof why) != 0)
        return 0;
    char folder[128];
    snprintf(folder, sizeof folder, "%s/survey", fuzz_dir);
    sync_bundle_remove(folder);
    if (mkdir(folder, 0755) != 0 || sync_bundle_write(folder, files, n, why, sizeof why) != 0) {
        sync_bundle_remove(folder);
        return 0;
    }
    const char *no_packs[] = {NULL};
    SurveyProblems problems = {0};
    Survey *survey = survey_load(folder, no_packs, &problems);
    survey_free(survey);
    survey_problems_free(&problems);
    sync_bundle_remove(folder);
    return 0;
}
