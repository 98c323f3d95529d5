/* review.c: "Here is what you said": one row a question, showing its
 * answer as symbols (a mat as each column's symbol followed by its topics).
 * Touching a row goes back to that question to change it; Finish ends. */
#include "ui/screens/screen.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const SurveyChoice *items[64];
    int n;
    bool other; /* or_other's "Other" is chosen too */
} ReviewAnswer;

static void answer_add(ReviewAnswer *a, const SurveyChoice *c)
{
    if (a->n < (int)(sizeof a->items / sizeof a->items[0]))
        a->items[a->n++] = c;
}

/* The answer as a sequence of choices to show: for a mat, each column's
 * choice followed by the topics placed under it. */
static ReviewAnswer review_answer(const UiBuild *b, int qi)
{
    const SurveyQuestion *q = &b->survey->questions[qi];
    ReviewAnswer a = {.n = 0};
    if (!q->list)
        return a;
    a.other = q->or_other && flow_is_chosen(b->flow, qi, q->list->n_choices);
    for (int c = 0; c < q->list->n_choices; c++) {
        if (q->appearance != APPEARANCE_MAT) {
            if (flow_is_chosen(b->flow, qi, c))
                answer_add(&a, &q->list->choices[c]);
            continue;
        }
        int first = a.n;  /* the column's symbol, then the topics under it */
        answer_add(&a, &q->list->choices[c]);
        for (int t = 0; t < q->topics->n_choices; t++)
            if (flow_topic_place(b->flow, qi, t) == c)
                answer_add(&a, &q->topics->choices[t]);
        if (a.n == first + 1)
            a.n = first;
    }
    return a;
}

static bool all_have_symbols(const ReviewAnswer *a)
{
    for (int i = 0; i < a->n; i++)
        if (!a->items[i]->image || !a->items[i]->image[0])
            return false;
    return true;
}

/* Words on a review row: the answer, or "Skipped" when there is none. */
static void review_text(UiBuild *b, const char *text, UiRect area)
{
    UiElement *el = screen_body(b, area, text[0] ? text : screen_word(b, STR_REVIEW_SKIPPED));
    if (el)
        el->flags |= UI_ALIGN_LEFT | UI_COMPACT | (text[0] ? 0 : UI_MUTED);
}

static void review_words(UiBuild *b, int qi, const ReviewAnswer *a, UiRect area)
{
    char text[UI_TEXT_SIZE] = "";
    for (int i = 0; i < a->n; i++) {
        size_t len = strlen(text);
        snprintf(text + len, sizeof text - len, "%s%s", i ? ", " : "", screen_text(b, &a->items[i]->label));
    }
    if (a->other) {
        size_t len = strlen(text);
        const char *words = flow_other_text(b->flow, qi);
        snprintf(text + len, sizeof text - len, "%s%s%s%s", a->n ? ", " : "", screen_word(b, STR_OTHER),
                 words[0] ? ": " : "", words);
    }
    review_text(b, text, area);
}

static void review_symbols(UiBuild *b, const ReviewAnswer *a, UiRect area)
{
    int side = area.h;
    if (side * a->n + b->gap * (a->n - 1) > area.w)
        side = (area.w - b->gap * (a->n - 1)) / a->n;
    UiRect r = layout_rect(area.x, area.y + (area.h - side) / 2, side, side);
    for (int i = 0; i < a->n; i++) {
        UiElement *el = ui_elements_add(b->els, UI_MINI, NULL, r);
        if (el)
            screen_survey_symbol(b, a->items[i]->image, el->symbol);
        r.x += side + b->gap;
    }
}

/* A spoken answer: the record symbol and its length, or "Skipped". */
static void review_spoken(UiBuild *b, int qi, UiRect area)
{
    size_t size;
    int ms = 0;
    if (!flow_recording(b->flow, qi, &size, &ms)) {
        review_text(b, "", area);
        return;
    }
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_take_left(&area, area.h, b->gap * 2));
    if (sym)
        screen_builtin_symbol(b, "record", sym->symbol);
    char text[32];
    snprintf(text, sizeof text, "%d:%02d", ms / 60000, ms / 1000 % 60);
    UiElement *t = screen_body(b, area, text);
    if (t)
        t->flags |= UI_ALIGN_LEFT | UI_COMPACT;
}

