/* export_html_questions.c: one section of the HTML report per question.
 *
 * Each kind is shown the way a manager reads it fastest: choices as bars
 * with their symbols (most chosen first, except faces, which keep their
 * order), the mat as one stacked bar per topic with the numbers beside it,
 * the ladder drawn as a ladder, spoken answers as how many were kept, and
 * typed answers listed as typed. Percentages are of the sessions that
 * reached the question (that have any answer or skip for it), so a
 * question late in the survey is not made to look unpopular by people who
 * stopped before it. Answers to questions the survey no longer has are
 * shown by name at the end, so nothing in the database is left out. */
#include "export/export_html_internal.h"

#include <stdlib.h>
#include <string.h>

#define HTML_SKIPPED_GREY "#BDBDBD"
#define HTML_NOT_REACHED_GREY "#E6E6E6"

/* The mat's column colours, told apart by pattern too. */
static const HtmlSegment mat_palette[] = {
    {NULL, 0, "#2E7D32", HTML_SOLID, NULL},   {NULL, 0, "#B26A00", HTML_STRIPES, NULL},
    {NULL, 0, "#C62828", HTML_DOTS, NULL},    {NULL, 0, "#0B4AA2", HTML_CROSS, NULL},
    {NULL, 0, "#6A1B9A", HTML_SOLID, NULL},   {NULL, 0, "#00695C", HTML_STRIPES, NULL},
};
#define MAT_COLOURS ((int)(sizeof mat_palette / sizeof mat_palette[0]))

static int pick(const HtmlReport *r, const char *question, const char *topic, const char *choice)
{
    char key[1024];
    snprintf(key, sizeof key, "%s" HTML_SEP "%s" HTML_SEP "%s", question, topic ? topic : "", choice);
    return html_tally_count(&r->picks, key);
}

static const char *text_of(const HtmlReport *r, const SurveyText *t, const char *fallback)
{
    const char *s = survey_text(r->h.survey, t, r->h.lang);
    return s && s[0] ? s : fallback;
}

static const char *kind_words(const SurveyQuestion *q)
{
    static const char *const words[] = {
        [QUESTION_AUDIO] = "Spoken answer", [QUESTION_TEXT] = "Typed answer",
        [QUESTION_INTEGER] = "A whole number", [QUESTION_DECIMAL] = "A number",
        [QUESTION_PHONE] = "A phone number", [QUESTION_DATE] = "A date",
        [QUESTION_ACKNOWLEDGE] = "OK to say they read it", [QUESTION_CALCULATE] = "Worked out by the form",
    };
    if (q->type < sizeof words / sizeof words[0] && words[q->type])
        return words[q->type];
    switch (q->appearance) {
    case APPEARANCE_MAT: return "Mat: each topic placed in a column";
    case APPEARANCE_LADDER: return "Ladder: one rung chosen";
    case APPEARANCE_SCALE: return "Faces: one chosen";
    default: return q->type == QUESTION_SELECT_MULTIPLE ? "Choose any: as many as they like" : "Choose one";
    }
}

static void write_skipped(HtmlReport *r, const char *question, int reached)
{
    char pct[16];
    int n = pick(r, question, NULL, HTML_SKIP);
    html_percent(pct, sizeof pct, n, reached);
    fprintf(r->h.out, "<p class=\"meta\">Skipped this question: <strong>%d</strong> (%s).</p>\n", n, pct);
}

/* ---- choices ---- */

static void choice_row(HtmlReport *r, const char *image, const char *label, int count, int reached,
                       bool skip_row)
{
    char pct[16];
    html_percent(pct, sizeof pct, count, reached);
    fprintf(r->h.out, "<tr%s><td class=\"sym\">", skip_row ? " class=\"skiprow\"" : "");
    html_picture(&r->h, image, 44, label, false, 0, 0);
    fputs("</td><th scope=\"row\">", r->h.out);
    html_text(&r->h, label);
    fputs("</th><td class=\"barcell\">", r->h.out);
    html_bar(&r->h, count, reached, skip_row ? "#757575" : "#0B4AA2", label);
    fprintf(r->h.out, "</td><td class=\"num\">%d</td><td class=\"num\">%s</td></tr>\n", count, pct);
}

