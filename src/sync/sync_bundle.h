/* sync_bundle.h: a published survey's files as they travel between the
 * central store and a kiosk: a list of plain file names and their bytes.
 *
 * What a kiosk receives is not trusted: every name must be a plain file
 * name (no folder, no "..", no hidden file, no control character), names
 * are unique, and the count and sizes are bounded, before anything is
 * written. The checksum (BLAKE2b, libsodium) covers every name and byte
 * in order, so the kiosk can tell a whole download from a damaged one. */
#ifndef SAYSO_SYNC_BUNDLE_H
#define SAYSO_SYNC_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>

#define SYNC_BUNDLE_MAX_FILES 2000
#define SYNC_BUNDLE_MAX_BYTES (512LL * 1024 * 1024)
#define SYNC_BUNDLE_NAME_MAX 255
#define SYNC_BUNDLE_CHECKSUM_SIZE 65 /* 64 hex digits and the NUL */

typedef struct {
    const char *name;
    const unsigned char *data;
    size_t size;
} SyncBundleFile;

/* A name a bundle may hold: 1 to 255 bytes of UTF-8-safe text, no '/',
 * '\', control character or leading '.'. */
bool sync_bundle_name_ok(const char *name);

/* The checksum of the files in the order given, as 64 hex digits. */
void sync_bundle_checksum(const SyncBundleFile *files, int n, char out[SYNC_BUNDLE_CHECKSUM_SIZE]);

/* The list may travel: plain names, no duplicates, 1 to
 * SYNC_BUNDLE_MAX_FILES files, SYNC_BUNDLE_MAX_BYTES at most. 0, or -1
 * with a plain reason in `why`. */
int sync_bundle_check(const SyncBundleFile *files, int n, char *why, size_t why_size);

/* Checks the list (sync_bundle_check)
 * and writes each file into the existing folder `dir`, flushed to disk.
 * 0; -1 with a plain reason in `why` when the list may not be written
 * (nothing is); -2 with why when writing failed (a full disk; the caller
 * removes the folder). */
int sync_bundle_write(const char *dir, const SyncBundleFile *files, int n, char *why,
                      size_t why_size);

/* Removes the folder `dir` and the plain files in it (a bundle has no
 * sub-folders). 0 or -1. */
int sync_bundle_remove(const char *dir);

#endif
