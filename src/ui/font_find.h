/* font_find.h: the kiosk's font files (Andika for Latin, Noto for other
 * scripts), found through fontconfig. */
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

/* Finds the regular and bold faces of the first installed family of
 * `families` (NULL-terminated, most preferred first). Returns:
 *    0  the most preferred family was found;
 *    1  it was not: `out` holds the next preferred family, or else
 *       fontconfig's best font for language `lang` (e.g. "ur"), and `err`
 *       says plainly which font is missing and that Debian `package` has it;
 *   -1  no installed font supports `lang` at all (`err` says so).
 * Costs one fontconfig load (tens of ms): callers keep the answer. */
int font_find_families(const char *const *families, const char *lang, const char *package,
                       FontFiles *out, char *err, size_t err_size);

#endif
