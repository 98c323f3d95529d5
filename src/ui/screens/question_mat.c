/* question_mat.c: a Talking Mats style question. The topics come one at a
 * time from the pile ("3 of 12"); each is dragged (or tapped, then its
 * column tapped) under one of the columns of the top scale. Placed topics
 * sit in their column and can be moved again, or taken back to the pile
 * (id `pile`); skipped ones wait in a tray and can still be placed. */
#include "ui/screens/screen.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    UiRect offer;    /* where the current topic is offered */
    UiRect tray;     /* skipped topics */
    UiRect columns;  /* the scale's columns */
} MatAreas;

static MatAreas mat_areas(const UiBuild *b, UiRect area)
{
    MatAreas m;
    if (b->portrait) {
        m.columns = layout_take_top(&area, area.h * 64 / 100, b->gap * 3);
        m.offer = layout_take_left(&area, area.w / 2, b->gap * 3);
        m.tray = area;
    } else {
        UiRect left = layout_take_left(&area, area.w * 27 / 100, b->gap * 4);
        m.offer = layout_take_top(&left, left.h * 62 / 100, b->gap * 2);
        m.tray = left;
        m.columns = area;
    }
    return m;
}

/* Header height of a column (its symbol and label): a quarter of it, less
 * where the topics need the room to stay 2 cm across when every topic is
 * placed in this one column. */
static int column_header_h(const UiBuild *b, const SurveyQuestion *q, UiRect column)
{
    int h = column.h / 4;
    if (h > column.w * 3 / 4)
        h = column.w * 3 / 4;
    int cell = b->unit + b->gap;
    int cols = (column.w - 2 * b->gap + b->gap) / cell;
    int rows = cols > 0 ? (q->topics->n_choices + cols - 1) / cols : q->topics->n_choices;
    int room = column.h - 3 * b->gap - rows * cell;
    if (h > room)
        h = room;
    return h < b->unit / 2 ? b->unit / 2 : h;
}

static UiElement *mat_topic(UiBuild *b, const SurveyQuestion *q, int t, UiRect r)
{
    int qi = flow_question(b->flow);
    UiElement *el = screen_choice(b, &q->topics->choices[t], r, UI_TOPIC, false);
    if (!el)
        return NULL;
    el->flags |= UI_DRAGGABLE;
    el->text_min_px = b->unit / 5;
    if (flow_held_topic(b->flow, qi) == t)
        el->flags |= UI_HELD;
    return el;
}

/* Lays out the topics placed in (or skipped into) one area as a grid that
 * keeps its cell size until it fills. */
static void mat_topic_grid(UiBuild *b, const SurveyQuestion *q, UiRect area, int place)
{
    int qi = flow_question(b->flow), n = 0;
    int which[q->topics->n_choices + 1];
    for (int t = 0; t < q->topics->n_choices; t++)
        if (flow_topic_place(b->flow, qi, t) == place)
            which[n++] = t;
    if (n == 0)
        return;
    int slots = n < 4 ? 4 : n;
    UiRect cells[slots];
    layout_grid(area, slots, b->gap, 1.0f, cells);
    for (int i = 0; i < n; i++)
        mat_topic(b, q, which[i], cells[i]);
}

/* The column's symbol and label, as decoration over the column (touches
 * go through to the column itself). */
static void mat_column_header(UiBuild *b, const SurveyQuestion *q, const UiElement *col, UiRect cell)
{
    char symbol[UI_PATH_SIZE], label[UI_TEXT_SIZE];
    snprintf(symbol, sizeof symbol, "%s", col->symbol);
    snprintf(label, sizeof label, "%s", col->text);
    UiRect head = layout_inset(cell, b->gap);
    head = layout_take_top(&head, column_header_h(b, q, cell), 0);
    UiRect words;
    if (head.h < b->unit * 3 / 2) {  /* short: symbol beside its label */
        UiRect pic = layout_take_left(&head, head.h, b->gap);
        words = head;
        head = pic;
    } else {
        words = layout_take_bottom(&head, head.h * 34 / 100, b->gap / 2);
    }
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_square_in(head, head.h < head.w ? head.h : head.w));
    if (sym)
        snprintf(sym->symbol, sizeof sym->symbol, "%s", symbol);
    UiElement *text = screen_heading(b, words, label);
    if (text) {
        text->text_max_px = b->unit / 2;
        text->text_min_px = b->unit / 4;
        text->flags |= UI_COMPACT;
    }
}

