/* lexicon.c: phrases to symbols, matched longest first; see lexicon.h.
 *
 * Each phrase is kept as its normalised words (lower case, punctuation
 * dropped), sorted longest first within its language, so the first phrase
 * that matches at a word is the longest. Lower case comes from towlower_l
 * in a private C.UTF-8 locale object (no global locale is changed), so
 * "Łódź" and "łódź" match. */
#include "symbols/lexicon.h"

#include "csvfile/csv_file.h"

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
    bool header_done;
    const char *path;
    char *err;
    size_t err_size;
} LexiconReader;

static bool add_phrase(Lexicon *lex, char **fields)
{
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
    snprintf(ph->language, sizeof ph->language, "%.15s", fields[0]);
    snprintf(ph->symbol, sizeof ph->symbol, "%.63s", fields[2]);
    int pos = 0, start, length;
    while (ph->n_words < LEXICON_MAX_WORDS && next_word(fields[1], &pos, &start, &length)) {
        normalise_word(lex, fields[1] + start, (size_t)length, ph->words[ph->n_words]);
        if (ph->words[ph->n_words][0])
            ph->n_words++;
    }
    if (ph->n_words > 0)
        lex->n++;
    return true;
}

static int on_row(void *ctx, char **f, int n, int line)
{
    LexiconReader *r = ctx;
    if (!r->header_done) {
        r->header_done = true;
        if (n != 3 || strcmp(f[0], "language") || strcmp(f[1], "phrase") || strcmp(f[2], "symbol")) {
            snprintf(r->err, r->err_size, "%s:1: the header must be language,phrase,symbol", r->path);
            return -1;
        }
        return 0;
    }
    if (n != 3 || !f[0][0] || !f[1][0] || !f[2][0]) {
        snprintf(r->err, r->err_size, "%s:%d: a row needs a language, a phrase and a symbol", r->path, line);
        return -1;
    }
    if (strlen(f[0]) > 15 || strlen(f[2]) > 63) {
        snprintf(r->err, r->err_size, "%s:%d: the language or the symbol name is too long", r->path, line);
        return -1;
    }
    if (!add_phrase(r->lex, f)) {
        snprintf(r->err, r->err_size, "out of memory reading %s", r->path);
        return -1;
    }
    return 0;
}

static int longest_first(const void *a, const void *b)
{
    return ((const LexiconPhrase *)b)->n_words - ((const LexiconPhrase *)a)->n_words;
}

Lexicon *lexicon_load(const char *path, char *err, size_t err_size)
{
    Lexicon *lex = calloc(1, sizeof *lex);
    if (!lex) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    lex->locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (!lex->locale) {
        snprintf(err, err_size, "the C.UTF-8 locale is missing, so words cannot be matched");
        goto fail;
    }
    LexiconReader r = {.lex = lex, .path = path, .err = err, .err_size = err_size};
    if (csv_file_read(path, on_row, &r, err, err_size) != 0)
        goto fail;
    if (lex->n > 1) /* qsort's array may not be NULL, as it is with no phrases */
        qsort(lex->phrases, (size_t)lex->n, sizeof lex->phrases[0], longest_first);
    return lex;
fail:
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
