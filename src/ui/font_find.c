/* font_find.c: finds the kiosk's font files through fontconfig.
 *
 * Fontconfig is used with a private configuration, destroyed before
 * returning, so nothing of it stays in memory or in globals. A match only
 * counts when fontconfig's best font really is of the family asked for (or,
 * for a fallback, really supports the language asked for): fontconfig
 * always answers with something, and a silent fallback to another family
 * would hide a missing font. */
#include "ui/font_find.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* What a match must be: of `family` (compared on its first `prefix` bytes,
 * 0 for the whole name), or when family is NULL, a font supporting `lang`. */
typedef struct {
    const char *family;
    size_t prefix;
    const char *lang;
} FontWant;

static bool font_family_matches(FcPattern *match, const FontWant *want)
{
    FcChar8 *family;
    for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &family) == FcResultMatch; i++) {
        const char *name = (const char *)family;
        if (want->prefix ? strncasecmp(name, want->family, want->prefix) == 0
                         : strcasecmp(name, want->family) == 0)
            return true;
    }
    return false;
}

static bool font_lang_matches(FcPattern *match, const char *lang)
{
    FcLangSet *langs;
    return FcPatternGetLangSet(match, FC_LANG, 0, &langs) == FcResultMatch &&
           FcLangSetHasLang(langs, (const FcChar8 *)lang) != FcLangDifferentLang;
}

/* Asks for the style name as well as the weight: some fonts (Debian 12's
 * Noto Nastaliq Urdu) give their bold face the regular weight, and then
 * only the name tells the faces apart. */
static FcPattern *font_pattern(const FontWant *want, int weight)
{
    const char *style = weight >= FC_WEIGHT_BOLD ? "Bold" : "Regular";
    FcPattern *pattern = FcPatternBuild(NULL, FC_WEIGHT, FcTypeInteger, weight, FC_SLANT,
                                        FcTypeInteger, FC_SLANT_ROMAN, FC_STYLE, FcTypeString,
                                        style, (char *)NULL);
    if (pattern && want->family)
        FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)want->family);
    if (pattern && want->lang)
        FcPatternAddString(pattern, FC_LANG, (const FcChar8 *)want->lang);
    return pattern;
}

/* Copies the file of fontconfig's best font for `want` at `weight` into
 * `path` and returns the weight it has, or -1 when the best match is not
 * what was wanted. */
static int font_match(FcConfig *config, const FontWant *want, int weight, char *path,
                      size_t path_size)
{
    int found = -1;
    FcResult result;
    FcChar8 *file;
    FcPattern *match = NULL;
    FcPattern *pattern = font_pattern(want, weight);
    if (!pattern || !FcConfigSubstitute(config, pattern, FcMatchPattern))
        goto done;
    FcDefaultSubstitute(pattern);
    match = FcFontMatch(config, pattern, &result);
    if (!match || FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch)
        goto done;
    if (want->family ? !font_family_matches(match, want) : !font_lang_matches(match, want->lang))
        goto done;
    if (FcPatternGetInteger(match, FC_WEIGHT, 0, &found) != FcResultMatch)
        found = weight; /* a variable font reports a range: it has every weight */
    FcChar8 *style;
    if (FcPatternGetString(match, FC_STYLE, 0, &style) == FcResultMatch &&
        strcasecmp((const char *)style, "Bold") == 0)
        found = found > FC_WEIGHT_BOLD ? found : FC_WEIGHT_BOLD;
    snprintf(path, path_size, "%s", (const char *)file);
done:
    if (match)
        FcPatternDestroy(match);
    if (pattern)
        FcPatternDestroy(pattern);
    return found;
}

/* Fills both faces of `want`; false when its regular face is not found. */
static bool font_find_faces(FcConfig *config, const FontWant *want, FontFiles *out)
{
    if (font_match(config, want, FC_WEIGHT_REGULAR, out->regular, sizeof out->regular) < 0)
        return false;
    int bold_weight = font_match(config, want, FC_WEIGHT_BOLD, out->bold, sizeof out->bold);
    out->synthetic_bold = bold_weight < FC_WEIGHT_DEMIBOLD || strcmp(out->bold, out->regular) == 0;
    return true;
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
    if (!font_find_faces(config, &(FontWant){"Andika", 6, NULL}, out)) {
        snprintf(err, err_size, "the Andika font is not installed (Debian package fonts-sil-andika)");
        goto done;
    }
    rc = 0;
done:
    if (config)
        FcConfigDestroy(config);
    return rc;
}

int font_find_families(const char *const *families, const char *lang, const char *package,
                       FontFiles *out, char *err, size_t err_size)
{
    int rc = -1;
    FcConfig *config = FcInitLoadConfigAndFonts();
    memset(out, 0, sizeof *out);
    if (!config) {
        snprintf(err, err_size, "fontconfig could not load its configuration");
        goto done;
    }
    for (int i = 0; families[i]; i++) {
        if (font_find_faces(config, &(FontWant){families[i], 0, lang}, out)) {
            rc = i == 0 ? 0 : 1;
            goto report;
        }
    }
    if (font_find_faces(config, &(FontWant){NULL, 0, lang}, out))
        rc = 1;
report:
    if (rc != 0 && families[0])
        snprintf(err, err_size, "the %s font is not installed (Debian package %s)%s", families[0],
                 package, rc < 0 ? "; no installed font has this script" : "");
done:
    if (config)
        FcConfigDestroy(config);
    return rc;
}
