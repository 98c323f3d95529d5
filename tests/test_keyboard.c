/* test_keyboard.c: the on-screen keyboard (src/ui/keyboard.c).
 *
 * Layout cases lay every page out in the lower 55% of the three screens the
 * kiosk meets (landscape 1920x1080, portrait 1080x1920, a 1280x800 tablet)
 * with a 2 cm target of 76 px and check what a person's finger needs: every
 * key at least unit x unit, none overlapping another, all inside the area.
 * Every language's keyboard is laid out, the data files' (assets/keyboards)
 * among them, Arabic's and Urdu's rows checked to run right to left.
 * Typing cases press keys by id as a tap would; broken data files are
 * named with their line. */
#include "ui/keyboard.h"
#include "testing.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define UNIT 76

typedef struct {
    int w, h;
} Screen;

static const Screen screens[] = {{1920, 1080}, {1080, 1920}, {1280, 800}};
static const char *const languages[] = {"en", "pl", "ro", "ur", "ar", "bn", "pa", NULL};
#define N_SCREENS ((int)(sizeof screens / sizeof screens[0]))
#define N_LANGUAGES ((int)(sizeof languages / sizeof languages[0]))

/* The lower 55% of the screen, inset by a gap, as a screen would give it. */
static UiRect keyboard_area(Screen s, int gap)
{
    int h = s.h * 55 / 100;
    return layout_inset(layout_rect(0, s.h - h, s.w, h), gap);
}

/* Prints the first key that breaks a rule; 0 when none does. */
static int keys_are_usable(const UiElements *els, UiRect area, int unit)
{
    for (int i = 0; i < els->n; i++) {
        const UiElement *a = &els->items[i];
        if (a->rect.w < unit || a->rect.h < unit || !layout_inside(a->rect, area)) {
            printf("    %s is %dx%d at %d,%d\n", a->id, a->rect.w, a->rect.h, a->rect.x,
                   a->rect.y);
            return -1;
        }
        for (int j = i + 1; j < els->n; j++)
            if (layout_overlaps(a->rect, els->items[j].rect)) {
                printf("    %s overlaps %s\n", a->id, els->items[j].id);
                return -1;
            }
    }
    return 0;
}

static const KeyboardState pages[] = {{.shift = false}, {.shift = true}, {.numbers = true}};

/* The kiosk's keyboards, read as it reads them. */
static KeyboardSet *own_keyboards(void)
{
    int problems = -1;
    KeyboardSet *set = keyboard_set_load("assets/keyboards", stdout, &problems);
    if (problems != 0) {
        keyboard_set_free(set);
        return NULL;
    }
    return set;
}

static void test_every_key_is_a_large_target_at_three_screen_sizes(void)
{
    UiElements els = {0};
    KeyboardSet *set = own_keyboards();
    CHECK(set);
    int failures = 0;
    for (int s = 0; s < N_SCREENS; s++)
        for (int gap = 6; gap <= 16; gap += 5)
            for (int l = 0; l < N_LANGUAGES; l++)
                for (int p = 0; p < 3; p++) {
                    UiRect area = keyboard_area(screens[s], gap);
                    ui_elements_clear(&els);
                    KeyboardLanguage lang = {.set = set, .language = languages[l]};
                    keyboard_layout(&els, area, UNIT, gap, &lang, &pages[p]);
                    if (els.n < 19 || keys_are_usable(&els, area, UNIT) != 0) {
                        printf("    at %dx%d, gap %d, %s, page %d (%d keys)\n", screens[s].w,
                               screens[s].h, gap, languages[l] ? languages[l] : "NULL", p,
                               els.n);
                        failures++;
                    }
                }
    ui_elements_free(&els);
    keyboard_set_free(set);
    CHECK_INT(failures, 0);
}

static void test_a_narrow_area_wraps_rows_to_keep_keys_large(void)
{
    UiElements els = {0};
    UiRect area = layout_rect(20, 300, 600, 700); /* 10 keys of 76 do not fit */
    keyboard_layout(&els, area, UNIT, 9, NULL, NULL);
    int usable = keys_are_usable(&els, area, UNIT);
    const UiElement *q = ui_elements_find(&els, "key:q");
    const UiElement *p = ui_elements_find(&els, "key:p");
    bool wrapped = q && p && p->rect.y > q->rect.y;
    int n = els.n;
    ui_elements_free(&els);
    CHECK_INT(usable, 0);
    CHECK(wrapped);
    CHECK_INT(n, 30);
}

