/* question_date.c: a date chosen with big buttons (ui/date_picker.h): the
 * day, the month by name and the year side by side, each between a
 * button that goes on and one that goes back, the whole date written out
 * below with a Today button. Before a date is chosen the parts show
 * today's, faded. */
#include "ui/screens/screen.h"

#include <stdio.h>

#include "expr/expr.h"
#include "ui/date_picker.h"

typedef struct {
    const char *id;
    UiString title, up, down;
} DatePart;

static const DatePart date_parts[] = {
    {"day", STR_DAY, STR_DAY_UP, STR_DAY_DOWN},
    {"month", STR_MONTH, STR_MONTH_UP, STR_MONTH_DOWN},
    {"year", STR_YEAR, STR_YEAR_UP, STR_YEAR_DOWN},
};

/* One part: its name (where there is room for it), the button on, its
 * value, the button back. */
static void date_column(UiBuild *b, const DatePart *part, const char *value, bool chosen, UiRect col)
{
    char id[UI_ID_SIZE];
    if (col.h >= b->unit * 3 + b->unit / 2 + b->gap * 3) {  /* else "Next day" and "Day before" say it */
        UiElement *t = screen_body(b, layout_take_top(&col, b->unit / 2, b->gap), screen_word(b, part->title));
        if (t)
            t->flags |= UI_MUTED;
    }
    int button_h = col.h / 4 < b->unit ? b->unit : col.h / 4 > b->unit * 3 / 2 ? b->unit * 3 / 2 : col.h / 4;
    if (col.h - 2 * (button_h + b->gap) < b->unit)  /* the value keeps a unit's height */
        button_h = (col.h - b->unit) / 2 - b->gap;
    snprintf(id, sizeof id, "%s:up", part->id);
    screen_button(b, id, layout_take_top(&col, button_h, b->gap), "more", screen_word(b, part->up), 0);
    snprintf(id, sizeof id, "%s:down", part->id);
    screen_button(b, id, layout_take_bottom(&col, button_h, b->gap), "less", screen_word(b, part->down), 0);
    ui_elements_add(b->els, UI_PANEL, NULL, col);
    UiElement *v = screen_heading(b, layout_inset(col, b->gap), value);
    if (v && !chosen)
        v->flags |= UI_MUTED;
}

void screen_question_date(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    const char *text = flow_text(b->flow, flow_question(b->flow));
    bool chosen = text[0] != '\0';
    long y;
    int m, d, n = 0, first = b->els->n;
    date_picker_parts_of(chosen ? text : NULL, date_picker_today(), &y, &m, &d);
    char values[3][60];
    snprintf(values[0], sizeof values[0], "%d", d);
    snprintf(values[1], sizeof values[1], "%s", screen_word(b, (UiString)(STR_MONTH_1 + m - 1)));
    snprintf(values[2], sizeof values[2], "%ld", y);
    bool shown[3] = {!q->date_month_year && !q->date_year, !q->date_year, true};
    for (int i = 0; i < 3; i++)
        n += shown[i];
    UiRect foot = layout_take_bottom(&area, b->unit, b->gap * 2), cols[3];
    layout_row(area, n, b->gap * 3, cols);
    for (int i = 0, c = 0; i < 3; i++)
        if (shown[i])
            date_column(b, &date_parts[i], values[i], chosen, cols[c++]);
    screen_even_text(b, first, UI_BUTTON);
    UiRect today = layout_take_right(&foot, foot.w / 3 > b->unit * 2 ? foot.w / 3 : b->unit * 2, b->gap * 2);
    screen_button(b, "today", today, "today", screen_word(b, STR_TODAY), 0);
    char whole[UI_TEXT_SIZE] = "";
    if (chosen)  /* the date as a person reads it, and says it */
        snprintf(whole, sizeof whole, "%s%s%s%s%s", shown[0] ? values[0] : "", shown[0] ? " " : "",
                 shown[1] ? values[1] : "", shown[1] ? " " : "", values[2]);
    UiElement *line = screen_body(b, foot, whole);
    if (line)
        line->flags |= UI_ALIGN_LEFT;
    snprintf(b->value_spoken, UI_TEXT_SIZE, "%s", whole);
}