static void mat_columns(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int n = q->list->n_choices;
    UiRect cells[n > 0 ? n : 1];
    layout_row(area, n, b->gap * 2, cells);
    for (int c = 0; c < n; c++) {
        UiElement *col = screen_choice(b, &q->list->choices[c], cells[c], UI_COLUMN, false);
        if (!col)
            return;
        col->flags |= UI_DROP;
        col->tint = n == 3 ? c : -1;
        mat_column_header(b, q, col, cells[c]);
    }
    int first = b->els->n;
    for (int c = 0; c < n; c++) {
        UiRect drop = layout_inset(cells[c], b->gap);
        layout_take_top(&drop, column_header_h(b, q, cells[c]), b->gap);
        mat_topic_grid(b, q, drop, c);
    }
    screen_even_text(b, first, UI_TOPIC);
}

/* The pile: the topic offered now and how far along it is ("3 of 12"),
 * or "All done". A placed topic dropped on it (or held, then the pile
 * touched) comes back to be offered again. Touching the pile says where
 * things are ("Where does the GP go? 3 of 12."); so does the app when the
 * next topic comes up. */
static void mat_offer(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int qi = flow_question(b->flow), t = flow_current_topic(b->flow, qi), n;
    int k = flow_topic_number(b->flow, qi, &n);
    char count[UI_TEXT_SIZE / 2], where[UI_TEXT_SIZE], said[UI_TEXT_SIZE * 2];
    UiElement *pile = ui_elements_add(b->els, UI_PANEL, "pile", area);
    if (pile)
        pile->flags |= UI_DROP;
    UiRect inner = layout_inset(area, b->gap * 2);
    if (t < 0) {
        UiElement *done = screen_heading(b, inner, screen_word(b, STR_MAT_ALL_DONE));
        if (done)
            done->text_max_px = b->unit * 2 / 3;
        if (pile)
            ui_element_set_speak(pile, screen_word(b, STR_MAT_ALL_DONE));
        return;
    }
    snprintf(count, sizeof count, screen_word(b, STR_COUNT_OF), k, n);
    snprintf(where, sizeof where, screen_word(b, STR_MAT_PLACE_HINT), screen_text(b, &q->topics->choices[t].label));
    snprintf(said, sizeof said, "%s %s.", where, count);
    if (pile)
        ui_element_set_speak(pile, said);
    size_t len = strlen(b->prompt);
    snprintf(b->prompt + len, b->prompt_size - len, " %s", said);
    UiElement *c = screen_body(b, layout_take_top(&inner, b->unit * b->metrics.text_pct / 200 + b->gap, b->gap), count);
    if (c)
        c->flags |= UI_MUTED;
    int side = inner.w < inner.h ? inner.w : inner.h;
    UiElement *el = mat_topic(b, q, t, layout_square_in(inner, side));
    if (el)
        el->text_max_px = b->unit / 2;
}

static void mat_tray(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int qi = flow_question(b->flow), skipped = 0;
    for (int t = 0; t < q->topics->n_choices; t++)
        skipped += flow_topic_place(b->flow, qi, t) == FLOW_SKIPPED;
    if (skipped == 0)
        return;
    UiElement *label = screen_body(b, layout_take_top(&area, b->unit / 2, b->gap), screen_word(b, STR_MAT_SKIPPED));
    if (label)
        label->flags |= UI_ALIGN_LEFT | UI_MUTED | UI_COMPACT;
    mat_topic_grid(b, q, area, FLOW_SKIPPED);
}

void screen_question_mat(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    MatAreas m = mat_areas(b, area);
    mat_columns(b, q, m.columns);
    mat_offer(b, q, m.offer);
    mat_tray(b, q, m.tray);
}
