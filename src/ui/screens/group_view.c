/* group_view.c: what a group said so far, as pictures: for one question at
 * a time, each option's symbol with a bar and the number of people who
 * chose it; a mat as its columns with the topics placed in each; a ladder
 * as rungs, top rung at the top. Aggregates only: nothing here is one
 * person's answer, and nothing shows until enough people have answered
 * (STAFF_GROUP_MIN_SESSIONS). Every row says its count when touched. */
#include "ui/screens/screen.h"

#include <stdio.h>
#include <string.h>

#include "staff/staff.h"

static const char *people(int n)
{
    return n == 1 ? "person" : "people";
}

/* One row: symbol, label, a bar as long as the share of the group (`most`
 * is the group's size), and the count. */
static void count_row(UiBuild *b, const char *id, UiRect r, const SurveyChoice *c, int count, int most)
{
    char said[UI_TEXT_SIZE], number[16];
    const char *label = screen_text(b, &c->label);
    UiElement *row = ui_elements_add(b->els, UI_ROW, id, r);
    snprintf(said, sizeof said, "%s: %d %s", label, count, people(count));
    if (row)
        ui_element_set_speak(row, said);
    UiRect inner = layout_inset(r, b->gap / 2);
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_take_left(&inner, inner.h, b->gap));
    if (sym)
        screen_survey_symbol(b, c->image, sym->symbol);
    snprintf(number, sizeof number, "%d", count);
    UiElement *n = screen_body(b, layout_take_right(&inner, inner.h * 3 / 2, b->gap), number);
    if (n)
        n->flags |= UI_HEADING;
    UiRect bar = layout_take_right(&inner, inner.w * 2 / 5, b->gap);
    UiElement *m = ui_elements_add(b->els, UI_METER, NULL, layout_center_box(bar, bar.w, bar.h * 3 / 5));
    if (m)
        m->tint = most > 0 ? count * 100 / most : 0;
    UiElement *t = screen_body(b, inner, label);
    if (t)
        t->flags |= UI_ALIGN_LEFT;
    size_t len = strlen(b->prompt);
    snprintf(b->prompt + len, b->prompt_size - len, "%s. ", said);
}

/* The order the options show in: a ladder from the top rung down, with
 * the choice beside the ladder (off_ladder, "not right now") last. */
static int option_order(const SurveyQuestion *q, int order[])
{
    int n = q->list->n_choices, k = 0;
    if (q->appearance != APPEARANCE_LADDER) {
        for (int i = 0; i < n; i++)
            order[k++] = i;
        return k;
    }
    int off = q->off_ladder ? survey_choice_index(q->list, q->off_ladder) : -1;
    for (int i = n - 1; i >= 0; i--)
        if (i != off)
            order[k++] = i;
    if (off >= 0)
        order[k++] = off;
    return k;
}

/* Options as rows, in two columns when there are many. */
static void view_choices(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int order[64], n = option_order(q, order);
    int cols = n > 6 && !b->portrait ? 2 : 1, per_col = (n + cols - 1) / cols;
    UiRect columns[2], rows[64];
    layout_row(area, cols, b->gap * 2, columns);
    for (int col = 0; col < cols; col++) {
        layout_column(columns[col], per_col, b->gap, rows);
        int first = b->els->n;
        for (int r = 0; r < per_col && col * per_col + r < n; r++) {
            const SurveyChoice *c = &q->list->choices[order[col * per_col + r]];
            char id[UI_ID_SIZE];
            snprintf(id, sizeof id, "count:%s", c->name);
            count_row(b, id, rows[r], c, staff_group_count(b->staff, q->name, NULL, c->name),
                      b->staff->group_sessions);
        }
        screen_even_text(b, first, UI_TEXT);
    }
}

/* A mat: a column per place (good, not sure, bad), each listing the topics
 * people put there, with how many did. */
