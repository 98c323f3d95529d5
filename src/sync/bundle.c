/* bundle.c: a published survey's files, checked and written
 * (sync_bundle.h). */
#include "sync/sync_bundle.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool sync_bundle_name_ok(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > SYNC_BUNDLE_NAME_MAX || name[0] == '.')
        return false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '/' || *p == '\\')
            return false;
    return true;
}

/* Adds a length as 8 little-endian bytes, so no two lists hash alike. */
static void bundle_hash_size(crypto_generichash_state *state, uint64_t n)
{
    unsigned char bytes[8];
    for (int i = 0; i < 8; i++)
        bytes[i] = (unsigned char)(n >> (8 * i));
    crypto_generichash_update(state, bytes, sizeof bytes);
}

void sync_bundle_checksum(const SyncBundleFile *files, int n, char out[SYNC_BUNDLE_CHECKSUM_SIZE])
{
    crypto_generichash_state state;
    unsigned char hash[32];
    crypto_generichash_init(&state, NULL, 0, sizeof hash);
    for (int i = 0; i < n; i++) {
        size_t len = strlen(files[i].name);
        bundle_hash_size(&state, len);
        crypto_generichash_update(&state, (const unsigned char *)files[i].name, len);
        bundle_hash_size(&state, files[i].size);
        if (files[i].size)
            crypto_generichash_update(&state, files[i].data, files[i].size);
    }
    crypto_generichash_final(&state, hash, sizeof hash);
    sodium_bin2hex(out, SYNC_BUNDLE_CHECKSUM_SIZE, hash, sizeof hash);
}

int sync_bundle_check(const SyncBundleFile *files, int n, char *why, size_t why_size)
{
    long long total = 0;
    if (n <= 0 || n > SYNC_BUNDLE_MAX_FILES) {
        snprintf(why, why_size, "it has %d files (a survey has 1 to %d)", n, SYNC_BUNDLE_MAX_FILES);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        if (!sync_bundle_name_ok(files[i].name)) {
            snprintf(why, why_size, "it holds a file whose name is not a plain file name");
            return -1;
        }
        for (int j = 0; j < i; j++)
            if (strcmp(files[i].name, files[j].name) == 0) {
                snprintf(why, why_size, "it holds %s twice", files[i].name);
                return -1;
            }
        total += (long long)files[i].size;
    }
    if (total > SYNC_BUNDLE_MAX_BYTES) {
        snprintf(why, why_size, "its files are %lld MB together (at most %lld MB)", total >> 20,
                 SYNC_BUNDLE_MAX_BYTES >> 20);
        return -1;
    }
    return 0;
}

/* Writes one file (new, 0644) and flushes it. 0 or -1 with why. */
static int bundle_write_file(int dirfd, const SyncBundleFile *f, char *why, size_t why_size)
{
    int fd = openat(dirfd, f->name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    size_t done = 0;
    while (fd >= 0 && done < f->size) {
        ssize_t w = write(fd, f->data + done, f->size - done);
        if (w <= 0 && errno != EINTR)
            break;
        done += w > 0 ? (size_t)w : 0;
    }
    int ok = fd >= 0 && done == f->size && fsync(fd) == 0;
    int saved = errno;
    if (fd >= 0)
        close(fd);
    if (!ok)
        snprintf(why, why_size, "cannot write %s: %s", f->name, strerror(saved ? saved : EIO));
    return ok ? 0 : -1;
}

int sync_bundle_write(const char *dir, const SyncBundleFile *files, int n, char *why,
                      size_t why_size)
{
    if (sync_bundle_check(files, n, why, why_size) != 0)
        return -1;
    int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirfd < 0) {
        snprintf(why, why_size, "cannot open the folder %s: %s", dir, strerror(errno));
        return -2;
    }
    int status = 0;
    for (int i = 0; i < n && status == 0; i++)
        status = bundle_write_file(dirfd, &files[i], why, why_size) == 0 ? 0 : -2;
    if (status == 0 && fsync(dirfd) != 0) {
        snprintf(why, why_size, "cannot write the folder %s: %s", dir, strerror(errno));
        status = -2;
    }
    close(dirfd);
    return status;
}

int sync_bundle_remove(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return errno == ENOENT ? 0 : -1;
    char path[4096];
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    return rmdir(dir);
}
