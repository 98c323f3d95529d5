/* test_words.c: the kiosk's own words in assets/words.csv: every word is
 * translated into every language of config/forum, with the same printf
 * placeholders in the same order as the English; and what `sayso check`
 * says of words the kiosk could not show (ui/coverage.h). */
#include <string.h>

#include "survey/survey.h"
#include "testing.h"
#include "ui/coverage.h"
#include "ui/strings.h"

/* The placeholders of a format, such as "%d%d" or "%s". */
static void placeholders(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s && n + 3 < size; s++) {
        if (*s != '%')
            continue;
        out[n++] = '%';
        while (s[1] && strchr("0123456789", s[1]))
            s++;
        out[n++] = s[1] ? s[1] : '?';
        if (s[1])
            s++;
    }
    out[n] = '\0';
}

static void test_every_word_in_every_language(void)
{
    char err[256];
    UiWords *words = ui_words_load("assets/words.csv", err, sizeof err);
    if (!words)
        printf("    %s\n", err);
    CHECK(words);
    const char *dirs[] = {"assets/symbols", NULL};
    SurveyProblems problems = {0};
    Survey *s = survey_load("config/forum", dirs, &problems);
    survey_problems_free(&problems);
    CHECK(s);
    bool ok = true;
    for (int l = 0; l < s->n_languages; l++) {
        const char *code = s->languages[l].code;
        for (int id = 0; id < STR_COUNT; id++) {
            const char *word = ui_word(words, code, (UiString)id), *english = ui_string((UiString)id);
            char a[32], b[32];
            placeholders(word, a, sizeof a);
            placeholders(english, b, sizeof b);
            bool missing = strcmp(code, "en") != 0 && strcmp(word, english) == 0 && strchr(english, ' ');
            if (missing || strcmp(a, b) != 0) {
                printf("    %s: word %d is \"%s\"\n", code, id, word);
                ok = false;
            }
        }
    }
    survey_free(s);
    ui_words_free(words);
    CHECK(ok);
}

static void test_broken_words_file_is_named(void)
{
    char err[256];
    FILE *f = fopen("/tmp/sayso-words-test.csv", "w");
    fputs("name,label::English (en)\nnot_a_word,Hello\n", f);
    fclose(f);
    CHECK(ui_words_load("/tmp/sayso-words-test.csv", err, sizeof err) == NULL);
    CHECK(strstr(err, "/tmp/sayso-words-test.csv:2:") != NULL);
    CHECK(strstr(err, "not_a_word") != NULL);
    remove("/tmp/sayso-words-test.csv");
}

/* The kiosk prints its words with printf: a translation whose
 * placeholders differ from the English (a "%s" for a number, a "%n") is
 * refused when the file is read, naming the line, word and language. */
static void test_wrong_placeholders_refused(void)
{
    static const char *const bad[] = {"Pytanie %s z %d", "Pytanie %d z %d%n", "Pytanie %d", "Pytanie %x z %d"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char err[512];
        FILE *f = fopen("/tmp/sayso-words-test.csv", "w");
        fprintf(f, "name,label::English (en),label::Polski (pl)\nstart,Start,Zacznij\nprogress,Question %%d of %%d,%s\n",
                bad[i]);
        fclose(f);
        UiWords *words = ui_words_load("/tmp/sayso-words-test.csv", err, sizeof err);
        ui_words_free(words);
        CHECK(words == NULL);
        CHECK(strstr(err, "/tmp/sayso-words-test.csv:3: \"progress\" in (pl) must have the placeholders") != NULL);
    }
    FILE *f = fopen("/tmp/sayso-words-test.csv", "w");
    fputs("name,label::English (en),label::Polski (pl)\nprogress,Question %d of %d,Pytanie %d z %d (100%%)\n", f);
    fclose(f);
    char err[512];
    UiWords *words = ui_words_load("/tmp/sayso-words-test.csv", err, sizeof err);
    CHECK(words != NULL);
    ui_words_free(words);
    remove("/tmp/sayso-words-test.csv");
}

/* What `sayso check` adds (issue 11, point 11): a label in a script no
 * font of the kiosk draws is a problem at its FILE:LINE; kiosk words with
 * no translation for a language are warned about at words.csv's lines. */
static void test_check_reports_boxes_and_english_words(void)
{
    static const char *const dirs[] = {"assets/symbols", NULL};
    char out[4096] = "";
    FILE *f = fopen("/tmp/sayso-words-test.csv", "w");
    fputs("name,label::English (en),label::Polski (pl)\nstart,Start,Zacznij\nnext,Next,\n", f);
    fclose(f);
    SurveyProblems problems;
    Survey *amharic = survey_load("tests/surveys/uncovered_script", dirs, &problems);
    survey_problems_free(&problems);
    Survey *forum = survey_load("config/forum", dirs, &problems);
    survey_problems_free(&problems);
    CHECK(amharic && forum);
    FILE *o = tmpfile();
    int boxes = ui_check_coverage(amharic, "assets/words.csv", o);
    int forum_boxes = ui_check_coverage(forum, "assets/words.csv", o);  /* every script drawn, every word there */
    UiWords *words = ui_words_load("/tmp/sayso-words-test.csv", out, sizeof out);
    int missing = words ? ui_words_report_missing(words, "/tmp/sayso-words-test.csv", "pl", "Polski", o) : -1;
    ui_words_free(words);
    rewind(o);
    size_t n = fread(out, 1, sizeof out - 1, o);
    out[n] = '\0';
    fclose(o);
    remove("/tmp/sayso-words-test.csv");
    survey_free(amharic);
    survey_free(forum);
    CHECK_INT(boxes, 1);  /* "አዎ"; "No" in the Amharic column is Latin */
    CHECK_INT(forum_boxes, 0);
    CHECK(strstr(out, "tests/surveys/uncovered_script/choices.csv:2: the choice safe_yes in") != NULL);
    CHECK(strstr(out, "U+12A0") != NULL);
    CHECK(strstr(out, "assets/words.csv:1: warning: no column for") != NULL);
    CHECK(strstr(out, "/tmp/sayso-words-test.csv:3: warning: \"next\" has no Polski (pl) words") != NULL);
    CHECK(missing > 1);  /* next, and every word the file does not have */
}

int main(void)
{
    RUN(test_every_word_in_every_language);
    RUN(test_broken_words_file_is_named);
    RUN(test_wrong_placeholders_refused);
    RUN(test_check_reports_boxes_and_english_words);
    return TEST_SUMMARY();
}
