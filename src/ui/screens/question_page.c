/* question_page.c: a page of a field-list group: its questions one under
 * another, each with its words, its notice (when Next found it wanting)
 * and its pictures in a row, under the group's title. Choices are
 * "QUESTION:CHOICE", as names repeat from one question to the next.
 *
 * At a larger writing size the words grow and nothing shrinks: when the
 * page's questions no longer fit so, it shows them in parts ("More"), as
 * many a part as keep every word and picture at least as large as on the
 * whole page at the normal writing size. */
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
 * as on a question's own screen, `w` wide; else 0. */
static int page_notice_height(UiBuild *b, int q, int w)
{
    if (flow_notice(b->flow) == FLOW_NOTICE_NONE || flow_notice_question(b->flow) != q)
        return 0;
    screen_notice_text(b, &b->survey->questions[q], flow_notice(b->flow));
    return screen_notice_h(b, w) + b->gap;
}

/* One question's band: its words, its notice, then its answers. */
static void page_question(UiBuild *b, int q, UiRect band, char *said, size_t said_size)
{
    const SurveyQuestion *sq = &b->survey->questions[q];
    char label[UI_TEXT_SIZE];
    screen_fill(b, &sq->label, label, sizeof label);
    bool note = sq->type == QUESTION_NOTE;
    int notice_h = page_notice_height(b, q, band.w);
    UiRect head = note ? band : layout_take_top(&band, (band.h - notice_h) / 3, b->gap);
    UiElement *el = screen_heading(b, head, label);
    if (el)
        el->flags |= UI_ALIGN_LEFT;
    size_t n = strlen(said);
    snprintf(said + n, said_size - n, "%s%s", n ? " " : "", label);
    if (notice_h) {
        screen_notice_line(b, layout_take_top(&band, notice_h - b->gap, b->gap));
    }
    if (!note)
        page_answers(b, q, sq, band);
}

/* An element's words as drawn at `m` (px, 0: none) and its symbol's side. */
typedef struct {
    int text_px, symbol_px;
    bool fits;
} PageMeasure;

static PageMeasure page_measure(const UiBuild *b, const UiElement *el)
{
    DrawParts d = draw_parts(el, el->rect, &b->metrics);
    PageMeasure pm = {0, d.symbol.w < d.symbol.h ? d.symbol.w : d.symbol.h, true};
    if (el->text[0] && d.text.w > 0 && d.text.h > 0) {
        TextStyle style = draw_text_style(el, &b->metrics, (SDL_Color){0, 0, 0, 255});
        TextFit fit = text_fit(b->text, el->text, d.text.w, d.text.h, &style);
        pm.text_px = fit.px;
        pm.fits = fit.fits;
    }
    return pm;
}

/* The element of `els` standing for the same thing as `el` (its id, or for
 * words without one, the same words), or NULL. */
static const UiElement *page_twin(const UiElements *els, const UiElement *el)
{
    for (int i = 0; i < els->n; i++) {
        const UiElement *o = &els->items[i];
        if (el->id[0] ? strcmp(o->id, el->id) == 0 : !o->id[0] && el->text[0] && strcmp(o->text, el->text) == 0)
            return o;
    }
    return NULL;
}

/* The elements added since `from` keep the sizes they had on the page at
 * the normal writing size (`normal`), grown: the words of a question its
 * size there, a tile's symbol at least its side there. */
static void page_keep_sizes(UiBuild *b, int from, const UiBuild *normal)
{
    for (int i = from; normal && i < b->els->n; i++) {
        UiElement *el = &b->els->items[i];
        const UiElement *was = page_twin(normal->els, el);
        if (!was)
            continue;
        PageMeasure then = page_measure(normal, was);
        if (el->kind == UI_TEXT && then.text_px > 0)
            el->text_max_px = then.text_px;
        if (el->kind == UI_TILE && !(el->flags & UI_PHOTO) && page_measure(b, el).symbol_px < then.symbol_px)
            el->symbol_px = then.symbol_px;
    }
}

/* Lays questions `qs` (`n` of them, each shown) out one under another in
 * `area`, each its share: a note half a question's; sizes as on `normal`'s
 * page, grown (NULL: this is that page). */
