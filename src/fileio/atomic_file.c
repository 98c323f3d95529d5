/* atomic_file.c: replacing a file whole or not at all (atomic_file.h).
 *
 * mkstemp makes the temporary name in the same folder, so the rename never
 * crosses file systems. fsync of the folder is what makes the rename last;
 * some file systems (FAT on a stick) cannot sync a folder, and that is no
 * error: the rename happened. */
#include "fileio/atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int atomic_file_open(AtomicFile *file, const char *path, mode_t mode)
{
    memset(file, 0, sizeof *file);
    file->path = strdup(path);
    size_t n = strlen(path) + sizeof ".tmp-XXXXXX";
    file->tmp = malloc(n);
    if (!file->path || !file->tmp) {
        atomic_file_abort(file);
        return ENOMEM;
    }
    snprintf(file->tmp, n, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(file->tmp);
    if (fd < 0) {
        int error = errno;
        free(file->tmp);
        file->tmp = NULL; /* nothing was made: nothing to remove */
        atomic_file_abort(file);
        return error;
    }
    fchmod(fd, mode); /* mkstemp makes 0600 */
    file->f = fdopen(fd, "wb");
    if (!file->f) {
        int error = errno;
        close(fd);
        atomic_file_abort(file);
        return error;
    }
    return 0;
}

void atomic_file_abort(AtomicFile *file)
{
    if (file->f)
        fclose(file->f);
    if (file->tmp)
        unlink(file->tmp);
    free(file->tmp);
    free(file->path);
    memset(file, 0, sizeof *file);
}

int atomic_file_sync(AtomicFile *file)
{
    int error = 0;
    errno = 0;
    if (ferror(file->f) || fflush(file->f) != 0 || fsync(fileno(file->f)) != 0)
        error = errno ? errno : EIO;
    errno = 0;
    if (fclose(file->f) != 0 && !error)
        error = errno ? errno : EIO;
    file->f = NULL;
    return error;
}

/* fsyncs the folder holding `path`, so a rename into it is on the disk. */
static void atomic_file_sync_folder(const char *path)
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

int atomic_file_commit(AtomicFile *file)
{
    if (rename(file->tmp, file->path) != 0)
        return errno;
    atomic_file_sync_folder(file->path);
    free(file->tmp);
    file->tmp = NULL; /* renamed: nothing to remove */
    atomic_file_abort(file);
    return 0;
}