/* Rows for choices in the database that the list does not have (an older
 * version of the survey): shown by name. */
static void other_choice_rows(HtmlReport *r, const SurveyQuestion *q, int reached)
{
    char prefix[300];
    int n = snprintf(prefix, sizeof prefix, "%s" HTML_SEP HTML_SEP, q->name);
    for (int i = 0; i < r->picks.n; i++) {
        const char *key = r->picks.items[i].key;
        if (strncmp(key, prefix, (size_t)n) != 0 || strcmp(key + n, HTML_SKIP) == 0 ||
            survey_choice_index(q->list, key + n) >= 0)
            continue;
        bool other = q->or_other && strcmp(key + n, "other") == 0;
        choice_row(r, NULL, other ? "Other, in their own words" : key + n, r->picks.items[i].count, reached, false);
    }
}

static void typed_list(HtmlReport *r, const char *question);

/* or_other: what people typed for "Other", and how many said it. */
static void write_other_words(HtmlReport *r, const SurveyQuestion *q)
{
    char key[300];
    snprintf(key, sizeof key, "%s:other", q->name);
    fputs("<h3>Other, in their own words</h3>\n", r->h.out);
    typed_list(r, key);
    int kept = html_tally_count(&r->kept, q->name);
    if (kept > 0)
        fprintf(r->h.out, "<p class=\"words\"><strong>%d</strong> said it aloud (recordings in the export).</p>\n",
                kept);
}

static void write_choices(HtmlReport *r, const SurveyQuestion *q, int reached)
{
    const SurveyList *list = q->list;
    HtmlRank *order = calloc((size_t)list->n_choices + 1, sizeof *order);
    if (!order)
        return;
    for (int c = 0; c < list->n_choices; c++)
        order[c] = (HtmlRank){c, pick(r, q->name, NULL, list->choices[c].name)};
    if (q->appearance == APPEARANCE_GRID)
        qsort(order, (size_t)list->n_choices, sizeof *order, html_rank_most_first);
    fprintf(r->h.out, "<table>\n<thead><tr><th scope=\"col\" colspan=\"2\">Answer</th><th scope=\"col\">"
            "<span class=\"vh\">Bar</span></th><th scope=\"col\" class=\"num\">Sessions</th>"
            "<th scope=\"col\" class=\"num\">%% of %d</th></tr></thead>\n<tbody>\n", reached);
    for (int i = 0; i < list->n_choices; i++) {
        const SurveyChoice *c = &list->choices[order[i].index];
        choice_row(r, c->image, text_of(r, &c->label, c->name), order[i].count, reached, false);
    }
    other_choice_rows(r, q, reached);
    choice_row(r, NULL, "Skipped this question", pick(r, q->name, NULL, HTML_SKIP), reached, true);
    fputs("</tbody>\n</table>\n", r->h.out);
    if (q->type == QUESTION_SELECT_MULTIPLE)
        fputs("<p class=\"meta\">People could choose more than one, so the percentages add up to more "
              "than 100%.</p>\n", r->h.out);
    if (q->or_other)
        write_other_words(r, q);
    free(order);
}

/* ---- the mat ---- */

static void mat_segments(HtmlReport *r, const SurveyQuestion *q, HtmlSegment *segs)
{
    int n = q->list->n_choices;
    for (int c = 0; c < n; c++) {
        int colour = n == 2 ? c * 2 : c % MAT_COLOURS;  /* two columns: the good and bad colours */
        segs[c] = mat_palette[colour];
        segs[c].label = text_of(r, &q->list->choices[c].label, q->list->choices[c].name);
        segs[c].image = q->list->choices[c].image;
    }
    segs[n] = (HtmlSegment){"Skipped", 0, HTML_SKIPPED_GREY, HTML_CROSS, NULL};
    segs[n + 1] = (HtmlSegment){"Not reached", 0, HTML_NOT_REACHED_GREY, HTML_STRIPES, NULL};
}

