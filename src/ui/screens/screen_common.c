/* screen_common.c: the parts every screen shares: the frame with its bars,
 * headings, buttons, text sizes, choice tiles and parts (the question's
 * own heading is screen_heading.c). See screen.h. */
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

void screen_fill(const UiBuild *b, const SurveyText *text, char *out, size_t size)
{
    const char *months[12];
    for (int m = 0; m < 12; m++)
        months[m] = screen_word(b, (UiString)(STR_MONTH_1 + m));
    flow_fill_text(b->flow, screen_text(b, text), months, out, size);
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

/* The controls beside Listen: colours, size of writing and the sound
 * (its symbol and words say how loud it is now). */
static void frame_seeing(UiBuild *b, UiRect *inner)
{
    static const UiString volume_words[3] = {STR_VOLUME_QUIET, STR_VOLUME_NORMAL, STR_VOLUME_LOUD};
    static const char *const volume_symbols[3] = {"volume_1", "volume_2", "volume_3"};
    int v = b->volume_step < 1 ? 0 : b->volume_step > 3 ? 2 : b->volume_step - 1;
    const struct {
        const char *id, *symbol;
        UiString spoken;
    } controls[] = {{"contrast", "contrast", STR_CONTRAST},
                    {"text_size", "text_size", STR_TEXT_SIZE},
                    {"volume", volume_symbols[v], volume_words[v]}};
    int w = inner->h * 3 / 4 > b->unit ? inner->h * 3 / 4 : b->unit;  /* narrower than tall: the title keeps room */
    for (size_t i = 0; i < sizeof controls / sizeof controls[0]; i++) {
        UiElement *el = screen_button(b, controls[i].id, layout_take_left(inner, w, b->gap), controls[i].symbol,
                                      "", UI_ICON_ONLY);
        if (el)
            ui_element_set_speak(el, screen_word(b, controls[i].spoken));
    }
}

/* "Question 3 of 12", counting the questions asked now (skip logic may
 * leave some out). */
static void screen_progress(const UiBuild *b, char *out, size_t size)
{
    int position, total;
    flow_progress(b->flow, &position, &total);
    snprintf(out, size, screen_word(b, STR_PROGRESS), position, total);
}

/* The top bar, `bar_h` high with a line `title_h` high of its own for the
 * title under the controls (0: the title between them). */
static void frame_top(UiBuild *b, unsigned controls, int bar_h, int title_h)
{
    UiRect bar = layout_rect(0, 0, b->screen.w, bar_h + title_h);
    ui_elements_add(b->els, UI_BAR, NULL, bar);
    UiRect inner = layout_inset(bar, b->gap / 2);
    UiRect title_row = title_h ? layout_take_bottom(&inner, title_h, 0) : inner;
    /* The staff gesture's corner stays free: the top-left once mirrored. */
    int corner = layout_staff_corner(b->unit).w + b->gap / 2 - inner.x;
    if (b->metrics.rtl)
        layout_take_right(&inner, corner, 0);
    else
        layout_take_left(&inner, corner, 0);
    int button_w = inner.w / 4 < bar_h * 2 ? inner.w / 4 : bar_h * 2;
    static const UiString labels[2] = {STR_LISTEN, STR_STOP};
    int need = 0;  /* Listen's and Stop's words whole, beside their symbols */
    for (int i = 0; i < 2; i++) {
        const char *word = screen_word(b, labels[i]);
        int n = inner.h + b->unit / 2 + text_measure_span(b->text, word, (int)strlen(word),
                                                          draw_reading_px(&b->metrics), true).width;
        need = n > need ? n : need;
    }
    if (button_w < need)  /* Listen and Stop keep their words whole at the writing size */
        button_w = need < inner.w / 3 ? need : inner.w / 3;
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
    }
    UiRect whole = inner;  /* before the end is kept free */
    if (!(controls & FRAME_STOP) && (controls & FRAME_LISTEN))
        b->bar_end = layout_take_right(&inner, button_w, b->gap);  /* keeps the title centred */
    const char *problem = flow_save_problem(b->flow);
    char text[UI_TEXT_SIZE] = "";
    if (problem[0])
        snprintf(text, sizeof text, "%s", screen_word(b, STR_SAVE_PROBLEM));
    else if (controls & FRAME_PROGRESS)
        screen_progress(b, text, sizeof text);
    else
        snprintf(text, sizeof text, "%s", survey_title(b->survey, b->language));
    int px = draw_grown_px(&b->metrics, b->unit * 3 / 10);
    TextStyle style = {px, px, false, TEXT_ALIGN_CENTER, {0, 0, 0, 255}, TEXT_BY_LINES};
    if (!b->staff && !text_fit(b->text, text, inner.w, inner.h, &style).fits)
        inner = whole;  /* a long title: centred in all the room there is */
    UiElement *title = screen_body(b, title_h ? title_row : inner, text);
    if (title) {
        title->flags |= UI_ON_DARK;
        title->text_min_px = title->text_max_px = b->unit * 3 / 10;  /* one size, grown: never shrinks */
    }
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
    UiRect strip = layout_take_bottom(area, strip_h, b->gap);
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

int screen_line_h(const UiBuild *b, int px, bool bold)
{
    const char *sample = b->survey->languages[b->language].name;  /* written in the language's own script */
    int own = text_measure_span(b->text, sample, (int)strlen(sample), px, bold).line_height;
    int latin = text_measure_span(b->text, "Hg", 2, px, bold).line_height;
    return own > latin ? own : latin;
}

int screen_button_h(const UiBuild *b)
{
    int line = screen_line_h(b, draw_reading_px(&b->metrics), true);
    int inside = 2 * ((b->unit / 10 > 2 ? b->unit / 10 : 2) + b->unit / 8);  /* the thick border of Stop or a choice */
    return line + inside > b->unit ? line + inside : b->unit;
}

UiRect screen_frame(UiBuild *b, unsigned controls)
{
    int short_side = b->screen.w < b->screen.h ? b->screen.w : b->screen.h;
    int bar_h = short_side / 9 > b->unit + b->gap ? short_side / 9 : b->unit + b->gap;
    UiBuild largest = *b;  /* the bars keep one height at every writing size: the screen stays put */
    largest.metrics.text_pct = 150;
    if (bar_h < screen_button_h(&largest) + b->gap)  /* tall scripts (Nastaliq) and large writing */
        bar_h = screen_button_h(&largest) + b->gap;
    /* A portrait screen is narrow beside its controls and tall: the title takes a line under them. */
    int title_h = b->portrait ? screen_line_h(&largest, draw_grown_px(&largest.metrics, b->unit * 3 / 10), false) : 0;
    frame_top(b, controls, bar_h, title_h);
    UiRect area = b->screen;
    layout_take_top(&area, bar_h + title_h, 0);
    area = layout_rect(area.x + b->gap * 2, area.y + b->gap, area.w - b->gap * 4, area.h - b->gap * 2);  /* height is the scarcer */
    if (controls & (FRAME_BACK | FRAME_NEXT | FRAME_SKIP | FRAME_FINISH | FRAME_SKIP_TOPIC))
        frame_bottom(b, controls, &area, bar_h - b->gap);
    return area;
}

int screen_words_height(const UiBuild *b, const char *text, int w, int px, bool bold)
{
    TextStyle style = {px, px, bold, TEXT_ALIGN_LEFT, {0, 0, 0, 255}, TEXT_BY_LINES};
    return text_fit(b->text, text, w > 1 ? w : 1, 1 << 20, &style).height;
}

int screen_letters_height(const UiBuild *b, const char *text, int w, int px, bool bold)
{
    TextStyle style = {px, px, bold, TEXT_ALIGN_LEFT, {0, 0, 0, 255}, TEXT_BY_INK};
    TextFit fit = text_fit(b->text, text, w > 1 ? w : 1, 1 << 20, &style);
    return fit.fits ? fit.height : screen_words_height(b, text, w, px, bold);
}

int screen_normal_px(const UiBuild *b, const char *text, UiRect box, int max_px, int min_px, bool bold)
{
    TextStyle style = {max_px, min_px, bold, TEXT_ALIGN_LEFT, {0, 0, 0, 255}, TEXT_BY_LINES};
    return box.w > 0 && box.h > 0 ? text_fit(b->text, text, box.w, box.h, &style).px : min_px;
}

int screen_lasting_px(const UiBuild *b, const char *text, UiRect box, int max_px, bool bold)
{
    int floor = b->unit / 4, px = screen_normal_px(b, text, box, max_px, floor, bold);
    UiMetrics largest = b->metrics;
    largest.text_pct = 150;
    for (; px > floor; px -= px / 16 > 1 ? px / 16 : 1) {
        int grown = draw_grown_px(&largest, px);
        TextStyle style = {grown, grown, bold, TEXT_ALIGN_LEFT, {0, 0, 0, 255}, TEXT_BY_LINES};
        if (box.w > 0 && box.h > 0 && text_fit(b->text, text, box.w, box.h, &style).fits)
            break;
    }
    return px > floor ? px : floor;
}

int screen_grown_text(const UiBuild *b, const char *text, int w, int normal_h, int max_px, bool bold, int *px)
{
    *px = screen_normal_px(b, text, layout_rect(0, 0, w, normal_h), max_px, b->unit / 4, bold);
    int need = screen_words_height(b, text, w, draw_grown_px(&b->metrics, *px), bold);
    return need > normal_h ? need : normal_h;
}

void screen_even_text(UiBuild *b, int from, UiKind kind)
{
    screen_even_text_of(b, from, kind, NULL);
}

void screen_even_text_of(UiBuild *b, int from, UiKind kind, bool (*which)(const UiElement *el))
{
    int px = INT_MAX;
    SDL_Color ink = {0, 0, 0, 255};
    for (int i = from; i < b->els->n; i++) {
        UiElement *el = &b->els->items[i];
        UiRect box = draw_parts(el, el->rect, &b->metrics).text;
        if (el->kind != kind || !el->text[0] || box.w <= 0 || (which && !which(el)))
            continue;
        TextStyle style = draw_text_style(el, &b->metrics, ink);
        TextFit fit = text_fit(b->text, el->text, box.w, box.h, &style);
        if (fit.px < px)
            px = fit.px;
    }
    int grown = draw_grown_px(&b->metrics, 0);  /* text_max_px is a size before the writing size grows it */
    for (int i = from; i < b->els->n && px != INT_MAX; i++) {
        UiElement *el = &b->els->items[i];
        if (el->kind != kind || (which && !which(el)))
            continue;
        el->text_max_px = px - grown;
        if (el->text_min_px > el->text_max_px)
            el->text_min_px = el->text_max_px;
    }
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

/* The choices a person sees: those the choice_filter shows (names may
 * repeat across a filter's groups; one of each shows), and or_other's
 * "Other" last. Writes their indices (n_choices for "Other"); returns how
 * many. */
int screen_shown_choices(const UiBuild *b, const SurveyQuestion *q, int *shown)
{
    int qi = flow_question(b->flow), n = 0;
    for (int c = 0; c < q->list->n_choices; c++) {
        bool twin = false;
        for (int i = 0; i < n && !twin; i++)
            twin = strcmp(q->list->choices[shown[i]].name, q->list->choices[c].name) == 0;
        if (!twin && flow_choice_shown(b->flow, qi, c))
            shown[n++] = c;
    }
    if (q->or_other)
        shown[n++] = q->list->n_choices;
    return n;
}

/* or_other's "Other": a tile like the choices, in the kiosk's own words,
 * showing what the person said of it when they said something. */
UiElement *screen_other_choice(UiBuild *b, const SurveyQuestion *q, UiRect r, UiKind kind)
{
    int qi = flow_question(b->flow);
    UiElement *el = ui_elements_add(b->els, kind, "other", r);
    if (!el)
        return NULL;
    const char *words = flow_other_text(b->flow, qi);
    char text[UI_TEXT_SIZE];
    snprintf(text, sizeof text, "%s%s%s", screen_word(b, STR_OTHER), words[0] ? ": " : "", words);
    el->text_max_px = b->unit / 2;
    el->text_min_px = b->unit / 4;
    if (flow_is_chosen(b->flow, qi, q->list->n_choices))
        el->flags |= UI_CHOSEN;
    screen_builtin_symbol(b, "talk", el->symbol);
    ui_element_set_text(el, text);
    return el;
}

void screen_choice_tiles(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int shown[q->list->n_choices + 1];
    int n = screen_shown_choices(b, q, shown), qi = flow_question(b->flow);
    UiRect cells[n > 0 ? n : 1];
    const char *labels[n > 0 ? n : 1];
    for (int i = 0; i < n; i++)
        labels[i] = shown[i] == q->list->n_choices ? screen_word(b, STR_OTHER)
                                                   : screen_text(b, &q->list->choices[shown[i]].label);
    ScreenGrid g = screen_grid(b, area, labels, n, cells);
    for (int i = 0; i < g.count; i++) {
        int c = shown[g.first + i];
        UiElement *el = c == q->list->n_choices ? screen_other_choice(b, q, cells[i], UI_TILE)
                                                : screen_choice(b, &q->list->choices[c], cells[i], UI_TILE,
                                                                flow_is_chosen(b->flow, qi, c));
        if (el && !(el->flags & UI_PHOTO)) {
            el->symbol_px = g.symbol_px;
            el->text_min_px = el->text_max_px = g.text_px;
            el->flags |= g.beside ? UI_BESIDE : 0;
        }
    }
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
    UiBuild largest = *b;  /* one height at every writing size, as the bars */
    largest.metrics.text_pct = 150;
    return screen_button_h(&largest) + b->gap;
}

void screen_pager(UiBuild *b, UiRect strip)
{
    if (b->pages <= 1)
        return;
    int w = strip.w * 2 / 5;
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
        t->flags |= UI_MUTED | UI_PAGER;
}

/* When the fixed parts' smallest heights (a button as tall as its words
 * need) overrun the area, the parts with height to spare give it up, each
 * in proportion to what it has over its smallest. */
static int part_min_h(const UiBuild *b, const ScreenPart *p)
{
    return p->min_h == SCREEN_PART_BUTTON ? screen_button_h(b) : p->min_h;
}

static void parts_fit(const UiBuild *b, UiRect area, ScreenPart *parts, int n, int texts)
{
    int used = texts, spare = 0;
    for (int i = 0; i < n; i++)
        if (!parts[i].text) {
            used += parts[i].h + b->gap * 2;
            spare += parts[i].h - part_min_h(b, &parts[i]);
        }
    int over = used - area.h;
    if (over <= 0 || spare <= 0)
        return;
    over = over < spare ? over : spare;
    for (int i = 0; i < n; i++)
        if (!parts[i].text)
            parts[i].h -= (int)((long long)over * (parts[i].h - part_min_h(b, &parts[i])) / spare) + 1;
    for (int i = 0; i < n; i++)
        if (!parts[i].text && parts[i].h < part_min_h(b, &parts[i]))
            parts[i].h = part_min_h(b, &parts[i]);
}

/* The heights of the texts only, at `b`'s writing size, at their sizes. */
static int texts_height(const UiBuild *b, UiRect area, ScreenPart *parts, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++) {
        ScreenPart *p = &parts[i];
        if (!p->text)
            continue;
        p->h = screen_words_height(b, p->text, area.w, draw_grown_px(&b->metrics, p->px), p->bold);
        total += p->h + b->gap * 2;
    }
    return total;
}

/* Each text's size: the one it fits at in its share of `area` at the
 * normal writing size; made smaller, all in proportion, while the texts at
 * the largest writing size (`largest`) leave the fixed parts less than
 * their smallest heights. Returns the texts' height at the largest. */
static int texts_sizes(const UiBuild *largest, UiRect area, ScreenPart *parts, int n)
{
    int fixed = 0;
    for (int i = 0; i < n; i++) {
        ScreenPart *p = &parts[i];
        if (!p->text) {
            fixed += part_min_h(largest, p) + largest->gap * 2;
            continue;
        }
        UiRect box = layout_rect(0, 0, area.w, area.h * p->share / 100);
        p->px = screen_normal_px(largest, p->text, box, p->max_px, largest->unit / 4, p->bold);
    }
    for (;;) {  /* all smaller together, a tenth at a time: a title stays larger than the words under it */
        int texts = texts_height(largest, area, parts, n), floor = largest->unit / 4;
        bool shrunk = false;
        if (texts + fixed <= area.h)
            return texts;
        for (int i = 0; i < n; i++) {
            ScreenPart *p = &parts[i];
            if (!p->text || p->px <= floor)
                continue;
            int step = p->px / 10 > 1 ? p->px / 10 : 1;
            p->px = p->px - step > floor ? p->px - step : floor;
            shrunk = true;
        }
        if (!shrunk)
            return texts;
    }
}

bool screen_parts_fit(const UiBuild *b, UiRect area, const ScreenPart *parts, int n)
{
    ScreenPart copy[n > 0 ? n : 1];
    memcpy(copy, parts, sizeof copy[0] * (size_t)n);
    UiBuild largest = *b;
    largest.metrics.text_pct = 150;
    int used = texts_sizes(&largest, area, copy, n);
    for (int i = 0; i < n; i++)
        used += copy[i].text ? 0 : part_min_h(&largest, &copy[i]) + b->gap * 2;
    return used <= area.h;
}

void screen_parts(const UiBuild *b, UiRect area, ScreenPart *parts, int n)
{
    UiBuild largest = *b;
    largest.metrics.text_pct = 150;
    int texts = texts_sizes(&largest, area, parts, n), shares = 0;
    for (int i = 0; i < n; i++)
        shares += parts[i].text ? 0 : parts[i].share;
    int room = area.h - texts;  /* what the fixed parts have at the largest writing size */
    for (int i = 0; i < n; i++) {
        if (parts[i].text)
            continue;
        int most = area.h * parts[i].share / 100, h = shares ? room * parts[i].share / shares - b->gap * 2 : most;
        parts[i].h = h < most ? h : most;
        parts[i].h = parts[i].h > part_min_h(&largest, &parts[i]) ? parts[i].h : part_min_h(&largest, &parts[i]);
    }
    parts_fit(&largest, area, parts, n, texts);
    texts_height(b, area, parts, n);  /* the texts at the person's writing size */
}

UiRect screen_part_rect(const UiBuild *b, UiRect *area, const ScreenPart *parts, int n, int i)
{
    if (i == 0) {  /* what is left over goes above and below: the whole in the middle */
        int used = 0;
        for (int k = 0; k < n; k++)
            used += parts[k].h + b->gap * 2;
        if (used < area->h)
            layout_take_top(area, (area->h - used) / 2, 0);
    }
    return layout_take_top(area, parts[i].h, b->gap * 2);
}
