/* font_cache.h: fontconfig's answers kept on disk between runs.
 *
 * Loading fontconfig's configuration to find the kiosk's fonts costs some
 * 30 million instructions at every start, for the same answers every day.
 * So the answers are written into the kiosk's cache folder, under a key of
 * everything they depend on (fontconfig's version, the requests, the
 * configuration, its caches and the font folders, by size and time), and
 * the next start reads them back instead. A change to any of those, or a
 * font file gone, and the search runs again. */
#ifndef SAYSO_UI_FONT_CACHE_H
#define SAYSO_UI_FONT_CACHE_H

#include <stdbool.h>

#include "ui/font_find.h"

/* Fills answers[0..n) from the file in `dir` when its key still holds and
 * every font it names is there. False otherwise (or for a NULL `dir`). */
bool font_cache_load(const char *dir, const FontRequest *requests, int n, FontAnswer *answers);

/* Writes the answers to `n` requests into `dir` (replacing the file whole).
 * Failures are silent: the next start searches again. */
void font_cache_store(const char *dir, const FontRequest *requests, int n,
                      const FontAnswer *answers);

#endif
