/* export_file.c: writing an export's files whole or not at all.
 *
 * Staff export onto USB sticks that fill up or get pulled out, so a file
 * never appears half-written under its real name: it is written to a
 * temporary name in the same folder (mkstemp), flushed and fsynced, then
 * renamed over the real name (rename is atomic within a folder), and the
 * folder is fsynced so the rename itself survives a power cut. Every
 * message names the real file and the system's reason. */
#include "export/export_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int export_file_fail(const char *path, int error, char *err, size_t err_size)
{
    snprintf(err, err_size, "cannot write %s: %s", path, strerror(error ? error : EIO));
    return -1;
}

int export_file_open(ExportFile *file, const char *path, char *err, size_t err_size)
{
    memset(file, 0, sizeof *file);
    file->path = strdup(path);
    size_t n = strlen(path) + sizeof ".tmp-XXXXXX";
    file->tmp = malloc(n);
    if (!file->path || !file->tmp) {
        export_file_abort(file);
        return export_file_fail(path, ENOMEM, err, err_size);
    }
    snprintf(file->tmp, n, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(file->tmp);
    if (fd < 0) {
        int error = errno;
        free(file->tmp);
        file->tmp = NULL; /* nothing was made: nothing to remove */
        export_file_abort(file);
        return export_file_fail(path, error, err, err_size);
    }
    fchmod(fd, 0644); /* mkstemp makes 0600; an export is for others to read */
    file->f = fdopen(fd, "wb");
    if (!file->f) {
        int error = errno;
        close(fd);
        export_file_abort(file);
        return export_file_fail(path, error, err, err_size);
    }
    return 0;
}

void export_file_abort(ExportFile *file)
{
    if (file->f)
        fclose(file->f);
    if (file->tmp)
        unlink(file->tmp);
    free(file->tmp);
    free(file->path);
    memset(file, 0, sizeof *file);
}

/* fsyncs the folder holding `path`, so a rename into it is on the disk.
 * Some file systems (FAT on a stick) cannot sync a folder: that is no
 * error, the rename happened. */
static void export_file_sync_folder(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return;
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(copy);
}

int export_file_commit(ExportFile *file, char *err, size_t err_size)
{
    int error = 0;
    errno = 0;
    if (ferror(file->f) || fflush(file->f) != 0 || fsync(fileno(file->f)) != 0)
        error = errno ? errno : EIO;
    errno = 0;
    if (fclose(file->f) != 0 && !error)
        error = errno ? errno : EIO;
    file->f = NULL;
    if (!error && rename(file->tmp, file->path) != 0)
        error = errno;
    if (error) {
        export_file_fail(file->path, error, err, err_size);
        export_file_abort(file);
        return -1;
    }
    export_file_sync_folder(file->path);
    free(file->tmp);
    file->tmp = NULL; /* renamed: nothing to remove */
    export_file_abort(file);
    return 0;
}

int export_file_write_all(const char *path, const void *data, size_t size, char *err,
                          size_t err_size)
{
    ExportFile file;
    if (export_file_open(&file, path, err, err_size) != 0)
        return -1;
    if (size > 0 && fwrite(data, 1, size, file.f) != size) {
        export_file_fail(path, errno, err, err_size);
        export_file_abort(&file);
        return -1;
    }
    return export_file_commit(&file, err, err_size);
}
