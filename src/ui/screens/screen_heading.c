/* screen_heading.c: a question's heading: its symbol, its words and hint
 * (sized once for every writing size, smaller where the answers need the
 * room), a group's section title above it, and "Tell us in your own
 * words" beside or under it. Split from screen_common.c. */
#include "ui/screens/screen.h"

#include <string.h>

#include "ui/draw.h"

/* "Tell us in your own words", or while its recorder is open "Back to the
 * pictures", in `r`. */
static void own_words_button(UiBuild *b, UiRect r)
{
    bool open = b->recording && b->recording->panel_open, kept = b->recording && b->recording->kept;
    UiRect box = layout_center_box(r, r.w, r.h < b->unit * 3 / 2 ? r.h : b->unit * 3 / 2);
    if (open)
        screen_button(b, "pictures", box, "back", screen_word(b, STR_BACK_TO_PICTURES), 0);
    else
        screen_button(b, "own_words", box, "record", screen_word(b, STR_OWN_WORDS), kept ? UI_CHOSEN : 0);
}

/* The section title's height at `b`'s writing size. */
static int section_title_h(const UiBuild *b, const char *text, int w)
{
    int h = screen_words_height(b, text, w, draw_grown_px(&b->metrics, b->unit * 2 / 5), false);
    return h > b->unit / 2 ? h : b->unit / 2;
}

/* A question in a group shows the group's label (the innermost one with
 * a label) above its own, as a section title. */
int screen_section_title(UiBuild *b, const SurveyQuestion *q, UiRect *area)
{
    for (int g = q->group; g >= 0; g = b->survey->groups[g].parent) {
        const char *label = screen_text(b, &b->survey->groups[g].label);
        if (!label[0])
            continue;
        char filled[UI_TEXT_SIZE];
        screen_fill(b, &b->survey->groups[g].label, filled, sizeof filled);
        UiBuild normal = *b;
        normal.metrics.text_pct = 100;
        int h = section_title_h(b, filled, area->w);
        UiElement *el = screen_body(b, layout_take_top(area, h, b->gap), filled);
        if (el) {
            el->flags |= UI_ALIGN_LEFT | UI_MUTED;
            el->text_min_px = el->text_max_px = b->unit * 2 / 5;  /* one size, grown with the writing */
        }
        return h - section_title_h(&normal, filled, area->w);
    }
    return 0;
}

/* The question heading's height at writing size `pct`, before its words
 * have had their say. With symbol-supported text it needs room for a row
 * of symbols over each line of words: about twice the height. */
static int heading_height(const UiBuild *b, bool symbols, int pct)
{
    int short_side = b->screen.w < b->screen.h ? b->screen.w : b->screen.h;
    int head_h = short_side / (b->portrait ? 5 : 7) * pct / 100;  /* portrait has height to spare */
    if (symbols)
        head_h = head_h * 9 / 5;
    return head_h < b->unit ? b->unit : head_h;
}

/* The heading's words: the question, and under it its hint. Their sizes
 * are those they fit at in the heading of the normal writing size, times
 * the writing size; the heading grows to hold them. Returns its height. */
typedef struct {
    int label_px, hint_px; /* at the normal writing size */
    int height;            /* the heading's, at the person's */
    bool beside;           /* the hint beside the question, not under it (short screens, large writing) */
} HeadingWords;

/* The part of a heading `w` wide the question takes when its hint is beside
 * it: each its share of their widths on one line at the largest writing size. */
static int heading_label_w(const UiBuild *b, const SurveyQuestion *q, int w, int label_px, int hint_px)
{
    UiMetrics largest = b->metrics;
    largest.text_pct = 150;
    const char *label = screen_text(b, &q->label), *hint = screen_text(b, &q->hint);
    long lw = text_measure_span(b->text, label, (int)strlen(label), draw_grown_px(&largest, label_px), true).width;
    long hw = text_measure_span(b->text, hint, (int)strlen(hint), draw_grown_px(&largest, hint_px), false).width;
    int share = lw + hw > 0 ? (int)((long)w * lw / (lw + hw)) : w / 2;
    return share < w * 3 / 10 ? w * 3 / 10 : share > w * 7 / 10 ? w * 7 / 10 : share;
}

/* The heading's words' height at `b`'s writing size, at sizes `label_px`
 * and `hint_px` (before the writing size grows them). */
static int heading_need(const UiBuild *b, const SurveyQuestion *q, int w, int label_px, int hint_px, bool beside)
{
    const char *hint = screen_text(b, &q->hint);
    int label_w = beside ? heading_label_w(b, q, w, label_px, hint_px) : w, hint_w = beside ? w - label_w - b->gap * 2 : w;
    int label = screen_words_height(b, screen_text(b, &q->label), label_w, draw_grown_px(&b->metrics, label_px), true);
    int under = hint[0] ? screen_words_height(b, hint, hint_w, draw_grown_px(&b->metrics, hint_px), false) : 0;
    return beside ? (label > under ? label : under) : label + under;
}

/* The words fit the heading of the normal writing size; smaller where at
 * the largest they would take more than `max_h`, so the answers keep room. */
