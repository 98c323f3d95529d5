/* font_find.c: finds the kiosk's font files through fontconfig.
 *
 * Fontconfig is used with a private configuration, destroyed before
 * returning, so nothing of it stays in memory or in globals. A match only
 * counts when fontconfig's best font really is of the family asked for:
 * fontconfig always answers with something, and a silent fallback to
 * another family would hide a missing font. */
#include "ui/font_find.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool font_family_is_andika(FcPattern *match)
{
    FcChar8 *family;
    for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &family) == FcResultMatch; i++) {
        if (strncasecmp((const char *)family, "Andika", 6) == 0)
            return true;
    }
    return false;
}

/* Copies the file of fontconfig's best Andika at `weight` into `path` and
 * returns the weight it has, or -1 when the best match is not Andika. */
static int font_match_andika(FcConfig *config, int weight, char *path, size_t path_size)
{
    int found = -1;
    FcResult result;
    FcChar8 *file;
    FcPattern *match = NULL;
    FcPattern *pattern = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, "Andika", FC_WEIGHT,
                                        FcTypeInteger, weight, FC_SLANT, FcTypeInteger,
                                        FC_SLANT_ROMAN, (char *)NULL);
    if (!pattern || !FcConfigSubstitute(config, pattern, FcMatchPattern))
        goto done;
    FcDefaultSubstitute(pattern);
    match = FcFontMatch(config, pattern, &result);
    if (!match || !font_family_is_andika(match) ||
        FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch)
        goto done;
    if (FcPatternGetInteger(match, FC_WEIGHT, 0, &found) != FcResultMatch)
        found = weight; /* a variable font reports a range: it has every weight */
    snprintf(path, path_size, "%s", (const char *)file);
done:
    if (match)
        FcPatternDestroy(match);
    if (pattern)
        FcPatternDestroy(pattern);
    return found;
}

int font_find_andika(FontFiles *out, char *err, size_t err_size)
{
    int rc = -1;
    FcConfig *config = FcInitLoadConfigAndFonts();
    memset(out, 0, sizeof *out);
    if (!config) {
        snprintf(err, err_size, "fontconfig could not load its configuration");
        goto done;
    }
    if (font_match_andika(config, FC_WEIGHT_REGULAR, out->regular, sizeof out->regular) < 0) {
        snprintf(err, err_size, "the Andika font is not installed (Debian package fonts-sil-andika)");
        goto done;
    }
    int bold_weight = font_match_andika(config, FC_WEIGHT_BOLD, out->bold, sizeof out->bold);
    out->synthetic_bold = bold_weight < FC_WEIGHT_DEMIBOLD || strcmp(out->bold, out->regular) == 0;
    rc = 0;
done:
    if (config)
        FcConfigDestroy(config);
    return rc;
}