static void test_a_wide_area_keeps_qwerty_rows(void)
{
    UiElements els = {0};
    Screen s = {1280, 800};
    UiRect area = keyboard_area(s, 9);
    keyboard_layout(&els, area, UNIT, 9, NULL, NULL);
    const UiElement *q = ui_elements_find(&els, "key:q");
    const UiElement *p = ui_elements_find(&els, "key:p");
    const UiElement *a = ui_elements_find(&els, "key:a");
    const UiElement *space = ui_elements_find(&els, "key:space");
    bool rows = q && p && a && space && p->rect.y == q->rect.y && a->rect.y > q->rect.y &&
                p->rect.x > q->rect.x && space->rect.w > 3 * q->rect.w;
    ui_elements_free(&els);
    CHECK(rows);
}

static void test_keys_have_ids_labels_and_spoken_words(void)
{
    UiElements els = {0};
    UiRect area = layout_rect(0, 486, 1920, 594);
    keyboard_layout(&els, area, UNIT, 9, NULL, NULL);
    char id[16];
    int letters = 0;
    for (char c = 'a'; c <= 'z'; c++) {
        snprintf(id, sizeof id, "key:%c", c);
        const UiElement *el = ui_elements_find(&els, id);
        letters += el && el->kind == UI_BUTTON && el->text[0] == c && el->speak[0] == c;
    }
    const char *controls[][3] = {{"key:space", "space", "space"},
                                 {"key:backspace", "delete", "delete"},
                                 {"key:shift", "ABC", "capitals"},
                                 {"key:numbers", "123", "numbers"}};
    int found = 0;
    for (int i = 0; i < 4; i++) {
        const UiElement *el = ui_elements_find(&els, controls[i][0]);
        found += el && strcmp(el->text, controls[i][1]) == 0 &&
                 strcmp(el->speak, controls[i][2]) == 0 && ui_element_is_target(el);
    }
    int n = els.n;
    /* Capitals on: labels in upper case, the shift key shown as on. */
    KeyboardState shifted = {.shift = true};
    ui_elements_clear(&els);
    keyboard_layout(&els, area, UNIT, 9, NULL, &shifted);
    const UiElement *h = ui_elements_find(&els, "key:h");
    const UiElement *shift = ui_elements_find(&els, "key:shift");
    bool upper = h && strcmp(h->text, "H") == 0 && strcmp(h->speak, "capital h") == 0 && shift &&
                 (shift->flags & UI_CHOSEN);
    /* The numbers page: digits and marks, "abc" back to the letters. */
    KeyboardState numbers = {.numbers = true};
    ui_elements_clear(&els);
    keyboard_layout(&els, area, UNIT, 9, NULL, &numbers);
    const UiElement *seven = ui_elements_find(&els, "key:7");
    const UiElement *bang = ui_elements_find(&els, "key:exclamation");
    const UiElement *back = ui_elements_find(&els, "key:numbers");
    bool page = seven && strcmp(seven->text, "7") == 0 && bang && strcmp(bang->text, "!") == 0 &&
                strcmp(bang->speak, "exclamation mark") == 0 && back &&
                strcmp(back->text, "abc") == 0 && !ui_elements_find(&els, "key:a") &&
                ui_elements_find(&els, "key:hyphen") && ui_elements_find(&els, "key:apostrophe");
    ui_elements_free(&els);
    CHECK_INT(letters, 26);
    CHECK_INT(found, 4);
    CHECK_INT(n, 30);
    CHECK(upper);
    CHECK(page);
}

static void test_polish_adds_its_letters(void)
{
    UiElements els = {0};
    UiRect area = layout_rect(0, 486, 1920, 594);
    KeyboardState shifted = {.shift = true};
    keyboard_layout(&els, area, UNIT, 9, &(KeyboardLanguage){.set = NULL, .language = "pl", .words = NULL}, &shifted);
    const UiElement *l = ui_elements_find(&els, "key:ł");
    bool ok = l && strcmp(l->text, "Ł") == 0 && ui_elements_find(&els, "key:ż") && els.n == 39;
    ui_elements_free(&els);
    CHECK(ok);
}

