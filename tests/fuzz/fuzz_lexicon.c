/* fuzz_lexicon.c: the symbol lexicon (assets/symbols/lexicon.csv).
 * sources: src/symbols/lexicon.c src/csvfile/
 *
 * The first line of the input is a text to match, the rest the lexicon
 * file: whatever loads is matched against it in its own languages' codes
 * and in English, and the groups must cover the text in order. */
#include "fuzz_support.h"
#include "symbols/lexicon.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t text_len = nl ? (size_t)(nl - data) : size;
    char *text = strndup((const char *)data, text_len);
    char path[256], err[1024];
    const uint8_t *rest = nl ? nl + 1 : data + size;
    fuzz_write(fuzz_dir("lexicon"), "lexicon.csv", rest, size - (size_t)(rest - data), path, sizeof path);
    Lexicon *lex = lexicon_load(path, err, sizeof err);
    static const char *const codes[] = {"en", "pl", "ur", ""};
    LexiconGroup groups[64];
    for (size_t c = 0; lex && text && c < sizeof codes / sizeof codes[0]; c++) {
        int n = lexicon_groups(lex, codes[c], text, groups, 64);
        if (n < 0 || n > 64)
            abort();
        for (int g = 0; g < n; g++) /* each group inside the text, after the one before */
            if (groups[g].start < 0 || groups[g].length < 0 ||
                (size_t)groups[g].start + (size_t)groups[g].length > text_len ||
                (g > 0 && groups[g].start < groups[g - 1].start + groups[g - 1].length))
                abort();
        lexicon_size(lex, codes[c]);
    }
    lexicon_free(lex);
    free(text);
    return 0;
}
