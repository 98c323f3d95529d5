/* font_find.h: the font files of Andika, found through fontconfig. */
#ifndef SAYSO_UI_FONT_FIND_H
#define SAYSO_UI_FONT_FIND_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char regular[4096];  /* file of the regular face */
    char bold[4096];     /* file of the bold face (may equal regular) */
    bool synthetic_bold; /* no bold face: embolden the regular one */
} FontFiles;

/* Finds Andika's regular and bold faces. Returns 0, or -1 with a message a
 * person can act on in `err` (naming the Debian package to install). */
int font_find_andika(FontFiles *out, char *err, size_t err_size);

#endif
