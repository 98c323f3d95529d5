/* screen_common.c: the parts every screen shares: the frame with its bars,
 * headings, buttons and choice tiles. See screen.h. */
#include "ui/screens/screen.h"

#include <limits.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/symbol_cache.h"

const char *screen_word(const UiBuild *b, UiString id)
{
    return ui_word(b->words, b->language_code, id);
}

const char *screen_text(const UiBuild *b, const SurveyText *text)
{
    return survey_text(b->survey, text, b->language);
}

void screen_survey_symbol(const UiBuild *b, const char *image, char out[UI_PATH_SIZE])
{
    out[0] = '\0';
    if (image && image[0] && !survey_find_image(b->survey->dir, b->symbol_dirs, image, out, UI_PATH_SIZE))
        out[0] = '\0';
}

bool screen_is_survey_photo(const UiBuild *b, const char *path)
{
    size_t n = strlen(b->survey->dir);
    return symbol_cache_is_photo(path) && strncmp(path, b->survey->dir, n) == 0 && path[n] == '/';
}

void screen_builtin_symbol(const UiBuild *b, const char *name, char out[UI_PATH_SIZE])
{
    char file[UI_ID_SIZE];
    out[0] = '\0';
    if (name && name[0] && snprintf(file, sizeof file, "%s.svg", name) < (int)sizeof file)
        survey_find_image(NULL, b->symbol_dirs, file, out, UI_PATH_SIZE);
}

void screen_set_prompt(UiBuild *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->prompt, b->prompt_size, fmt, ap);
    va_end(ap);
}

UiElement *screen_heading(UiBuild *b, UiRect r, const char *text)
{
    UiElement *el = ui_elements_add(b->els, UI_TEXT, NULL, r);
    if (!el)
        return NULL;
    el->flags = UI_HEADING;
    el->text_max_px = b->unit * 3 / 4;
    el->text_min_px = b->unit / 3;
    ui_element_set_text(el, text);
    return el;
}

UiElement *screen_body(UiBuild *b, UiRect r, const char *text)
{
    UiElement *el = ui_elements_add(b->els, UI_TEXT, NULL, r);
    if (!el)
        return NULL;
    el->text_max_px = b->unit / 2;
    el->text_min_px = b->unit / 4;
    ui_element_set_text(el, text);
    return el;
}

void screen_title(UiBuild *b, UiRect *area, const char *symbol, const char *text)
{
    UiRect head = layout_take_top(area, b->unit * 3 / 2 * b->metrics.text_pct / 100, b->gap * 2);
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_take_left(&head, head.h, b->gap * 2));
    if (sym)
        screen_builtin_symbol(b, symbol, sym->symbol);
    UiElement *h = screen_heading(b, head, text);
    if (h)
        h->flags |= UI_ALIGN_LEFT;
}

UiElement *screen_button(UiBuild *b, const char *id, UiRect r, const char *symbol, const char *label,
                         unsigned flags)
{
    UiElement *el = ui_elements_add(b->els, UI_BUTTON, id, r);
    if (!el)
        return NULL;
    el->flags = flags;
    el->text_max_px = b->unit / 2;
    el->text_min_px = b->unit / 4;
    screen_builtin_symbol(b, symbol, el->symbol);
    ui_element_set_text(el, label);
    return el;
}

/* The two seeing controls beside Listen: colours and size of writing. */
static void frame_seeing(UiBuild *b, UiRect *inner)
{
    static const struct {
        const char *id;
        UiString spoken;
    } seeing[] = {{"contrast", STR_CONTRAST}, {"text_size", STR_TEXT_SIZE}};
    for (size_t i = 0; i < sizeof seeing / sizeof seeing[0]; i++) {
        UiElement *el = screen_button(b, seeing[i].id, layout_take_left(inner, inner->h, b->gap), seeing[i].id,
                                      "", UI_ICON_ONLY);
        if (el)
            ui_element_set_speak(el, screen_word(b, seeing[i].spoken));
    }
}