/* Presses each id in turn; returns how many were keyboard keys. */
static int press_all(KeyboardState *st, const KeyboardLanguage *lang, char *text, size_t size,
                     const char *const *ids)
{
    int keys = 0;
    for (int i = 0; ids[i]; i++)
        keys += keyboard_press(st, lang, ids[i], text, size);
    return keys;
}

static void test_typing_hi_there(void)
{
    KeyboardState st = {0};
    char text[64] = "";
    const char *const ids[] = {"key:shift", "key:h", "key:i", "key:space", "key:t", "key:h",
                               "key:e", "key:r", "key:e", "key:numbers", "key:exclamation",
                               NULL};
    CHECK_INT(press_all(&st, NULL, text, sizeof text, ids), 11);
    CHECK_STR(text, "Hi there!");
    CHECK(st.numbers);
    CHECK(!st.shift);
    CHECK(keyboard_press(&st, NULL, "key:numbers", text, sizeof text));
    CHECK(!st.numbers);
    /* Shift twice is no capital; ids of other elements are not keys. */
    CHECK(keyboard_press(&st, NULL, "key:shift", text, sizeof text));
    CHECK(keyboard_press(&st, NULL, "key:shift", text, sizeof text));
    CHECK(keyboard_press(&st, NULL, "key:x", text, sizeof text));
    CHECK_STR(text, "Hi there!x");
    CHECK(!keyboard_press(&st, NULL, "next", text, sizeof text));
    CHECK(!keyboard_press(&st, NULL, "key:nothing", text, sizeof text));
    CHECK(!keyboard_press(&st, NULL, "key:", text, sizeof text));
    CHECK_STR(text, "Hi there!x");
}

static void test_backspace_removes_a_whole_utf8_character(void)
{
    KeyboardState st = {0};
    char text[16] = "ł";
    CHECK_INT(strlen(text), 2);
    CHECK(keyboard_press(&st, NULL, "key:backspace", text, sizeof text));
    CHECK_STR(text, "");
    CHECK(keyboard_press(&st, NULL, "key:backspace", text, sizeof text)); /* nothing left: fine */
    CHECK_STR(text, "");
    snprintf(text, sizeof text, "Zaż€");
    CHECK(keyboard_press(&st, NULL, "key:backspace", text, sizeof text)); /* 3 bytes */
    CHECK_STR(text, "Zaż");
    CHECK(keyboard_press(&st, NULL, "key:backspace", text, sizeof text));
    CHECK_STR(text, "Za");
    st.shift = true;
    CHECK(keyboard_press(&st, NULL, "key:ł", text, sizeof text));
    CHECK_STR(text, "ZaŁ");
}

static void test_a_full_buffer_takes_no_half_character(void)
{
    KeyboardState st = {0};
    char text[4] = "ab";
    CHECK(keyboard_press(&st, NULL, "key:ł", text, sizeof text)); /* 2 bytes: no room */
    CHECK_STR(text, "ab");
    CHECK(keyboard_press(&st, NULL, "key:c", text, sizeof text));
    CHECK_STR(text, "abc");
    CHECK(keyboard_press(&st, NULL, "key:d", text, sizeof text));
    CHECK_STR(text, "abc");
}

/* ---- keyboards from data files ---- */

static void test_the_data_files_hold_each_script_s_letters(void)
{
    KeyboardSet *set = own_keyboards();
    CHECK(set);
    static const struct {
        const char *language;
        bool rtl, shift_page;
        const char *needed[16];
    } want[] = {
        {"ur", true, true, {"ے", "ں", "ہ", "ھ", "ٹ", "ڈ", "ڑ", "ی", "ک", "گ", "پ", "چ", NULL}},
        {"ar", true, true, {"ض", "ب", "ي", "ة", "ى", "ء", "أ", "لا", NULL}},
        {"bn", false, true, {"ক", "খ", "অ", "আ", "া", "ি", "ী", "ু", "ে", "ো", "্", "ং", "ঁ", "ৎ", NULL}},
        {"pa", false, true, {"ਕ", "ਖ", "ਅ", "ੳ", "ੲ", "ਾ", "ਿ", "ੀ", "ਂ", "ੰ", "ੱ", "਼", NULL}},
    };
    int missing = 0;
    for (int i = 0; i < 4; i++) {
        const KeyboardLayout *k = keyboard_set_find(set, want[i].language);
        if (!k || k->rtl != want[i].rtl || (k->n[1] > 0) != want[i].shift_page) {
            printf("    %s: %s\n", want[i].language, k ? "direction or pages" : "no keyboard");
            missing++;
            continue;
        }
        for (int j = 0; want[i].needed[j]; j++) {
            KeyboardState st = {0};
            char text[32] = "", id[32];
            snprintf(id, sizeof id, "key:%s", want[i].needed[j]);
            KeyboardLanguage lang = {.set = set, .language = want[i].language};
            if (!keyboard_press(&st, &lang, id, text, sizeof text) || strcmp(text, want[i].needed[j]) != 0) {
                printf("    %s has no key %s\n", want[i].language, want[i].needed[j]);
                missing++;
            }
        }
    }
    CHECK(!keyboard_set_find(set, "en"));
    keyboard_set_free(set);
    CHECK_INT(missing, 0);
}

