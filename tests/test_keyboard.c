/* test_keyboard.c: the on-screen keyboard (src/ui/keyboard.c).
 *
 * Layout cases lay every page out in the lower 55% of the three screens the
 * kiosk meets (landscape 1920x1080, portrait 1080x1920, a 1280x800 tablet)
 * with a 2 cm target of 76 px and check what a person's finger needs: every
 * key at least unit x unit, none overlapping another, all inside the area.
 * Typing cases press keys by id as a tap would. */
#include "ui/keyboard.h"
#include "testing.h"

#include <stdlib.h>

#define UNIT 76

typedef struct {
    int w, h;
} Screen;

static const Screen screens[] = {{1920, 1080}, {1080, 1920}, {1280, 800}};
static const char *const languages[] = {"en", "pl", "ro", "ur", NULL};
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

static void test_every_key_is_a_large_target_at_three_screen_sizes(void)
{
    UiElements els = {0};
    int failures = 0;
    for (int s = 0; s < N_SCREENS; s++)
        for (int gap = 6; gap <= 16; gap += 5)
            for (int l = 0; l < N_LANGUAGES; l++)
                for (int p = 0; p < 3; p++) {
                    UiRect area = keyboard_area(screens[s], gap);
                    ui_elements_clear(&els);
                    keyboard_layout(&els, area, UNIT, gap, languages[l], &pages[p]);
                    if (els.n < 19 || keys_are_usable(&els, area, UNIT) != 0) {
                        printf("    at %dx%d, gap %d, %s, page %d (%d keys)\n", screens[s].w,
                               screens[s].h, gap, languages[l] ? languages[l] : "NULL", p,
                               els.n);
                        failures++;
                    }
                }
    ui_elements_free(&els);
    CHECK_INT(failures, 0);
}

static void test_a_narrow_area_wraps_rows_to_keep_keys_large(void)
{
    UiElements els = {0};
    UiRect area = layout_rect(20, 300, 600, 700); /* 10 keys of 76 do not fit */
    keyboard_layout(&els, area, UNIT, 9, "en", NULL);
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
    keyboard_layout(&els, area, UNIT, 9, "en", NULL);
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
    keyboard_layout(&els, area, UNIT, 9, "en", NULL);
    char id[16];
    int letters = 0;
    for (char c = 'a'; c <= 'z'; c++) {
        snprintf(id, sizeof id, "key:%c", c);
        const UiElement *el = ui_elements_find(&els, id);
        letters += el && el->kind == UI_BUTTON && el->text[0] == c && el->speak[0] == c;
    }
    const char *controls[][3] = {{"key:space", "space", "space"},
                                 {"key:backspace", "Delete", "delete"},
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
    keyboard_layout(&els, area, UNIT, 9, "en", &shifted);
    const UiElement *h = ui_elements_find(&els, "key:h");
    const UiElement *shift = ui_elements_find(&els, "key:shift");
    bool upper = h && strcmp(h->text, "H") == 0 && strcmp(h->speak, "capital h") == 0 && shift &&
                 (shift->flags & UI_CHOSEN);
    /* The numbers page: digits and marks, "abc" back to the letters. */
    KeyboardState numbers = {.numbers = true};
    ui_elements_clear(&els);
    keyboard_layout(&els, area, UNIT, 9, "en", &numbers);
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
    keyboard_layout(&els, area, UNIT, 9, "pl", &shifted);
    const UiElement *l = ui_elements_find(&els, "key:ł");
    bool ok = l && strcmp(l->text, "Ł") == 0 && ui_elements_find(&els, "key:ż") && els.n == 39;
    ui_elements_free(&els);
    CHECK(ok);
}

/* Presses each id in turn; returns how many were keyboard keys. */
static int press_all(KeyboardState *st, char *text, size_t size, const char *const *ids)
{
    int keys = 0;
    for (int i = 0; ids[i]; i++)
        keys += keyboard_press(st, ids[i], text, size);
    return keys;
}

static void test_typing_hi_there(void)
{
    KeyboardState st = {0};
    char text[64] = "";
    const char *const ids[] = {"key:shift", "key:h", "key:i", "key:space", "key:t", "key:h",
                               "key:e", "key:r", "key:e", "key:numbers", "key:exclamation",
                               NULL};
    CHECK_INT(press_all(&st, text, sizeof text, ids), 11);
    CHECK_STR(text, "Hi there!");
    CHECK(st.numbers);
    CHECK(!st.shift);
    CHECK(keyboard_press(&st, "key:numbers", text, sizeof text));
    CHECK(!st.numbers);
    /* Shift twice is no capital; ids of other elements are not keys. */
    CHECK(keyboard_press(&st, "key:shift", text, sizeof text));
    CHECK(keyboard_press(&st, "key:shift", text, sizeof text));
    CHECK(keyboard_press(&st, "key:x", text, sizeof text));
    CHECK_STR(text, "Hi there!x");
    CHECK(!keyboard_press(&st, "next", text, sizeof text));
    CHECK(!keyboard_press(&st, "key:nothing", text, sizeof text));
    CHECK(!keyboard_press(&st, "key:", text, sizeof text));
    CHECK_STR(text, "Hi there!x");
}

static void test_backspace_removes_a_whole_utf8_character(void)
{
    KeyboardState st = {0};
    char text[16] = "ł";
    CHECK_INT(strlen(text), 2);
    CHECK(keyboard_press(&st, "key:backspace", text, sizeof text));
    CHECK_STR(text, "");
    CHECK(keyboard_press(&st, "key:backspace", text, sizeof text)); /* nothing left: fine */
    CHECK_STR(text, "");
    snprintf(text, sizeof text, "Zaż€");
    CHECK(keyboard_press(&st, "key:backspace", text, sizeof text)); /* 3 bytes */
    CHECK_STR(text, "Zaż");
    CHECK(keyboard_press(&st, "key:backspace", text, sizeof text));
    CHECK_STR(text, "Za");
    st.shift = true;
    CHECK(keyboard_press(&st, "key:ł", text, sizeof text));
    CHECK_STR(text, "ZaŁ");
}

static void test_a_full_buffer_takes_no_half_character(void)
{
    KeyboardState st = {0};
    char text[4] = "ab";
    CHECK(keyboard_press(&st, "key:ł", text, sizeof text)); /* 2 bytes: no room */
    CHECK_STR(text, "ab");
    CHECK(keyboard_press(&st, "key:c", text, sizeof text));
    CHECK_STR(text, "abc");
    CHECK(keyboard_press(&st, "key:d", text, sizeof text));
    CHECK_STR(text, "abc");
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
    return TEST_SUMMARY();
}
