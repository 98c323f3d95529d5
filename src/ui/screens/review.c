/* review.c: "Here is what you said": each question with its answer in
 * symbols and words, and a real Change button (id: the question's name)
 * that goes back to it. A mat's answer is grouped under its columns (Good,
 * Not sure, Bad: each column's symbol and name, then its topics), then the
 * topics skipped and those not placed.
 *
 * The review is a list of lines (a question, a row of answers), each
 * answer a symbol with its word beside it. Symbols keep one size at every
 * writing size and the words are laid out at the person's size; lines that
 * do not fit go on in parts ("More"), never smaller. */
#include "ui/screens/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REVIEW_MAX_ITEMS 160
#define REVIEW_MAX_LINES 96
#define REVIEW_MAX_GROUPS 16

/* One answer shown: a symbol (a path, "" for none) and its word. */
typedef struct {
    char symbol[UI_PATH_SIZE];
    const char *words;
    char own[UI_TEXT_SIZE];  /* words made here (a recording's length, a number, a date, Other's
                                words); `words` points at them */
    bool bold;   /* a mat column's name, heading its group */
    bool muted;  /* "Skipped" */
    int w, h;    /* laid out: the whole item */
} ReviewItem;

typedef struct {
    int q;               /* the question the line belongs to */
    bool heading;        /* the question itself, with Change */
    int first, n;        /* items of the line (not a heading) */
    int h;
} ReviewLine;

typedef struct {
    UiBuild *b;
    int columns;         /* of questions side by side: two on a wide screen */
    int width;           /* of a line */
    int symbol;          /* side of an answer's symbol, px: the same at every writing size */
    int px;              /* the words' size at the person's writing size */
    int change_w;        /* the Change button's width */
    ReviewItem items[REVIEW_MAX_ITEMS];
    int n_items;
    ReviewLine lines[REVIEW_MAX_LINES];
    int n_lines;
} Review;

static const char *review_word(const Review *r, UiString id)
{
    return screen_word(r->b, id);
}

/* ---- what each answer is ---- */

static void add_item(Review *r, const char *image, bool builtin, const char *words, bool bold)
{
    if (r->n_items == REVIEW_MAX_ITEMS)
        return;
    ReviewItem *it = &r->items[r->n_items++];
    memset(it, 0, sizeof *it);
    if (builtin)
        screen_builtin_symbol(r->b, image, it->symbol);
    else
        screen_survey_symbol(r->b, image, it->symbol);
    it->words = words;
    it->bold = bold;
}

static void add_choice(Review *r, const SurveyChoice *c, bool bold)
{
    add_item(r, c->image, false, screen_text(r->b, &c->label), bold);
}

/* A mat: under each column its topics; then the skipped, then the rest. */
static void mat_items(Review *r, int qi, int *groups, int *n_groups)
{
    const SurveyQuestion *q = &r->b->survey->questions[qi];
    int n = q->list->n_choices;
    for (int g = 0; g < n + 2; g++) {
        int place = g < n ? g : g == n ? FLOW_SKIPPED : FLOW_NOT_REACHED, first = r->n_items;
        for (int t = 0; t < q->topics->n_choices; t++) {
            int at = flow_topic_place(r->b->flow, qi, t);
            if (at != place && !(place == FLOW_NOT_REACHED && at == FLOW_UNPLACED))
                continue;
            if (r->n_items == first) {  /* the group's name first */
                if (g < n)
                    add_choice(r, &q->list->choices[g], true);
                else
                    add_item(r, g == n ? "skip" : "question", true,
                             review_word(r, g == n ? STR_REVIEW_SKIPPED : STR_REVIEW_NOT_PLACED), true);
            }
            add_choice(r, &q->topics->choices[t], false);
        }
        if (r->n_items > first && *n_groups < REVIEW_MAX_GROUPS)
            groups[(*n_groups)++] = first;
    }
}

/* or_other's "Other", with the person's own words when they typed them. */
static void other_item(Review *r, int qi)
{
    if (r->n_items == REVIEW_MAX_ITEMS)
        return;
    ReviewItem *it = &r->items[r->n_items];
    add_item(r, NULL, false, "", false);
    const char *words = flow_other_text(r->b->flow, qi);
    snprintf(it->own, sizeof it->own, "%s%s%s", review_word(r, STR_OTHER), words[0] ? ": " : "", words);
    it->words = it->own;
}

