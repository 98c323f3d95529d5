/* export_buffer.c: the large buffer the csv and jsonl formats write
 * through (export_internal.h).
 *
 * A million answers are some 300 MB of text in tens of millions of small
 * pieces; each piece is a memcpy here, and the file gets one write per
 * megabyte. The first failure (a full USB stick, memory) is kept, later
 * writes do nothing, and the format reports it once at the end. With no
 * file the buffer only grows: a piece kept in memory to be put again (the
 * csv's session columns, repeated on each of its answers' rows). */
#include "export/export_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT_BUFFER_SIZE (1u << 20)

int export_buffer_open(ExportBuffer *b, FILE *out)
{
    *b = (ExportBuffer){.out = out, .size = out ? EXPORT_BUFFER_SIZE : 256};
    b->data = malloc(b->size);
    if (!b->data)
        b->error = ENOMEM;
    return b->data ? 0 : -1;
}

/* Writes what is buffered to the file (in memory: forgets it). */
static void export_buffer_flush(ExportBuffer *b)
{
    if (b->out && !b->error && b->used && fwrite(b->data, 1, b->used, b->out) != b->used)
        b->error = errno ? errno : EIO;
    b->used = 0;
}

char *export_buffer_room(ExportBuffer *b, size_t n)
{
    if (b->error)
        return NULL;
    if (b->size - b->used >= n)
        return b->data + b->used;
    if (b->out)
        export_buffer_flush(b);
    if (!b->error && b->size - b->used < n) { /* in memory, or a piece larger than the buffer */
        size_t size = b->used + n > 2 * b->size ? b->used + n : 2 * b->size;
        char *bigger = realloc(b->data, size);
        if (bigger) {
            b->data = bigger;
            b->size = size;
        } else {
            b->error = ENOMEM;
        }
    }
    return b->error ? NULL : b->data + b->used;
}

void export_buffer_put_slow(ExportBuffer *b, const void *bytes, size_t n)
{
    char *at = export_buffer_room(b, n);
    if (at) {
        memcpy(at, bytes, n);
        b->used += n;
    }
}

int export_buffer_close(ExportBuffer *b)
{
    export_buffer_flush(b);
    free(b->data);
    b->data = NULL;
    b->size = b->used = 0;
    return b->error;
}
