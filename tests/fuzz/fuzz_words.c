/* fuzz_words.c: assets/words.csv, the kiosk's own words in every language.
 * sources: src/ui/strings.c src/csvfile/
 *
 * Whatever loads is then used as the kiosk uses it: every word of every
 * language through printf with the English word's arguments (the loader
 * refuses a translation whose placeholders differ, so none may read or
 * write memory it must not). */
#include "fuzz_support.h"
#include "ui/strings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const codes[] = {"en", "pl", "ur", "ar", "x", ""};
    char path[256], err[1024], out[4096];
    fuzz_write(fuzz_dir("words"), "words.csv", data, size, path, sizeof path);
    UiWords *words = ui_words_load(path, err, sizeof err);
    if (!words && !strstr(err, path) && !strstr(err, "cannot"))
        abort(); /* a refusal names the file */
    for (size_t c = 0; words && c < sizeof codes / sizeof codes[0]; c++)
        for (int id = 0; id < STR_COUNT; id++) {
            const char *w = ui_word(words, codes[c], (UiString)id);
            if (id == STR_PROGRESS)
                snprintf(out, sizeof out, w, 3, 12);
            else if (id == STR_RECORD_TIME)
                snprintf(out, sizeof out, w, 0, 42, 1, 0);
            else if (id == STR_MAT_PLACE_HINT)
                snprintf(out, sizeof out, w, "GP");
            else
                snprintf(out, sizeof out, "%s", w);
        }
    ui_words_free(words);
    return 0;
}
