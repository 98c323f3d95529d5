/* export_html_venues.c: the HTML report's section per venue, for a report
 * from the central store (`sayso export --from`).
 *
 * While the sessions are counted (export_html.c), each session's venue is
 * noted with how it ended, and each answer's tally key once more under its
 * venue, so that afterwards the section can put venues side by side:
 * sessions and completion per venue, then for each question a table whose
 * rows are the answers (for a mat, its topics with their columns stacked)
 * and whose columns are the venues, each cell a bar of the sessions of
 * that venue that reached the question. Counts only, as in the rest of
 * the report. */
#include "export/export_html_internal.h"

#include <stdlib.h>
#include <string.h>

#define HTML_NO_VENUE "No venue recorded"
#define VENUE_COLUMNS 6

/* A mat's columns, as the mat's own section colours them. */
static const HtmlSegment venue_palette[VENUE_COLUMNS] = {
    {NULL, 0, "#2E7D32", HTML_SOLID, NULL}, {NULL, 0, "#B26A00", HTML_STRIPES, NULL},
    {NULL, 0, "#C62828", HTML_DOTS, NULL},  {NULL, 0, "#0B4AA2", HTML_CROSS, NULL},
    {NULL, 0, "#6A1B9A", HTML_SOLID, NULL}, {NULL, 0, "#00695C", HTML_STRIPES, NULL},
};

/* The mat's columns as segments: labels and symbols, no counts yet. */
static int venue_mat_segments(const HtmlReport *r, const SurveyQuestion *q, HtmlSegment segs[VENUE_COLUMNS])
{
    int n = q->list->n_choices < VENUE_COLUMNS ? q->list->n_choices : VENUE_COLUMNS;
    for (int c = 0; c < n; c++) {
        segs[c] = venue_palette[c];
        segs[c].label = survey_text(r->h.survey, &q->list->choices[c].label, r->h.lang);
        segs[c].image = q->list->choices[c].image;
    }
    return n;
}

int html_venue_session(HtmlReport *r, const char *venue, bool finished)
{
    snprintf(r->venue_now, sizeof r->venue_now, "%s", venue && *venue ? venue : HTML_NO_VENUE);
    int rc = html_tally_add(&r->venues, r->venue_now, 1);
    return rc == 0 && finished ? html_tally_add(&r->venue_finished, r->venue_now, 1) : rc;
}

int html_venue_add(HtmlReport *r, HtmlTallies *t, const char *key)
{
    char full[1600];
    snprintf(full, sizeof full, "%s" HTML_SEP "%s", r->venue_now, key);
    return html_tally_add(t, full, 1);
}

/* The count of `key` under venue `venue` in `t`. */
static int venue_count(const HtmlTallies *t, const char *venue, const char *key)
{
    char full[1600];
    snprintf(full, sizeof full, "%s" HTML_SEP "%s", venue, key);
    return html_tally_count(t, full);
}

/* Equal columns for the venues, after the answer's symbol and words. */
static void venue_columns(HtmlReport *r)
{
    fputs("<colgroup><col class=\"symcol\"><col class=\"namecol\">", r->h.out);
    for (int v = 0; v < r->venues.n; v++)
        fputs("<col>", r->h.out);
    fputs("</colgroup>\n", r->h.out);
}

static void venue_heading_cells(HtmlReport *r)
{
    for (int v = 0; v < r->venues.n; v++) {
        fputs("<th scope=\"col\">", r->h.out);
        html_text(&r->h, r->venues.items[v].key);
        fputs("</th>", r->h.out);
    }
}

/* Sessions and how many finished, per venue. */
static void venue_overview(HtmlReport *r)
{
    fputs("<table>\n<thead><tr><th scope=\"col\">Venue</th><th scope=\"col\" class=\"num\">Sessions</th>"
          "<th scope=\"col\"><span class=\"vh\">Bar</span></th><th scope=\"col\" class=\"num\">Finished</th>"
          "</tr></thead>\n<tbody>\n", r->h.out);
    for (int v = 0; v < r->venues.n; v++) {
        const HtmlTally *t = &r->venues.items[v];
        int finished = html_tally_count(&r->venue_finished, t->key);
        char pct[16];
        html_percent(pct, sizeof pct, finished, t->count);
        fputs("<tr><th scope=\"row\">", r->h.out);
        html_text(&r->h, t->key);
        fprintf(r->h.out, "</th><td class=\"num\">%d</td><td class=\"barcell\">", t->count);
        html_bar(&r->h, finished, t->count, "#0B4AA2", t->key);
        fprintf(r->h.out, "</td><td class=\"num\">%d (%s)</td></tr>\n", finished, pct);
    }
    fputs("</tbody>\n</table>\n", r->h.out);
}

