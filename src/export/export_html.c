/* export_html.c: the HTML report of `sayso export --format html`.
 *
 * One self-contained file a manager opens in any browser, or prints on A4:
 * what the sessions were (filters, dates, kiosks), how they went (finished,
 * stopped, timed out, and where those that did not finish stopped), who
 * came (sessions per day, languages, inputs, support, groups), then each
 * question's answers with the survey's own symbols.
 *
 * It is counted in one pass over one read-only snapshot (each session,
 * then its answers), so nothing is held per session or per answer, and
 * then written. The page has no script and fetches nothing: its
 * Content-Security-Policy forbids every load, so a stray reference shows
 * up as a console error rather than a silent leak.
 * Charts are drawn by export_html_charts.c, the question sections by
 * export_html_questions.c. */
#include "export/export.h"
#include "export/export_html_internal.h"
#include "export/export_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char html_style[] =
    "*{box-sizing:border-box}"
    "body{margin:0;background:#F3F5F8;color:#1A1A1A;font:17px/1.45 Andika,'Noto Sans','DejaVu Sans',Arial,sans-serif}"
    "header.top,main,footer{max-width:1000px;margin:0 auto;padding:0 20px}"
    "header.top{padding-top:20px}"
    ".kicker{margin:0;color:#3D4450;font-weight:700;letter-spacing:.04em;text-transform:uppercase;font-size:.85rem}"
    "h1{font-size:2.1rem;line-height:1.2;margin:.1rem 0 .6rem}"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.2rem;margin:0 0 18px;"
    "padding:14px 18px;background:#FFF;border:1px solid #C3C9D2;border-radius:8px}"
    "dl.facts dt{font-weight:700}dl.facts dd{margin:0}code{font-size:.9em}"
    "section{background:#FFF;border:1px solid #C3C9D2;border-radius:8px;padding:16px 20px 12px;margin:0 0 18px}"
    "h2{font-size:1.45rem;line-height:1.25;margin:0 0 .3rem;display:flex;align-items:center;gap:12px}"
    "h3{font-size:1.12rem;margin:1.1rem 0 .4rem}"
    ".meta{color:#3D4450;margin:0 0 .7rem}"
    ".tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:.4rem 0 .8rem}"
    ".tile{margin:0;border:2px solid #C3C9D2;border-radius:8px;padding:8px 14px}"
    ".tile .n{display:block;font-size:2.3rem;font-weight:700;line-height:1.1}"
    ".tile.finished{border-color:#0B4AA2}.tile.stopped{border-color:#9A5B00}.tile.timeout{border-color:#555}"
    "table{border-collapse:collapse;width:100%;margin:0 0 .4rem}"
    "th,td{text-align:left;padding:3px 8px;vertical-align:middle;border-bottom:1px solid #E2E5EA}"
    "thead th{font-size:.88rem;color:#2F3540;border-bottom:2px solid #C3C9D2}"
    "tbody th{font-weight:400}"
    ".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "td.num{font-weight:700}"
    "td.sym{width:52px;padding:2px 4px}"
    "td.barcell{width:40%}td.stackcell{width:44%}td.num,th.num{width:1%}"
    "table.byvenue{table-layout:fixed}col.symcol{width:52px}col.namecol{width:22%}"
    ".bar{display:block;width:100%;height:20px}"
    ".stack,.ladder,.columns{display:block;width:100%;height:auto}"
    ".ladder,.columns{max-width:720px}"
    ".seg{font-weight:700;font-size:16px;fill:#000;stroke:#FFF;stroke-width:4px;paint-order:stroke}"
    ".rung{font-size:18px;fill:#1A1A1A}.count{font-weight:700;font-size:16px;fill:#1A1A1A}"
    ".tick{font-size:13px;fill:#2F3540}.aside{font-size:15px;font-style:italic;fill:#2F3540}"
    "ul.legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 20px;padding:0;margin:.3rem 0 .7rem}"
    "ul.legend li{display:flex;align-items:center;gap:6px}"
    "tr.skiprow th,tr.skiprow td{font-style:italic;color:#3D4450}"
    ".grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(290px,1fr));gap:0 32px}"
    ".typed li{margin:.25rem 0}.words{margin:.5rem 0}"
    "ul.headlines{padding-left:1.2rem;margin:.2rem 0 .6rem}ul.headlines li{margin:.45rem 0}"
    "ul.headlines a{color:#0B3D86;font-weight:700}"
    "h2.group{margin:26px 0 10px;font-size:1.3rem;color:#2F3540}"
    ".sym{vertical-align:middle;flex:none}"
    "footer{color:#3D4450;font-size:.9rem;padding-bottom:28px}"
    ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
    "@page{size:A4;margin:14mm}"
    "@media print{"
    "body{background:#FFF;color:#000;font-size:10.5pt}"
    "header.top,main,footer{max-width:none;padding:0}"
    "section,dl.facts{border:0;border-top:1.5px solid #000;border-radius:0;padding:8px 0 4px;margin:0 0 10px}"
    ".meta,thead th,footer,tr.skiprow th,tr.skiprow td{color:#000}"
    "svg,table,tr,.tiles,ul.legend,.part,section.q{break-inside:avoid}"
    "h2,h3{break-after:avoid}"
    ".tile{border:1.5px solid #000}"
    "}";

