/* export_html_internal.h: the pieces the HTML report is made of, shared by
 * export_html.c (what the report says), export_html_charts.c (how its
 * charts are drawn as inline SVG) and export_html_parts.c (counting,
 * escaping and inlining pictures). Not for use outside src/export. */
#ifndef SAYSO_EXPORT_HTML_INTERNAL_H
#define SAYSO_EXPORT_HTML_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>

#include "survey/survey.h"

/* ---- counting by name (export_html_parts.c) ---- */

typedef struct {
    char *key;
    int count;
} HtmlTally;

/* Counts by key, in the order keys were first seen. Lookups are O(n):
 * a report has tens to a few hundred keys of each kind. */
typedef struct {
    HtmlTally *items;
    int n, cap;
} HtmlTallies;

/* Adds `by` to `key`'s count, making the key when it is new. 0 or -1
 * (out of memory). */
int html_tally_add(HtmlTallies *t, const char *key, int by);
/* The count of `key`, 0 when it was never added. */
int html_tally_count(const HtmlTallies *t, const char *key);
/* The largest count (0 when empty). */
int html_tally_max(const HtmlTallies *t);
void html_tallies_free(HtmlTallies *t);

/* One entry of a list being ranked: its place in the list, its count. */
typedef struct {
    int index, count;
} HtmlRank;

/* qsort's order for HtmlRank: the largest count first, then list order. */
int html_rank_most_first(const void *a, const void *b);

/* ---- writing (export_html_parts.c) ---- */

/* A picture read once and inlined wherever it is used. */
typedef struct {
    char *name;     /* the image name as the survey gives it */
    char *attrs;    /* SVG: its opening tag's attributes, less width/height/x/y */
    char *body;     /* SVG: everything after the opening tag, "</svg>" included */
    char *data_uri; /* PNG, JPEG, GIF, WebP: "data:image/png;base64,..." */
} HtmlPicture;

/* Where the report is being written, and what it has read so far. */
typedef struct {
    FILE *out;
    const Survey *survey;            /* may be NULL: names only, no pictures */
    const char *const *symbol_dirs;  /* may be NULL */
    int lang;                        /* the survey's default language */
    HtmlPicture *pictures;
    int n_pictures, cap_pictures;
    int seq;                         /* numbers the ids made in the page */
} HtmlOut;

void html_out_free(HtmlOut *h);

/* Writes `s` with & < > " ' escaped: safe in text and in quoted attributes.
 * NULL writes nothing. */
void html_text(HtmlOut *h, const char *s);

/* Writes the picture `image` (an image name of the survey, found as the
 * kiosk finds it: survey folder, symbol packs, assets/symbols) as a
 * `size` px square: an SVG inlined whole, or any other picture as a data:
 * URI. Inside an SVG (`in_svg`) it is placed at (x, y). `title` shows on
 * hover; screen readers skip the picture, since its words stand beside it.
 * Writes nothing when the picture is not found, cannot be read, or could
 * reach outside the file (scripts, links to the network). */
void html_picture(HtmlOut *h, const char *image, int size, const char *title, bool in_svg,
                  double x, double y);

/* "12%": `part` of `whole`, rounded; "–" when `whole` is 0. */
void html_percent(char *out, size_t size, int part, int whole);

/* ---- charts (export_html_charts.c) ---- */

/* How a bar segment is filled: a colour and a pattern, so colour is never
 * the only thing telling segments apart. */
typedef enum { HTML_SOLID, HTML_STRIPES, HTML_DOTS, HTML_CROSS } HtmlPattern;

typedef struct {
    const char *label;  /* "Good", "Stopped early" */
    int count;
    const char *colour; /* "#2E7D32" */
    HtmlPattern pattern;
    const char *image;  /* a symbol shown in the legend, or NULL */
} HtmlSegment;

/* A plain horizontal bar, `count` of `max` long, filling its table cell.
 * `title` is its hover text; screen readers skip it (the numbers are in
 * the cells beside it). */
void html_bar(HtmlOut *h, int count, int max, const char *colour, const char *title);

/* One stacked bar of `n` segments out of `total` (what is left stays
 * white, outlined), each segment's count written on it where it fits.
 * `width` is about the width in pixels it will be shown at, so its
 * numbers come out at the page's text size. `label` is read by screen
 * readers and shown on hover. */
void html_stack(HtmlOut *h, const HtmlSegment *segs, int n, int total, int width, const char *label);

/* A legend: a swatch (colour and pattern), the symbol (if any) and the
 * label of each segment, with the count when `with_counts`. */
void html_legend(HtmlOut *h, const HtmlSegment *segs, int n, bool with_counts);

/* One rung (or the choice beside the ladder) of the ladder chart. */
typedef struct {
    const char *image; /* may be NULL */
    const char *label;
    int count;
} HtmlRung;

