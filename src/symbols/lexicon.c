/* lexicon.c: phrases to symbols, matched longest first; see lexicon.h.
 *
 * Each phrase is kept as its normalised words (lower case, punctuation
 * dropped), sorted longest first within its language, so the first phrase
 * that matches at a word is the longest. Lower case comes from towlower_l
 * in a private C.UTF-8 locale object (no global locale is changed), so
 * "Łódź" and "łódź" match. */
#include "symbols/lexicon.h"

#include <csv.h>
#include <errno.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#define LEXICON_MAX_WORDS 8
#define LEXICON_WORD_SIZE 64

typedef struct {
    char language[16];
    char symbol[64];
    char words[LEXICON_MAX_WORDS][LEXICON_WORD_SIZE];
    int n_words;
} LexiconPhrase;

struct Lexicon {
    LexiconPhrase *phrases;
    int n, cap;
    locale_t locale;
};

/* Decodes one UTF-8 character at s (of at most n bytes) into *wc; returns
 * its length in bytes, 1 for a byte that is not valid UTF-8. */
static int utf8_decode(const unsigned char *s, size_t n, wint_t *wc)
{
    int len = s[0] < 0x80 ? 1 : (s[0] >> 5) == 6 ? 2 : (s[0] >> 4) == 14 ? 3 : (s[0] >> 3) == 30 ? 4 : 0;
    if (len == 0 || (size_t)len > n) {
        *wc = s[0];
        return 1;
    }
    wint_t c = len == 1 ? s[0] : s[0] & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *wc = s[0];
            return 1;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    *wc = c;
    return len;
}

