/* test_lexicon.c: symbol-supported text: phrases matched longest first,
 * ignoring case and punctuation, per language; words with no symbol stay
 * plain; bad lexicon files are named with their line. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "symbols/lexicon.h"
#include "testing.h"

static char path[64];

static Lexicon *load(const char *csv)
{
    char err[256];
    FILE *f = fopen(path, "w");
    fputs(csv, f);
    fclose(f);
    Lexicon *lex = lexicon_load(path, err, sizeof err);
    if (!lex)
        printf("    %s\n", err);
    return lex;
}

static const char *const sample =
    "language,phrase,symbol\n"
    "en,money,money\n"
    "en,money and benefits,money\n"
    "en,mental health,mental_health\n"
    "en,health,health\n"
    "en,help,help\n"
    "en,i don't want,dont_want\n"
    "pl,pieniądze,money\n"
    "pl,łódź,boat\n"
    "pl,pomoc,help\n";

/* The groups of `text` written as "words[symbol]|words|..." for checking. */
static const char *groups_of(Lexicon *lex, const char *language, const char *text)
{
    static char out[512];
    LexiconGroup g[32];
    int n = lexicon_groups(lex, language, text, g, 32);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(out);
        snprintf(out + len, sizeof out - len, "%s%.*s%s%s%s", i ? "|" : "", g[i].length, text + g[i].start,
                 g[i].symbol ? "[" : "", g[i].symbol ? g[i].symbol : "", g[i].symbol ? "]" : "");
    }
    return out;
}

static void test_longest_phrase_first(void)
{
    Lexicon *lex = load(sample);
    CHECK(lex);
    CHECK_STR(groups_of(lex, "en", "Money and benefits"), "Money and benefits[money]");
    CHECK_STR(groups_of(lex, "en", "money matters"), "money[money]|matters");
    CHECK_STR(groups_of(lex, "en", "your mental health"), "your|mental health[mental_health]");
    CHECK_STR(groups_of(lex, "en", "health"), "health[health]");
    lexicon_free(lex);
}

static void test_case_and_punctuation_ignored(void)
{
    Lexicon *lex = load(sample);
    CHECK(lex);
    CHECK_STR(groups_of(lex, "en", "HELP!"), "HELP![help]");
    CHECK_STR(groups_of(lex, "en", "Do you need help?"), "Do|you|need|help?[help]");
    CHECK_STR(groups_of(lex, "en", "I don't want, thanks."), "I don't want,[dont_want]|thanks.");
    CHECK_STR(groups_of(lex, "en", "(Mental) Health."), "(Mental) Health.[mental_health]");
    lexicon_free(lex);
}

static void test_second_language(void)
{
    Lexicon *lex = load(sample);
    CHECK(lex);
    CHECK_STR(groups_of(lex, "pl", "Pieniądze i pomoc"), "Pieniądze[money]|i|pomoc[help]");
    CHECK_STR(groups_of(lex, "pl", "ŁÓDŹ"), "ŁÓDŹ[boat]");  /* lower case beyond ASCII */
    CHECK_STR(groups_of(lex, "pl", "money"), "money");    /* English words are not Polish */
    CHECK_INT(lexicon_size(lex, "pl"), 3);
    CHECK_INT(lexicon_size(lex, "en"), 6);
    lexicon_free(lex);
}

static void test_plain_words_and_empty(void)
{
    Lexicon *lex = load(sample);
    CHECK(lex);
    CHECK_STR(groups_of(lex, "en", "nothing here"), "nothing|here");
    CHECK_STR(groups_of(lex, "en", "   "), "");
    CHECK_STR(groups_of(lex, "cy", "help"), "help");
    lexicon_free(lex);
}

static void test_bad_files_are_named(void)
{
    char err[256];
    CHECK(lexicon_load("/nonexistent/lexicon.csv", err, sizeof err) == NULL);
    CHECK(strstr(err, "/nonexistent/lexicon.csv") != NULL);
    FILE *f = fopen(path, "w");
    fputs("language,phrase,symbol\nen,help,help\nen,,money\n", f);
    fclose(f);
    CHECK(lexicon_load(path, err, sizeof err) == NULL);
    char where[96];
    snprintf(where, sizeof where, "%s:3:", path);
    CHECK(strstr(err, where) != NULL);
    f = fopen(path, "w");
    fputs("lang,word,picture\n", f);
    fclose(f);
    CHECK(lexicon_load(path, err, sizeof err) == NULL);
    CHECK(strstr(err, "language,phrase,symbol") != NULL);
}

/* A lexicon with a header and no phrases (or nothing at all) is an empty
 * lexicon, not undefined behaviour: qsort is never handed a NULL array
 * (UBSan's nonnull-attribute check fails the sanitizer pass otherwise). */
static void test_header_only_and_empty_files(void)
{
    static const char *const texts[] = {"language,phrase,symbol\n", "language,phrase,symbol", ""};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char err[256] = "";
        FILE *f = fopen(path, "w");
        fputs(texts[i], f);
        fclose(f);
        Lexicon *lex = lexicon_load(path, err, sizeof err);
        if (lex) {
            CHECK_INT(lexicon_size(lex, "en"), 0);
            lexicon_free(lex);
        } else {
            CHECK(strstr(err, path) != NULL); /* refused, naming the file */
        }
    }
}

static void test_project_lexicon_loads(void)
{
    char err[256];
    Lexicon *lex = lexicon_load("assets/symbols/lexicon.csv", err, sizeof err);
    if (!lex)
        printf("    %s\n", err);
    CHECK(lex);
    CHECK(lexicon_size(lex, "en") >= 100);
    CHECK(lexicon_size(lex, "pl") >= 20);
    lexicon_free(lex);
}

int main(void)
{
    snprintf(path, sizeof path, "/tmp/sayso-lexicon-%d.csv", (int)getpid());
    RUN(test_longest_phrase_first);
    RUN(test_case_and_punctuation_ignored);
    RUN(test_second_language);
    RUN(test_plain_words_and_empty);
    RUN(test_bad_files_are_named);
    RUN(test_header_only_and_empty_files);
    RUN(test_project_lexicon_loads);
    unlink(path);
    return TEST_SUMMARY();
}
