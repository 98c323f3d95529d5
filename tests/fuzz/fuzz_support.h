/* fuzz_support.h: what the fuzz targets share: a folder of their own for
 * the files a parser reads (made once per process, under /tmp), and the
 * bytes of one input written to a file in it. Most of sayso's parsers read
 * files by name, as the kiosk does, so each input goes through a file. */
#ifndef SAYSO_FUZZ_SUPPORT_H
#define SAYSO_FUZZ_SUPPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The target's own folder, /tmp/sayso-fuzz-NAME-XXXXXX, made on first use
 * (the process exits with it: libFuzzer never returns). */
static inline const char *fuzz_dir(const char *name)
{
    static char dir[128];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/sayso-fuzz-%s-XXXXXX", name);
        if (!mkdtemp(dir))
            abort();
    }
    return dir;
}

/* Writes `size` bytes to `dir`/`file` and puts its path in `path`. */
static inline void fuzz_write(const char *dir, const char *file, const uint8_t *data, size_t size,
                              char *path, size_t path_size)
{
    snprintf(path, path_size, "%s/%s", dir, file);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
}

/* The next part of `data` up to the separator line "\n----\n" (or the
 * end): its start and length; *rest moves past it. Lets one input hold
 * several files. */
static inline const uint8_t *fuzz_part(const uint8_t **rest, size_t *left, size_t *length)
{
    static const char sep[] = "\n----\n";
    const uint8_t *start = *rest;
    const uint8_t *hit = *left >= sizeof sep - 1 ? memmem(start, *left, sep, sizeof sep - 1) : NULL;
    *length = hit ? (size_t)(hit - start) : *left;
    size_t used = hit ? *length + sizeof sep - 1 : *left;
    *rest += used;
    *left -= used;
    return start;
}

#endif