/* A number, a date, an OK: as a person reads them (as ${name} shows them
 * in a label); nothing when there is no answer. */
static void value_item(Review *r, int qi)
{
    char ref[UI_ID_SIZE + 4], text[UI_TEXT_SIZE];
    SurveyText own = {{NULL}};
    snprintf(ref, sizeof ref, "${%s}", r->b->survey->questions[qi].name);
    own.by_language[r->b->language] = ref;
    screen_fill(r->b, &own, text, sizeof text);
    if (!text[0] || r->n_items == REVIEW_MAX_ITEMS)
        return;
    ReviewItem *it = &r->items[r->n_items];
    add_item(r, NULL, false, "", false);
    snprintf(it->own, sizeof it->own, "%s", text);
    it->words = it->own;
}

/* The answer to `qi` as items; each group starts a line of its own.
 * Returns how many groups (their first items in `groups`). */
static int answer_items(Review *r, int qi, int *groups)
{
    const SurveyQuestion *q = &r->b->survey->questions[qi];
    int n_groups = 0, first = r->n_items;
    size_t size;
    int ms = 0;
    if (q->appearance == APPEARANCE_MAT && q->topics) {
        mat_items(r, qi, groups, &n_groups);
    } else if (q->type == QUESTION_TEXT && flow_text(r->b->flow, qi)[0]) {
        add_item(r, NULL, false, flow_text(r->b->flow, qi), false);
    } else if (q->list) {
        for (int c = 0; c < q->list->n_choices; c++)
            if (flow_is_chosen(r->b->flow, qi, c))
                add_choice(r, &q->list->choices[c], false);
        if (q->or_other && flow_is_chosen(r->b->flow, qi, q->list->n_choices))
            other_item(r, qi);
    } else if (q->type != QUESTION_AUDIO && q->type != QUESTION_TEXT) {
        value_item(r, qi);
    }
    if ((q->type == QUESTION_AUDIO || q->spoken_answer) && flow_recording(r->b->flow, qi, &size, &ms) &&
        r->n_items < REVIEW_MAX_ITEMS) {
        ReviewItem *it = &r->items[r->n_items];
        add_item(r, "record", true, "", false);
        snprintf(it->own, sizeof it->own, "%d:%02d", ms / 60000, ms / 1000 % 60);
        it->words = it->own;
    }
    if (r->n_items == first) {
        add_item(r, NULL, false, review_word(r, STR_REVIEW_SKIPPED), false);
        r->items[first].muted = true;
    }
    if (n_groups == 0)
        groups[n_groups++] = first;
    return n_groups;
}

/* ---- laying out ---- */

static TextStyle review_style(const Review *r, bool bold)
{
    TextStyle style = {r->px, r->px, bold, TEXT_ALIGN_LEFT, {0, 0, 0, 255}, TEXT_BY_LINES};
    return style;
}

/* The height of `text` wrapped in `w` at the review's size. */
static int words_height(Review *r, const char *text, int w, bool bold)
{
    TextStyle style = review_style(r, bold);
    return text_fit(r->b->text, text, w > 1 ? w : 1, 1 << 20, &style).height;
}

/* Sizes an item: its symbol, then its words on one line when they fit,
 * else wrapped over the rest of a line. */
static void measure_item(Review *r, ReviewItem *it)
{
    int sym = it->symbol[0] ? r->symbol + r->b->gap : 0;
    TextSpan span = text_measure_span(r->b->text, it->words, (int)strlen(it->words), r->px, it->bold);
    int room = r->width - sym;
    if (span.width <= room) {
        it->w = sym + span.width;
        it->h = span.line_height;
    } else {
        it->w = r->width;
        it->h = words_height(r, it->words, room, it->bold);
    }
    if (it->symbol[0] && it->h < r->symbol)
        it->h = r->symbol;
}

static void add_line(Review *r, int q, bool heading, int first, int n, int h)
{
    if (r->n_lines < REVIEW_MAX_LINES)
        r->lines[r->n_lines++] = (ReviewLine){q, heading, first, n, h};
}

