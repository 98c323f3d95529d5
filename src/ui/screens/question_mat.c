/* question_mat.c: a Talking Mats style question. The topics come one at a
 * time from the pile ("3 of 12"); each is dragged (or tapped, then its
 * column tapped) under one of the columns of the top scale. Placed topics
 * sit in their column and can be moved again, or taken back to the pile
 * (id `pile`); skipped ones wait in a tray and can still be placed.
 *
 * Placed and skipped topics are rows of a symbol and its word, newest
 * first, one row each: their symbols keep one size at every writing size
 * and their words grow with it. When a column (or the tray) cannot hold
 * its rows, the mat shows in parts ("More"), never smaller. */
#include "ui/screens/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    UiRect offer;    /* the pile: where the current topic is offered */
    UiRect tray;     /* skipped topics */
    UiRect columns;  /* the scale's columns */
} MatAreas;

/* How the mat's rows are sized: each row as tall as its words need (a
 * target at least), its symbol the same at every writing size. */
typedef struct {
    int symbol;      /* a row's symbol side, px */
    int text_px;     /* its words' size at the normal writing size */
    int header_h;    /* a column's header */
} MatSizes;

/* A line of small words (the count, the tray's label) at `px`. */
static int label_h(const UiBuild *b, int px)
{
    return screen_line_h(b, px, false) + b->gap;
}

/* The mat's areas; the pile at least `pile_h` high (0: its share), the
 * tray keeping room for its label and one row of `row_h` (0: nothing
 * skipped) where it can. */
static MatAreas mat_areas(const UiBuild *b, UiRect area, int pile_h, int row_h)
{
    MatAreas m;
    int tray_min = row_h ? label_h(b, draw_reading_px(&b->metrics)) + 2 * b->gap + row_h : 0;
    if (b->portrait) {
        int bottom = area.h * 36 / 100 > pile_h ? area.h * 36 / 100 : pile_h;
        m.columns = layout_take_top(&area, area.h - bottom - b->gap * 3, b->gap * 3);
        m.offer = layout_take_left(&area, area.w / 2, b->gap * 3);
        m.tray = area;
        return m;
    }
    UiRect left = layout_take_left(&area, area.w * 22 / 100, b->gap * 4);
    int h = left.h * 55 / 100 > pile_h ? left.h * 55 / 100 : pile_h;
    if (h > left.h - tray_min - b->gap * 2)  /* the tray keeps room for one row */
        h = left.h - tray_min - b->gap * 2 > pile_h ? left.h - tray_min - b->gap * 2 : pile_h;
    m.offer = layout_take_top(&left, h < left.h ? h : left.h, b->gap * 2);
    m.tray = left;
    m.columns = area;
    return m;
}

/* The words' box of a row `w` wide (draw_parts: border, padding, symbol). */
static int row_words_w(const UiBuild *b, int w, int symbol)
{
    int border = b->unit / 10 > 2 ? b->unit / 10 : 2;
    return w - 2 * (border + b->unit / 16) - symbol - b->unit / 6;
}

/* The pile's parts: inside its border, the count's line (at `px`), then
 * the card. */
static UiRect pile_card(const UiBuild *b, UiRect pile, int px, UiRect *count)
{
    UiRect inner = layout_inset(pile, b->gap * 2);
    *count = layout_take_top(&inner, label_h(b, px), b->gap);
    return inner;
}

/* The offered card's sizes (as in the pile of the normal writing size,
 * `normal`) and the height the pile needs at the person's writing size to
 * show any topic's card whole. */
typedef struct {
    ScreenGrid g;         /* the card's symbol and words' sizes */
    int above, beside;    /* the pile's height with the words under the symbol, or beside it */
} PileSizes;

static PileSizes pile_sizes(const UiBuild *b, const SurveyQuestion *q, UiRect normal)
{
    const char *labels[q->topics->n_choices + 1];
    for (int i = 0; i < q->topics->n_choices; i++)
        labels[i] = screen_text(b, &q->topics->choices[i].label);
    UiRect count, card = pile_card(b, normal, b->unit / 4, &count);
    if (card.h > b->unit * 5 / 4 * 100 / 60)  /* a symbol of 1.25 targets at most: the words need the room later */
        card = layout_center_box(card, card.w, b->unit * 5 / 4 * 100 / 60);
    ScreenGrid g = screen_tile_sizes(b, card, labels, q->topics->n_choices);  /* one size for every topic */
    if (g.text_px > b->unit * 3 / 10)  /* as the rows' words, nearly: room for them to grow */
        g.text_px = b->unit * 3 / 10;
    int border = b->unit / 10 > 2 ? b->unit / 10 : 2, pad = border + b->unit / 10, under = 0, beside = 0;
    int px = draw_grown_px(&b->metrics, g.text_px);
    for (int i = 0; i < q->topics->n_choices; i++) {
        int h = screen_words_height(b, labels[i], card.w - 2 * pad, px, false);
        under = h > under ? h : under;
        h = screen_words_height(b, labels[i], row_words_w(b, card.w, g.symbol_px), px, false);
        beside = h > beside ? h : beside;
    }
    int frame = 4 * b->gap + label_h(b, draw_reading_px(&b->metrics)) + b->gap + 2 * pad;
    return (PileSizes){g, frame + g.symbol_px + b->unit / 16 + under,
                       frame + (g.symbol_px > beside ? g.symbol_px : beside)};
}