static void frame_top(UiBuild *b, unsigned controls, int bar_h)
{
    UiRect bar = layout_rect(0, 0, b->screen.w, bar_h);
    ui_elements_add(b->els, UI_BAR, NULL, bar);
    UiRect inner = layout_inset(bar, b->gap / 2);
    /* The staff gesture's corner stays free: the top-left once mirrored. */
    int corner = layout_staff_corner(b->unit).w + b->gap / 2 - inner.x;
    if (b->metrics.rtl)
        layout_take_right(&inner, corner, 0);
    else
        layout_take_left(&inner, corner, 0);
    int button_w = inner.w / 4 < bar_h * 2 ? inner.w / 4 : bar_h * 2;
    if (controls & FRAME_LISTEN) {
        UiElement *el = screen_button(b, "speak", layout_take_left(&inner, button_w, b->gap), "speak",
                                      screen_word(b, STR_LISTEN), 0);
        if (el)
            ui_element_set_speak(el, screen_word(b, STR_LISTEN_SPOKEN));
        frame_seeing(b, &inner);
    }
    if (controls & FRAME_STOP) {
        UiElement *el = screen_button(b, "stop", layout_take_right(&inner, button_w, b->gap), "stop",
                                      screen_word(b, STR_STOP), UI_DANGER);
        if (el)
            ui_element_set_speak(el, screen_word(b, STR_STOP_SPOKEN));
    } else if (controls & FRAME_LISTEN) {
        b->bar_end = layout_take_right(&inner, button_w, b->gap);  /* keeps the title centred */
    }
    const char *problem = flow_save_problem(b->flow);
    char text[UI_TEXT_SIZE] = "";
    if (problem[0])
        snprintf(text, sizeof text, "%s", screen_word(b, STR_SAVE_PROBLEM));
    else if (controls & FRAME_PROGRESS)
        snprintf(text, sizeof text, screen_word(b, STR_PROGRESS), flow_question(b->flow) + 1,
                 b->survey->n_questions);
    else
        snprintf(text, sizeof text, "%s", b->survey->title);
    UiElement *title = screen_body(b, inner, text);
    if (title)
        title->flags |= UI_ON_DARK;
}

static void frame_skip(UiBuild *b, unsigned controls, UiRect strip)
{
    screen_button(b, "skip", strip, "skip",
                  screen_word(b, controls & FRAME_SKIP_TOPIC ? STR_SKIP_TOPIC : STR_SKIP), 0);
}

/* Back on the left, next on the right and skip between them; on a portrait
 * screen skip takes a row of its own above, so its words stay large. */
static void frame_bottom(UiBuild *b, unsigned controls, UiRect *area, int strip_h)
{
    int first = b->els->n;
    UiRect strip = layout_take_bottom(area, strip_h, b->gap * 2);
    bool skip = controls & (FRAME_SKIP | FRAME_SKIP_TOPIC);
    if (skip && b->portrait)
        frame_skip(b, controls, layout_take_bottom(area, strip_h, b->gap * 2));
    int back_w = strip.w * (b->portrait ? 40 : 22) / 100;
    int next_w = strip.w * (b->portrait ? 55 : 28) / 100;
    /* The arrows point the way the screen reads: mirrored with it. */
    const char *back_arrow = b->metrics.rtl ? "next" : "back", *next_arrow = b->metrics.rtl ? "back" : "next";
    if (controls & FRAME_BACK)
        screen_button(b, "back", layout_take_left(&strip, back_w, b->gap), back_arrow,
                      screen_word(b, STR_BACK), 0);
    else
        layout_take_left(&strip, back_w, b->gap);
    if (controls & (FRAME_NEXT | FRAME_FINISH))
        screen_button(b, "next", layout_take_right(&strip, next_w, b->gap), next_arrow,
                      screen_word(b, controls & FRAME_FINISH ? STR_FINISH : STR_NEXT), UI_PRIMARY);
    else
        layout_take_right(&strip, next_w, b->gap);
    if (skip && !b->portrait)
        frame_skip(b, controls, layout_center_box(strip, strip.w * 4 / 5, strip.h));
    screen_even_text(b, first, UI_BUTTON);
}

