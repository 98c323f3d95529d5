/* atomic_file.h: replacing a file whole or not at all.
 *
 * The new text is written to a temporary file beside the real one
 * (PATH.tmp-XXXXXX), flushed and fsynced, then renamed over the real name
 * (rename is atomic within a folder), and the folder is fsynced so the
 * rename itself survives a power cut. A reader of PATH sees the old file
 * or the new one, never half of one. Used for exports onto USB sticks that
 * fill up or get pulled out, and for kiosk.ini when a PIN is set.
 *
 * A temporary file left by a writer that was killed is removed by
 * atomic_file_sweep. Functions return 0 or an errno value; wording the message is the
 * caller's, which knows what the file is for. */
#ifndef SAYSO_FILEIO_ATOMIC_FILE_H
#define SAYSO_FILEIO_ATOMIC_FILE_H

#include <stdio.h>
#include <sys/types.h>

/* A file being written: `f` writes to `tmp` until atomic_file_sync. */
typedef struct {
    FILE *f;
    char *path; /* the final name, as given */
    char *tmp;  /* the temporary name, in the same folder */
} AtomicFile;

/* Creates the temporary file beside `path` with `mode` less the umask
 * (where the file system keeps modes: FAT does not), locked (flock) for
 * this writer until commit or abort, and opens it for writing. 0, or an
 * errno value with nothing left behind. */
int atomic_file_open(AtomicFile *file, const char *path, mode_t mode);

/* Flushes, fsyncs and closes the temporary file (a write that failed
 * earlier is reported here). The file can then be read back by its name
 * `tmp` before it is committed. 0, or an errno value. */
int atomic_file_sync(AtomicFile *file);

/* Renames the synced temporary file to `path` (replacing a file there),
 * fsyncs the folder and frees `file`. 0, or an errno value with `path` as
 * it was. */
int atomic_file_commit(AtomicFile *file);

/* Closes and removes the temporary file and frees `file`: call it when
 * sync or commit fails, or to give up. Safe on a zeroed or committed
 * file. */
void atomic_file_abort(AtomicFile *file);

/* Removes the temporary files (NAME.tmp-XXXXXX) that atomic_file_open
 * made in `folder` and that no writer holds any more: left by an export or
 * a `sayso pin` that was killed, or by a stick pulled out. Looks `depth`
 * folders down as well (0: `folder` only). Returns how many it removed. */
int atomic_file_sweep(const char *folder, int depth);

#endif