static HeadingWords heading_words(const UiBuild *b, const SurveyQuestion *q, int w, int normal_h, int max_h)
{
    const char *hint = screen_text(b, &q->hint);
    int hint_h = hint[0] ? normal_h * 6 / 20 : 0;
    HeadingWords h = {0, 0, heading_height(b, false, 100), false};
    h.label_px = screen_normal_px(b, screen_text(b, &q->label), layout_rect(0, 0, w, normal_h - hint_h),
                                  b->unit * 3 / 5, b->unit / 3, true);
    h.hint_px = hint[0] ? screen_normal_px(b, hint, layout_rect(0, 0, w, hint_h), b->unit / 2, b->unit / 4, false) : 0;
    UiBuild largest = *b;
    largest.metrics.text_pct = 150;
    while (heading_need(&largest, q, w, h.label_px, h.hint_px, false) > max_h &&
           (h.label_px > b->unit / 3 || h.hint_px > b->unit / 4)) {
        h.label_px = h.label_px - h.label_px / 16 > b->unit / 3 ? h.label_px - h.label_px / 16 : b->unit / 3;
        h.hint_px = h.hint_px - h.hint_px / 16 > b->unit / 4 ? h.hint_px - h.hint_px / 16 : b->unit / 4;
    }
    /* Still too tall at the largest writing size on a landscape screen: the hint beside the question. */
    h.beside = !b->portrait && hint[0] &&
               heading_need(&largest, q, w, h.label_px, h.hint_px, false) > max_h &&
               heading_need(&largest, q, w, h.label_px, h.hint_px, true) < heading_need(&largest, q, w, h.label_px, h.hint_px, false);
    int need = heading_need(b, q, w, h.label_px, h.hint_px, h.beside);
    int floor = h.height < max_h ? h.height : max_h;  /* the normal heading's height, where the answers leave it */
    h.height = need > floor ? need : floor;
    return h;
}

/* The own-words button's width at the end of the heading (landscape). */
static int own_words_width(const UiBuild *b, int w)
{
    return w / 4 < b->unit * 4 ? w / 4 : b->unit * 4;
}

void screen_question_heading(UiBuild *b, const SurveyQuestion *q, UiRect *area)
{
    bool symbols = survey_symbol_text(b->survey, q);
    int title_grown = screen_section_title(b, q, area);
    /* Not in the group view; and only with a microphone to record on. */
    bool answering = !b->staff && b->recording && b->recording->microphone;
    bool words_beside = answering && q->spoken_answer && !b->portrait;
    int normal_h = heading_height(b, symbols, 100), side = q->image && q->image[0] ? normal_h : 0;
    if (symbols)
        side = normal_h * 2 / 3;
    int text_w = area->w - (side ? side + b->gap * 2 : 0) - (words_beside ? own_words_width(b, area->w) + b->gap * 2 : 0);
    int most = area->h * 3 / 10 > normal_h * 3 / 2 ? area->h * 3 / 10 : normal_h * 3 / 2;
    int room = area->h - b->answers_least_h - b->gap * 3 / 2;  /* what the answers leave */
    most = b->answers_least_h && room < most ? room : most;
    HeadingWords words = heading_words(b, q, text_w, normal_h, most);
    int head_h = symbols ? heading_height(b, true, b->metrics.text_pct) : words.height;
    b->grown = head_h - normal_h + title_grown;
    UiRect head = layout_take_top(area, head_h, b->gap * 3 / 2);
    if (answering && q->spoken_answer && b->portrait)  /* "Tell us in your own words": under the heading ... */
        own_words_button(b, layout_take_top(area, b->unit, b->gap * 2));
    else if (words_beside)  /* ... or at its end */
        own_words_button(b, layout_take_right(&head, own_words_width(b, head.w), b->gap * 2));
    if (side) {
        UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL,
                                         layout_square_in(layout_take_left(&head, side, b->gap * 2), side));
        if (sym)
            screen_survey_symbol(b, q->image, sym->symbol);
    }
    char hint[UI_TEXT_SIZE];
    screen_fill(b, &q->hint, hint, sizeof hint);
    UiRect text = head;
    if (hint[0]) {
        int hint_h = symbols ? head.h * 9 / 20
                             : screen_words_height(b, hint, text.w, draw_grown_px(&b->metrics, words.hint_px), false);
        int label_w = heading_label_w(b, q, text.w, words.label_px, words.hint_px);
        UiRect where = words.beside && !symbols ? layout_take_right(&text, text.w - label_w - b->gap * 2, b->gap * 2)
                                                : layout_take_bottom(&text, hint_h, 0);
        UiElement *h = screen_body(b, where, hint);
        if (h)
            h->flags |= UI_ALIGN_LEFT | UI_MUTED | (symbols ? UI_SYMBOLS : 0);
        if (h && !symbols)
            h->text_min_px = h->text_max_px = words.hint_px;
    }
    char label_text[UI_TEXT_SIZE];
    screen_fill(b, &q->label, label_text, sizeof label_text);
    UiElement *label = screen_heading(b, text, label_text);
    if (label && symbols) {
        label->flags |= UI_SYMBOLS;
        label->text_min_px = b->unit / 3;
        label->text_max_px = b->unit * 3 / 5;
    }
    else if (label)
        label->text_min_px = label->text_max_px = words.label_px;
    if (label)
        label->flags |= UI_ALIGN_LEFT;
}
