/* language.c: choose a language; each is written in its own script and
 * spoken. Choosing one moves on to the consent screen. */
#include "ui/screens/screen.h"

#include <stdio.h>

void screen_language(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN | FRAME_BACK);
    screen_title(b, &area, "choose_language", screen_word(b, STR_LANGUAGE_TITLE));

    int n = b->survey->n_languages;
    UiRect cells[SURVEY_MAX_LANGUAGES];
    /* Wide, short tiles: a language name reads on one line. */
    UiRect grid = layout_center_box(area, area.w, area.h < b->unit * 2 * n ? area.h : b->unit * 2 * n);
    layout_grid(n == 1 ? layout_center_box(area, area.w / 2, b->unit * 2) : grid, n, b->gap * 2, 3.0f, cells);
    int px = b->unit * 2 / 3;  /* one size for every name: the one all keep at every writing size */
    for (int i = 0; i < n; i++) {
        UiElement probe = {.kind = UI_BUTTON, .flags = UI_CHOSEN};
        UiRect box = draw_parts(&probe, cells[i], &b->metrics).text;
        int keeps = screen_lasting_px(b, b->survey->languages[i].name, box, b->unit * 2 / 3, true);
        px = keeps < px ? keeps : px;
    }
    for (int i = 0; i < n; i++) {
        char id[UI_ID_SIZE];
        snprintf(id, sizeof id, "lang:%s", b->survey->languages[i].code);
        UiElement *el = screen_button(b, id, cells[i], NULL, b->survey->languages[i].name,
                                      i == flow_language(b->flow) ? UI_CHOSEN : 0);
        if (el) {
            el->text_min_px = el->text_max_px = px;
            snprintf(el->voice, sizeof el->voice, "%s", b->survey->languages[i].code);  /* its own voice */
        }
    }
    screen_set_prompt(b, "%s", screen_word(b, STR_LANGUAGE_TITLE));
}
