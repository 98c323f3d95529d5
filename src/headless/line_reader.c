/* line_reader.c: lines of a script from a file or a pipe; see
 * line_reader.h for why not getline. */
#include "headless/line_reader.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { READ_CHUNK = 4096 };

int line_reader_open(LineReader *r, const char *path)
{
    memset(r, 0, sizeof *r);
    r->fd = open(path, O_RDONLY | O_CLOEXEC);
    return r->fd < 0 ? -1 : 0;
}

/* Room for READ_CHUNK more bytes after the unread ones (moved to the
 * front). 0, or -1 when out of memory. */
static int make_room(LineReader *r)
{
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    if (r->capacity - r->end >= READ_CHUNK)
        return 0;
    size_t capacity = r->capacity ? r->capacity * 2 : 2 * READ_CHUNK;
    char *grown = realloc(r->buf, capacity);
    if (!grown)
        return -1;
    r->buf = grown;
    r->capacity = capacity;
    return 0;
}

/* Reads what is there, waiting in polls. 0 (read, or the end reached),
 * -1 on an error, -2 when stopped. */
static int fill(LineReader *r, bool (*stop)(void *ctx), void *ctx)
{
    if (make_room(r) != 0) {
        errno = ENOMEM;
        return -1;
    }
    for (;;) {
        struct pollfd p = {.fd = r->fd, .events = POLLIN};
        int ready = poll(&p, 1, LINE_READER_POLL_MS);
        if (ready < 0 && errno != EINTR)
            return -1;
        if (ready > 0) {
            ssize_t n = read(r->fd, r->buf + r->end, r->capacity - r->end);
            if (n < 0 && errno != EINTR && errno != EAGAIN)
                return -1;
            if (n == 0)
                r->at_end = true;
            if (n >= 0) {
                r->end += (size_t)n;
                return 0;
            }
        }
        if (stop(ctx))
            return -2;
    }
}

/* Hands out the `length` unread bytes at the front as a line of its own,
 * NUL-ended. 1, or -1 when out of memory. */
static int hand_out(LineReader *r, size_t length, char **line, size_t *line_length)
{
    if (length + 1 > r->line_capacity) {
        char *grown = realloc(r->line, length + 1);
        if (!grown) {
            errno = ENOMEM;
            return -1;
        }
        r->line = grown;
        r->line_capacity = length + 1;
    }
    memcpy(r->line, r->buf + r->start, length);
    r->line[length] = '\0';
    r->start += length;
    *line = r->line;
    *line_length = length;
    return 1;
}

int line_reader_next(LineReader *r, bool (*stop)(void *ctx), void *ctx, char **line, size_t *length)
{
    for (;;) {
        char *from = r->buf + r->start;
        char *newline = r->end > r->start ? memchr(from, '\n', r->end - r->start) : NULL;
        if (newline || (r->at_end && r->end > r->start))
            return hand_out(r, newline ? (size_t)(newline - from) + 1 : r->end - r->start, line, length);
        if (r->at_end)
            return 0;
        int rc = fill(r, stop, ctx);
        if (rc != 0)
            return rc;
    }
}

void line_reader_close(LineReader *r)
{
    if (r->fd >= 0)
        close(r->fd);
    free(r->buf);
    free(r->line);
    memset(r, 0, sizeof *r);
    r->fd = -1;
}