static void view_mat(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int ncol = q->list->n_choices < 8 ? q->list->n_choices : 8, nt = q->topics->n_choices;
    UiRect cols[8];
    layout_row(area, ncol, b->gap * 2, cols);
    for (int c = 0; c < ncol; c++) {
        const SurveyChoice *place = &q->list->choices[c];
        UiElement *col = ui_elements_add(b->els, UI_COLUMN, NULL, cols[c]);
        if (col)
            col->tint = c < 3 ? c : -1;
        UiRect inner = layout_inset(cols[c], b->gap);
        UiRect head = layout_take_top(&inner, b->unit, b->gap);
        UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_take_left(&head, head.h, b->gap));
        if (sym)
            screen_survey_symbol(b, place->image, sym->symbol);
        UiElement *h = screen_body(b, head, screen_text(b, &place->label));
        if (h)
            h->flags |= UI_HEADING | UI_ALIGN_LEFT;
        size_t len = strlen(b->prompt);
        snprintf(b->prompt + len, b->prompt_size - len, "%s: ", screen_text(b, &place->label));
        int placed = 0;
        for (int t = 0; t < nt; t++)
            placed += staff_group_count(b->staff, q->name, q->topics->choices[t].name, place->name) > 0;
        int shown = 0, row_h = (inner.h - (placed - 1) * b->gap / 2) / (placed > 0 ? placed : 1);
        row_h = row_h > b->unit ? b->unit : row_h;
        int first = b->els->n;
        for (int t = 0; t < nt; t++) {
            const SurveyChoice *topic = &q->topics->choices[t];
            int count = staff_group_count(b->staff, q->name, topic->name, place->name);
            if (count == 0)
                continue;
            char id[UI_ID_SIZE];
            snprintf(id, sizeof id, "count:%s:%s", topic->name, place->name);
            UiRect r = layout_rect(inner.x, inner.y + shown * (row_h + b->gap / 2), inner.w, row_h);
            count_row(b, id, r, topic, count, b->staff->group_sessions);
            shown++;
        }
        screen_even_text(b, first, UI_TEXT);
    }
}

static void view_controls(UiBuild *b, UiRect strip)
{
    UiRect cells[3];
    layout_row(strip, 3, b->gap * 2, cells);
    int first = b->els->n;
    screen_button(b, "group:back", cells[0], "back", "Previous question", 0);
    screen_button(b, "staff:kiosk", cells[1], "start", "Back to the kiosk", 0);
    screen_button(b, "group:next", cells[2], "next", "Next question", UI_PRIMARY);
    screen_even_text(b, first, UI_BUTTON);
}

void screen_group_view(UiBuild *b)
{
    const Staff *staff = b->staff;
    UiRect area = screen_frame(b, FRAME_LISTEN);
    UiRect strip = layout_take_bottom(&area, b->unit + b->gap, b->gap * 2);
    view_controls(b, strip);
    char line[256];
    snprintf(line, sizeof line, "What the group \"%s\" said: %d %s answered", flow_group(b->flow),
             staff->group_sessions, people(staff->group_sessions));
    int q = staff->view_question;
    if (!staff_group_view_open(staff) || q < 0) {
        screen_title(b, &area, "group", line);
        char wait[256];
        snprintf(wait, sizeof wait, "The group's answers show here once %d people have answered, so nobody's "
                 "answers can be picked out.", STAFF_GROUP_MIN_SESSIONS);
        screen_heading(b, area, wait);
        screen_set_prompt(b, "%s. %s", line, wait);
        return;
    }
    const SurveyQuestion *sq = &b->survey->questions[q];
    UiElement *sub = screen_body(b, layout_take_top(&area, b->unit * 2 / 3, b->gap), line);
    if (sub)
        sub->flags |= UI_ALIGN_LEFT | UI_MUTED;
    screen_question_heading(b, sq, &area);
    screen_set_prompt(b, "%s. %s ", line, screen_text(b, &sq->label));
    if (sq->appearance == APPEARANCE_MAT && sq->topics)
        view_mat(b, sq, area);
    else
        view_choices(b, sq, area);
}