static void review_row(UiBuild *b, int qi, UiRect row, bool stacked)
{
    const SurveyQuestion *q = &b->survey->questions[qi];
    UiElement *el = ui_elements_add(b->els, UI_ROW, q->name, row);
    if (!el)
        return;
    ReviewAnswer a = review_answer(b, qi);
    char label_text[UI_TEXT_SIZE];
    screen_fill(b, &q->label, label_text, sizeof label_text);
    ui_element_set_text(el, label_text);
    UiRect inner = layout_inset(row, b->gap);
    UiElement *change = screen_body(b, layout_take_right(&inner, b->unit * 2, b->gap), screen_word(b, STR_REVIEW_CHANGE));
    if (change) {
        change->flags |= UI_MUTED | UI_COMPACT;
        change->text_max_px = b->unit * 2 / 5;
    }
    /* Wide rows: symbol, words, answer in a line. Otherwise the question
     * above its answer, so both keep a readable size. */
    UiRect question = stacked ? layout_take_top(&inner, inner.h * 38 / 100, b->gap)
                                  : layout_take_left(&inner, inner.h + inner.w * 30 / 100, b->gap * 2);
    if (q->image && q->image[0]) {
        UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL,
                                         layout_take_left(&question, question.h, b->gap * 2));
        if (sym)
            screen_survey_symbol(b, q->image, sym->symbol);
    }
    UiElement *label = screen_body(b, question, label_text);
    if (label) {
        label->flags |= UI_ALIGN_LEFT | UI_COMPACT;
        label->text_max_px = b->unit * 2 / 5;  /* one size for every row */
    }
    if (q->type == QUESTION_AUDIO) {
        review_spoken(b, qi, inner);
        return;
    }
    if (!q->list) {  /* words, a number, a date, OK: as a person reads them */
        char text[UI_TEXT_SIZE], ref[UI_ID_SIZE + 4];
        SurveyText own = {{NULL}};
        snprintf(ref, sizeof ref, "${%s}", q->name);
        own.by_language[b->language] = ref;
        screen_fill(b, &own, text, sizeof text);
        review_text(b, text, inner);
        return;
    }
    if (a.n > 0 && !a.other && all_have_symbols(&a))
        review_symbols(b, &a, layout_inset(inner, b->gap / 2));
    else
        review_words(b, qi, &a, inner);
}

void screen_review(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN | FRAME_STOP | FRAME_BACK | FRAME_FINISH);
    screen_title(b, &area, "review", screen_word(b, STR_REVIEW_TITLE));
    int n = 0, shown[b->survey->n_questions + 1];
    for (int q = 0; q < b->survey->n_questions; q++)  /* the questions asked, and answerable */
        if (b->survey->questions[q].type != QUESTION_NOTE && survey_question_is_shown(&b->survey->questions[q]) &&
            flow_is_relevant(b->flow, q))
            shown[n++] = q;
    /* One column of rows; two when rows would fall under 1.25 targets. */
    int min_row = b->unit * 5 / 4;
    int per_column = (area.h + b->gap) / (min_row + b->gap);
    int columns = per_column > 0 && n > per_column ? 2 : 1;
    int per = (n + columns - 1) / columns;
    UiRect halves[2], rows[2 * (n > 0 ? n : 1)];
    layout_row(area, columns, b->gap * 2, halves);
    for (int c = 0; c < columns; c++)
        layout_column(halves[c], per, b->gap, rows + c * per);
    for (int i = 0; i < n; i++)
        review_row(b, shown[i], rows[i], b->portrait || columns > 1);
    screen_set_prompt(b, "%s", screen_word(b, STR_REVIEW_PROMPT));
}