/* ---- counting ---- */

/* The counts so far. Callbacks of the reader return nothing, so a failure
 * to read a session's answers is kept here and the rest of the pass does
 * nothing. */
typedef struct {
    HtmlReport report;
    StoreReader *reader;
    bool out_of_memory;
    bool failed; /* reading a session's answers failed: the reader has why */
    /* the session whose answers are being read */
    HtmlTallies seen;
    int furthest;        /* the survey index of the furthest question answered, -1 */
    char last_other[256]; /* the last question answered that the survey lacks */
} Reading;

static void tally(Reading *rd, HtmlTallies *t, const char *key, int by)
{
    if (html_tally_add(t, key ? key : "", by) != 0)
        rd->out_of_memory = true;
}

static void count_inputs(Reading *rd, const char *inputs)
{
    char copy[128], *save = NULL;
    snprintf(copy, sizeof copy, "%s", inputs ? inputs : "");
    char *word = strtok_r(copy, ",", &save);
    if (!word)
        tally(rd, &rd->report.inputs, "", 1);
    for (; word; word = strtok_r(NULL, ",", &save))
        tally(rd, &rd->report.inputs, word, 1);
}

static void count_ending(HtmlReport *r, const char *how)
{
    if (!how)
        r->open++;
    else if (strcmp(how, "finished") == 0)
        r->finished++;
    else if (strcmp(how, "stopped") == 0)
        r->stopped++;
    else
        r->timeout++;
}

static void on_answer(void *ctx, const StoreAnswerRow *row)
{
    Reading *rd = ctx;
    HtmlReport *r = &rd->report;
    char name[256], key[1400];
    bool spoken = export_question_name(row->question, name, sizeof name);
    r->answers++;
    tally(rd, &rd->seen, name, 1);
    int q = r->h.survey ? survey_question_index(r->h.survey, name) : -1;
    if (q > rd->furthest)
        rd->furthest = q;
    if (q < 0) {
        tally(rd, &r->others, name, 1);
        snprintf(rd->last_other, sizeof rd->last_other, "%s", name);
    }
    if (row->has_recording)
        tally(rd, &r->kept, name, 1);
    if (spoken && row->text && row->text[0]) {  /* "Other" in one's own words, typed */
        snprintf(key, sizeof key, "%s" HTML_SEP "%s", row->question, row->text);
        tally(rd, &r->typed, key, 1);
    }
    if (spoken)
        return;
    if (row->text && row->text[0]) {
        snprintf(key, sizeof key, "%s" HTML_SEP "%s", name, row->text);
        tally(rd, &r->typed, key, 1);
    }
    if (row->value.type != STORE_VALUE_NONE) {
        char value[256];
        store_value_text(&row->value, value, sizeof value);
        snprintf(key, sizeof key, "%s" HTML_SEP "%s", name, value);
        tally(rd, &r->values, key, 1);
    }
    if (row->skipped || row->choice) {
        snprintf(key, sizeof key, "%s" HTML_SEP "%s" HTML_SEP "%s", name, row->topic ? row->topic : "",
                 row->not_reached ? HTML_NOT_REACHED : row->skipped ? HTML_SKIP : row->choice);
        tally(rd, &r->picks, key, 1);
        if (r->by_venue && html_venue_add(r, &r->venue_picks, key) != 0)
            rd->out_of_memory = true;
    }
}

