/* confirm.c: a question that asks before something that cannot be taken
 * back (stopping a session, leaving the mat with services not placed,
 * closing the kiosk): a symbol, the question in large words, and two big
 * buttons side by side (one above the other on a portrait screen). The
 * whole question is the prompt, so it is said as the screen appears. */
#include "ui/screens/screen.h"

#include <stdio.h>

void screen_confirm(UiBuild *b, const ScreenConfirm *c)
{
    UiRect area = screen_frame(b, FRAME_LISTEN);
    ScreenPart parts[] = {
        {NULL, 22, 0, false, b->unit, 0, 0},                             /* the picture */
        {c->question, 30, b->unit, true, 0, 0, 0},
        {NULL, b->portrait ? 45 : 40, 0, false, SCREEN_PART_BUTTON, 0, 0}, /* the answers */
    };
    screen_parts(b, area, parts, 3);
    UiRect picture = screen_part_rect(b, &area, parts, 3, 0);
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_square_in(picture, picture.h));
    if (sym)
        screen_builtin_symbol(b, c->symbol, sym->symbol);
    UiElement *q = screen_heading(b, screen_part_rect(b, &area, parts, 3, 1), c->question);
    if (q)
        q->text_min_px = q->text_max_px = parts[1].px;
    UiRect answers = screen_part_rect(b, &area, parts, 3, 2), cells[2];
    if (b->portrait && answers.h >= 2 * screen_button_h(b) + b->gap * 3)
        layout_column(answers, 2, b->gap * 3, cells);
    else
        layout_row(layout_center_box(answers, answers.w * 9 / 10, answers.h), 2, b->gap * 4, cells);
    int px = b->unit * 3 / 4;
    for (int i = 0; i < 2; i++) {  /* one size for both: the one both keep at every writing size */
        UiElement probe = {.kind = UI_BUTTON, .symbol = "-", .text = "-", .flags = UI_DANGER};
        int keeps = screen_lasting_px(b, c->buttons[i].label, draw_parts(&probe, cells[i], &b->metrics).text,
                                      b->unit * 3 / 4, true);
        px = keeps < px ? keeps : px;
    }
    for (int i = 0; i < 2; i++) {
        UiElement *el = screen_button(b, c->buttons[i].id, cells[i], c->buttons[i].symbol,
                                      c->buttons[i].label, c->buttons[i].flags);
        if (el)
            el->text_min_px = el->text_max_px = px;
    }
    screen_set_prompt(b, "%s", c->question);
}

void screen_stop_confirm(UiBuild *b)
{
    ScreenConfirm c = {
        "stop",
        screen_word(b, STR_STOP_CONFIRM),
        {{"yes", "stop", screen_word(b, STR_STOP_CONFIRM_YES), UI_DANGER},
         {"no", b->metrics.rtl ? "back" : "next", screen_word(b, STR_STOP_CONFIRM_NO), UI_PRIMARY}},
    };
    screen_confirm(b, &c);
}

void screen_mat_left(UiBuild *b)
{
    int left = flow_mat_left(b->flow, flow_question(b->flow));
    char question[UI_TEXT_SIZE];
    snprintf(question, sizeof question, screen_word(b, left == 1 ? STR_MAT_LEFT_ONE : STR_MAT_LEFT), left);
    ScreenConfirm c = {
        "question",
        question,
        {{"place", "choose", screen_word(b, STR_MAT_LEFT_PLACE), UI_PRIMARY},
         {"next", b->metrics.rtl ? "back" : "next", screen_word(b, STR_MAT_LEFT_NEXT), 0}},
    };
    screen_confirm(b, &c);
}