static void page_bands(UiBuild *b, const int *qs, int n, UiRect area, const UiBuild *normal, char *said,
                       size_t said_size)
{
    int total = 0, notices = 0, first_tile = b->els->n;
    for (int i = 0; i < n; i++) {
        total += b->survey->questions[qs[i]].type == QUESTION_NOTE ? 1 : 2;
        notices += page_notice_height(b, qs[i], area.w);
    }
    int height = area.h - b->gap * 3 * (n - 1) - notices;  /* the notice's line is added to its question's share */
    for (int i = 0; i < n; i++) {
        int weight = b->survey->questions[qs[i]].type == QUESTION_NOTE ? 1 : 2;
        int h = i == n - 1 ? area.h : height * weight / (total > 0 ? total : 1) + page_notice_height(b, qs[i], area.w);
        page_question(b, qs[i], layout_take_top(&area, h, b->gap * 3), said, said_size);
    }
    page_keep_sizes(b, first_tile, normal);
    screen_even_text(b, first_tile, UI_TILE);
    screen_even_text(b, first_tile, UI_BUTTON);
}

/* Whether the page laid out `per` questions a part (of `n` shown, `qs`)
 * keeps on every part every word whole and every word and picture at least
 * as large as in `normal` (the whole page at the normal writing size). */
static bool page_parts_hold(const UiBuild *b, const int *qs, int n, int per, UiRect area, const UiBuild *normal)
{
    UiElements els = {0};
    UiBuild t = *b;
    t.els = &els;
    char said[1024];
    bool ok = true;
    for (int first = 0; ok && first < n; first += per) {
        ui_elements_clear(&els);
        UiRect room = area;
        if (per < n)
            layout_take_bottom(&room, screen_pager_height(b), b->gap * 2);
        said[0] = '\0';
        page_bands(&t, qs + first, n - first < per ? n - first : per, room, normal, said, sizeof said);
        for (int i = 0; ok && i < els.n; i++) {
            const UiElement *el = &els.items[i], *was = page_twin(normal->els, el);
            PageMeasure now = page_measure(&t, el), then = was ? page_measure(normal, was) : now;
            ok = now.fits && now.text_px >= then.text_px && now.symbol_px >= then.symbol_px;
        }
    }
    ui_elements_free(&els);
    return ok;
}

/* How many questions a part: all at the normal writing size (`normal`
 * NULL); at a larger one as many as keep everything as large as it was on
 * `normal`'s page (at least one) in `area`. */
static int page_per_part(const UiBuild *b, const int *qs, int n, UiRect area, const UiBuild *normal)
{
    int per = n;
    while (normal && per > 1 && !page_parts_hold(b, qs, n, per, area, normal))
        per--;
    return per;
}

void screen_question_page(UiBuild *b)
{
    int first, end, n = 0;
    flow_page(b->flow, &first, &end);
    UiRect frame = screen_frame(b, FRAME_LISTEN | FRAME_STOP | FRAME_BACK | FRAME_NEXT | FRAME_PROGRESS | FRAME_SKIP);
    UiRect area = frame;
    screen_section_title(b, &b->survey->questions[first], &area);
    int qs[end - first + 1];
    for (int q = first; q < end; q++)
        if (flow_is_relevant(b->flow, q) && survey_question_is_shown(&b->survey->questions[q]))
            qs[n++] = q;
    char said[1024] = "";  /* Listen says the part that shows */
    UiElements els = {0};  /* the whole page at the normal writing size, to measure against */
    UiBuild normal = *b;
    normal.els = &els;
    normal.metrics.text_pct = 100;
    if (b->metrics.text_pct > 100 && n > 0) {
        screen_section_title(&normal, &b->survey->questions[first], &frame);  /* as tall as at that size */
        page_bands(&normal, qs, n, frame, NULL, said, sizeof said);
        said[0] = '\0';
    }
    const UiBuild *was = b->metrics.text_pct > 100 ? &normal : NULL;
    int per = page_per_part(b, qs, n, area, was), from = screen_paging(b, n, per);
    for (int i = 0; per < n && flow_notice(b->flow) != FLOW_NOTICE_NONE && i < n; i++)
        if (qs[i] == flow_notice_question(b->flow))
            b->notice_page = i / per;
    if (per < n)
        screen_pager(b, layout_take_bottom(&area, screen_pager_height(b), b->gap * 2));
    page_bands(b, qs + from, n - from < per ? n - from : per, area, was, said, sizeof said);
    ui_elements_free(&els);
    screen_set_prompt(b, "%s%s%s", b->notice, b->notice[0] ? " " : "", said);
}
