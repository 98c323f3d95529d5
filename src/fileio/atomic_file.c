/* atomic_file.c: replacing a file whole or not at all (atomic_file.h).
 *
 * The temporary name is made here (mkstemp would give 0600 whatever the
 * caller asks), in the same folder, so the rename never crosses file
 * systems, and open(O_CREAT | O_EXCL, mode) lets the umask take its bits
 * away as it does for any file. The writer holds an flock on its temporary
 * file until it is renamed or removed: a sweep removes only temporary
 * files nobody holds, so a second export running at the same time keeps
 * its own, while one left by a killed export (a USB stick pulled) goes.
 * fsync of the folder is what makes the rename last; some file systems
 * (FAT on a stick) cannot sync a folder, and that is no error: the rename
 * happened. */
#include "fileio/atomic_file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#define ATOMIC_TMP_MARK ".tmp-"
#define ATOMIC_TMP_LETTERS 6
#define ATOMIC_TMP_TRIES 100

static const char atomic_letters[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/* Fills the last ATOMIC_TMP_LETTERS characters of `name` with random
 * letters and digits. */
static void atomic_file_random_tail(char *name)
{
    unsigned char bytes[ATOMIC_TMP_LETTERS];
    char *tail = name + strlen(name) - ATOMIC_TMP_LETTERS;
    if (getrandom(bytes, sizeof bytes, 0) != (ssize_t)sizeof bytes)
        for (int i = 0; i < ATOMIC_TMP_LETTERS; i++)
            bytes[i] = (unsigned char)(rand() ^ (getpid() >> i));
    for (int i = 0; i < ATOMIC_TMP_LETTERS; i++)
        tail[i] = atomic_letters[bytes[i] % (sizeof atomic_letters - 1)];
}

/* Creates `name` (its tail made anew on each try) with `mode` less the
 * umask, locked for this writer. A descriptor, or -1 with errno set. */
static int atomic_file_create(char *name, mode_t mode)
{
    for (int i = 0; i < ATOMIC_TMP_TRIES; i++) {
        atomic_file_random_tail(name);
        int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd < 0 && errno == EEXIST)
            continue;
        if (fd >= 0)
            flock(fd, LOCK_EX | LOCK_NB); /* new, so nobody else holds it */
        return fd;
    }
    errno = EEXIST;
    return -1;
}

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
    snprintf(file->tmp, n, "%s" ATOMIC_TMP_MARK "XXXXXX", path);
    int fd = atomic_file_create(file->tmp, mode);
    if (fd < 0) {
        int error = errno;
        free(file->tmp);
        file->tmp = NULL; /* nothing was made: nothing to remove */
        atomic_file_abort(file);
        return error;
    }
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

/* True for NAME.tmp-XXXXXX, the names atomic_file_open makes. */
static bool atomic_file_is_tmp_name(const char *name)
{
    size_t n = strlen(name), tail = strlen(ATOMIC_TMP_MARK) + ATOMIC_TMP_LETTERS;
    if (n <= tail || strncmp(name + n - tail, ATOMIC_TMP_MARK, strlen(ATOMIC_TMP_MARK)) != 0)
        return false;
    return strspn(name + n - ATOMIC_TMP_LETTERS, atomic_letters) == ATOMIC_TMP_LETTERS;
}

/* Removes the temporary file `name` in the folder open as `dir_fd` when it
 * is a regular file that no writer holds. 1 when removed, else 0. */
static int atomic_file_sweep_one(int dir_fd, const char *name)
{
    int fd = openat(dir_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return 0;
    struct stat st;
    int removed = 0;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
        removed = unlinkat(dir_fd, name, 0) == 0;
    close(fd);
    return removed;
}

int atomic_file_sweep(const char *folder, int depth)
{
    DIR *dir = opendir(folder);
    if (!dir)
        return 0;
    int removed = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (atomic_file_is_tmp_name(e->d_name)) {
            removed += atomic_file_sweep_one(dirfd(dir), e->d_name);
        } else if (depth > 0 && (e->d_type == DT_DIR || e->d_type == DT_UNKNOWN)) {
            size_t n = strlen(folder) + strlen(e->d_name) + 2;
            char *sub = malloc(n);
            if (sub) {
                snprintf(sub, n, "%s/%s", folder, e->d_name);
                removed += atomic_file_sweep(sub, depth - 1);
                free(sub);
            }
        }
    }
    closedir(dir);
    return removed;
}
