/* export_file.c: writing an export's files whole or not at all.
 *
 * Staff export onto USB sticks that fill up or get pulled out, so a file
 * never appears half-written under its real name: it goes through an
 * AtomicFile (fileio/atomic_file.h: a temporary name beside it, fsync,
 * rename, fsync of the folder). Every message names the real file and the
 * system's reason. */
#include "export/export_internal.h"

#include <errno.h>
#include <string.h>


static int export_file_fail(const char *path, int error, char *err, size_t err_size)
{
    snprintf(err, err_size, "cannot write %s: %s", path, strerror(error ? error : EIO));
    return -1;
}

int export_file_open(AtomicFile *file, const char *path, char *err, size_t err_size)
{
    int error = atomic_file_open(file, path, EXPORT_FILE_MODE);
    return error ? export_file_fail(path, error, err, err_size) : 0;
}

int export_file_commit(AtomicFile *file, char *err, size_t err_size)
{
    int error = atomic_file_sync(file);
    if (!error)
        error = atomic_file_commit(file);
    if (!error)
        return 0;
    export_file_fail(file->path, error, err, err_size);
    atomic_file_abort(file);
    return -1;
}

int export_file_write_all(const char *path, const void *data, size_t size, char *err,
                          size_t err_size)
{
    AtomicFile file;
    if (export_file_open(&file, path, err, err_size) != 0)
        return -1;
    if (size > 0 && fwrite(data, 1, size, file.f) != size) {
        export_file_fail(path, errno, err, err_size);
        atomic_file_abort(&file);
        return -1;
    }
    return export_file_commit(&file, err, err_size);
}
