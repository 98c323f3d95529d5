/* store_space.c: a full disk met without losing the person answering.
 *
 * Beside the database the store keeps a reserve, PATH-reserve, a file of
 * STORE_RESERVE_BYTES allocated on the disk (posix_fallocate). The first
 * write that fails for want of space frees it: the caller tries again at
 * once (store_space_freed) and the person answering can finish, while the
 * store stops taking answers (store_taking_answers false) so the kiosk
 * invites nobody new. store_space_check, called every few seconds while
 * the kiosk waits, makes the reserve again; once it and as much again are
 * free, answers are taken again. A store opened with its reserve whole
 * takes answers; one opened without it needs the same room first. The reason, with the folder and the free
 * space, is kept for the staff menu and the log. */
#include "store/store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

/* Free bytes on the file system holding `path`'s folder; -1 unknown. */
static long long store_space_free(const char *path)
{
    char *copy = strdup(path);
    struct statvfs fs;
    long long free_bytes = -1;
    if (copy && statvfs(dirname(copy), &fs) == 0)
        free_bytes = (long long)fs.f_bavail * (long long)fs.f_frsize;
    free(copy);
    return free_bytes;
}

/* Writes the reason answers are not taken, naming the folder. */
static void store_space_describe(StoreSpace *sp, const char *db_path)
{
    char *copy = strdup(db_path);
    long long kb = store_space_free(db_path) / 1024;
    snprintf(sp->problem, sizeof sp->problem,
             "the disk holding %s is full (%lld KB free; the kiosk needs %d KB). Free some space "
             "there; the kiosk takes answers again by itself.",
             copy ? dirname(copy) : db_path, kb > 0 ? kb : 0, 2 * STORE_RESERVE_BYTES / 1024);
    free(copy);
}

/* Allocates the reserve on the disk. True when it is whole. */
static bool store_space_reserve(StoreSpace *sp)
{
    int fd = open(sp->reserve_path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    int error = posix_fallocate(fd, 0, STORE_RESERVE_BYTES);
    close(fd);
    if (error == 0)
        return true;
    unlink(sp->reserve_path); /* a part of it would only hold space back */
    return false;
}

/* Takes answers when the reserve can be made and as much again is free
 * beside it, so the kiosk does not take answers again only to stop after
 * one person; otherwise says why (and holds no reserve: a later start
 * must find the room again, not an old reserve). */
static void store_space_try(StoreSpace *sp, const char *db_path)
{
    sp->taking = store_space_reserve(sp) && store_space_free(db_path) >= STORE_RESERVE_BYTES;
    if (sp->taking)
        return;
    unlink(sp->reserve_path);
    store_space_describe(sp, db_path);
}

/* True when the reserve is there whole, as a kiosk that was taking
 * answers left it. */
static bool store_space_reserve_intact(const StoreSpace *sp)
{
    struct stat st;
    return stat(sp->reserve_path, &st) == 0 && S_ISREG(st.st_mode) &&
           st.st_size == STORE_RESERVE_BYTES && st.st_blocks * 512 >= STORE_RESERVE_BYTES;
}

int store_space_open(StoreSpace *sp, const char *db_path)
{
    memset(sp, 0, sizeof *sp);
    size_t n = strlen(db_path) + sizeof "-reserve";
    if (!(sp->reserve_path = malloc(n)))
        return -1;
    snprintf(sp->reserve_path, n, "%s-reserve", db_path);
    if (store_space_reserve_intact(sp))
        sp->taking = true; /* a disk that filled since still has the reserve for one person */
    else
        store_space_try(sp, db_path);
    return 0;
}

void store_space_close(StoreSpace *sp)
{
    free(sp->reserve_path);
    memset(sp, 0, sizeof *sp);
}

void store_space_noticed(StoreSpace *sp, int rc, const char *db_path)
{
    if ((rc & 0xff) != SQLITE_FULL || !sp->reserve_path)
        return;
    store_space_describe(sp, db_path); /* the space left before the reserve goes */
    if (sp->taking || access(sp->reserve_path, F_OK) == 0)
        sp->freed = unlink(sp->reserve_path) == 0;
    sp->taking = false;
}

bool store_taking_answers(const Store *store)
{
    return store_space_of((Store *)store)->taking;
}

const char *store_space_problem(const Store *store)
{
    const StoreSpace *sp = store_space_of((Store *)store);
    return sp->taking ? "" : sp->problem;
}

bool store_space_freed(Store *store)
{
    StoreSpace *sp = store_space_of(store);
    bool freed = sp->freed;
    sp->freed = false;
    return freed;
}

bool store_space_check(Store *store)
{
    StoreSpace *sp = store_space_of(store);
    if (!sp->taking && sp->reserve_path)
        store_space_try(sp, store_path(store));
    return sp->taking;
}