/* The choice part of segment `c`'s tally key: a column, skipped, or not reached. */
static const char *mat_key(const SurveyQuestion *q, int c)
{
    int n = q->list->n_choices;
    return c < n ? q->list->choices[c].name : c == n ? HTML_SKIP : HTML_NOT_REACHED;
}

static void mat_row(HtmlReport *r, const SurveyQuestion *q, const SurveyChoice *topic, HtmlSegment *segs,
                    int reached)
{
    int n = q->list->n_choices;
    char label[1024];
    const char *name = text_of(r, &topic->label, topic->name);
    int len = snprintf(label, sizeof label, "%s:", name);
    for (int c = 0; c <= n + 1; c++) {
        segs[c].count = pick(r, q->name, topic->name, mat_key(q, c));
        if (len > 0 && (size_t)len < sizeof label)
            len += snprintf(label + len, sizeof label - (size_t)len, "%s %s %d", c ? "," : "",
                            segs[c].label, segs[c].count);
    }
    fputs("<tr><td class=\"sym\">", r->h.out);
    html_picture(&r->h, topic->image, 44, name, false, 0, 0);
    fputs("</td><th scope=\"row\">", r->h.out);
    html_text(&r->h, name);
    fputs("</th><td class=\"stackcell\">", r->h.out);
    html_stack(&r->h, segs, n + 2, reached, 380, label);
    fputs("</td>", r->h.out);
    for (int c = 0; c <= n + 1; c++)
        fprintf(r->h.out, "<td class=\"num\">%d</td>", segs[c].count);
    fputs("</tr>\n", r->h.out);
}

static void write_mat(HtmlReport *r, const SurveyQuestion *q, int reached)
{
    int n = q->list->n_choices;
    HtmlSegment *segs = calloc((size_t)n + 2, sizeof *segs);
    if (!segs)
        return;
    mat_segments(r, q, segs);
    html_legend(&r->h, segs, n + 2, false);
    fprintf(r->h.out, "<table>\n<thead><tr><th scope=\"col\" colspan=\"2\">Topic</th><th scope=\"col\">"
            "Placed, out of %d sessions</th>", reached);
    for (int c = 0; c <= n + 1; c++) {
        fputs("<th scope=\"col\" class=\"num\">", r->h.out);
        html_text(&r->h, segs[c].label);
        fputs("</th>", r->h.out);
    }
    fputs("</tr></thead>\n<tbody>\n", r->h.out);
    for (int t = 0; t < q->topics->n_choices; t++)
        mat_row(r, q, &q->topics->choices[t], segs, reached);
    fputs("</tbody>\n</table>\n<p class=\"meta\">Each bar is the sessions that reached this question. "
          "Skipped: the person chose to skip the topic. Not reached: they went on, or stopped, before "
          "it; what is left white is the same, from kiosks older than this report.</p>\n", r->h.out);
    free(segs);
}

/* ---- the ladder ---- */

static void write_ladder(HtmlReport *r, const SurveyQuestion *q, int reached)
{
    const SurveyList *list = q->list;
    HtmlRung *rungs = calloc((size_t)list->n_choices + 1, sizeof *rungs), beside = {0};
    char label[2048] = "Ladder, lowest rung first:";
    int n = 0;
    bool has_beside = false;
    if (!rungs)
        return;
    for (int c = 0; c < list->n_choices; c++) {
        const SurveyChoice *ch = &list->choices[c];
        HtmlRung rung = {ch->image, text_of(r, &ch->label, ch->name), pick(r, q->name, NULL, ch->name)};
        bool off = q->off_ladder && strcmp(q->off_ladder, ch->name) == 0;
        size_t len = strlen(label);
        snprintf(label + len, sizeof label - len, "%s %s %d", off ? "; beside the ladder:" : n ? "," : "",
                 rung.label, rung.count);
        if (off) {
            beside = rung;
            has_beside = true;
        } else {
            rungs[n++] = rung;
        }
    }
    html_ladder(&r->h, rungs, n, has_beside ? &beside : NULL, reached, label);
    write_skipped(r, q->name, reached);
    free(rungs);
}

