/* font_cache.c: fontconfig's answers kept on disk between runs; see
 * font_cache.h.
 *
 * The file (fonts.txt in the cache folder) is plain text: the key line,
 * then one line per request: found, synthetic bold, the regular face's
 * file, the bold face's file and the message, tab-separated. The key says
 * what the answers depend on: fontconfig's version, the requests, and the
 * size and modification time of fontconfig's configuration files and
 * folders, its cache folders (fc-cache rewrites them whenever a font
 * package is installed or removed) and the usual font folders. Any change
 * there and the file is not used (the search runs and writes it anew); an
 * answer whose font file is gone makes the whole file unused too. */
#include "ui/font_cache.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FONT_CACHE_FILE "fonts.txt"
#define FONT_CACHE_KEY_SIZE 8192

/* Appends "path:size:mtime;" (or "path:-;" when it is missing). */
static void font_cache_stat(char *key, size_t size, const char *path)
{
    struct stat st;
    size_t used = strlen(key);
    if (stat(path, &st) == 0)
        snprintf(key + used, size - used, "%s:%lld:%lld.%09ld;", path, (long long)st.st_size,
                 (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    else
        snprintf(key + used, size - used, "%s:-;", path);
}

/* The folder `name` under $`env` (absolute), else under ~/`fallback`. */
static void font_cache_user_path(char *out, size_t size, const char *env, const char *fallback,
                                 const char *name)
{
    const char *base = getenv(env), *home = getenv("HOME");
    if (base && *base == '/')
        snprintf(out, size, "%s/%s", base, name);
    else
        snprintf(out, size, "%s/%s/%s", home ? home : "", fallback, name);
}

/* What the answers depend on, as one line. */
static void font_cache_key(const FontRequest *requests, int n, char *key, size_t size)
{
    static const char *const system_paths[] = {
        "/etc/fonts",        "/etc/fonts/fonts.conf", "/etc/fonts/conf.d", "/var/cache/fontconfig",
        "/usr/share/fonts",  "/usr/local/share/fonts"};
    char user[4][4200];
    font_cache_user_path(user[0], sizeof user[0], "XDG_CONFIG_HOME", ".config", "fontconfig");
    font_cache_user_path(user[1], sizeof user[1], "XDG_CACHE_HOME", ".cache", "fontconfig");
    font_cache_user_path(user[2], sizeof user[2], "XDG_DATA_HOME", ".local/share", "fonts");
    font_cache_user_path(user[3], sizeof user[3], "HOME", ".", ".fonts");
    snprintf(key, size, "sayso fonts 1 fontconfig %d;", FcGetVersion());
    for (int i = 0; i < n; i++) {
        for (int k = 0; requests[i].families[k]; k++) {
            size_t used = strlen(key);
            snprintf(key + used, size - used, "%s,", requests[i].families[k]);
        }
        size_t used = strlen(key);
        snprintf(key + used, size - used, "/%zu/%s/%s;", requests[i].prefix,
                 requests[i].lang ? requests[i].lang : "-", requests[i].package);
    }
    for (size_t i = 0; i < sizeof system_paths / sizeof system_paths[0]; i++)
        font_cache_stat(key, size, system_paths[i]);
    for (int i = 0; i < 4; i++)
        font_cache_stat(key, size, user[i]);
}

/* Splits `line` at tabs into `n` fields (the newline dropped). */
static bool font_cache_fields(char *line, char **fields, int n)
{
    line[strcspn(line, "\n")] = '\0';
    for (int i = 0; i < n; i++) {
        fields[i] = line;
        char *tab = strchr(line, '\t');
        if (i < n - 1 && !tab)
            return false;
        if (tab) {
            *tab = '\0';
            line = tab + 1;
        }
    }
    return true;
}

/* Reads one answer line; false when it is damaged or names a font file
 * that is no longer there. */
static bool font_cache_answer(char *line, FontAnswer *answer)
{
    char *f[5];
    if (!font_cache_fields(line, f, 5))
        return false;
    *answer = (FontAnswer){.found = atoi(f[0]), .files.synthetic_bold = atoi(f[1]) != 0};
    snprintf(answer->files.regular, sizeof answer->files.regular, "%s", f[2]);
    snprintf(answer->files.bold, sizeof answer->files.bold, "%s", f[3]);
    snprintf(answer->err, sizeof answer->err, "%s", f[4]);
    if (answer->found < 0)
        return answer->found == -1;
    return answer->found <= 1 && access(answer->files.regular, R_OK) == 0 &&
           access(answer->files.bold, R_OK) == 0;
}

bool font_cache_load(const char *dir, const FontRequest *requests, int n, FontAnswer *answers)
{
    char path[4200], *key = malloc(FONT_CACHE_KEY_SIZE), *line = malloc(FONT_CACHE_KEY_SIZE);
    FILE *f = NULL;
    bool ok = dir && key && line;
    if (ok) {
        snprintf(path, sizeof path, "%s/" FONT_CACHE_FILE, dir);
        font_cache_key(requests, n, key, FONT_CACHE_KEY_SIZE);
        ok = (f = fopen(path, "r")) != NULL && fgets(line, FONT_CACHE_KEY_SIZE, f) &&
             strcspn(line, "\n") == strlen(key) && strncmp(line, key, strlen(key)) == 0;
    }
    for (int i = 0; ok && i < n; i++)
        ok = fgets(line, FONT_CACHE_KEY_SIZE, f) && font_cache_answer(line, &answers[i]);
    if (f)
        fclose(f);
    free(key);
    free(line);
    return ok;
}

void font_cache_store(const char *dir, const FontRequest *requests, int n,
                      const FontAnswer *answers)
{
    char path[4200], tmp[4300], *key = dir ? malloc(FONT_CACHE_KEY_SIZE) : NULL;
    if (!key)
        return;
    snprintf(path, sizeof path, "%s/" FONT_CACHE_FILE, dir);
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    font_cache_key(requests, n, key, FONT_CACHE_KEY_SIZE);
    FILE *f = fopen(tmp, "w");
    bool ok = f && fprintf(f, "%s\n", key) > 0;
    for (int i = 0; ok && i < n; i++) {
        const FontAnswer *a = &answers[i];
        ok = strpbrk(a->files.regular, "\t\n") == NULL && strpbrk(a->files.bold, "\t\n") == NULL &&
             strpbrk(a->err, "\t\n") == NULL &&
             fprintf(f, "%d\t%d\t%s\t%s\t%s\n", a->found, a->files.synthetic_bold ? 1 : 0,
                     a->files.regular, a->files.bold, a->err) > 0;
    }
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok || rename(tmp, path) != 0)
        remove(tmp);
    free(key);
}