/* Whether every key of `els` on the line of `id` lies to the left (dir -1)
 * or to the right (dir 1) of it. */
static bool at_the_end(const UiElements *els, const char *id, int dir)
{
    const UiElement *key = ui_elements_find(els, id);
    int others = 0;
    for (int i = 0; key && i < els->n; i++) {
        const UiElement *el = &els->items[i];
        if (el != key && el->rect.y == key->rect.y)
            others += dir > 0 ? el->rect.x > key->rect.x : el->rect.x < key->rect.x;
    }
    return key && others == 0;
}

/* Lays out `language`'s page `st` on `screen` as the kiosk would: on a
 * right-to-left language's screen, mirrored after. */
static void lay_out_on_screen(UiElements *els, Screen screen, const KeyboardSet *set, const char *language,
                              const KeyboardState *st)
{
    bool mirrored = strcmp(language, "ar") == 0 || strcmp(language, "ur") == 0;
    ui_elements_clear(els);
    keyboard_layout(els, keyboard_area(screen, 9), UNIT, 9, &(KeyboardLanguage){set, language, NULL, mirrored}, st);
    for (int i = 0; mirrored && i < els->n; i++)
        els->items[i].rect.x = screen.w - els->items[i].rect.x - els->items[i].rect.w;
}

/* Whether `a` is left of `b` on screen. */
static bool left_of(const UiElements *els, const char *a, const char *b)
{
    const UiElement *ea = ui_elements_find(els, a), *eb = ui_elements_find(els, b);
    return ea && eb && ea->rect.x < eb->rect.x;
}

static void test_arabic_and_urdu_rows_run_right_to_left(void)
{
    KeyboardSet *set = own_keyboards();
    CHECK(set);
    UiElements els = {0};
    int wrong = 0;
    const char *rows[][3] = {{"ar", "key:ذ", "key:د"}, {"ur", "key:ق", "key:پ"}, {"bn", "key:দ", "key:ৈ"},
                             {"pa", "key:ੌ", "key:਼"}};
    for (int s = 0; s < N_SCREENS; s++)
        for (int i = 0; i < 4; i++) {
            bool rtl = i < 2;
            lay_out_on_screen(&els, screens[s], set, rows[i][0], NULL);
            /* the row's first letter at its reading start; delete at the
             * reading end of its line, shift at the start */
            bool ok = left_of(&els, rows[i][rtl ? 2 : 1], rows[i][rtl ? 1 : 2]) &&
                      at_the_end(&els, "key:backspace", rtl ? -1 : 1) && at_the_end(&els, "key:shift", rtl ? 1 : -1);
            /* digits read left to right in every language */
            lay_out_on_screen(&els, screens[s], set, rows[i][0], &(KeyboardState){.numbers = true});
            ok = ok && left_of(&els, "key:1", "key:2") && left_of(&els, "key:8", "key:9");
            if (!ok) {
                printf("    %s at %dx%d\n", rows[i][0], screens[s].w, screens[s].h);
                wrong++;
            }
        }
    /* Latin letters on a mirrored screen (no Urdu keyboard): QWERTY still */
    lay_out_on_screen(&els, screens[0], NULL, "ur", NULL);
    bool qwerty = left_of(&els, "key:q", "key:w") && left_of(&els, "key:o", "key:p");
    ui_elements_free(&els);
    keyboard_set_free(set);
    CHECK_INT(wrong, 0);
    CHECK(qwerty);
}