/* Items [first, end) flowed into lines `r->width` wide. */
static void flow_items(Review *r, int q, int first, int end)
{
    int gap = r->b->gap * 2;
    while (first < end) {
        int x = 0, h = 0, i = first;
        for (; i < end; i++) {
            ReviewItem *it = &r->items[i];
            if (i > first && x + gap + it->w > r->width)
                break;
            x += (i > first ? gap : 0) + it->w;
            h = h > it->h ? h : it->h;
        }
        add_line(r, q, false, first, i - first, h);
        first = i;
    }
}

/* The question's words, with the answers its ${name}s stand for. */
static const char *review_label(const Review *r, const SurveyQuestion *q, char *out, size_t size)
{
    screen_fill(r->b, &q->label, out, size);
    return out;
}

/* The question's heading line: its words beside its symbol, and Change. */
static int heading_height(Review *r, const SurveyQuestion *q)
{
    char label[UI_TEXT_SIZE];
    int w = r->width - r->symbol - r->change_w - 4 * r->b->gap;
    int h = words_height(r, review_label(r, q, label, sizeof label), w, true), button = screen_button_h(r->b);
    return h > button ? h : button;
}

static void build_lines(Review *r)
{
    const Survey *s = r->b->survey;
    for (int qi = 0; qi < s->n_questions; qi++) {
        const SurveyQuestion *q = &s->questions[qi];
        if (q->type == QUESTION_NOTE || !survey_question_is_shown(q) || !flow_is_relevant(r->b->flow, qi))
            continue;  /* only the questions asked, and answerable */
        add_line(r, qi, true, 0, 0, heading_height(r, q));
        int groups[REVIEW_MAX_GROUPS], first = r->n_items, n = answer_items(r, qi, groups);
        for (int i = first; i < r->n_items; i++)
            measure_item(r, &r->items[i]);
        for (int g = 0; g < n; g++)
            flow_items(r, qi, groups[g], g + 1 < n ? groups[g + 1] : r->n_items);
    }
}

/* ---- parts and elements ---- */

/* The height of lines [from, to) of one question in its card. */
static int block_height(const Review *r, int from, int to)
{
    int h = 2 * r->b->gap;
    for (int i = from; i < to; i++)
        h += r->lines[i].h + (i > from ? r->b->gap : 0);
    return h;
}

/* The end of the question's lines that start at `from`. */
static int block_end(const Review *r, int from)
{
    int to = from + 1;
    while (to < r->n_lines && !r->lines[to].heading)
        to++;
    return to;
}

/* Splits the lines into columns `height` high, r->columns a part: a
 * question's lines stay together when they fit in one column. Writes each
 * line's column (part * r->columns + column); returns how many parts. */
static int paginate(const Review *r, int height, int *part)
{
    int p = 0, y = 0, gap = r->b->gap * 2;
    for (int from = 0; from < r->n_lines;) {
        int to = block_end(r, from), h = block_height(r, from, to);
        if (y > 0 && y + h > height && h <= height) {
            p++;
            y = 0;
        }
        for (int i = from; i < to; i++) {  /* a question too long for any part goes line by line */
            if (y > 0 && y + block_height(r, i, i + 1) > height && h > height) {
                p++;
                y = 0;
            }
            part[i] = p;
            y += r->lines[i].h + r->b->gap;
        }
        y += 2 * r->b->gap + gap;
        from = to;
    }
    return p / r->columns + 1;
}

static UiElement *review_words(Review *r, UiRect box, const char *words, bool bold)
{
    UiElement *t = screen_body(r->b, box, words);
    if (t) {
        t->flags |= UI_ALIGN_LEFT | (bold ? UI_HEADING : 0);
        t->text_max_px = t->text_min_px = r->b->unit * 2 / 5;  /* the review's size, times the writing size */
    }
    return t;
}