/* Reads one session's answers: what it reached, and where it stopped. */
static int read_answers(Reading *rd, const StoreSessionRow *s)
{
    HtmlReport *r = &rd->report;
    rd->furthest = -1;
    rd->last_other[0] = '\0';
    if (store_reader_answers(rd->reader, s->id, on_answer, rd) < 0)
        return -1;
    for (int i = 0; i < rd->seen.n; i++) {
        tally(rd, &r->reached, rd->seen.items[i].key, 1);
        if (r->by_venue && html_venue_add(r, &r->venue_reached, rd->seen.items[i].key) != 0)
            rd->out_of_memory = true;
    }
    html_tallies_free(&rd->seen);
    if (!s->ended_how || strcmp(s->ended_how, "finished") != 0) {
        const char *at = rd->furthest >= 0 ? r->h.survey->questions[rd->furthest].name : rd->last_other;
        tally(rd, &r->stopped_at, at, 1);
    }
    return 0;
}

static void on_session(void *ctx, const StoreSessionRow *row)
{
    Reading *rd = ctx;
    HtmlReport *r = &rd->report;
    char day[11], survey[256];
    if (rd->failed)
        return;
    snprintf(day, sizeof day, "%.10s", row->started_at ? row->started_at : "");
    snprintf(survey, sizeof survey, "%s, version %s", row->survey_id, row->survey_version);
    r->sessions++;
    if (!r->first_day[0] || strcmp(day, r->first_day) < 0)
        snprintf(r->first_day, sizeof r->first_day, "%s", day);
    if (strcmp(day, r->last_day) > 0)
        snprintf(r->last_day, sizeof r->last_day, "%s", day);
    tally(rd, &r->days, day, 1);
    if (row->kiosk_name) { /* from the central store: "Library kiosk at Central Library" */
        char kiosk[400];
        snprintf(kiosk, sizeof kiosk, "%s%s%s", row->kiosk_name, row->venue ? " at " : "", row->venue ? row->venue : "");
        tally(rd, &r->kiosks, kiosk, 1);
    } else {
        tally(rd, &r->kiosks, row->kiosk_id, 1);
    }
    if (r->by_venue && html_venue_session(r, row->venue, row->ended_how && strcmp(row->ended_how, "finished") == 0) != 0)
        rd->out_of_memory = true;
    tally(rd, &r->surveys, survey, 1);
    tally(rd, &r->languages, row->language, 1);
    tally(rd, &r->modes, row->mode, 1);
    tally(rd, &r->groups, row->group_label, 1);
    count_inputs(rd, row->input_used);
    count_ending(r, row->ended_how);
    if (read_answers(rd, row) != 0)
        rd->failed = true;
}

static void reading_free(Reading *rd)
{
    HtmlReport *r = &rd->report;
    HtmlTallies *all[] = {&r->kiosks, &r->surveys, &r->languages, &r->inputs, &r->modes, &r->groups,
                          &r->days, &r->stopped_at, &r->reached, &r->picks, &r->kept, &r->typed,
                          &r->values, &r->others, &rd->seen, &r->venues, &r->venue_finished,
                          &r->venue_reached, &r->venue_picks};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        html_tallies_free(all[i]);
    html_out_free(&r->h);
}

/* ---- names ---- */

static const char *const month_names[] = {"January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December"};

