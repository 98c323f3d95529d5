/* fuzz_keyboard.c: an on-screen keyboard's data file (assets/keyboards/CODE.csv).
 * sources: src/ui/keyboard.c src/ui/keyboard_file.c src/ui/text_runs.c src/ui/strings.c src/ui/elements.c src/ui/layout.c src/csvfile/
 *
 * Whatever loads is then used as the kiosk uses it: every page laid out on
 * a landscape and a portrait screen, every key laid out pressed into a
 * short answer (whose end must stay NUL-terminated), delete pressed until
 * the answer is empty. A refused file is named with its line in the log. */
#include "fuzz_support.h"
#include "ui/keyboard.h"

/* Presses every key of `els` into a short answer, then deletes it all. */
static void press_every_key(const UiElements *els, const KeyboardLanguage *lang)
{
    KeyboardState st = {0};
    char text[24] = "";
    for (int i = 0; i < els->n; i++) {
        keyboard_press(&st, lang, els->items[i].id, text, sizeof text);
        if (strlen(text) >= sizeof text)
            abort();
    }
    for (size_t n = strlen(text) + 1; n > 0 && text[0]; n--)
        keyboard_press(&st, lang, "key:backspace", text, sizeof text);
    if (text[0])
        abort(); /* delete leaves nothing behind */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const KeyboardState pages[] = {{.shift = false}, {.shift = true}, {.numbers = true}};
    char path[256], *log = NULL;
    size_t log_size = 0;
    fuzz_write(fuzz_dir("keyboard"), "xx.csv", data, size, path, sizeof path);
    FILE *f = open_memstream(&log, &log_size);
    int problems = 0;
    KeyboardSet *set = keyboard_set_load(fuzz_dir("keyboard"), f, &problems);
    fclose(f);
    if (problems && !strstr(log, path))
        abort(); /* a refusal names the file */
    KeyboardLanguage lang = {.set = set, .language = "xx", .mirrored = size % 2};
    UiElements els = {0};
    for (int p = 0; p < 3; p++)
        for (int s = 0; s < 2; s++) {
            ui_elements_clear(&els);
            keyboard_layout(&els, s ? layout_rect(0, 800, 1080, 1000) : layout_rect(0, 400, 1280, 400), 76, 9,
                            &lang, &pages[p]);
            press_every_key(&els, &lang);
        }
    ui_elements_free(&els);
    keyboard_set_free(set);
    free(log);
    return 0;
}