static void emit_heading(Review *r, const SurveyQuestion *q, UiRect line)
{
    UiBuild *b = r->b;
    char label[UI_TEXT_SIZE];
    review_label(r, q, label, sizeof label);
    UiRect change = layout_take_right(&line, r->change_w, b->gap * 2);
    UiElement *button = screen_button(b, q->name, layout_center_box(change, change.w, screen_button_h(b)), "change",
                                      review_word(r, STR_REVIEW_CHANGE), 0);
    if (button) {
        char said[2 * UI_TEXT_SIZE];  /* set_speak keeps what fits */
        snprintf(said, sizeof said, "%s: %s", review_word(r, STR_REVIEW_CHANGE), label);
        ui_element_set_speak(button, said);
    }
    UiRect sym = layout_take_left(&line, r->symbol, b->gap * 2);
    UiElement *mini = q->image && q->image[0] ? ui_elements_add(b->els, UI_MINI, NULL, layout_square_in(sym, r->symbol)) : NULL;
    if (mini)
        screen_survey_symbol(b, q->image, mini->symbol);
    review_words(r, line, label, true);
}

static void emit_items(Review *r, const ReviewLine *l, UiRect line)
{
    int x = line.x;
    for (int i = l->first; i < l->first + l->n; i++) {
        const ReviewItem *it = &r->items[i];
        UiRect box = layout_rect(x, line.y + (line.h - it->h) / 2, it->w, it->h);
        if (it->symbol[0]) {
            UiElement *mini = ui_elements_add(r->b->els, UI_MINI, NULL,
                                              layout_square_in(layout_take_left(&box, r->symbol, r->b->gap), r->symbol));
            if (mini)
                snprintf(mini->symbol, sizeof mini->symbol, "%s", it->symbol);
        }
        UiElement *t = review_words(r, box, it->words, it->bold);
        if (t && it->muted)
            t->flags |= UI_MUTED;
        x += it->w + r->b->gap * 2;
    }
}

/* The lines of column `column` (a part's columns follow each other) in
 * `area`, each question's in a card. */
static void emit_column(Review *r, const int *part, int column, UiRect area)
{
    UiBuild *b = r->b;
    int y = area.y;
    for (int from = 0; from < r->n_lines;) {
        int to = block_end(r, from), a = from, z = to;
        while (a < to && part[a] != column)
            a++;
        while (z > a && part[z - 1] != column)
            z--;
        if (a < z) {
            int h = block_height(r, a, z);
            ui_elements_add(b->els, UI_PANEL, NULL, layout_rect(area.x, y, area.w, h));
            int ly = y + b->gap;
            for (int i = a; i < z; i++) {
                UiRect line = layout_rect(area.x + b->gap * 2, ly, area.w - b->gap * 4, r->lines[i].h);
                if (r->lines[i].heading)
                    emit_heading(r, &b->survey->questions[r->lines[i].q], line);
                else
                    emit_items(r, &r->lines[i], line);
                ly += r->lines[i].h + b->gap;
            }
            y += h + b->gap * 2;
        }
        from = to;
    }
}

void screen_review(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN | FRAME_STOP | FRAME_BACK | FRAME_FINISH);
    screen_title(b, &area, "review", screen_word(b, STR_REVIEW_TITLE));
    screen_set_prompt(b, "%s", screen_word(b, STR_REVIEW_PROMPT));
    Review *r = calloc(1, sizeof *r);  /* a few hundred kilobytes of items: not for the stack */
    if (!r)
        return;
    r->b = b;
    r->columns = !b->portrait && area.w >= b->unit * 20 ? 2 : 1;
    UiRect cols[2];
    layout_row(area, r->columns, b->gap * 2, cols);
    r->width = cols[0].w - b->gap * 4;
    r->symbol = b->unit * 3 / 4;
    r->px = draw_grown_px(&b->metrics, b->unit * 2 / 5);
    r->change_w = b->unit * 3 < r->width / 3 ? b->unit * 3 : r->width / 3;
    build_lines(r);
    int part[REVIEW_MAX_LINES];
    if (paginate(r, area.h, part) > 1) {
        UiRect strip = layout_take_bottom(&area, screen_pager_height(b), b->gap * 2);
        screen_paging(b, paginate(r, area.h, part), 1);
        screen_pager(b, strip);
    }
    layout_row(area, r->columns, b->gap * 2, cols);
    for (int c = 0; c < r->columns; c++)
        emit_column(r, part, b->page * r->columns + c, cols[c]);
    free(r);
}