/* ---- spoken and typed answers ---- */

static void write_kept(HtmlReport *r, const SurveyQuestion *q, int reached, const char *intro)
{
    char pct[16];
    int kept = html_tally_count(&r->kept, q->name);
    html_percent(pct, sizeof pct, kept, reached);
    fprintf(r->h.out, "<p class=\"words\">%s<strong>%d</strong> spoken answer%s kept (%s of those who "
            "reached it).</p>\n", intro, kept, kept == 1 ? "" : "s", pct);
}

static void write_audio(HtmlReport *r, const SurveyQuestion *q, int reached)
{
    write_kept(r, q, reached, "");
    write_skipped(r, q->name, reached);
}

/* The sum of the counts of `t`'s keys that start with `prefix`. */
static int count_prefix(const HtmlTallies *t, const char *prefix)
{
    size_t n = strlen(prefix);
    int total = 0;
    for (int i = 0; i < t->n; i++)
        if (strncmp(t->items[i].key, prefix, n) == 0)
            total += t->items[i].count;
    return total;
}

/* The typed answers to `question` as a list, each as typed (escaped),
 * with how many times it was typed when more than once. */
static void typed_list(HtmlReport *r, const char *question)
{
    char prefix[300];
    int n = snprintf(prefix, sizeof prefix, "%s" HTML_SEP, question);
    int total = count_prefix(&r->typed, prefix);
    fprintf(r->h.out, "<p class=\"words\"><strong>%d</strong> typed answer%s%s</p>\n", total,
            total == 1 ? "" : "s", total ? ", as typed:" : ".");
    if (total == 0)
        return;
    fputs("<ul class=\"typed\">\n", r->h.out);
    for (int i = 0; i < r->typed.n; i++) {
        const HtmlTally *t = &r->typed.items[i];
        if (strncmp(t->key, prefix, (size_t)n) != 0)
            continue;
        fputs("<li dir=\"auto\">", r->h.out);
        html_text(&r->h, t->key + n);
        if (t->count > 1)
            fprintf(r->h.out, " <em>(%d times)</em>", t->count);
        fputs("</li>\n", r->h.out);
    }
    fputs("</ul>\n", r->h.out);
}

static void write_typed(HtmlReport *r, const SurveyQuestion *q, int reached)
{
    typed_list(r, q->name);
    write_skipped(r, q->name, reached);
}

/* ---- headlines ---- */

/* The most chosen of `list` for (question, topic): its index, or -1 when
 * nothing was chosen. */
static int most_chosen(const HtmlReport *r, const char *question, const char *topic,
                       const SurveyList *list, int *count)
{
    int best = -1;
    *count = 0;
    for (int c = 0; c < list->n_choices; c++) {
        int n = pick(r, question, topic, list->choices[c].name);
        if (n > *count) {
            *count = n;
            best = c;
        }
    }
    return best;
}

static void headline_item(HtmlReport *r, const SurveyChoice *c, int count, int reached)
{
    char pct[16];
    html_percent(pct, sizeof pct, count, reached);
    html_picture(&r->h, c->image, 32, NULL, false, 0, 0);
    fputs(" <strong>", r->h.out);
    html_text(&r->h, text_of(r, &c->label, c->name));
    fprintf(r->h.out, "</strong> (%d session%s, %s)", count, count == 1 ? "" : "s", pct);
}

/* For a mat: under each column, the topic placed there most often. */
static void headline_mat(HtmlReport *r, const SurveyQuestion *q, int reached)
{
    for (int c = 0; c < q->list->n_choices; c++) {
        int best = -1, count = 0;
        for (int t = 0; t < q->topics->n_choices; t++) {
            int n = pick(r, q->name, q->topics->choices[t].name, q->list->choices[c].name);
            if (n > count) {
                count = n;
                best = t;
            }
        }
        fputs(c ? "; " : "", r->h.out);
        html_text(&r->h, text_of(r, &q->list->choices[c].label, q->list->choices[c].name));
        fputs(" most often: ", r->h.out);
        if (best < 0)
            fputs("none", r->h.out);
        else
            headline_item(r, &q->topics->choices[best], count, reached);
    }
}

