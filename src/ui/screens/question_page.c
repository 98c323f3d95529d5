/* question_page.c: a page of a field-list group: its questions one under
 * another, each with its words, its notice (when Next found it wanting)
 * and its pictures in a row, under the group's title. Choices are
 * "QUESTION:CHOICE", as names repeat from one question to the next. */
#include "ui/screens/screen.h"

#include <stdio.h>
#include <string.h>

/* A choice (or an "OK") of question `q`, named for it: a tile with its
 * picture over its words, or where the band is low a button with the
 * picture beside them. */
static void page_tile(UiBuild *b, int q, const SurveyQuestion *sq, int c, UiRect r)
{
    UiKind kind = r.h < b->unit * 2 ? UI_BUTTON : UI_TILE;  /* the grid's cells are all one size */
    UiElement *el = NULL;
    if (sq->type == QUESTION_ACKNOWLEDGE) {
        el = ui_elements_add(b->els, kind, sq->name, r);
        if (el) {
            el->text_max_px = b->unit / 2;
            el->text_min_px = b->unit / 4;
            el->flags |= flow_is_chosen(b->flow, q, 0) ? UI_CHOSEN : 0;
            screen_builtin_symbol(b, "yes", el->symbol);
            ui_element_set_text(el, screen_word(b, STR_OK));
        }
        return;
    }
    el = screen_choice(b, &sq->list->choices[c], r, kind, flow_is_chosen(b->flow, q, c));
    if (el)
        snprintf(el->id, sizeof el->id, "%s:%s", sq->name, sq->list->choices[c].name);
}

static void page_answers(UiBuild *b, int q, const SurveyQuestion *sq, UiRect area)
{
    int shown[sq->list ? sq->list->n_choices + 1 : 1], n = 1;
    if (sq->list)
        n = screen_shown_choices(b, sq, shown);
    else
        shown[0] = 0;
    UiRect cells[n > 0 ? n : 1];
    layout_grid(area, n, b->gap * 2, 1.0f, cells);
    for (int i = 0; i < n; i++)
        page_tile(b, q, sq, shown[i], cells[i]);
}

/* The notice's line (and its gap) when Next found question `q` wanting,
 * as tall as on a question's own screen; else 0. */
static int page_notice_height(UiBuild *b, int q)
{
    bool has = flow_notice(b->flow) != FLOW_NOTICE_NONE && flow_notice_question(b->flow) == q;
    return has ? b->unit * 2 / 3 + b->gap : 0;
}

/* One question's band: its words, its notice, then its answers. */
static void page_question(UiBuild *b, int q, UiRect band, char *said, size_t said_size)
{
    const SurveyQuestion *sq = &b->survey->questions[q];
    char label[UI_TEXT_SIZE];
    screen_fill(b, &sq->label, label, sizeof label);
    bool note = sq->type == QUESTION_NOTE;
    int notice_h = page_notice_height(b, q);
    UiRect head = note ? band : layout_take_top(&band, (band.h - notice_h) / 3, b->gap);
    UiElement *el = screen_heading(b, head, label);
    if (el)
        el->flags |= UI_ALIGN_LEFT | UI_COMPACT;
    size_t n = strlen(said);
    snprintf(said + n, said_size - n, "%s%s", n ? " " : "", label);
    if (notice_h) {
        screen_notice_text(b, sq, flow_notice(b->flow));
        UiElement *w = screen_body(b, layout_take_top(&band, notice_h - b->gap, b->gap), b->notice);
        if (w)
            w->flags |= UI_ALIGN_LEFT | UI_WARNING | UI_COMPACT;
    }
    if (!note)
        page_answers(b, q, sq, band);
}

void screen_question_page(UiBuild *b)
{
    int first, end, n = 0, i = 0;  /* i: bands laid out */
    flow_page(b->flow, &first, &end);
    UiRect area = screen_frame(b, FRAME_LISTEN | FRAME_STOP | FRAME_BACK | FRAME_NEXT | FRAME_PROGRESS | FRAME_SKIP);
    screen_section_title(b, &b->survey->questions[first], &area);
    int weights[end - first + 1], total = 0, notices = 0;  /* a note's words need half a question's room */
    for (int q = first; q < end; q++) {
        bool shows = flow_is_relevant(b->flow, q) && survey_question_is_shown(&b->survey->questions[q]);
        weights[q - first] = !shows ? 0 : b->survey->questions[q].type == QUESTION_NOTE ? 1 : 2;
        total += weights[q - first];
        n += shows;
        notices += shows ? page_notice_height(b, q) : 0;
    }
    char said[1024] = "";  /* the notice's line is added to its question's share */
    int first_tile = b->els->n, height = area.h - b->gap * 3 * (n - 1) - notices;
    for (int q = first; q < end; q++) {
        if (!weights[q - first])
            continue;
        int h = ++i == n ? area.h : height * weights[q - first] / (total > 0 ? total : 1) + page_notice_height(b, q);
        page_question(b, q, layout_take_top(&area, h, b->gap * 3), said, sizeof said);
    }
    screen_even_text(b, first_tile, UI_TILE);
    screen_even_text(b, first_tile, UI_BUTTON);
    screen_set_prompt(b, "%s%s%s", b->notice, b->notice[0] ? " " : "", said);
}
