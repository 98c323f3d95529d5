/* test_theme.c: every text/background pair of both themes, with its WCAG
 * contrast ratio computed from the theme's colours: at least 4.5:1 in the
 * standard theme and 7:1 in the high-contrast one. */
#include "testing.h"
#include "ui/theme.h"

typedef struct {
    const char *what;
    SDL_Color text, behind;
} Pair;

static int pairs_of(const UiTheme *t, Pair *p)
{
    int n = 0;
    p[n++] = (Pair){"text on page", t->text, t->page};
    p[n++] = (Pair){"text on card", t->text, t->card};
    p[n++] = (Pair){"text on chosen tile", t->text, t->chosen_fill};
    p[n++] = (Pair){"hint on page", t->muted_text, t->page};
    p[n++] = (Pair){"hint on card", t->muted_text, t->card};
    p[n++] = (Pair){"bar text", t->text_on_dark, t->bar};
    p[n++] = (Pair){"primary button text", t->text_on_dark, t->primary};
    p[n++] = (Pair){"stop button text", t->danger, t->card};
    p[n++] = (Pair){"save problem text", t->text_on_dark, t->warning};
    for (int i = 0; i < 3; i++)
        p[n++] = (Pair){"text on a mat column", t->text, t->column_tint[i]};
    return n;
}

static bool theme_passes(const UiTheme *t, double least)
{
    Pair p[16];
    int n = pairs_of(t, p);
    bool ok = true;
    for (int i = 0; i < n; i++) {
        double ratio = ui_theme_contrast(p[i].text, p[i].behind);
        if (ratio < least) {
            printf("    %s: %s is %.2f:1, under %.1f:1\n", t->name, p[i].what, ratio, least);
            ok = false;
        }
    }
    return ok;
}

static void test_contrast_formula(void)
{
    SDL_Color black = {0, 0, 0, 255}, white = {255, 255, 255, 255}, grey = {0x76, 0x76, 0x76, 255};
    CHECK(ui_theme_contrast(black, white) > 20.99 && ui_theme_contrast(black, white) < 21.01);
    CHECK(ui_theme_contrast(white, white) < 1.0001);
    CHECK(ui_theme_contrast(grey, white) > 4.5 && ui_theme_contrast(grey, white) < 4.6);  /* WCAG's own example */
}

static void test_standard_theme_is_aa(void)
{
    CHECK(theme_passes(ui_theme(false), 4.5));
}

static void test_high_contrast_theme_is_aaa(void)
{
    CHECK(theme_passes(ui_theme(true), 7.0));
}

int main(void)
{
    RUN(test_contrast_formula);
    RUN(test_standard_theme_is_aa);
    RUN(test_high_contrast_theme_is_aaa);
    return TEST_SUMMARY();
}
