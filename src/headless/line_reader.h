/* line_reader.h: a script's lines read from a file or a pipe, waiting
 * for the next line in short polls so the caller can stop the wait.
 *
 * stdio's getline blocks in read(); a signal that SDL catches may be taken
 * by any of the kiosk's threads, so that read is not reliably interrupted
 * and SIGTERM could not end a run waiting on a pipe. Here a wait for data
 * is poll() in steps of LINE_READER_POLL_MS, asking the caller each time
 * whether to give up. */
#ifndef SAYSO_LINE_READER_H
#define SAYSO_LINE_READER_H

#include <stdbool.h>
#include <stddef.h>

#define LINE_READER_POLL_MS 100

typedef struct {
    int fd;
    char *buf;    /* bytes read and not yet handed out start at buf + start */
    size_t start, end, capacity;
    bool at_end;  /* the file or pipe said end of file */
    char *line;   /* the line handed out, ended by a NUL */
    size_t line_capacity;
} LineReader;

/* Opens `path` for reading. 0, or -1 with errno. */
int line_reader_open(LineReader *r, const char *path);

/* The next line, '\n' included when it has one, in *line (ended by a NUL
 * after `length` bytes; valid until the next call) and *length. Returns 1 for a line, 0 at the end, -1 on a
 * read error (errno), or -2 when `stop(ctx)`, asked while waiting for
 * data, said to stop. */
int line_reader_next(LineReader *r, bool (*stop)(void *ctx), void *ctx, char **line, size_t *length);

void line_reader_close(LineReader *r);

#endif