void html_long_date(char *out, size_t size, const char *day)
{
    int y, m, d;
    if (sscanf(day, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
        snprintf(out, size, "%d %s %d", d, month_names[m - 1], y);
    else
        snprintf(out, size, "%s", day);
}

/* "Polski (pl)": the survey's name of the language and its code. */
static const char *language_name(const HtmlReport *r, const char *code, char *buf, size_t size)
{
    int i = r->h.survey ? survey_language_index(r->h.survey, code) : -1;
    if (i < 0)
        return code;
    snprintf(buf, size, "%s (%s)", r->h.survey->languages[i].name, code);
    return buf;
}

static const char *input_name(const HtmlReport *r, const char *key, char *buf, size_t size)
{
    static const char *const names[][2] = {
        {"touch", "Touch"}, {"keyboard", "Keyboard"}, {"switch", "Switch"}, {"", "Not recorded"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(key, names[i][0]) == 0)
            return names[i][1];
    return key;
}

static const char *mode_name(const HtmlReport *r, const char *key, char *buf, size_t size)
{
    if (strcmp(key, "self") == 0)
        return "On their own";
    return strcmp(key, "supported") == 0 ? "Answered with support" : key;
}

static const char *group_name(const HtmlReport *r, const char *key, char *buf, size_t size)
{
    return key[0] ? key : "Not in a group session";
}

/* ---- the page ---- */

static void write_head(HtmlReport *r)
{
    HtmlOut *h = &r->h;
    const char *title = r->h.survey ? survey_title(r->h.survey, r->h.survey->default_language) : "sayso";
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'; img-src data:\">\n<title>Report: ", h->out);
    html_text(h, title);
    fprintf(h->out, "</title>\n<style>%s</style>\n</head>\n<body>\n", html_style);
}

static void write_filters(HtmlReport *r, const StoreFilter *f)
{
    HtmlOut *h = &r->h;
    const char *names[] = {"Sessions since ", "Group: ", "Venue: "};
    const char *values[] = {f->since, f->group_label, f->venue};
    bool any = false;
    fputs("<dt>Showing</dt><dd>", h->out);
    for (int i = 0; i < 3; i++) {
        if (!values[i])
            continue;
        fputs(any ? "; " : "", h->out);
        fputs(names[i], h->out);
        html_text(h, values[i]);
        any = true;
    }
    if (!any)
        fputs(f->not_exported ? "Sessions new since the last export" : "All sessions", h->out);
    fputs("</dd>\n", h->out);
}

static void write_list(HtmlReport *r, const HtmlTallies *t, bool as_code)
{
    HtmlOut *h = &r->h;
    for (int i = 0; i < t->n; i++) {
        fputs(i ? "<br>" : "", h->out);
        fputs(as_code ? "<code>" : "", h->out);
        html_text(h, t->items[i].key);
        fputs(as_code ? "</code>" : "", h->out);
        if (t->n > 1)
            fprintf(h->out, " (%d session%s)", t->items[i].count, t->items[i].count == 1 ? "" : "s");
    }
}

static void write_top(HtmlReport *r, const StoreFilter *filter)
{
    HtmlOut *h = &r->h;
    char from[48], to[48], now[64];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    snprintf(now, sizeof now, "%d %s %d, %02d:%02d UTC", tm.tm_mday, month_names[tm.tm_mon],
             tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
    fputs("<header class=\"top\">\n<p class=\"kicker\">sayso report</p>\n<h1>", h->out);
    html_text(h, r->h.survey ? survey_title(r->h.survey, r->h.survey->default_language) : "Answers");
    fputs("</h1>\n<dl class=\"facts\">\n", h->out);
    write_filters(r, filter);
    html_long_date(from, sizeof from, r->first_day);
    html_long_date(to, sizeof to, r->last_day);
    fputs("<dt>Dates covered</dt><dd>", h->out);
    if (r->sessions == 0)
        fputs("No sessions", h->out);
    else if (strcmp(r->first_day, r->last_day) == 0)
        html_text(h, from);
    else
        fprintf(h->out, "%s to %s", from, to);
    fprintf(h->out, "</dd>\n<dt>%s</dt><dd>", r->kiosks.n > 1 ? "Kiosks" : "Kiosk");
    write_list(r, &r->kiosks, !r->by_venue); /* names from the central store, UUIDs otherwise */
    fputs(r->kiosks.n ? "" : "None", h->out);
    fputs("</dd>\n<dt>Survey</dt><dd>", h->out);
    write_list(r, &r->surveys, false);
    if (r->surveys.n == 0 && r->h.survey)
        fprintf(h->out, "%s, version %s", r->h.survey->form_id, r->h.survey->version);
    fprintf(h->out, "</dd>\n<dt>Generated</dt><dd>%s (dates are UTC days)</dd>\n</dl>\n</header>\n<main>\n", now);
}

static void write_tile(HtmlReport *r, const char *kind, int n, const char *what, bool with_percent)
{
    char pct[16];
    html_percent(pct, sizeof pct, n, r->sessions);
    fprintf(r->h.out, "<p class=\"tile %s\"><span class=\"n\">%d</span>%s", kind, n, what);
    if (with_percent)
        fprintf(r->h.out, " (%s)", pct);
    fputs("</p>\n", r->h.out);
}

static void write_completion(HtmlReport *r)
{
    const HtmlSegment segs[] = {
        {"Finished", r->finished, "#0B4AA2", HTML_SOLID, NULL},
        {"Stopped early", r->stopped, "#9A5B00", HTML_STRIPES, NULL},
        {"Timed out (no one there)", r->timeout, "#6B6B6B", HTML_DOTS, NULL},
        {"No end recorded", r->open, "#FFFFFF", HTML_SOLID, NULL},
    };
    int n = r->open > 0 ? 4 : 3;
    char label[256];
    snprintf(label, sizeof label, "Completion: %d finished, %d stopped early, %d timed out, %d no end recorded",
             r->finished, r->stopped, r->timeout, r->open);
    fputs("<div class=\"tiles\">\n", r->h.out);
    write_tile(r, "all", r->sessions, r->sessions == 1 ? "session" : "sessions", false);
    write_tile(r, "finished", r->finished, "finished", true);
    write_tile(r, "stopped", r->stopped, "stopped early", true);
    write_tile(r, "timeout", r->timeout, "timed out", true);
    if (r->open > 0)
        write_tile(r, "open", r->open, "no end recorded", true);
    fputs("</div>\n<div class=\"part\">\n<h3>Completion</h3>\n", r->h.out);
    html_stack(&r->h, segs, n, r->sessions, 920, label);
    html_legend(&r->h, segs, n, true);
    fputs("</div>\n", r->h.out);
}

static const char *question_label(const HtmlReport *r, const char *name, char *buf, size_t size)
{
    const SurveyQuestion *q = r->h.survey && name[0] ? survey_question(r->h.survey, name) : NULL;
    if (!name[0])
        return "Before answering any question";
    return q ? survey_text(r->h.survey, &q->label, r->h.lang) : name;
}

/* Where the sessions that did not finish stopped, in survey order. */
static void write_stopped_at(HtmlReport *r)
{
    HtmlTallies order = {0};
    int not_finished = r->sessions - r->finished;
    fprintf(r->h.out, "<h3>Where people stopped</h3>\n<p class=\"meta\">For the %d session%s that did not "
            "finish: the last question answered or skipped.</p>\n", not_finished,
            not_finished == 1 ? "" : "s");
    if (not_finished == 0)
        return;
    int before = html_tally_count(&r->stopped_at, "");
    bool ok = before == 0 || html_tally_add(&order, "", before) == 0;
    for (int q = 0; ok && r->h.survey && q < r->h.survey->n_questions; q++) {
        int n = html_tally_count(&r->stopped_at, r->h.survey->questions[q].name);
        if (n > 0)
            ok = html_tally_add(&order, r->h.survey->questions[q].name, n) == 0;
    }
    for (int i = 0; ok && i < r->others.n; i++) {
        int n = html_tally_count(&r->stopped_at, r->others.items[i].key);
        if (n > 0)
            ok = html_tally_add(&order, r->others.items[i].key, n) == 0;
    }
    if (ok)
        html_count_table(r, "Last question answered", &order, question_label, not_finished, false);
    html_tallies_free(&order);
}

enum { DAY_BARS_MAX = 400 };

/* The bars of the sessions-per-day chart. */
typedef struct {
    size_t key_len; /* how much of "YYYY-MM-DD" a bar covers: 10 a day, 7 a month, 4 a year */
    int n;
    char keys[DAY_BARS_MAX][16];
    char labels[DAY_BARS_MAX][24];
    const char *label_ptrs[DAY_BARS_MAX];
    int counts[DAY_BARS_MAX];
} DayBars;

/* Midnight UTC of "YYYY-MM-DD", or -1. */
static time_t day_start(const char *day)
{
    struct tm tm = {0};
    if (sscanf(day, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
}

/* One bar for each day from the first session's to the last's, empty
 * days included; a bar a month (or a year) when that is too many days. */
static void day_bars_fill(const HtmlReport *r, DayBars *b)
{
    time_t first = day_start(r->first_day), last = day_start(r->last_day);
    if (first < 0 || last < first)
        return;
    time_t span = (last - first) / 86400;
    b->key_len = span <= 92 ? 10 : span <= 3650 ? 7 : 4;
    for (time_t t = first; t <= last && b->n < DAY_BARS_MAX; t += 86400) {
        struct tm d;
        char key[16];
        gmtime_r(&t, &d);
        strftime(key, sizeof key, "%Y-%m-%d", &d);
        key[b->key_len] = '\0';
        if (b->n > 0 && strcmp(b->keys[b->n - 1], key) == 0)
            continue;
        char *label = b->labels[b->n];
        snprintf(b->keys[b->n], sizeof b->keys[0], "%s", key);
        if (b->key_len == 10)
            snprintf(label, sizeof b->labels[0], "%d %.3s", d.tm_mday, month_names[d.tm_mon]);
        else if (b->key_len == 7)
            snprintf(label, sizeof b->labels[0], "%.3s %d", month_names[d.tm_mon], d.tm_year + 1900);
        else
            snprintf(label, sizeof b->labels[0], "%d", d.tm_year + 1900);
        b->label_ptrs[b->n++] = label;
    }
    for (int i = 0; i < r->days.n; i++)
        for (int k = 0; k < b->n; k++)
            if (strncmp(r->days.items[i].key, b->keys[k], b->key_len) == 0)
                b->counts[k] += r->days.items[i].count;
}

static void write_per_day(HtmlReport *r)
{
    DayBars *b = calloc(1, sizeof *b);
    if (b && r->sessions > 0)
        day_bars_fill(r, b);
    if (b && b->n > 0) {
        const char *per = b->key_len == 10 ? "day" : b->key_len == 7 ? "month" : "year";
        char label[96];
        snprintf(label, sizeof label, "Sessions per %s, over %d %s%s", per, b->n, per, b->n == 1 ? "" : "s");
        fprintf(r->h.out, "<h3>Sessions per %s</h3>\n", per);
        html_columns(&r->h, b->label_ptrs, b->counts, b->n, label);
    }
    free(b);
}

static void write_small_table(HtmlReport *r, const char *heading, const char *caption,
                              const HtmlTallies *t, HtmlNameFn name, const char *note)
{
    fputs("<div class=\"part\">\n<h3>", r->h.out);
    html_text(&r->h, heading);
    fputs("</h3>\n", r->h.out);
    html_count_table(r, caption, t, name, r->sessions, true);
    if (note) {
        fputs("<p class=\"meta\">", r->h.out);
        html_text(&r->h, note);
        fputs("</p>\n", r->h.out);
    }
    fputs("</div>\n", r->h.out);
}

static void write_glance(HtmlReport *r)
{
    HtmlOut *h = &r->h;
    fputs("<section id=\"glance\" aria-labelledby=\"glance-h\">\n<h2 id=\"glance-h\">At a glance</h2>\n",
          h->out);
    write_completion(r);
    fputs("<div class=\"part\">\n", h->out);
    html_headlines(r);
    fputs("</div>\n<div class=\"part\">\n", h->out);
    write_stopped_at(r);
    fputs("</div>\n<div class=\"part\">\n", h->out);
    write_per_day(r);
    fputs("</div>\n<div class=\"grid2\">\n", h->out);
    write_small_table(r, "Languages", "Language", &r->languages, language_name, NULL);
    write_small_table(r, "How people answered", "Input used", &r->inputs, input_name,
                      "A session that used more than one way counts under each.");
    write_small_table(r, "Support", "Answered", &r->modes, mode_name, NULL);
    write_small_table(r, "Groups", "Group session", &r->groups, group_name, NULL);
    fputs("</div>\n</section>\n", h->out);
}

void html_count_table(HtmlReport *r, const char *caption, const HtmlTallies *t, HtmlNameFn name,
                      int whole, bool ranked)
{
    HtmlOut *h = &r->h;
    HtmlRank *rank = calloc((size_t)t->n + 1, sizeof *rank);
    if (!rank)
        return;
    for (int i = 0; i < t->n; i++)
        rank[i] = (HtmlRank){i, t->items[i].count};
    if (ranked)
        qsort(rank, (size_t)t->n, sizeof *rank, html_rank_most_first);
    fputs("<table>\n<thead><tr><th scope=\"col\">", h->out);
    html_text(h, caption);
    fprintf(h->out, "</th><th scope=\"col\"><span class=\"vh\">Bar</span></th><th scope=\"col\" class=\"num\">"
            "Sessions</th><th scope=\"col\" class=\"num\">%% of %d</th></tr></thead>\n<tbody>\n", whole);
    int max = html_tally_max(t);
    for (int i = 0; i < t->n; i++) {
        const HtmlTally *it = &t->items[rank[i].index];
        char pct[16], buf[256];
        html_percent(pct, sizeof pct, it->count, whole);
        const char *shown = name(r, it->key, buf, sizeof buf);
        fputs("<tr><th scope=\"row\">", h->out);
        html_text(h, shown);
        fputs("</th><td class=\"barcell\">", h->out);
        html_bar(h, it->count, max, "#0B4AA2", shown);
        fprintf(h->out, "</td><td class=\"num\">%d</td><td class=\"num\">%s</td></tr>\n", it->count, pct);
    }
    if (t->n == 0)
        fputs("<tr><td colspan=\"4\">None</td></tr>\n", h->out);
    fputs("</tbody>\n</table>\n", h->out);
    free(rank);
}

static void write_page(HtmlReport *r, const StoreFilter *filter)
{
    write_head(r);
    write_top(r, filter);
    write_glance(r);
    if (r->sessions == 0)
        fputs("<section><h2>Answers</h2><p>No sessions match, so there are no answers to show.</p></section>\n",
              r->h.out);
    else
        html_questions(r);
    html_venues(r);
    fprintf(r->h.out, "</main>\n<footer><p>Made by sayso from %s, read-only. Percentages are of the "
            "sessions that reached each question unless a table says otherwise. Spoken answers are in the CSV "
            "or JSON export's recordings folder.</p></footer>\n</body>\n</html>\n",
            r->by_venue ? "the central store" : "the kiosk's database");
}

static void reader_failed(const ExportRequest *request, StoreReader *reader, char *err, size_t err_size)
{
    snprintf(err, err_size, "cannot read %s: %s", request->db_path ? request->db_path : "the database",
             store_reader_error(reader));
}

int export_html_write(StoreReader *reader, const ExportRequest *request, FILE *out,
                      ExportCounts *counts, char *err, size_t err_size)
{
    Reading rd = {.reader = reader};
    int rc = -1;
    const StoreFilter *filter = &request->filter;
    rd.report.h = (HtmlOut){.out = out, .survey = request->survey, .symbol_dirs = request->symbol_dirs,
                            .lang = request->survey ? request->survey->default_language : 0};
    rd.report.by_venue = request->by_venue;
    if (store_reader_sessions(reader, filter, on_session, &rd) < 0 || rd.failed) {
        reader_failed(request, reader, err, err_size);
        goto done;
    }
    if (rd.out_of_memory) {
        snprintf(err, err_size, "cannot make the report: out of memory");
        goto done;
    }
    errno = 0;
    write_page(&rd.report, filter);
    if (fflush(out) != 0 || ferror(out)) {
        snprintf(err, err_size, "cannot write %s: %s", request->out_path ? request->out_path : "the report",
                 errno ? strerror(errno) : "write error");
        goto done;
    }
    if (counts)
        *counts = (ExportCounts){.sessions = rd.report.sessions, .answers = rd.report.answers};
    rc = 0;
done:
    reading_free(&rd);
    return rc;
}
