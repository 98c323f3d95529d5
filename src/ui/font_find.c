/* font_find.c: finds the kiosk's font files through fontconfig.
 *
 * Loading fontconfig's configuration is most of the cost (its XML files:
 * some 10 ms), so every script's fonts are asked for at once, with one
 * private configuration destroyed before returning (nothing of it stays in
 * memory or in globals), and that on a thread of its own started before
 * SDL opens the display, so the search and the window open side by side.
 * The thread answers the first request (Andika, which every screen needs)
 * first, and the others only once the first frame is up. The answers are
 * kept in the kiosk's cache folder (font_cache.h), so a start whose fonts
 * and configuration have not changed asks fontconfig nothing at all. A match only
 * counts when fontconfig's best font really is of the family asked for (or,
 * for a fallback, really supports the language asked for): fontconfig
 * always answers with something, and a silent fallback to another family
 * would hide a missing font. */
#include "ui/font_find.h"
#include "ui/font_cache.h"

#include <SDL.h>
#include <assert.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Answers one request with `config`: 0, 1 or -1 as FontAnswer.found. */
static int font_answer(FcConfig *config, const FontRequest *request, FontAnswer *answer)
{
    int found = -1;
    for (int i = 0; request->families[i] && found < 0; i++)
        if (font_find_faces(config, &(FontWant){request->families[i], request->prefix, NULL},
                            &answer->files))
            found = i == 0 ? 0 : 1;
    if (found < 0 && request->lang &&
        font_find_faces(config, &(FontWant){NULL, 0, request->lang}, &answer->files))
        found = 1;
    if (found != 0)
        snprintf(answer->err, sizeof answer->err, "the %s font is not installed (Debian package %s)%s",
                 request->families[0], request->package,
                 found < 0 && request->lang ? "; no installed font has this script" : "");
    return found;
}

/* Answers requests [from, to) with `config` (NULL: each says so). */
static void font_answer_range(FcConfig *config, const FontRequest *requests, int from, int to,
                              FontAnswer *answers)
{
    for (int i = from; i < to; i++) {
        answers[i] = (FontAnswer){.found = -1};
        if (config)
            answers[i].found = font_answer(config, &requests[i], &answers[i]);
        else
            snprintf(answers[i].err, sizeof answers[i].err,
                     "fontconfig could not load its configuration");
    }
}

void font_find_all(const FontRequest *requests, int n, FontAnswer *answers)
{
    FcConfig *config = FcInitLoadConfigAndFonts();
    font_answer_range(config, requests, 0, n, answers);
    if (config)
        FcConfigDestroy(config);
}

struct FontSearch {
    const FontRequest *requests;
    int n;
    FontAnswer *answers;
    char *cache_dir;     /* where the answers are kept between runs; NULL: nowhere */
    SDL_sem *first_done; /* posted once answers[0] is in */
    SDL_sem *go_on;      /* posted when the others may be answered */
    bool first_seen;     /* font_search_first has waited */
    bool went_on;        /* go_on was posted */
    SDL_Thread *thread;  /* NULL once joined, or when the answers came from disk */
};

/* The search's thread: the first request (the font every screen needs) is
 * answered and posted; the others wait for font_search_go_on, so they do
 * not take a processor from the first frame. */
static int font_search_run(void *ctx)
{
    FontSearch *search = ctx;
    FcConfig *config = FcInitLoadConfigAndFonts();
    font_answer_range(config, search->requests, 0, 1, search->answers);
    SDL_SemPost(search->first_done);
    SDL_SemWait(search->go_on);
    font_answer_range(config, search->requests, 1, search->n, search->answers);
    if (config) {
        FcConfigDestroy(config);
        font_cache_store(search->cache_dir, search->requests, search->n, search->answers);
    }
    return 0;
}

static void font_search_free(FontSearch *search)
{
    if (search->first_done)
        SDL_DestroySemaphore(search->first_done);
    if (search->go_on)
        SDL_DestroySemaphore(search->go_on);
    free(search->answers);
    free(search->cache_dir);
    free(search);
}