/* The rows' and headers' sizes for columns `w` wide. */
static MatSizes mat_sizes(const UiBuild *b, const SurveyQuestion *q, int w)
{
    MatSizes s = {b->unit / 2, b->unit / 4, 0};
    for (int c = 0; c < q->list->n_choices; c++) {  /* a header: its symbol beside its label */
        int h = screen_letters_height(b, screen_text(b, &q->list->choices[c].label), w - b->unit * 3 / 4 - b->gap * 3,
                                      draw_grown_px(&b->metrics, s.text_px), true);
        s.header_h = h > s.header_h ? h : s.header_h;
    }
    s.header_h = s.header_h > b->unit * 3 / 4 ? s.header_h : b->unit * 3 / 4;
    return s;
}

/* The height of topic `t`'s row in an area `w` wide. */
static int row_h(const UiBuild *b, const SurveyQuestion *q, const MatSizes *s, int t, int w)
{
    int pad = 2 * (b->unit / 10 + b->unit / 16);  /* draw_parts: a held row's border, a row's padding */
    int h = screen_words_height(b, screen_text(b, &q->topics->choices[t].label), row_words_w(b, w, s->symbol),
                                draw_grown_px(&b->metrics, s->text_px), false) + pad;
    return h > b->unit ? h : b->unit;
}

static UiElement *mat_topic(UiBuild *b, const SurveyQuestion *q, int t, UiRect r)
{
    int qi = flow_question(b->flow);
    UiElement *el = screen_choice(b, &q->topics->choices[t], r, UI_TOPIC, false);
    if (!el)
        return NULL;
    el->flags |= UI_DRAGGABLE;
    if (flow_held_topic(b->flow, qi) == t)
        el->flags |= UI_HELD;
    return el;
}

/* The topics at `place`, newest first; returns how many. */
static int topics_at(const UiBuild *b, const SurveyQuestion *q, int place, int *which)
{
    int qi = flow_question(b->flow), n = 0;
    for (int t = 0; t < q->topics->n_choices; t++)
        if (flow_topic_place(b->flow, qi, t) == place)
            which[n++] = t;
    for (int i = 1; i < n; i++)  /* a few topics: insertion sort by when they moved */
        for (int j = i; j > 0 && flow_topic_moved(b->flow, qi, which[j]) > flow_topic_moved(b->flow, qi, which[j - 1]); j--) {
            int swap = which[j];
            which[j] = which[j - 1];
            which[j - 1] = swap;
        }
    return n;
}

/* Splits the rows of the `n` topics `which` into parts of `area`'s
 * height: writes each one's part; returns how many parts. */
static int rows_parts(const UiBuild *b, const SurveyQuestion *q, const MatSizes *s, UiRect area,
                      const int *which, int n, int *part)
{
    int p = 0, y = 0;
    for (int i = 0; i < n; i++) {
        int h = row_h(b, q, s, which[i], area.w);
        if (y > 0 && y + h > area.h) {
            p++;
            y = 0;
        }
        part[i] = p;
        y += h + b->gap;
    }
    return p + 1;
}

/* The rows of the part showing of the topics at `place`, in `area`. */
static void mat_rows(UiBuild *b, const SurveyQuestion *q, UiRect area, int place, const MatSizes *s, int page)
{
    int which[q->topics->n_choices + 1], part[q->topics->n_choices + 1];
    int n = topics_at(b, q, place, which);
    rows_parts(b, q, s, area, which, n, part);
    for (int i = 0; i < n; i++) {
        if (part[i] != page)
            continue;
        UiRect row = layout_take_top(&area, row_h(b, q, s, which[i], area.w), b->gap);
        UiElement *el = mat_topic(b, q, which[i], row);
        if (el) {
            el->flags |= UI_ALIGN_LEFT | UI_BESIDE | UI_TIGHT;  /* a two-line Nastaliq service in a short row */
            el->symbol_px = s->symbol;
            el->text_min_px = el->text_max_px = s->text_px;
        }
    }
}