UiRect screen_frame(UiBuild *b, unsigned controls)
{
    int short_side = b->screen.w < b->screen.h ? b->screen.w : b->screen.h;
    int bar_h = short_side / 9 > b->unit + b->gap ? short_side / 9 : b->unit + b->gap;
    frame_top(b, controls, bar_h);
    UiRect area = b->screen;
    layout_take_top(&area, bar_h, 0);
    area = layout_inset(area, b->gap * 2);
    if (controls & (FRAME_BACK | FRAME_NEXT | FRAME_SKIP | FRAME_FINISH | FRAME_SKIP_TOPIC))
        frame_bottom(b, controls, &area, bar_h - b->gap);
    return area;
}

static void own_words_button(UiBuild *b, UiRect r)
{
    bool open = b->recording && b->recording->panel_open, kept = b->recording && b->recording->kept;
    UiRect box = layout_center_box(r, r.w, r.h < b->unit * 3 / 2 ? r.h : b->unit * 3 / 2);
    if (open)
        screen_button(b, "pictures", box, "back", screen_word(b, STR_BACK_TO_PICTURES), 0);
    else
        screen_button(b, "own_words", box, "record", screen_word(b, STR_OWN_WORDS), kept ? UI_CHOSEN : 0);
}

/* With symbol-supported text the heading needs room for a row of symbols
 * over each line of words: it takes about twice the height. */
void screen_question_heading(UiBuild *b, const SurveyQuestion *q, UiRect *area)
{
    bool symbols = survey_symbol_text(b->survey, q);
    int short_side = b->screen.w < b->screen.h ? b->screen.w : b->screen.h;
    int head_h = short_side / (b->portrait ? 5 : 7) * b->metrics.text_pct / 100;  /* portrait has height to spare */
    if (symbols)
        head_h = head_h * 9 / 5;
    if (head_h > b->screen.h / 5)  /* never so tall that the answers lose their room */
        head_h = b->screen.h / 5;
    if (head_h < b->unit)
        head_h = b->unit;
    UiRect head = layout_take_top(area, head_h, b->gap * 2);
    /* Not in the group view; and only with a microphone to record on. */
    bool answering = !b->staff && b->recording && b->recording->microphone;
    if (answering && q->spoken_answer && b->portrait)  /* "Tell us in your own words": under the heading ... */
        own_words_button(b, layout_take_top(area, b->unit, b->gap * 2));
    else if (answering && q->spoken_answer)  /* ... or at its end */
        own_words_button(b, layout_take_right(&head, head.w / 4 < b->unit * 4 ? head.w / 4 : b->unit * 4, b->gap * 2));
    if (q->image && q->image[0]) {
        int side = symbols ? head_h * 2 / 3 : head_h;
        UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL,
                                         layout_square_in(layout_take_left(&head, side, b->gap * 2), side));
        if (sym)
            screen_survey_symbol(b, q->image, sym->symbol);
    }
    const char *hint = screen_text(b, &q->hint);
    UiRect text = head;
    if (hint[0]) {
        UiRect hint_r = layout_take_bottom(&text, head.h * (symbols ? 9 : 6) / 20, 0);
        UiElement *h = screen_body(b, hint_r, hint);
        if (h)
            h->flags |= UI_ALIGN_LEFT | UI_MUTED | (symbols ? UI_SYMBOLS : 0);
        if (h && symbols)
            h->text_min_px = b->unit / 5;
    }
    UiElement *label = screen_heading(b, text, screen_text(b, &q->label));
    if (label && symbols) {
        label->flags |= UI_SYMBOLS;
        label->text_min_px = b->unit / 4;  /* symbols above make up for smaller words */
    }
    if (label)
        label->flags |= UI_ALIGN_LEFT;
}