static void headline(HtmlReport *r, const SurveyQuestion *q, int number)
{
    int reached = html_tally_count(&r->reached, q->name), count = 0;
    fprintf(r->h.out, "<li><a href=\"#q-");
    html_text(&r->h, q->name);
    fprintf(r->h.out, "\">%d. ", number);
    html_text(&r->h, text_of(r, &q->label, q->name));
    fputs("</a><br>", r->h.out);
    if (reached == 0) {
        fputs("No one reached it.", r->h.out);
    } else if (!q->list && q->type != QUESTION_AUDIO && q->type != QUESTION_TEXT) {
        html_value_headline(r, q);
    } else if (q->type == QUESTION_AUDIO || q->type == QUESTION_TEXT) {
        int n = q->type == QUESTION_AUDIO ? html_tally_count(&r->kept, q->name) : 0;
        if (q->type == QUESTION_TEXT) {
            char prefix[300];
            snprintf(prefix, sizeof prefix, "%s" HTML_SEP, q->name);
            n = count_prefix(&r->typed, prefix);
        }
        fprintf(r->h.out, "%d %s answer%s", n, q->type == QUESTION_AUDIO ? "spoken" : "typed", n == 1 ? "" : "s");
    } else if (q->appearance == APPEARANCE_MAT && q->topics) {
        headline_mat(r, q, reached);
    } else {
        int best = most_chosen(r, q->name, NULL, q->list, &count);
        int other = q->or_other ? pick(r, q->name, NULL, "other") : 0;
        fputs("Most chosen: ", r->h.out);
        if (other > count)
            fprintf(r->h.out, "<strong>Other</strong>, in their own words (%d session%s)", other, other == 1 ? "" : "s");
        else if (best < 0)
            fputs("nothing chosen yet", r->h.out);
        else
            headline_item(r, &q->list->choices[best], count, reached);
    }
    if (reached > 0 && q->spoken_answer)
        fprintf(r->h.out, "; %d in their own words", html_tally_count(&r->kept, q->name));
    fputs("</li>\n", r->h.out);
}

void html_headlines(HtmlReport *r)
{
    int number = 0;
    if (!r->h.survey || r->sessions == 0)
        return;
    fputs("<h3>What people said most</h3>\n<ul class=\"headlines\">\n", r->h.out);
    for (int q = 0; q < r->h.survey->n_questions; q++) {
        const SurveyQuestion *sq = &r->h.survey->questions[q];
        if (html_is_reported(sq))
            headline(r, sq, ++number);
    }
    fputs("</ul>\n", r->h.out);
}

/* ---- sections ---- */

static void write_question(HtmlReport *r, const SurveyQuestion *q, int number)
{
    HtmlOut *h = &r->h;
    int reached = html_tally_count(&r->reached, q->name);
    const char *label = text_of(r, &q->label, q->name);
    fputs("<section class=\"q\" id=\"q-", h->out);
    html_text(h, q->name);
    fputs("\" aria-labelledby=\"q-", h->out);
    html_text(h, q->name);
    fputs("-h\">\n<h2 id=\"q-", h->out);
    html_text(h, q->name);
    fputs("-h\">", h->out);
    html_picture(h, q->image, 56, NULL, false, 0, 0);
    fprintf(h->out, "<span>%d. ", number);
    html_text(h, label);
    fprintf(h->out, "</span></h2>\n<p class=\"meta\">%s · <strong>%d</strong> of %d sessions reached this "
            "question</p>\n", kind_words(q), reached, r->sessions);
    if (reached == 0)
        fputs("<p>No one has reached this question yet.</p>\n", h->out);
    else if (q->type == QUESTION_AUDIO)
        write_audio(r, q, reached);
    else if (q->type == QUESTION_TEXT)
        write_typed(r, q, reached);
    else if (!q->list)
        html_write_values(r, q, reached);
    else if (q->appearance == APPEARANCE_MAT && q->topics)
        write_mat(r, q, reached);
    else if (q->appearance == APPEARANCE_LADDER)
        write_ladder(r, q, reached);
    else
        write_choices(r, q, reached);
    if (reached > 0 && q->spoken_answer)
        write_kept(r, q, reached, "<strong>In their own words:</strong> ");
    fputs("</section>\n", h->out);
}

