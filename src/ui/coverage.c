/* coverage.c: what `sayso check` says about words the kiosk could not
 * show as written: characters of a survey's labels that no font the kiosk
 * draws their script with has (fontconfig: the kiosk would draw boxes),
 * and kiosk words words.csv has no translation for (the kiosk would say
 * them in English). Each with FILE:LINE. */
#include "ui/coverage.h"

#include <fontconfig/fontconfig.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ui/font_find.h"
#include "ui/strings.h"
#include "ui/text_fonts.h"
#include "ui/text_runs.h"

/* The kiosk's fonts, each request's characters (NULL: none found). */
typedef struct {
    FontAnswer answers[FONT_KIOSK_REQUESTS];
    FcCharSet *chars[FONT_KIOSK_REQUESTS];
    FILE *out;
    int problems;
} Coverage;

static void coverage_open(Coverage *c, FILE *out)
{
    memset(c, 0, sizeof *c);
    c->out = out;
    font_find_all(font_kiosk_requests, FONT_KIOSK_REQUESTS, c->answers);
    for (int i = 0; i < FONT_KIOSK_REQUESTS; i++) {
        int count = 0;
        FcPattern *p = c->answers[i].found >= 0
                           ? FcFreeTypeQuery((const FcChar8 *)c->answers[i].files.regular, 0, NULL, &count)
                           : NULL;
        FcCharSet *set = NULL;
        if (p && FcPatternGetCharSet(p, FC_CHARSET, 0, &set) == FcResultMatch)
            c->chars[i] = FcCharSetCopy(set);
        if (p)
            FcPatternDestroy(p);
    }
}

static void coverage_close(Coverage *c)
{
    for (int i = 0; i < FONT_KIOSK_REQUESTS; i++)
        if (c->chars[i])
            FcCharSetDestroy(c->chars[i]);
}

/* The code point at s[*pos] (advancing *pos past it); 0xFFFD for a bad byte. */
static uint32_t next_char(const char *s, size_t *pos)
{
    const unsigned char *u = (const unsigned char *)s + *pos;
    int n = u[0] < 0x80 ? 1 : (u[0] & 0xe0) == 0xc0 ? 2 : (u[0] & 0xf0) == 0xe0 ? 3 : (u[0] & 0xf8) == 0xf0 ? 4 : 1;
    uint32_t ch = n == 1 ? u[0] : u[0] & (0xff >> (n + 1));
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xc0) != 0x80) {
            *pos += (size_t)i;
            return 0xfffd;
        }
        ch = ch << 6 | (u[i] & 0x3f);
    }
    *pos += (size_t)n;
    return n == 1 && u[0] >= 0x80 ? 0xfffd : ch;
}

/* Whether the kiosk's font for `script` in language `code` has `ch`;
 * *request gets that font's request. */
static bool has_char(const Coverage *c, TextScript script, const char *code, uint32_t ch, int *request)
{
    *request = font_kiosk_request(text_script_tag(script), code);
    return c->chars[*request] && FcCharSetHasChar(c->chars[*request], ch);
}

/* The first character of `text` (in language `code`) the kiosk's font for
 * its script lacks, or 0; *request gets that font's request. A character
 * common to scripts (a digit, a mark, the danda) may come from the font of
 * any script the text uses, as the kiosk's runs take it (text_runs.h). */
static uint32_t first_missing(const Coverage *c, const char *text, const char *code, int *request)
{
    unsigned in_text = text_runs_scripts_in(text, (int)strlen(text));
    for (size_t pos = 0; text[pos];) {
        size_t at = pos;
        uint32_t ch = next_char(text, &pos);
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == 0x200c || ch == 0x200d)
            continue;  /* spaces and joiners draw nothing */
        unsigned scripts = text_runs_scripts_in(text + at, (int)(pos - at));
        TextScript script = TEXT_SCRIPT_LATIN;
        for (int s = TEXT_SCRIPT_LATIN + 1; s < TEXT_SCRIPT_COUNT; s++)
            if (scripts & (1u << s))
                script = (TextScript)s;
        bool found = has_char(c, script, code, ch, request);
        for (int s = TEXT_SCRIPT_LATIN + 1; !found && script == TEXT_SCRIPT_LATIN && s < TEXT_SCRIPT_COUNT; s++) {
            int other;
            found = (in_text & (1u << s)) && has_char(c, (TextScript)s, code, ch, &other);
        }
        if (!found)
            return ch;
    }
    return 0;
}

/* One text of the survey in each of its languages. */
static void check_text(Coverage *c, const Survey *survey, const SurveyText *text, const char *file, int line,
                       const char *what)
{
    for (int l = 0; l < survey->n_languages; l++) {
        const char *s = text->by_language[l];
        int request = 0;
        uint32_t ch = s ? first_missing(c, s, survey->languages[l].code, &request) : 0;
        if (!ch)
            continue;
        const FontAnswer *a = &c->answers[request];
        fprintf(c->out, "%s/%s:%d: %s in %s has U+%04X, which %s: the kiosk would show a box\n", survey->dir, file,
                line, what, survey->languages[l].name, (unsigned)ch,
                a->found >= 0 ? "the kiosk's font for it does not have" : "no installed font draws");
        if (a->found < 0)
            fprintf(c->out, "    %s\n", a->err);
        c->problems++;
    }
}

static int check_fonts(Coverage *c, const Survey *survey)
{
    char what[160];
    for (int q = 0; q < survey->n_questions; q++) {
        const SurveyQuestion *sq = &survey->questions[q];
        snprintf(what, sizeof what, "the question %s", sq->name);
        check_text(c, survey, &sq->label, "survey.csv", sq->line, what);
        snprintf(what, sizeof what, "the hint of %s", sq->name);
        check_text(c, survey, &sq->hint, "survey.csv", sq->line, what);
    }
    for (int l = 0; l < survey->n_lists; l++)
        for (int i = 0; i < survey->lists[l].n_choices; i++) {
            const SurveyChoice *ch = &survey->lists[l].choices[i];
            snprintf(what, sizeof what, "the choice %s", ch->name);
            check_text(c, survey, &ch->label, "choices.csv", ch->line, what);
        }
    for (int y = 0; y < survey->n_yousaid; y++) {
        check_text(c, survey, &survey->yousaid[y].said, "yousaid.csv", survey->yousaid[y].line, "what was said");
        check_text(c, survey, &survey->yousaid[y].did, "yousaid.csv", survey->yousaid[y].line, "what was done");
    }
    return c->problems;
}

int ui_check_coverage(const Survey *survey, const char *words_path, FILE *out)
{
    Coverage c;
    coverage_open(&c, out);
    int problems = check_fonts(&c, survey);
    coverage_close(&c);
    char err[512];
    UiWords *words = ui_words_load(words_path, err, sizeof err);
    if (!words) {
        fprintf(out, "%s\n", err);
        return problems + 1;
    }
    for (int l = 0; l < survey->n_languages; l++)
        ui_words_report_missing(words, words_path, survey->languages[l].code, survey->languages[l].name, out);
    ui_words_free(words);
    return problems;
}