/* The ladder question drawn as a ladder: `rungs[0]` is the lowest rung,
 * each with its symbol, label and count as a bar out of `reached`;
 * `beside` (NULL when none) is drawn next to the ladder, off it. */
void html_ladder(HtmlOut *h, const HtmlRung *rungs, int n, const HtmlRung *beside, int reached,
                 const char *label);

/* A column chart of `n` counts with their labels under them (sessions per
 * day). `label` is read by screen readers. */
void html_columns(HtmlOut *h, const char *const *labels, const int *counts, int n,
                  const char *label);

/* ---- what the report counts (export_html.c) ---- */

#define HTML_SEP "\x1f" /* between the parts of a tally key */
#define HTML_SKIP "\x01" /* the choice part of a skipped row's key */
#define HTML_NOT_REACHED "\x02" /* ... and of a mat topic never reached */

/* Everything read from the snapshot, counted. Keys of `picks` are
 * "QUESTION<SEP>TOPIC<SEP>CHOICE" (TOPIC empty outside a mat, CHOICE
 * HTML_SKIP for a skip, HTML_NOT_REACHED for a mat topic never reached);
 * of `typed` "QUESTION<SEP>WORDS". */
typedef struct {
    HtmlOut h;
    int sessions, answers;
    int finished, stopped, timeout, open; /* how sessions ended; open: no end recorded */
    char first_day[11], last_day[11];     /* "YYYY-MM-DD" (UTC) of the first and last session */
    HtmlTallies kiosks, surveys, languages, inputs, modes, groups, days;
    HtmlTallies stopped_at; /* question name ("" for none) -> sessions not finished there */
    HtmlTallies reached;    /* question name -> sessions with any answer row for it */
    HtmlTallies picks;      /* see above -> answer rows */
    HtmlTallies kept;       /* question name -> spoken answers kept */
    HtmlTallies typed;      /* see above -> sessions that typed those words */
    HtmlTallies values;     /* "QUESTION<SEP>VALUE" (a number, a date, OK, ...) -> answers */
    HtmlTallies others;     /* questions answered that the survey does not have */
    /* by venue (a report from the central store; export_html_venues.c) */
    bool by_venue;
    char venue_now[256];       /* the venue of the session being counted */
    HtmlTallies venues;        /* venue -> sessions, in the order first met */
    HtmlTallies venue_finished; /* venue -> sessions finished */
    HtmlTallies venue_reached; /* "VENUE<SEP>QUESTION" -> sessions that reached it */
    HtmlTallies venue_picks;   /* "VENUE<SEP>" + a `picks` key -> answer rows */
} HtmlReport;

/* Notes the venue of the session about to be counted (NULL: none
 * recorded) and how it ended. 0, or -1 when out of memory. */
int html_venue_session(HtmlReport *r, const char *venue, bool finished);

/* Adds 1 to `key` under the current session's venue in `t`
 * (venue_reached, venue_picks). 0 or -1. */
int html_venue_add(HtmlReport *r, HtmlTallies *t, const char *key);

/* The "By venue" section (nothing unless by_venue). */
void html_venues(HtmlReport *r);

/* The per-question sections (export_html_questions.c), in survey order,
 * then any questions the survey does not have. */
void html_questions(HtmlReport *r);

/* The typed values of integer, decimal, date, acknowledge, phone and
 * calculate questions (export_html_values.c): numbers as lowest, middle
 * and highest with how often each came, dates as earliest and latest by
 * month, OKs counted; phone numbers only counted (they are in the csv and
 * jsonl exports, not on a page that is printed and passed round). */
void html_write_values(HtmlReport *r, const SurveyQuestion *q, int reached);
/* Its line in "What people said most". */
void html_value_headline(HtmlReport *r, const SurveyQuestion *q);
/* Whether the report shows `q` in its own section (not notes and metadata). */
bool html_is_reported(const SurveyQuestion *q);

/* "2026-11-03" as "3 November 2026" (as it is, when it is not a date). */
void html_long_date(char *out, size_t size, const char *day);

/* "What people said most": one line per question, linking to its section
 * (the most chosen answer; for a mat, the topic most often under each
 * column). Nothing without a survey or sessions. */
void html_headlines(HtmlReport *r);

/* A table of `t`'s counts (largest first when `ranked`, else in `t`'s
 * order) under the column heading `caption`, each key shown through
 * `name` (which returns `key`, a constant, or `buf` filled), with bars and
 * percentages of `whole` sessions. */
typedef const char *(*HtmlNameFn)(const HtmlReport *r, const char *key, char *buf, size_t size);
void html_count_table(HtmlReport *r, const char *caption, const HtmlTallies *t, HtmlNameFn name,
                      int whole, bool ranked);

#endif