FontSearch *font_search_start(const FontRequest *requests, int n, const char *cache_dir)
{
    assert(n >= 1);
    FontSearch *search = calloc(1, sizeof *search);
    if (!search)
        return NULL;
    *search = (FontSearch){requests, n, calloc((size_t)n, sizeof(FontAnswer)),
                           cache_dir ? strdup(cache_dir) : NULL, SDL_CreateSemaphore(0),
                           SDL_CreateSemaphore(0), false, false, NULL};
    bool ready = search->answers && search->first_done && search->go_on;
    if (ready && font_cache_load(search->cache_dir, requests, n, search->answers)) {
        search->went_on = true; /* answered from disk: nothing to wait for */
        return search;
    }
    if (ready)
        search->thread = SDL_CreateThread(font_search_run, "sayso-fonts", search);
    if (!search->thread) {
        font_search_free(search); /* no thread or no memory: font_find_all will do */
        return NULL;
    }
    return search;
}

const FontAnswer *font_search_first(FontSearch *search)
{
    if (search->thread && !search->first_seen)
        SDL_SemWait(search->first_done);
    search->first_seen = true;
    return &search->answers[0];
}

void font_search_go_on(FontSearch *search)
{
    if (search && !search->went_on) {
        search->went_on = true;
        SDL_SemPost(search->go_on);
    }
}

const FontAnswer *font_search_all(FontSearch *search)
{
    font_search_go_on(search);
    if (search->thread) {
        SDL_WaitThread(search->thread, NULL);
        search->thread = NULL;
    }
    return search->answers;
}

void font_search_finish(FontSearch *search)
{
    if (!search)
        return;
    font_search_all(search);
    font_search_free(search);
}

/* ---- the kiosk's fonts ---------------------------------------------------- */

/* Urdu (and Punjabi or Saraiki written in Arabic script) is read in
 * Nastaliq; `language` is a BCP 47 or POSIX code ("ur", "pa-Arab", "pa_PK"). */
static bool font_wants_nastaliq(const char *language)
{
    static const char *const nastaliq[] = {"ur", "pnb", "skr", "pa-Arab", "pa-PK", NULL};
    char code[16];
    size_t n = 0;
    for (; language && language[n] && n < sizeof code - 1; n++)
        code[n] = language[n] == '_' ? '-' : language[n];
    code[n] = '\0';
    for (int i = 0; nastaliq[i]; i++) {
        size_t k = strlen(nastaliq[i]);
        if (strncasecmp(code, nastaliq[i], k) == 0 && (code[k] == '\0' || code[k] == '-'))
            return true;
    }
    return false;
}

static const char *const font_latin[] = {"Andika", NULL};
static const char *const font_naskh[] = {"Noto Naskh Arabic", "Noto Sans Arabic", NULL};
static const char *const font_nastaliq[] = {"Noto Nastaliq Urdu", "Noto Naskh Arabic",
                                            "Noto Sans Arabic", NULL};
static const char *const font_gurmukhi[] = {"Noto Sans Gurmukhi", NULL};
static const char *const font_bengali[] = {"Noto Sans Bengali", NULL};

/* Andika is required ("Andika" or "Andika New Basic": its first 6 bytes),
 * with no stand-in: every screen is written in it. */
const FontRequest font_kiosk_requests[FONT_KIOSK_REQUESTS] = {
    [FONT_KIOSK_LATIN] = {font_latin, 6, NULL, "fonts-sil-andika"},
    [FONT_KIOSK_NASKH] = {font_naskh, 0, "ar", "fonts-noto-core"},
    [FONT_KIOSK_GURMUKHI] = {font_gurmukhi, 0, "pa", "fonts-noto-core"},
    [FONT_KIOSK_BENGALI] = {font_bengali, 0, "bn", "fonts-noto-core"},
    [FONT_KIOSK_NASTALIQ] = {font_nastaliq, 0, "ur", "fonts-noto-core"},
};

int font_kiosk_request(const char *script, const char *language)
{
    if (strcmp(script, "Arab") == 0)
        return font_wants_nastaliq(language) ? FONT_KIOSK_NASTALIQ : FONT_KIOSK_NASKH;
    if (strcmp(script, "Guru") == 0)
        return FONT_KIOSK_GURMUKHI;
    if (strcmp(script, "Beng") == 0)
        return FONT_KIOSK_BENGALI;
    return FONT_KIOSK_LATIN;
}