static void test_signs_show_on_a_circle_and_controls_speak_the_language(void)
{
    KeyboardSet *set = own_keyboards();
    char err[256];
    UiWords *words = ui_words_load("assets/words.csv", err, sizeof err);
    CHECK(set && words);
    UiElements els = {0};
    UiRect area = keyboard_area(screens[2], 9);
    keyboard_layout(&els, area, UNIT, 9, &(KeyboardLanguage){.set = set, .language = "bn", .words = words}, NULL);
    const UiElement *i_sign = ui_elements_find(&els, "key:ি"), *ka = ui_elements_find(&els, "key:ক");
    const UiElement *space = ui_elements_find(&els, "key:space"), *shift = ui_elements_find(&els, "key:shift");
    bool bengali = i_sign && strcmp(i_sign->text, "◌ি") == 0 && strcmp(i_sign->speak, "ই-কার") == 0 && ka &&
                   strcmp(ka->text, "ক") == 0 && strcmp(ka->speak, "ক") == 0 && space &&
                   strcmp(space->text, "ফাঁকা জায়গা") == 0 && shift && strcmp(shift->speak, "আরও অক্ষর") == 0 &&
                   !ui_elements_find(&els, "key:খ");
    /* the shift page: its own letters, their ids the letters */
    ui_elements_clear(&els);
    keyboard_layout(&els, area, UNIT, 9, &(KeyboardLanguage){.set = set, .language = "bn", .words = words}, &(KeyboardState){.shift = true});
    shift = ui_elements_find(&els, "key:shift");
    bool second = ui_elements_find(&els, "key:খ") && !ui_elements_find(&els, "key:ক") && shift &&
                  (shift->flags & UI_CHOSEN);
    ui_elements_clear(&els);
    keyboard_layout(&els, area, UNIT, 9, &(KeyboardLanguage){.set = set, .language = "ur", .words = words}, &(KeyboardState){.numbers = true});
    const UiElement *del = ui_elements_find(&els, "key:backspace"), *comma = ui_elements_find(&els, "key:comma");
    bool urdu = del && strcmp(del->text, "مٹائیں") == 0 && comma && strcmp(comma->speak, "سکتہ") == 0;
    ui_elements_free(&els);
    ui_words_free(words);
    keyboard_set_free(set);
    CHECK(bengali);
    CHECK(second);
    CHECK(urdu);
}

static void test_typing_urdu_bengali_and_punjabi(void)
{
    KeyboardSet *set = own_keyboards();
    CHECK(set);
    KeyboardState st = {0};
    char text[64] = "";
    const char *const urdu[] = {"key:ش", "key:ک", "key:ر", "key:ی", "key:ہ", NULL};
    CHECK_INT(press_all(&st, &(KeyboardLanguage){.set = set, .language = "ur", .words = NULL}, text, sizeof text, urdu), 5);
    CHECK_STR(text, "شکریہ");
    CHECK(keyboard_press(&st, &(KeyboardLanguage){.set = set, .language = "ur", .words = NULL}, "key:backspace", text, sizeof text));
    CHECK_STR(text, "شکری");
    /* Bengali: থ on the shift page, which clears after it; the vowel sign
     * is a code point of its own, which delete takes back alone. */
    text[0] = '\0';
    const char *const bengali[] = {"key:ক", "key:shift", "key:থ", "key:া", NULL};
    CHECK_INT(press_all(&st, &(KeyboardLanguage){.set = set, .language = "bn", .words = NULL}, text, sizeof text, bengali), 4);
    CHECK_STR(text, "কথা");
    CHECK(!st.shift);
    CHECK(keyboard_press(&st, &(KeyboardLanguage){.set = set, .language = "bn", .words = NULL}, "key:backspace", text, sizeof text));
    CHECK_STR(text, "কথ");
    text[0] = '\0';
    const char *const punjabi[] = {"key:ਪ", "key:ੰ", "key:ਜ", "key:ਾ", "key:ਬ", "key:ੀ", NULL};
    CHECK_INT(press_all(&st, &(KeyboardLanguage){.set = set, .language = "pa", .words = NULL}, text, sizeof text, punjabi), 6);
    CHECK_STR(text, "ਪੰਜਾਬੀ");
    /* a letter of another language's keyboard is no key here */
    CHECK(!keyboard_press(&st, &(KeyboardLanguage){.set = set, .language = "pa", .words = NULL}, "key:ক", text, sizeof text));
    CHECK_STR(text, "ਪੰਜਾਬੀ");
    keyboard_set_free(set);
}