static const char *key_as_is(const HtmlReport *r, const char *key, char *buf, size_t size)
{
    return key;
}

/* A question the survey does not have: its answers by name. */
static void write_other(HtmlReport *r, const char *name)
{
    HtmlTallies rows = {0};
    char prefix[300], shown[600];
    int n = snprintf(prefix, sizeof prefix, "%s" HTML_SEP, name);
    for (int i = 0; i < r->picks.n; i++) {
        const char *key = r->picks.items[i].key;
        if (strncmp(key, prefix, (size_t)n) != 0)
            continue;
        const char *topic = key + n, *sep = strstr(topic, HTML_SEP), *choice = sep ? sep + 1 : "";
        bool skip = strcmp(choice, HTML_SKIP) == 0, unreached = strcmp(choice, HTML_NOT_REACHED) == 0;
        snprintf(shown, sizeof shown, "%.*s%s%s", (int)(sep ? sep - topic : 0), topic,
                 sep && sep > topic ? ": " : "", skip ? "skipped" : unreached ? "not reached" : choice);
        if (html_tally_add(&rows, shown, r->picks.items[i].count) != 0)
            break;
    }
    int reached = html_tally_count(&r->reached, name), kept = html_tally_count(&r->kept, name);
    fputs("<h3>", r->h.out);
    html_text(&r->h, name);
    fprintf(r->h.out, "</h3>\n<p class=\"meta\">%d session%s answered.</p>\n", reached, reached == 1 ? "" : "s");
    if (rows.n > 0)
        html_count_table(r, "Answer", &rows, key_as_is, reached, true);
    html_tallies_free(&rows);
    if (kept > 0)
        fprintf(r->h.out, "<p class=\"words\"><strong>%d</strong> spoken answer%s kept.</p>\n", kept,
                kept == 1 ? "" : "s");
    if (count_prefix(&r->typed, prefix) > 0)
        typed_list(r, name);
}

/* A group's label, as a heading over its questions, where a group with
 * one begins (the innermost group with a label). */
static void group_heading(HtmlReport *r, const SurveyQuestion *q, int *shown)
{
    int g = q->group;
    while (g >= 0 && !text_of(r, &r->h.survey->groups[g].label, "")[0])
        g = r->h.survey->groups[g].parent;
    if (g == *shown)
        return;
    *shown = g;
    if (g < 0)
        return;
    fputs("<h2 class=\"group\">", r->h.out);
    html_text(&r->h, text_of(r, &r->h.survey->groups[g].label, r->h.survey->groups[g].name));
    fputs("</h2>\n", r->h.out);
}

void html_questions(HtmlReport *r)
{
    int number = 0, group = -1;
    for (int q = 0; r->h.survey && q < r->h.survey->n_questions; q++) {
        const SurveyQuestion *sq = &r->h.survey->questions[q];
        if (!html_is_reported(sq))
            continue;
        group_heading(r, sq, &group);
        write_question(r, sq, ++number);
    }
    if (r->others.n == 0)
        return;
    fprintf(r->h.out, "<section id=\"others\" aria-labelledby=\"others-h\">\n<h2 id=\"others-h\">%s</h2>\n",
            r->h.survey ? "Questions this survey no longer has" : "Answers by question");
    for (int i = 0; i < r->others.n; i++)
        write_other(r, r->others.items[i].key);
    fputs("</section>\n", r->h.out);
}