/* The column's symbol and label in a row across its top, as decoration
 * over the column (touches go through to the column itself). */
static void mat_column_header(UiBuild *b, const UiElement *col, UiRect head, const MatSizes *s)
{
    char symbol[UI_PATH_SIZE], label[UI_TEXT_SIZE];
    snprintf(symbol, sizeof symbol, "%s", col->symbol);
    snprintf(label, sizeof label, "%s", col->text);
    UiRect pic = layout_take_left(&head, b->unit * 3 / 4, b->gap * 2);
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_square_in(pic, b->unit * 3 / 4));
    if (sym)
        snprintf(sym->symbol, sizeof sym->symbol, "%s", symbol);
    UiElement *text = screen_heading(b, head, label);
    if (text) {
        text->flags |= UI_ALIGN_LEFT | UI_TIGHT;  /* Nastaliq's line would take a placed service's room */
        text->text_min_px = text->text_max_px = s->text_px;
    }
}

/* A column's own area: inside its border, under its header. */
static UiRect column_drop(const UiBuild *b, UiRect cell, const MatSizes *s, UiRect *head)
{
    UiRect inner = layout_inset(cell, b->gap);
    inner.y -= b->gap / 2;  /* a short screen needs every row's height: half gaps around the header and below */
    inner.h += b->gap;
    *head = layout_take_top(&inner, s->header_h, b->gap / 2);
    return inner;
}

static void mat_columns(UiBuild *b, const SurveyQuestion *q, UiRect area, const MatSizes *s, int page)
{
    int n = q->list->n_choices;
    UiRect cells[n > 0 ? n : 1], head;
    layout_row(area, n, b->gap * 2, cells);
    for (int c = 0; c < n; c++) {
        UiElement *col = screen_choice(b, &q->list->choices[c], cells[c], UI_COLUMN, false);
        if (!col)
            return;
        col->flags |= UI_DROP;
        col->tint = n == 3 ? c : -1;
        UiRect drop = column_drop(b, cells[c], s, &head);
        mat_column_header(b, col, head, s);
        mat_rows(b, q, drop, c, s, page);
    }
}

/* The pile: the topic offered now and how far along it is ("3 of 12"),
 * or "All done". A placed topic dropped on it (or held, then the pile
 * touched) comes back to be offered again. Touching the pile says where
 * things are ("Where does the GP go? 3 of 12."); so does the app when the
 * next topic comes up. */
