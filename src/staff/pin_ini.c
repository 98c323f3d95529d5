/* pin_ini.c: writes the staff PIN's hash into kiosk.ini without disturbing
 * anything else in it.
 *
 * kiosk.ini is edited by people, so it is treated as lines of bytes: only
 * the [staff] pin_hash line is replaced (or one line added, or a [staff]
 * section appended), and every other line, comments and line endings
 * included, is copied as it was. Lines are classified the way inih reads
 * them ("[name]" headers, "key = value" or "key: value" settings, leading
 * blanks skipped). The new text is checked with kiosk_settings_load before
 * it replaces the old file, and the replacement is a rename of an fsync'd
 * file (fileio/atomic_file.h), so the kiosk never sees half a file. */
#include "staff/pin.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio/atomic_file.h"
#include "survey/kiosk_settings.h"

#define PIN_INI_MODE 0600     /* it holds the PIN's hash: only its owner reads it */
#define PIN_INI_CLASSIFY 256  /* bytes of a line enough to tell what it is */

typedef struct {
    const char *text; /* the old file, NUL-terminated */
    size_t size;
    const char *eol;  /* what added lines end with: the file's own "\r\n" or "\n" */
} IniText;

/* The length of the line at `at`, with its line ending. */
static size_t line_length(const IniText *t, size_t at)
{
    const char *nl = memchr(t->text + at, '\n', t->size - at);
    return nl ? (size_t)(nl - (t->text + at)) + 1 : t->size - at;
}

/* The line's start as a string, without line ending or leading blanks. */
static void line_copy(const char *line, size_t len, char out[PIN_INI_CLASSIFY])
{
    len = len < PIN_INI_CLASSIFY ? len : PIN_INI_CLASSIFY - 1;
    memcpy(out, line, len);
    out[len] = '\0';
    out[strcspn(out, "\r\n")] = '\0';
    memmove(out, out + strspn(out, " \t"), strlen(out + strspn(out, " \t")) + 1);
}

/* 1 for a "[staff]" header, 0 for another header, -1 for any other line. */
static int staff_header(const char *line, size_t len)
{
    char s[PIN_INI_CLASSIFY];
    line_copy(line, len, s);
    char *end = strchr(s, ']');
    if (s[0] != '[' || !end)
        return -1;
    *end = '\0';
    return strcmp(s + 1, "staff") == 0;
}

/* True for a "pin_hash = ..." setting (not a comment about one). */
static bool is_pin_hash(const char *line, size_t len)
{
    char s[PIN_INI_CLASSIFY];
    line_copy(line, len, s);
    size_t n = strcspn(s, "=:");
    if (!s[n])
        return false;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n == strlen("pin_hash") && strncmp(s, "pin_hash", n) == 0;
}

/* True when some [staff] section already holds a pin_hash line. */
static bool has_pin_hash(const IniText *t)
{
    bool in_staff = false;
    for (size_t at = 0, len; at < t->size; at += len) {
        len = line_length(t, at);
        int header = staff_header(t->text + at, len);
        if (header >= 0)
            in_staff = header == 1;
        else if (in_staff && is_pin_hash(t->text + at, len))
            return true;
    }
    return false;
}

/* Writes the hash's line, ending it as `old` (the line it replaces) ended. */
static void put_hash_line(FILE *out, const char *hash, const char *old, size_t old_len, const char *eol)
{
    if (old)
        eol = old_len >= 2 && old[old_len - 2] == '\r' ? "\r\n" : old[old_len - 1] == '\n' ? "\n" : "";
    fprintf(out, "pin_hash = %s%s", hash, eol);
}

/* Copies `t` to `out` with the hash put in (see pin_ini_set_hash). */
static void edit_text(const IniText *t, const char *hash, FILE *out)
{
    bool replace = has_pin_hash(t), in_staff = false, done = false;
    for (size_t at = 0, len; at < t->size; at += len) {
        const char *line = t->text + at;
        len = line_length(t, at);
        int header = staff_header(line, len);
        if (header >= 0)
            in_staff = header == 1;
        if (replace && in_staff && header < 0 && is_pin_hash(line, len)) {
            put_hash_line(out, hash, line, len, t->eol);
            continue;
        }
        fwrite(line, 1, len, out);
        if (!replace && header == 1 && !done) {
            if (line[len - 1] != '\n')
                fputs(t->eol, out);
            put_hash_line(out, hash, NULL, 0, t->eol);
            done = true;
        }
    }
    if (replace || done)
        return;
    if (t->size > 0)
        fprintf(out, "%s%s", t->text[t->size - 1] == '\n' ? "" : t->eol, t->eol);
    fprintf(out, "[staff]%s", t->eol);
    put_hash_line(out, hash, NULL, 0, t->eol);
}

/* Reads the whole of `path` ("" when missing), and in `st` the owner to
 * keep (no owner, uid -1, for a new file). */