/* A page too tall for its area shows in parts, every key at least 2 cm:
 * each letter of the page on exactly one part, every part with the
 * controls and key:more (labelled with the next part's first letters,
 * said "the next letters"), its keys one height, its controls' row in one
 * place; key:more goes round the parts and back to the first. */
static void test_a_short_area_shows_the_page_in_parts(void)
{
    KeyboardSet *set = own_keyboards();
    CHECK(set);
    KeyboardLanguage lang = {.set = set, .language = "ur"};
    UiRect area = layout_rect(18, 520, 1244, 260);  /* 1280x800 at the largest writing size: 3 lines of keys */
    int least = keyboard_least_height(area.w, UNIT, 9, &lang);
    CHECK_INT(least, 4 * UNIT + 3 * 9);  /* whole: three rows of letters and the controls' */
    KeyboardState st = {0};
    UiElements els = {0};
    char seen[64][UI_ID_SIZE], first[UI_ID_SIZE] = "";
    int n_seen = 0, parts = 0, twice = 0, key_h = 0, controls_y = -1;
    for (; parts < 6; parts++) {
        ui_elements_clear(&els);
        keyboard_layout(&els, area, UNIT, 9, &lang, &st);
        CHECK_INT(keys_are_usable(&els, area, UNIT), 0);
        const UiElement *more = ui_elements_find(&els, "key:more"), *space = ui_elements_find(&els, "key:space");
        CHECK(more && space && ui_elements_find(&els, "key:backspace") && ui_elements_find(&els, "key:shift"));
        if (!more || !space)
            break;
        CHECK_STR(more->speak, "the next letters");
        CHECK(controls_y < 0 || space->rect.y == controls_y);
        controls_y = space->rect.y;
        if (parts > 0 && strcmp(els.items[0].id, first) == 0)
            break;  /* round to the first part again */
        if (parts == 0)
            snprintf(first, sizeof first, "%s", els.items[0].id);
        for (int i = 0; i < els.n; i++) {
            const UiElement *key = &els.items[i];
            CHECK(key_h == 0 || key->rect.h == key_h);
            key_h = key->rect.h;
            if (!keyboard_letter_key(key))
                continue;
            for (int j = 0; j < n_seen; j++)
                twice += strcmp(seen[j], key->id) == 0;
            if (n_seen < 64)
                snprintf(seen[n_seen++], UI_ID_SIZE, "%s", key->id);
        }
        char label[UI_TEXT_SIZE];
        snprintf(label, sizeof label, "%s", more->text);
        CHECK(keyboard_press(&st, &lang, "key:more", (char[8]){0}, 8));
        ui_elements_clear(&els);
        keyboard_layout(&els, area, UNIT, 9, &lang, &st);
        char want[UI_TEXT_SIZE * 2 + 2];  /* the next part's first two letters, a space apart */
        snprintf(want, sizeof want, "%s %s", els.items[0].text, els.items[1].text);
        CHECK_STR(label, want);
    }
    CHECK_INT(parts, 2);
    CHECK_INT(twice, 0);
    CHECK_INT(n_seen, 28);  /* every letter of assets/keyboards/ur.csv's first page */
    /* the same keyboard with room for it: whole, no part key */
    ui_elements_clear(&els);
    keyboard_layout(&els, layout_rect(18, 400, 1244, least), UNIT, 9, &lang, &(KeyboardState){0});
    CHECK(!ui_elements_find(&els, "key:more") && ui_elements_find(&els, "key:ق") && ui_elements_find(&els, "key:ز"));
    ui_elements_free(&els);
    keyboard_set_free(set);
}

/* Writes `body` into DIR/NAME. */
static void write_file(const char *dir, const char *name, const char *body)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(body, f);
        fclose(f);
    }
}

