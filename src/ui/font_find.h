/* font_find.h: the kiosk's font files (Andika for Latin, Noto for other
 * scripts), found through fontconfig, and which fonts the kiosk draws each
 * script with: the one place that knows the kiosk's fonts (the text
 * drawing and `sayso check` both ask here). */
#ifndef SAYSO_UI_FONT_FIND_H
#define SAYSO_UI_FONT_FIND_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char regular[4096];  /* file of the regular face */
    char bold[4096];     /* file of the bold face (may equal regular) */
    bool synthetic_bold; /* no bold face: embolden the regular one */
} FontFiles;

/* What to look for: the first installed family of `families` (NULL-
 * terminated, most preferred first; each compared on its first `prefix`
 * bytes, 0 for the whole name), else fontconfig's best font for language
 * `lang` (NULL: none will do). `package` is the Debian package that has
 * the first family, for the message. */
typedef struct {
    const char *const *families;
    size_t prefix;
    const char *lang;
    const char *package;
} FontRequest;

typedef struct {
    FontFiles files;
    /*  0  the most preferred family was found;
     *  1  it was not: `files` holds the next preferred family, or else
     *     fontconfig's best font for `lang`, and `err` says plainly which
     *     font is missing and that the Debian package has it;
     * -1  nothing was found (`err` says so). */
    int found;
    char err[600];
} FontAnswer;

/* Answers each of the `n` requests into answers[i], with one fontconfig
 * load (tens of ms: callers keep the answers). */
void font_find_all(const FontRequest *requests, int n, FontAnswer *answers);

/* font_find_all on a thread of its own, started now; `requests` (at least
 * one) must stay valid until font_search_finish. With `cache_dir` (may be
 * NULL) the answers come from there when they still hold (then no thread
 * starts), and are written there after a search (font_cache.h). NULL when
 * no thread can be started (or out of memory): call font_find_all. */
typedef struct FontSearch FontSearch;
FontSearch *font_search_start(const FontRequest *requests, int n, const char *cache_dir);

/* The answer to the first request, waiting for it only. */
const FontAnswer *font_search_first(FontSearch *search);

/* Lets the search answer the other requests: it waits for this after the
 * first, so they take no processor from what must happen first (the first
 * frame). Does not wait; NULL is ignored. */
void font_search_go_on(FontSearch *search);

/* The answers to all n requests (letting the search go on, and waiting for
 * it to end). Valid until font_search_finish. */
const FontAnswer *font_search_all(FontSearch *search);

/* Waits for the search and frees it with its answers; NULL is ignored. */
void font_search_finish(FontSearch *search);

/* The kiosk's fonts: what is looked for to draw each script (Latin first:
 * every screen needs it; Arabic script has two, Naskh, and Nastaliq for
 * Urdu). */
enum {
    FONT_KIOSK_LATIN,
    FONT_KIOSK_NASKH,
    FONT_KIOSK_GURMUKHI,
    FONT_KIOSK_BENGALI,
    FONT_KIOSK_NASTALIQ,
    FONT_KIOSK_REQUESTS
};
extern const FontRequest font_kiosk_requests[FONT_KIOSK_REQUESTS];

/* The request (FONT_KIOSK_*) that draws `script` (an ISO 15924 tag:
 * "Latn", "Arab", "Guru", "Beng"; anything else is drawn as Latin) when the
 * kiosk speaks `language` (ISO 639, e.g. "ur": Nastaliq). */
int font_kiosk_request(const char *script, const char *language);

#endif