static int read_old(const char *path, IniText *t, struct stat *st, char *err, size_t err_size)
{
    FILE *f = fopen(path, "rb");
    int open_errno = errno;
    char *text = NULL;
    size_t cap = 0;
    FILE *mem = open_memstream(&text, &cap);
    int status = -1;
    if (!mem) {
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
        goto cleanup;
    }
    memset(st, 0, sizeof *st);
    st->st_mode = PIN_INI_MODE;
    st->st_uid = (uid_t)-1;
    st->st_gid = (gid_t)-1;
    if (!f && open_errno != ENOENT)
        snprintf(err, err_size, "%s: %s", path, strerror(open_errno));
    else if (f && fstat(fileno(f), st) != 0)
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
    else
        status = 0;
    char chunk[4096];
    for (size_t n; status == 0 && f && (n = fread(chunk, 1, sizeof chunk, f)) > 0;)
        fwrite(chunk, 1, n, mem);
    if (status == 0 && f && ferror(f)) {
        snprintf(err, err_size, "%s: cannot read the file", path);
        status = -1;
    }
cleanup:
    if (mem)
        fclose(mem);
    if (f)
        fclose(f);
    t->text = text;
    t->size = cap;
    return status;
}

/* kiosk_settings_load on the temporary file, its name in messages swapped
 * for the real one; the hash must have been read as written. */
static int check_text(const char *tmp, const char *path, const char *hash, char *err, size_t err_size)
{
    KioskSettings settings;
    char got[1024];
    if (kiosk_settings_load(&settings, tmp, true, got, sizeof got) != 0) {
        size_t n = strlen(tmp);
        snprintf(err, err_size, "%s%s", strncmp(got, tmp, n) == 0 ? path : "",
                 strncmp(got, tmp, n) == 0 ? got + n : got);
        return -1;
    }
    if (strcmp(settings.pin_hash, hash) != 0) {
        snprintf(err, err_size, "%s: pin_hash did not read back as written", path);
        return -1;
    }
    return 0;
}

/* The new file's mode: 0600 (less the umask: the hash is nobody else's to
 * read, whatever the old file's mode was), but group-readable when the old
 * file was shared with its group and no one else (an installed kiosk.ini,
 * 0640 root:sayso: root sets the PIN, the kiosk's group reads it). */
static mode_t new_mode(const struct stat *old)
{
    bool group_only = (old->st_mode & 0040) && !(old->st_mode & 0007);
    return PIN_INI_MODE | (group_only ? 0040 : 0);
}

/* Puts `data` at `path` by way of a checked temporary file beside it, in
 * new_mode() and, where we may, with the old file's owner (root setting a
 * PIN keeps the kiosk user's file theirs). */
static int replace_file(const char *path, const char *data, size_t size, const struct stat *old, const char *hash,
                        char *err, size_t err_size)
{
    AtomicFile file;
    int status = -1;
    int error = atomic_file_open(&file, path, new_mode(old));
    if (error) {
        snprintf(err, err_size, "%s: cannot write beside it: %s", path, strerror(error));
        return -1;
    }
    if (old->st_uid != (uid_t)-1 && fchown(fileno(file.f), old->st_uid, old->st_gid) != 0) {
        /* not ours to give away: the file stays the writer's */
    }
    error = fwrite(data, 1, size, file.f) == size ? atomic_file_sync(&file) : errno ? errno : EIO;
    if (error) {
        snprintf(err, err_size, "%s: cannot write: %s", path, strerror(error));
        goto cleanup;
    }
    if (check_text(file.tmp, path, hash, err, err_size) != 0)
        goto cleanup;
    if ((error = atomic_file_commit(&file)) != 0) {
        snprintf(err, err_size, "%s: cannot replace it: %s", path, strerror(error));
        goto cleanup;
    }
    status = 0;
cleanup:
    atomic_file_abort(&file);
    return status;
}

int pin_ini_set_hash(const char *path, const char *hash, char *err, size_t err_size)
{
    IniText old = {0};
    char *text = NULL;
    size_t size = 0;
    struct stat st;
    int status = -1;
    assert(strncmp(hash, PIN_HASH_PREFIX, strlen(PIN_HASH_PREFIX)) == 0 && !strpbrk(hash, "\r\n"));
    if (read_old(path, &old, &st, err, err_size) != 0)
        goto cleanup;
    const char *nl = memchr(old.text, '\n', old.size);
    old.eol = nl && nl > old.text && nl[-1] == '\r' ? "\r\n" : "\n";
    FILE *out = open_memstream(&text, &size);
    if (!out) {
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
        goto cleanup;
    }
    edit_text(&old, hash, out);
    fclose(out);
    status = replace_file(path, text, size, &st, hash, err, err_size);
cleanup:
    free(text);
    free((char *)old.text);
    return status;
}