static void test_a_broken_file_is_named_with_its_line_and_types_latin(void)
{
    char dir[] = "/tmp/sayso_keyboards_XXXXXX";
    CHECK(mkdtemp(dir));
    const char *header = "page,row,key,label,speak\n";
    char body[512];
    snprintf(body, sizeof body, "%sletters,1,ب,,\nletter,1,ت,,\n", header);
    write_file(dir, "xa.csv", body);
    snprintf(body, sizeof body, "%sletters,1,ক,,\nletters,1,খ,,\nshift,2,ক,,\n", header);
    write_file(dir, "xb.csv", body);
    snprintf(body, sizeof body, "%sletters,1,ক,,\nletters,9,খ,,\n", header);
    write_file(dir, "xc.csv", body);
    snprintf(body, sizeof body, "%sletters,1,ab,,\n", header);
    write_file(dir, "xd.csv", body);
    write_file(dir, "xe.csv", "page,row,key\nletters,1,a\n");
    snprintf(body, sizeof body, "%sletters,1,\"ক\n", header);
    write_file(dir, "xf.csv", body);
    snprintf(body, sizeof body, "%sletters,1,ب,,\nletters,2,ت,,\n", header);
    write_file(dir, "ok.csv", body);
    char *log = NULL;
    size_t log_size = 0;
    FILE *f = open_memstream(&log, &log_size);
    int problems = 0;
    KeyboardSet *set = keyboard_set_load(dir, f, &problems);
    fclose(f);
    printf("%s", log);
    char where[6][600];
    const char *lines[] = {"xa.csv:3: the page is letters or shift, not letter (xa types Latin letters)",
                           "xb.csv:4: the key ক is already on line 2", "xc.csv:3: the row is a number from 1 to 8",
                           "xd.csv:2: a key of ASCII is one character: ab", "xe.csv:1: the columns must be",
                           "xf.csv:"};
    int named = 0;
    for (int i = 0; i < 6; i++) {
        snprintf(where[i], sizeof where[i], "%s/%s", dir, lines[i]);
        named += strstr(log, where[i]) != NULL;
    }
    /* the broken ones type Latin letters, the good one its own */
    UiElements els = {0};
    keyboard_layout(&els, layout_rect(0, 0, 1280, 500), UNIT, 9, &(KeyboardLanguage){.set = set, .language = "xa", .words = NULL}, NULL);
    bool latin = ui_elements_find(&els, "key:q") && !ui_elements_find(&els, "key:ب");
    ui_elements_clear(&els);
    keyboard_layout(&els, layout_rect(0, 0, 1280, 500), UNIT, 9, &(KeyboardLanguage){.set = set, .language = "ok", .words = NULL}, NULL);
    bool own = !ui_elements_find(&els, "key:q") && ui_elements_find(&els, "key:ب") && !ui_elements_find(&els, "key:shift");
    ui_elements_free(&els);
    keyboard_set_free(set);
    free(log);
    /* a missing folder: every language types Latin letters, and it is said */
    f = open_memstream(&log, &log_size);
    set = keyboard_set_load("/nonexistent/keyboards", f, &problems);
    fclose(f);
    bool said = strstr(log, "cannot read the keyboards in /nonexistent/keyboards") && problems == 1 &&
                set && !keyboard_set_find(set, "ur");
    keyboard_set_free(set);
    free(log);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
    CHECK_INT(named, 6);
    CHECK(latin);
    CHECK(own);
    CHECK(said);
}

int main(void)
{
    RUN(test_every_key_is_a_large_target_at_three_screen_sizes);
    RUN(test_a_narrow_area_wraps_rows_to_keep_keys_large);
    RUN(test_a_wide_area_keeps_qwerty_rows);
    RUN(test_keys_have_ids_labels_and_spoken_words);
    RUN(test_polish_adds_its_letters);
    RUN(test_typing_hi_there);
    RUN(test_backspace_removes_a_whole_utf8_character);
    RUN(test_a_full_buffer_takes_no_half_character);
    RUN(test_the_data_files_hold_each_script_s_letters);
    RUN(test_arabic_and_urdu_rows_run_right_to_left);
    RUN(test_signs_show_on_a_circle_and_controls_speak_the_language);
    RUN(test_typing_urdu_bengali_and_punjabi);
    RUN(test_a_short_area_shows_the_page_in_parts);
    RUN(test_a_broken_file_is_named_with_its_line_and_types_latin);
    return TEST_SUMMARY();
}
