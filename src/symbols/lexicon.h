/* lexicon.h: which symbol goes above which words (symbol-supported text).
 *
 * assets/symbols/lexicon.csv maps words and phrases to symbols per
 * language (columns language, phrase, symbol). A text is cut into word
 * groups: at each word the longest phrase of the lexicon that starts there
 * wins; words that no phrase covers stay groups of one with no symbol.
 * Matching ignores case and punctuation, so "Services?" matches "services". */
#ifndef SAYSO_SYMBOLS_LEXICON_H
#define SAYSO_SYMBOLS_LEXICON_H

#include <stddef.h>

typedef struct Lexicon Lexicon;

/* One group of words in the text: bytes [start, start + length) of it, and
 * the symbol above them (NULL for a plain word). */
typedef struct {
    int start, length;
    const char *symbol;
} LexiconGroup;

/* Loads a lexicon CSV. Returns NULL with "FILE:LINE: message" (or a plain
 * message when the file cannot be read) in `err`. */
Lexicon *lexicon_load(const char *path, char *err, size_t err_size);
void lexicon_free(Lexicon *lexicon);

/* The number of phrases known for `language`. */
int lexicon_size(const Lexicon *lexicon, const char *language);

/* Cuts `text` into at most `max` groups for `language` (a code such as
 * "en"); returns how many. O(words x phrases of that language). */
int lexicon_groups(const Lexicon *lexicon, const char *language, const char *text, LexiconGroup *out,
                   int max);

#endif