/* One answer's row: a bar in each venue's column. */
static void venue_choice_row(HtmlReport *r, const SurveyQuestion *q, const SurveyChoice *c)
{
    char key[1024];
    const char *label = survey_text(r->h.survey, &c->label, r->h.lang);
    snprintf(key, sizeof key, "%s" HTML_SEP HTML_SEP "%s", q->name, c->name);
    fputs("<tr><td class=\"sym\">", r->h.out);
    html_picture(&r->h, c->image, 36, label, false, 0, 0);
    fputs("</td><th scope=\"row\">", r->h.out);
    html_text(&r->h, label && *label ? label : c->name);
    fputs("</th>", r->h.out);
    for (int v = 0; v < r->venues.n; v++) {
        const char *venue = r->venues.items[v].key;
        int n = venue_count(&r->venue_picks, venue, key);
        int reached = venue_count(&r->venue_reached, venue, q->name);
        char pct[16];
        html_percent(pct, sizeof pct, n, reached);
        fputs("<td>", r->h.out);
        html_bar(&r->h, n, reached, "#0B4AA2", venue);
        fprintf(r->h.out, "<span class=\"num\">%d (%s)</span></td>", n, pct);
    }
    fputs("</tr>\n", r->h.out);
}

/* A mat's topic: each venue's columns stacked. */
static void venue_topic_row(HtmlReport *r, const SurveyQuestion *q, const SurveyChoice *topic)
{
    const char *label = survey_text(r->h.survey, &topic->label, r->h.lang);
    fputs("<tr><td class=\"sym\">", r->h.out);
    html_picture(&r->h, topic->image, 36, label, false, 0, 0);
    fputs("</td><th scope=\"row\">", r->h.out);
    html_text(&r->h, label && *label ? label : topic->name);
    fputs("</th>", r->h.out);
    for (int v = 0; v < r->venues.n; v++) {
        HtmlSegment segs[VENUE_COLUMNS];
        int n = venue_mat_segments(r, q, segs);
        for (int c = 0; c < n; c++) {
            char key[1024];
            snprintf(key, sizeof key, "%s" HTML_SEP "%s" HTML_SEP "%s", q->name, topic->name,
                     q->list->choices[c].name);
            segs[c].count = venue_count(&r->venue_picks, r->venues.items[v].key, key);
            segs[c].image = NULL;
        }
        fputs("<td>", r->h.out);
        html_stack(&r->h, segs, n, venue_count(&r->venue_reached, r->venues.items[v].key, q->name), 300,
                   r->venues.items[v].key);
        fputs("</td>", r->h.out);
    }
    fputs("</tr>\n", r->h.out);
}

static void venue_question(HtmlReport *r, const SurveyQuestion *q)
{
    bool mat = q->appearance == APPEARANCE_MAT && q->topics;
    const SurveyList *rows = mat ? q->topics : q->list;
    fputs("<div class=\"part\">\n<h3>", r->h.out);
    html_text(&r->h, survey_text(r->h.survey, &q->label, r->h.lang));
    fputs("</h3>\n<table class=\"byvenue\">\n", r->h.out);
    venue_columns(r);
    fputs("<thead><tr><th scope=\"col\" colspan=\"2\">Answer</th>", r->h.out);
    venue_heading_cells(r);
    fputs("</tr></thead>\n<tbody>\n", r->h.out);
    for (int i = 0; i < rows->n_choices; i++)
        (mat ? venue_topic_row : venue_choice_row)(r, q, &rows->choices[i]);
    fputs("</tbody>\n</table>\n", r->h.out);
    if (mat) {
        HtmlSegment legend[VENUE_COLUMNS];
        html_legend(&r->h, legend, venue_mat_segments(r, q, legend), false);
    }
    fputs("<p class=\"meta\">Each bar is out of that venue's sessions that reached this question.</p>\n</div>\n",
          r->h.out);
}

void html_venues(HtmlReport *r)
{
    if (!r->by_venue || r->sessions == 0)
        return;
    fputs("<section id=\"venues\" aria-labelledby=\"venues-h\">\n<h2 id=\"venues-h\">By venue</h2>\n"
          "<p class=\"meta\">Sessions and completion at each venue, then each question's answers venue by"
          " venue.</p>\n", r->h.out);
    venue_overview(r);
    for (int i = 0; r->h.survey && i < r->h.survey->n_questions; i++)
        if (r->h.survey->questions[i].list)
            venue_question(r, &r->h.survey->questions[i]);
    fputs("</section>\n", r->h.out);
}