static void mat_offer(UiBuild *b, const SurveyQuestion *q, UiRect area, ScreenGrid g, bool beside)
{
    int qi = flow_question(b->flow), t = flow_current_topic(b->flow, qi), n;
    int k = flow_topic_number(b->flow, qi, &n);
    char count[UI_TEXT_SIZE / 2], where[UI_TEXT_SIZE], said[UI_TEXT_SIZE * 2];
    UiElement *pile = ui_elements_add(b->els, UI_PANEL, "pile", area);
    if (pile)
        pile->flags |= UI_DROP;
    UiRect inner = layout_inset(area, b->gap * 2);
    if (t < 0) {  /* at the size it has in a card's words, so it fits where a card does */
        UiElement *done = screen_heading(b, inner, screen_word(b, STR_MAT_ALL_DONE));
        if (done)
            done->text_min_px = done->text_max_px = g.text_px;
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
    UiRect count_r, card = pile_card(b, area, draw_reading_px(&b->metrics), &count_r);
    UiElement *c = screen_body(b, count_r, count);
    if (c) {
        c->flags |= UI_MUTED;
        c->text_min_px = c->text_max_px = b->unit / 4;
    }
    UiElement *el = mat_topic(b, q, t, card);
    if (el) {
        el->symbol_px = g.symbol_px;
        el->text_min_px = el->text_max_px = g.text_px;
        el->flags |= beside ? UI_BESIDE | UI_ALIGN_LEFT : 0;
    }
}

/* The tray's label and rows; its area without the label in *rows. */
static UiRect tray_rows(const UiBuild *b, UiRect area)
{
    layout_take_top(&area, label_h(b, draw_reading_px(&b->metrics)), b->gap);
    return area;
}

static void mat_tray(UiBuild *b, const SurveyQuestion *q, UiRect area, const MatSizes *s, int page)
{
    int which[q->topics->n_choices + 1];
    if (topics_at(b, q, FLOW_SKIPPED, which) == 0)
        return;
    UiElement *label = screen_body(b, layout_take_top(&area, label_h(b, draw_reading_px(&b->metrics)), b->gap),
                                   screen_word(b, STR_MAT_SKIPPED));
    if (label) {
        label->flags |= UI_ALIGN_LEFT | UI_MUTED;
        label->text_min_px = label->text_max_px = b->unit / 4;
    }
    mat_rows(b, q, area, FLOW_SKIPPED, s, page);
}

/* How many parts the columns, or the tray, need to show every topic. */
static int column_parts(UiBuild *b, const SurveyQuestion *q, UiRect columns, const MatSizes *s)
{
    int which[q->topics->n_choices + 1], part[q->topics->n_choices + 1], parts = 1, n = q->list->n_choices;
    UiRect cells[n > 0 ? n : 1], head;
    layout_row(columns, n, b->gap * 2, cells);
    for (int c = 0; c < n; c++) {
        int here = rows_parts(b, q, s, column_drop(b, cells[c], s, &head), which, topics_at(b, q, c, which), part);
        parts = here > parts ? here : parts;
    }
    return parts;
}

static int tray_parts(UiBuild *b, const SurveyQuestion *q, UiRect tray, const MatSizes *s)
{
    int which[q->topics->n_choices + 1], part[q->topics->n_choices + 1];
    return rows_parts(b, q, s, tray_rows(b, tray), which, topics_at(b, q, FLOW_SKIPPED, which), part);
}

/* Which part of the columns and of the tray shows, when the tray shares
 * the pile's column, or (a short screen, large writing) has parts of its
 * own after the columns', where it shows in the pile's place. */
typedef struct {
    int columns, tray;  /* the part of each showing; -1: the tray does not show */
} MatPage;

static MatPage mat_paging(UiBuild *b, const SurveyQuestion *q, MatAreas *m, const MatSizes *s, bool apart)
{
    int cols = column_parts(b, q, m->columns, s), tray = tray_parts(b, q, m->tray, s);
    int parts = apart ? cols + (tray > 0 && topics_at(b, q, FLOW_SKIPPED, (int[64]){0}) ? tray : 0)
                      : (cols > tray ? cols : tray);
    if (parts > 1) {  /* the pager under the columns */
        UiRect strip = layout_take_bottom(&m->columns, screen_pager_height(b), b->gap);
        cols = column_parts(b, q, m->columns, s);
        parts = apart ? cols + tray : (cols > tray ? cols : tray);
        screen_paging(b, parts, 1);
        screen_pager(b, strip);
    }
    if (!apart)
        return (MatPage){b->page, b->page};
    return b->page < cols ? (MatPage){b->page, -1} : (MatPage){0, b->page - cols};
}

void screen_question_mat(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    UiRect normal = area;  /* the mat as at the normal writing size */
    normal.h += b->grown;
    int n = q->list->n_choices;
    MatAreas m = mat_areas(b, normal, 0, 0);
    MatSizes s = mat_sizes(b, q, (m.columns.w - b->gap * 2 * (n - 1)) / (n > 0 ? n : 1) - 2 * b->gap);
    PileSizes pile = pile_sizes(b, q, m.offer);
    int skipped[q->topics->n_choices + 1];  /* the tray keeps room for its newest row */
    int first_h = topics_at(b, q, FLOW_SKIPPED, skipped) ? row_h(b, q, &s, skipped[0], m.tray.w) : 0;
    int tray_min = first_h ? label_h(b, draw_reading_px(&b->metrics)) + 2 * b->gap + first_h : 0;
    /* A short screen: the card's words beside its symbol, so the pile and the tray share the column;
     * shorter still: the tray in parts of its own, in the pile's place. */
    bool beside = !b->portrait && pile.above + tray_min + b->gap * 2 > area.h;
    bool apart = beside && pile.beside + tray_min + b->gap * 2 > area.h;
    m = mat_areas(b, area, beside ? pile.beside : pile.above, apart ? 0 : first_h);
    if (apart)
        m.offer = m.tray = layout_rect(m.offer.x, m.offer.y, m.offer.w, area.y + area.h - m.offer.y);  /* the whole column */
    MatPage page = mat_paging(b, q, &m, &s, apart);
    mat_columns(b, q, m.columns, &s, page.columns);
    if (page.tray < 0 || !apart)
        mat_offer(b, q, m.offer, pile.g, beside);
    if (page.tray >= 0)
        mat_tray(b, q, m.tray, &s, page.tray);
}