void screen_even_text(UiBuild *b, int from, UiKind kind)
{
    int px = INT_MAX;
    SDL_Color ink = {0, 0, 0, 255};
    for (int i = from; i < b->els->n; i++) {
        UiElement *el = &b->els->items[i];
        UiRect box = draw_parts(el, el->rect, &b->metrics).text;
        if (el->kind != kind || !el->text[0] || box.w <= 0)
            continue;
        TextStyle style = draw_text_style(el, &b->metrics, ink);
        TextFit fit = text_fit(b->text, el->text, box.w, box.h, &style);
        if (fit.px < px)
            px = fit.px;
    }
    for (int i = from; i < b->els->n; i++)
        if (b->els->items[i].kind == kind && px != INT_MAX)
            b->els->items[i].text_max_px = px;
}

void screen_recorded_prompt(const UiBuild *b, const SurveyText *audio, char out[UI_PATH_SIZE])
{
    const char *file = screen_text(b, audio);
    out[0] = '\0';
    if (file[0] && snprintf(out, UI_PATH_SIZE, "%s/%s", b->survey->dir, file) >= UI_PATH_SIZE)
        out[0] = '\0';
}

UiElement *screen_choice(UiBuild *b, const SurveyChoice *choice, UiRect r, UiKind kind, bool chosen)
{
    UiElement *el = ui_elements_add(b->els, kind, choice->name, r);
    if (!el)
        return NULL;
    el->text_max_px = b->unit / 2;
    el->text_min_px = b->unit / 4;
    if (chosen)
        el->flags |= UI_CHOSEN;
    screen_survey_symbol(b, choice->image, el->symbol);
    if (screen_is_survey_photo(b, el->symbol))
        el->flags |= UI_PHOTO;
    screen_recorded_prompt(b, &choice->audio, el->audio);
    ui_element_set_text(el, screen_text(b, &choice->label));
    return el;
}

void screen_choice_tiles(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int n = q->list->n_choices;
    UiRect cells[n > 0 ? n : 1];
    layout_grid(area, n, b->gap * 2, 1.0f, cells);
    int qi = flow_question(b->flow), first = b->els->n;
    for (int c = 0; c < n; c++)
        screen_choice(b, &q->list->choices[c], cells[c], UI_TILE, flow_is_chosen(b->flow, qi, c));
    screen_even_text(b, first, UI_TILE);
}

int screen_paging(UiBuild *b, int n, int per_page)
{
    if (per_page < 1)
        per_page = 1;
    b->pages = n > per_page ? (n + per_page - 1) / per_page : 1;
    if (b->page >= b->pages)
        b->page = b->pages - 1;
    if (b->page < 0)
        b->page = 0;
    return b->page * per_page;
}

int screen_pager_height(const UiBuild *b)
{
    return b->unit + b->gap;
}

void screen_pager(UiBuild *b, UiRect strip)
{
    if (b->pages <= 1)
        return;
    int w = strip.w / 3;
    UiRect back = layout_take_left(&strip, w, b->gap), more = layout_take_right(&strip, w, b->gap);
    int first = b->els->n;
    if (b->page > 0)
        screen_button(b, "page_back", back, b->metrics.rtl ? "next" : "back", screen_word(b, STR_PAGE_BACK), 0);
    if (b->page < b->pages - 1)
        screen_button(b, "page_next", more, "more", screen_word(b, STR_PAGE_NEXT), UI_PRIMARY);
    screen_even_text(b, first, UI_BUTTON);
    char where[UI_TEXT_SIZE];
    snprintf(where, sizeof where, screen_word(b, STR_COUNT_OF), b->page + 1, b->pages);
    UiElement *t = screen_body(b, strip, where);
    if (t)
        t->flags |= UI_MUTED;
}