static int utf8_encode(wint_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Normalises the word s[0..n) into `out`: lower case, punctuation gone. */
static void normalise_word(const Lexicon *lex, const char *s, size_t n, char out[LEXICON_WORD_SIZE])
{
    size_t used = 0;
    for (size_t i = 0; i < n;) {
        wint_t c;
        i += (size_t)utf8_decode((const unsigned char *)s + i, n - i, &c);
        if (iswpunct_l(c, lex->locale))
            continue;
        char buf[4];
        int len = utf8_encode(towlower_l(c, lex->locale), buf);
        if (used + (size_t)len >= LEXICON_WORD_SIZE)
            break;
        memcpy(out + used, buf, (size_t)len);
        used += (size_t)len;
    }
    out[used] = '\0';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The next word of s from *pos: its start and length; false at the end. */
static bool next_word(const char *s, int *pos, int *start, int *length)
{
    int i = *pos;
    while (s[i] && is_space(s[i]))
        i++;
    if (!s[i])
        return false;
    *start = i;
    while (s[i] && !is_space(s[i]))
        i++;
    *length = i - *start;
    *pos = i;
    return true;
}

/* ---- loading ---- */

typedef struct {
    Lexicon *lex;
    char fields[3][256];
    int field, line, row_line;
    bool header_done;
    char *err;
    size_t err_size;
    const char *path;
    bool failed;
} LexiconReader;

static void on_field(void *data, size_t len, void *ctx)
{
    LexiconReader *r = ctx;
    if (r->field < 3)
        snprintf(r->fields[r->field], sizeof r->fields[0], "%.*s", (int)len, (const char *)data);
    r->field++;
}

static bool add_phrase(LexiconReader *r)
{
    Lexicon *lex = r->lex;
    if (lex->n == lex->cap) {
        int cap = lex->cap ? lex->cap * 2 : 256;
        LexiconPhrase *p = realloc(lex->phrases, sizeof *p * (size_t)cap);
        if (!p)
            return false;
        lex->phrases = p;
        lex->cap = cap;
    }
    LexiconPhrase *ph = &lex->phrases[lex->n];
    memset(ph, 0, sizeof *ph);
    snprintf(ph->language, sizeof ph->language, "%.15s", r->fields[0]);
    snprintf(ph->symbol, sizeof ph->symbol, "%.63s", r->fields[2]);
    int pos = 0, start, length;
    while (ph->n_words < LEXICON_MAX_WORDS && next_word(r->fields[1], &pos, &start, &length)) {
        normalise_word(lex, r->fields[1] + start, (size_t)length, ph->words[ph->n_words]);
        if (ph->words[ph->n_words][0])
            ph->n_words++;
    }
    if (ph->n_words > 0)
        lex->n++;
    return true;
}

static void on_row(int c, void *ctx)
{
    LexiconReader *r = ctx;
    (void)c;
    int fields = r->field;
    r->field = 0;
    if (r->failed)
        return;
    if (!r->header_done) {
        r->header_done = true;
        if (fields != 3 || strcmp(r->fields[0], "language") || strcmp(r->fields[1], "phrase") ||
            strcmp(r->fields[2], "symbol")) {
            snprintf(r->err, r->err_size, "%s:1: the header must be language,phrase,symbol", r->path);
            r->failed = true;
        }
        return;
    }
    if (strlen(r->fields[0]) > 15 || strlen(r->fields[2]) > 63) {
        snprintf(r->err, r->err_size, "%s:%d: the language or the symbol name is too long", r->path,
                 r->row_line);
        r->failed = true;
        return;
    }
    if (fields != 3 || !r->fields[0][0] || !r->fields[1][0] || !r->fields[2][0]) {
        snprintf(r->err, r->err_size, "%s:%d: a row needs a language, a phrase and a symbol", r->path,
                 r->row_line);
        r->failed = true;
        return;
    }
    if (!add_phrase(r)) {
        snprintf(r->err, r->err_size, "out of memory reading %s", r->path);
        r->failed = true;
    }
}

static int longest_first(const void *a, const void *b)
{
    return ((const LexiconPhrase *)b)->n_words - ((const LexiconPhrase *)a)->n_words;
}

static int read_rows(LexiconReader *r, FILE *f)
{
    struct csv_parser parser;
    if (csv_init(&parser, CSV_APPEND_NULL) != 0)
        return -1;
    char line[2048];
    r->line = 0;
    while (!r->failed && fgets(line, sizeof line, f)) {
        r->line++;
        if (r->field == 0)
            r->row_line = r->line;
        if (csv_parse(&parser, line, strlen(line), on_field, on_row, r) != strlen(line)) {
            snprintf(r->err, r->err_size, "%s:%d: %s", r->path, r->line, csv_strerror(csv_error(&parser)));
            r->failed = true;
        }
    }
    if (!r->failed)
        csv_fini(&parser, on_field, on_row, r);
    csv_free(&parser);
    return r->failed ? -1 : 0;
}

Lexicon *lexicon_load(const char *path, char *err, size_t err_size)
{
    Lexicon *lex = calloc(1, sizeof *lex);
    FILE *f = NULL;
    if (!lex)
        goto fail;
    lex->locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (!lex->locale) {
        snprintf(err, err_size, "the C.UTF-8 locale is missing, so words cannot be matched");
        goto fail;
    }
    f = fopen(path, "r");
    if (!f) {
        snprintf(err, err_size, "cannot read %s: %s", path, strerror(errno));
        goto fail;
    }
    LexiconReader r = {.lex = lex, .err = err, .err_size = err_size, .path = path};
    if (read_rows(&r, f) != 0)
        goto fail;
    fclose(f);
    qsort(lex->phrases, (size_t)lex->n, sizeof lex->phrases[0], longest_first);
    return lex;
fail:
    if (f)
        fclose(f);
    lexicon_free(lex);
    return NULL;
}

void lexicon_free(Lexicon *lexicon)
{
    if (!lexicon)
        return;
    if (lexicon->locale)
        freelocale(lexicon->locale);
    free(lexicon->phrases);
    free(lexicon);
}

int lexicon_size(const Lexicon *lexicon, const char *language)
{
    int n = 0;
    for (int i = 0; lexicon && i < lexicon->n; i++)
        n += strcmp(lexicon->phrases[i].language, language) == 0;
    return n;
}

/* ---- matching ---- */

typedef struct {
    int start, length;
    char norm[LEXICON_WORD_SIZE];
} LexiconWord;

/* The longest phrase of `language` matching words[at..n), or NULL. */
static const LexiconPhrase *match_at(const Lexicon *lex, const char *language, const LexiconWord *words,
                                     int at, int n)
{
    for (int i = 0; i < lex->n; i++) {
        const LexiconPhrase *ph = &lex->phrases[i];
        if (ph->n_words > n - at || strcmp(ph->language, language) != 0)
            continue;
        int k = 0;
        while (k < ph->n_words && strcmp(ph->words[k], words[at + k].norm) == 0)
            k++;
        if (k == ph->n_words)
            return ph;
    }
    return NULL;
}

int lexicon_groups(const Lexicon *lexicon, const char *language, const char *text, LexiconGroup *out,
                   int max)
{
    enum { MAX_WORDS = 256 };
    LexiconWord words[MAX_WORDS];
    int n = 0, pos = 0, start, length;
    while (n < MAX_WORDS && next_word(text, &pos, &start, &length)) {
        words[n].start = start;
        words[n].length = length;
        normalise_word(lexicon, text + start, (size_t)length, words[n].norm);
        n++;
    }
    int groups = 0;
    for (int at = 0; at < n && groups < max;) {
        const LexiconPhrase *ph = words[at].norm[0] ? match_at(lexicon, language, words, at, n) : NULL;
        int span = ph ? ph->n_words : 1;
        const LexiconWord *last = &words[at + span - 1];
        out[groups++] = (LexiconGroup){words[at].start, last->start + last->length - words[at].start,
                                       ph ? ph->symbol : NULL};
        at += span;
    }
    return groups;
}
