/* test_report.c: the HTML report of `sayso export --format html`.
 *
 * First on a small database made with the Store API: the counts, labels
 * and filters the report states, its escaping, that it is one file that
 * fetches nothing (no script, no link, no web address but the SVG
 * namespace), that its tags close, and how pictures are inlined. Then end
 * to end: a few dozen varied headless sessions of the real binary into one
 * database, `sayso export --format html`, and the report opened in
 * headless Chromium, which must log no console message (the page's
 * Content-Security-Policy turns any load it would make into one), take a
 * screenshot that is not blank, and print to PDF. A page with a deliberate
 * script error and a missing picture proves the console check can fail.
 *
 * With SAYSO_REPORT_DIR set (`make report`), the end-to-end report and its
 * screenshot are kept there as report.html and report.png. */
#include <SDL.h>
#include <SDL_image.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "export/export.h"
#include "export/export_html_internal.h"
#include "recorder/wav.h"
#include "store/store.h"
#include "store/store_read.h"
#include "survey/survey.h"
#include "test_support.h"

static char dir[64];
static const char *const symbol_dirs[] = {"assets/symbols", NULL};

static int count_of(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* Opening tags <TAG ...> or <TAG> against closing </TAG>. */
static bool tags_close(const char *html, const char *tag)
{
    char open[32], close[32];
    int opened = 0;
    snprintf(open, sizeof open, "<%s", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    for (const char *p = html; (p = strstr(p, open)) != NULL; p += strlen(open))
        opened += p[strlen(open)] == ' ' || p[strlen(open)] == '>';
    if (opened != count_of(html, close))
        printf("    <%s>: %d opened, %d closed\n", tag, opened, count_of(html, close));
    return opened == count_of(html, close);
}

/* One file that fetches nothing: no script, no stylesheet link, no web
 * address but the namespace names of SVG, and every src a data: URI. */
static bool self_contained(const char *html)
{
    if (strstr(html, "<script") || strstr(html, "<link") || strstr(html, "<?xml"))
        return false;
    for (const char *p = html; (p = strstr(p, "http")) != NULL; p += 4) {
        if (strncmp(p, "http://www.w3.org/2000/svg", 26) != 0 && strncmp(p, "http://www.w3.org/1999/xlink", 28) != 0 &&
            strncmp(p, "http-equiv", 10) != 0) {
            printf("    a web address: %.60s\n", p);
            return false;
        }
    }
    for (const char *p = html; (p = strstr(p, " src=\"")) != NULL; p += 6)
        if (strncmp(p + 6, "data:", 5) != 0)
            return false;
    for (const char *p = html; (p = strstr(p, " href=\"")) != NULL; p += 7)
        if (p[7] != '#')
            return false;
    return true;
}

/* The number in the first <td class="num"> after `anchor`, -1 without one. */
static int number_after(const char *html, const char *anchor)
{
    const char *p = strstr(html, anchor);
    p = p ? strstr(p, "<td class=\"num\">") : NULL;
    return p ? atoi(p + strlen("<td class=\"num\">")) : -1;
}

/* ---- a small database made with the Store API ---- */

typedef struct {
    const char *language, *mode, *group, *input, *started, *how;
} SessionSpec;

static int session(Store *store, const SessionSpec *spec, char id[STORE_UUID_SIZE])
{
    StoreSessionInfo info = {"forum", "1", spec->language, "touch", spec->mode, spec->group};
    if (store_session_begin(store, &info, id) != 0)
        return -1;
    if (spec->input && store_session_input_used(store, id, spec->input) != 0)
        return -1;
    return 0;
}

static void put(Store *store, const char *id, const char *question, const char *topic, const char *a,
                const char *b)
{
    const char *choices[2] = {a, b};
    int n = (a != NULL) + (b != NULL);
    store_answer_put(store, id, question, topic, choices, n, n == 0);
}

static const char group_label[] = "Tuesday <&\"> group";

/* Four sessions: a finished one in the group, a stopped one in Polish with
 * support, one that timed out having answered nothing, one still open. */
static bool make_small_db(const char *path)
{
    char err[256], ids[4][STORE_UUID_SIZE];
    Store *store = store_open(path, err, sizeof err);
    if (!store)
        return false;
    static const SessionSpec specs[4] = {
        {"en", "self", group_label, "touch", "2026-10-20T10:00:00.000Z", "finished"},
        {"pl", "supported", NULL, "keyboard", "2026-11-02T11:00:00.000Z", "stopped"},
        {"en", "self", NULL, NULL, "2026-11-05T09:00:00.000Z", "timeout"},
        {"ur", "self", group_label, "switch", "2026-11-05T12:00:00.000Z", NULL},
    };
    for (int i = 0; i < 4; i++)
        if (session(store, &specs[i], ids[i]) != 0)
            return false;
    put(store, ids[0], "positive", "gp", "good", NULL);
    put(store, ids[0], "positive", "hospital", "bad", NULL);
    put(store, ids[0], "positive", "mental_health", NULL, NULL);
    store_answer_not_reached(store, ids[0], "positive", "police");   /* skipped and not reached apart */
    store_answer_not_reached(store, ids[0], "positive", "probation");
    put(store, ids[0], "change", NULL, "listened", "trusted_person");
    put(store, ids[0], "barriers", NULL, NULL, NULL);
    put(store, ids[0], "involve", NULL, "co_design", NULL);
    put(store, ids[1], "positive", "gp", "good", NULL);
    put(store, ids[1], "change", NULL, "listened", NULL);
    put(store, ids[3], "positive", "gp", "not_sure", NULL);
    unsigned char *wav = NULL;
    size_t wav_size = 0;
    int16_t samples[1600] = {0};
    char rec[STORE_UUID_SIZE];
    if (wav_encode(samples, 1600, 16000, &wav, &wav_size, err, sizeof err) != 0 ||
        store_recording_put(store, ids[1], "change:spoken", wav, wav_size, 100, 16000, rec) != 0 ||
        store_text_put(store, ids[0], "comments", "<b>more</b> buses & \"trams\"") != 0)
        return false;
    free(wav);
    store_session_end(store, ids[0], "finished");
    store_session_end(store, ids[1], "stopped");
    store_session_end(store, ids[2], "timeout");
    store_close(store);
    /* The store stamps the time now; the report's dates need others. */
    sqlite3 *db = NULL;
    bool ok = sqlite3_open(path, &db) == SQLITE_OK;
    for (int i = 0; ok && i < 4; i++) {
        char *sql = sqlite3_mprintf("UPDATE session SET started_at = %Q WHERE id = %Q", specs[i].started, ids[i]);
        ok = sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
        sqlite3_free(sql);
    }
    sqlite3_close(db);
    return ok;
}

/* The report of `db` under `filter` as a string (the caller frees). */
static char *report_of(const char *db, const Survey *survey, StoreFilter filter, ExportCounts *counts)
{
    char err[256];
    StoreReader *reader = store_reader_open(db, err, sizeof err);
    if (!reader) {
        printf("    %s\n", err);
        return NULL;
    }
    ExportRequest request = {.db_path = db, .survey = survey, .symbol_dirs = symbol_dirs,
                             .format = EXPORT_HTML, .out_path = "unused.html", .filter = filter};
    char *html = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&html, &size);
    int rc = out ? export_html_write(reader, &request, out, counts, err, sizeof err) : -1;
    if (out)
        fclose(out);
    store_reader_close(reader);
    if (rc != 0) {
        printf("    %s\n", err);
        free(html);
        return NULL;
    }
    return html;
}

static Survey *forum(void)
{
    SurveyProblems problems;
    Survey *s = survey_load("config/forum", symbol_dirs, &problems);
    survey_problems_free(&problems);
    return s;
}

static bool well_formed(const char *html)
{
    static const char *const tags[] = {"html", "head", "body", "main", "section", "svg", "table", "tr",
                                       "ul", "li", "h1", "h2", "h3", "p", "dl", "text"};
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (!tags_close(html, tags[i]))
            return false;
    return strncmp(html, "<!DOCTYPE html>", 15) == 0 && strstr(html, "<meta charset=\"utf-8\">") &&
           strstr(html, "@media print") && strstr(html, "<section") && strstr(html, "<svg") &&
           strstr(html, "</html>");
}

/* Every <svg is hidden from screen readers (a symbol beside its words, a
 * bar beside its numbers) or says what it shows. */
static bool svgs_labelled(const char *html)
{
    for (const char *p = html; (p = strstr(p, "<svg")) != NULL; p += 4) {
        const char *end = strchr(p, '>');
        size_t len = end ? (size_t)(end - p) : 0;
        char tag[512];
        snprintf(tag, sizeof tag, "%.*s", (int)(len < sizeof tag ? len : sizeof tag - 1), p);
        if (!strstr(tag, "aria-hidden=\"true\"") && !strstr(tag, "aria-label=\""))
            return false;
    }
    return true;
}

static void test_counts_labels_and_escaping(void)
{
    char db[256];
    support_path_in(dir, "small.db", db, sizeof db);
    CHECK(make_small_db(db));
    Survey *survey = forum();
    CHECK(survey);
    ExportCounts counts = {0};
    char *html = report_of(db, survey, (StoreFilter){0}, &counts);
    survey_free(survey);
    CHECK(html);
    CHECK_INT(counts.sessions, 4);
    CHECK_INT(counts.answers, 14);
    bool ok = well_formed(html) && self_contained(html) && svgs_labelled(html);
    int listened = number_after(html, "Be listened to</th>");
    int gp_good = number_after(html, "<th scope=\"row\">GP</th>");
    bool escaped = strstr(html, "Tuesday &lt;&amp;&quot;&gt; group") && !strstr(html, group_label) &&
                   strstr(html, "&lt;b&gt;more&lt;/b&gt; buses &amp; &quot;trams&quot;") && !strstr(html, "<b>more");
    bool stated = strstr(html, "<dd>All sessions</dd>") &&
                  strstr(html, "20 October 2026 to 5 November 2026") &&
                  strstr(html, "<title>Report: Have your say about services</title>");
    bool tiles = strstr(html, "<span class=\"n\">4</span>sessions") && strstr(html, "<span class=\"n\">1</span>finished (25%)") &&
                 strstr(html, "<span class=\"n\">1</span>stopped early (25%)") &&
                 strstr(html, "<span class=\"n\">1</span>timed out (25%)") &&
                 strstr(html, "<span class=\"n\">1</span>no end recorded (25%)");
    bool details = strstr(html, "Help design services 1") &&     /* the ladder's aria-label */
                   strstr(html, "<strong>In their own words:</strong> <strong>1</strong> spoken answer kept") &&
                   strstr(html, "Polski (pl)") && strstr(html, "Answered with support") &&
                   strstr(html, ">Keyboard</th>") && strstr(html, ">Switch</th>") &&
                   strstr(html, "Questions this survey no longer has") &&
                   strstr(html, "Before answering any question") &&  /* the one that timed out */
                   strstr(html, "20 Oct") && count_of(html, "<svg class=\"sym\"") > 40 &&
                   strstr(html, "Not reached 1") && strstr(html, "Skipped 1") &&  /* a topic's aria-label */
                   strstr(html, ">Not reached</th>");
    if (!ok || !escaped || !stated || !tiles || !details)
        printf("    ok %d escaped %d stated %d tiles %d details %d\n", ok, escaped, stated, tiles, details);
    free(html);
    CHECK(ok && escaped && stated && tiles && details);
    CHECK_INT(listened, 2);  /* of the 2 sessions that reached "change" */
    CHECK_INT(gp_good, 2);   /* GP: good 2 (not sure 1 after it) */
}

static void test_filters_are_stated_and_applied(void)
{
    char db[256];
    support_path_in(dir, "small.db", db, sizeof db);  /* made by the case above */
    Survey *survey = forum();
    CHECK(survey);
    ExportCounts counts = {0};
    char *since = report_of(db, survey, (StoreFilter){.since = "2026-11-01"}, &counts);
    int since_sessions = counts.sessions;
    char *group = report_of(db, survey, (StoreFilter){.since = "2026-10-01", .group_label = group_label}, &counts);
    survey_free(survey);
    CHECK(since && group);
    bool ok = strstr(since, "<dd>Sessions since 2026-11-01</dd>") && strstr(since, "<span class=\"n\">3</span>sessions") &&
              strstr(group, "<dd>Sessions since 2026-10-01; Group: Tuesday &lt;&amp;&quot;&gt; group</dd>") &&
              strstr(group, "<span class=\"n\">2</span>sessions") && well_formed(group);
    free(since);
    free(group);
    CHECK(ok);
    CHECK_INT(since_sessions, 3);
    CHECK_INT(counts.sessions, 2);
}

static void test_empty_database_and_no_survey(void)
{
    char db[256], err[256];
    support_path_in(dir, "empty.db", db, sizeof db);
    Store *store = store_open(db, err, sizeof err);
    CHECK(store);
    store_close(store);
    char *html = report_of(db, NULL, (StoreFilter){0}, NULL);
    CHECK(html);
    bool ok = well_formed(html) && self_contained(html) && strstr(html, "No sessions match") &&
              strstr(html, "<span class=\"n\">0</span>sessions");
    free(html);
    CHECK(ok);
    support_path_in(dir, "small.db", db, sizeof db);
    html = report_of(db, NULL, (StoreFilter){0}, NULL);  /* names only: every question by name */
    CHECK(html);
    ok = well_formed(html) && strstr(html, "Answers by question") && strstr(html, "co_design");
    free(html);
    CHECK(ok);
}

static void test_long_spans_count_by_month(void)
{
    char db[256], err[256], ids[3][STORE_UUID_SIZE];
    support_path_in(dir, "months.db", db, sizeof db);
    Store *store = store_open(db, err, sizeof err);
    CHECK(store);
    static const SessionSpec spec = {"en", "self", NULL, "touch", NULL, NULL};
    for (int i = 0; i < 3; i++)
        CHECK_INT(session(store, &spec, ids[i]), 0);
    store_close(store);
    sqlite3 *sql = NULL;
    CHECK(sqlite3_open(db, &sql) == SQLITE_OK);
    int rc = sqlite3_exec(sql, "UPDATE session SET started_at = CASE rowid WHEN 1 THEN '2025-01-10T10:00:00.000Z'"
                               " WHEN 2 THEN '2025-01-31T10:00:00.000Z' ELSE '2026-03-02T10:00:00.000Z' END",
                          NULL, NULL, NULL);
    sqlite3_close(sql);
    CHECK(rc == SQLITE_OK);
    char *html = report_of(db, NULL, (StoreFilter){0}, NULL);
    CHECK(html);
    bool ok = strstr(html, "<h3>Sessions per month</h3>") && strstr(html, ">Jan 2025</text>") &&
              strstr(html, "over 15 months") && strstr(html, ">2</text>") &&  /* January's two */
              strstr(html, "10 January 2025 to 2 March 2026");
    free(html);
    CHECK(ok);
}

static void test_full_disk_is_reported(void)
{
    char db[256], err[256] = "";
    support_path_in(dir, "small.db", db, sizeof db);
    StoreReader *reader = store_reader_open(db, err, sizeof err);
    CHECK(reader);
    FILE *full = fopen("/dev/full", "w");
    ExportRequest request = {.db_path = db, .format = EXPORT_HTML, .out_path = "/media/usb/report.html"};
    int rc = full ? export_html_write(reader, &request, full, NULL, err, sizeof err) : 0;
    if (full)
        fclose(full);
    store_reader_close(reader);
    CHECK_INT(rc, -1);
    CHECK_STR(err, "cannot write /media/usb/report.html: No space left on device");
}

/* ---- pictures ---- */

static char *picture_html(const char *image, bool in_svg)
{
    char *text = NULL;
    size_t size = 0;
    char pics[128];
    support_path_in(dir, "pics", pics, sizeof pics);
    const char *const dirs[] = {pics, NULL};
    HtmlOut h = {.out = open_memstream(&text, &size), .symbol_dirs = dirs};
    html_picture(&h, image, 40, "A <label>", in_svg, 5, 6);
    html_picture(&h, image, 40, "A <label>", in_svg, 5, 6);  /* read once, written twice */
    fclose(h.out);
    html_out_free(&h);
    return text;
}

static void test_pictures_inlined_safely(void)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "mkdir -p %s/pics", dir);
    CHECK(system(cmd) == 0);
    support_write_file(dir, "pics/plain.svg",
                       "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                       "width=\"100\" height=\"100\" viewBox=\"0 0 100 100\"><rect width=\"10\" height=\"10\"/></svg>\n");
    support_write_file(dir, "pics/nobox.svg", "<svg width='24' height='12'><circle r='3'/></svg>");
    support_write_file(dir, "pics/script.svg", "<svg viewBox=\"0 0 1 1\"><script>alert(1)</script></svg>");
    support_write_file(dir, "pics/handler.svg", "<svg viewBox=\"0 0 1 1\" onload=\"alert(1)\"></svg>");
    support_write_file(dir, "pics/fetch.svg", "<svg viewBox=\"0 0 1 1\"><image href=\"https://example.org/x.png\"/></svg>");
    char *plain = picture_html("plain.svg", false), *nobox = picture_html("nobox.svg", true);
    char *script = picture_html("script.svg", false), *handler = picture_html("handler.svg", false);
    char *fetch = picture_html("fetch.svg", false), *missing = picture_html("none.svg", false);
    char *jpeg = picture_html("/work/no/such.jpg", false);
    bool ok = plain && count_of(plain, "<svg class=\"sym\" width=\"40\" height=\"40\" aria-hidden=\"true\"") == 2 &&
              strstr(plain, "viewBox=\"0 0 100 100\"") && !strstr(plain, "width=\"100\"") && !strstr(plain, "<?xml") &&
              !strstr(plain, "DOCTYPE") && strstr(plain, "<title>A &lt;label&gt;</title>") &&
              count_of(plain, "</svg>") == 2;
    bool placed = nobox && strstr(nobox, " x=\"5\" y=\"6\" width=\"40\"") && strstr(nobox, "viewBox=\"0 0 24 12\"") &&
                  !strstr(nobox, "width='24'");
    bool refused = script && !script[0] && handler && !handler[0] && fetch && !fetch[0] && missing && !missing[0] &&
                   jpeg && !jpeg[0];
    char *all[] = {plain, nobox, script, handler, fetch, missing, jpeg};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        free(all[i]);
    CHECK(ok);
    CHECK(placed);
    CHECK(refused);
    /* A photo becomes a data: URI of exactly its bytes. */
    size_t size = 0;
    char *bytes = support_slurp("tests/surveys/photo_survey/our_door.jpg", &size);
    CHECK(bytes);
    snprintf(cmd, sizeof cmd, "cp tests/surveys/photo_survey/our_door.jpg %s/pics/door.jpg", dir);
    CHECK(system(cmd) == 0);
    char *img = picture_html("door.jpg", false);
    CHECK(img);
    const char *b64 = strstr(img, "src=\"data:image/jpeg;base64,");
    bool same = false;
    if (b64) {
        b64 += strlen("src=\"data:image/jpeg;base64,");
        unsigned char *back = malloc(size + 16);
        size_t len = 0;
        same = back && sodium_base642bin(back, size + 16, b64, strcspn(b64, "\""), NULL, &len, NULL,
                                         sodium_base64_VARIANT_ORIGINAL) == 0 &&
               len == size && memcmp(back, bytes, size) == 0;
        free(back);
    }
    bool alt = strstr(img, "alt=\"\"") != NULL;
    free(img);
    free(bytes);
    CHECK(same);
    CHECK(alt);
}

/* ---- end to end: the real binary and headless Chromium ---- */

/* A small deterministic random number generator, so every run makes the
 * same scripts. */
static unsigned next_rand(unsigned *state)
{
    *state = *state * 1103515245u + 12345u;
    return (*state >> 16) & 0x7fff;
}

static const char *const languages[] = {"en", "en", "en", "pl", "ro", "ur", "pa", "bn", "ar"};
static const char *const topics[] = {"gp", "hospital", "mental_health", "housing", "money", "job_centre",
                                     "police", "drugs_alcohol", "food_bank", "social_care",
                                     "community_groups", "probation"};
static const char *const columns[] = {"good", "good", "not_sure", "bad"};
static const char *const changes[] = {"listened", "trusted_person", "shorter_waits", "clear_letters",
                                      "form_help", "kinder_staff", "help_nearby", "opening_times"};
static const char *const barriers[] = {"transport", "money", "reading", "digital", "not_believed",
                                       "waiting_lists", "childcare", "health", "housing", "unsafe",
                                       "language", "passed_around"};
static const char *const rungs[] = {"informed", "consulted", "consulted", "meetings", "co_design",
                                    "co_produce", "not_now"};

/* How a generated session ends: at which question (0 mat .. 3 ladder, 4
 * the review) and how. */
typedef enum { END_FINISH, END_STOP, END_IDLE, END_IDLE_BACK } Ending;

/* Places (or skips) the first `placed` topics; returns how many. */
static int script_mat(FILE *f, unsigned *rs, int placed)
{
    fprintf(f, "expect question:positive\n");
    for (int t = 0; t < placed; t++) {
        const char *col = columns[(next_rand(rs) + (unsigned)t) % 4];
        switch (next_rand(rs) % 4) {
        case 0: fprintf(f, "drag %s %s\n", topics[t], col); break;
        case 1: fprintf(f, "tap %s\ntap %s\n", topics[t], col); break;
        case 2: fprintf(f, "tap %s\n", col); break;  /* a column places the topic offered */
        default: fprintf(f, "tap skip\n"); break;
        }
    }
    return placed;
}

static void script_choose(FILE *f, unsigned *rs, const char *question, const char *const *names, int n)
{
    fprintf(f, "expect question:%s\n", question);
    if (next_rand(rs) % 6 == 0) {
        fprintf(f, "tap skip\n");  /* "I don't want to answer" moves on */
        return;
    }
    int picks = 1 + (int)(next_rand(rs) % 3);
    for (int i = 0; i < picks; i++)
        fprintf(f, "tap %s\n", names[(next_rand(rs) + (unsigned)i * 3) % (unsigned)n]);
    fprintf(f, "tap next\n");
}

static void script_end(FILE *f, Ending how)
{
    if (how == END_STOP)
        fprintf(f, "tap stop\nexpect stop-confirm\ntap yes\nexpect thanks\n");
    else if (how == END_IDLE)
        fprintf(f, "wait 90000\nexpect still-there\nwait 30000\nexpect welcome\n");
}

/* Session `i`: a language, mat placements, choices, some by keyboard; it
 * finishes, stops or times out at a question chosen by `i`. */
static void write_session_script(const char *path, int i)
{
    unsigned rs = 7919u * (unsigned)(i + 1);
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    Ending how = i % 5 == 1 ? END_STOP : i % 7 == 3 ? END_IDLE : i % 11 == 5 ? END_IDLE_BACK : END_FINISH;
    int stop_at = how == END_FINISH || how == END_IDLE_BACK ? 99 : (int)(next_rand(&rs) % 4);
    fprintf(f, "# report session %d\nexpect welcome\n", i);
    if (i % 4 == 2)
        fprintf(f, "key Tab\nkey Tab\nkey Tab\nkey Tab\nkey Tab\nkey Return\n");  /* start, by keyboard (after volume) */
    else
        fprintf(f, "tap start\n");
    fprintf(f, "expect language\ntap lang:%s\nexpect consent\n",
            languages[(unsigned)i % (sizeof languages / sizeof languages[0])]);
    if (i % 4 == 3)
        fprintf(f, "key Tab\nkey Tab\nkey Tab\nkey Tab\nkey Tab\nkey Return\n");  /* yes, by keyboard */
    else
        fprintf(f, "tap yes\n");
    int dealt = script_mat(f, &rs, stop_at == 0 ? 2 : (int)(next_rand(&rs) % 13));
    if (how == END_IDLE_BACK)
        fprintf(f, "wait 90000\nexpect still-there\ntap yes\nexpect question:positive\n");
    if (stop_at == 0)
        goto end;
    fprintf(f, "tap next\n%s", dealt < 12 ? "expect mat-left\ntap next\n" : "");
    script_choose(f, &rs, "change", changes, 8);
    if (stop_at == 1)
        goto end;
    script_choose(f, &rs, "barriers", barriers, 12);
    if (stop_at == 2)
        goto end;
    fprintf(f, "expect question:involve\n");
    if (stop_at == 3) {
        fprintf(f, "tap %s\n", rungs[next_rand(&rs) % 7]);
        goto end;
    }
    if (next_rand(&rs) % 8 == 0)
        fprintf(f, "tap skip\n");
    else
        fprintf(f, "tap %s\ntap next\n", rungs[next_rand(&rs) % 7]);
    fprintf(f, "expect review\ntap next\nexpect thanks\n");
end:
    script_end(f, how);
    fclose(f);
}

/* Runs the real binary: `args` after it, output into sayso.txt. */
static int run_sayso(const char *env, const char *args)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s %s >> %s/sayso.txt 2>&1", env ? env : "", support_bin(), args, dir);
    return support_shell(cmd);
}

enum { GENERATED = 32 };

/* Fills report.db: the generated sessions, the keyboard-only and
 * two-switch scripts, and own words spoken through SDL's disk capture. */
static int fill_database(void)
{
    char args[1024], script[256], voice[256], env[512];
    int failures = 0;
    for (int i = 0; i < GENERATED; i++) {
        snprintf(script, sizeof script, "%s/s%02d.script", dir, i);
        write_session_script(script, i);
        snprintf(args, sizeof args, "--headless --script %s --db %s/report.db", script, dir);
        if (run_sayso(NULL, args) != 0) {
            printf("    %s failed (see %s/sayso.txt)\n", script, dir);
            failures++;
        }
    }
    snprintf(args, sizeof args, "--headless --script tests/e2e/keyboard_only.script --db %s/report.db --shots %s", dir, dir);
    failures += run_sayso(NULL, args) != 0;
    snprintf(args, sizeof args, "--headless --script tests/e2e/two_switches.script --kiosk tests/e2e/two_switches.ini "
             "--db %s/report.db --shots %s", dir, dir);
    failures += run_sayso(NULL, args) != 0;
    support_path_in(dir, "voice.raw", voice, sizeof voice);
    FILE *f = fopen(voice, "wb");
    for (int i = 0; f && i < 24000; i++) {
        int16_t s = (int16_t)(6000.0 * SDL_sin(i * 0.12));
        fwrite(&s, sizeof s, 1, f);
    }
    if (f)
        fclose(f);
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null SDL_DISKAUDIOFILEIN=%s", voice);
    snprintf(args, sizeof args, "--headless --script tests/e2e/own_words.script --db %s/report.db --shots %s", dir, dir);
    failures += run_sayso(env, args) != 0;
    return failures;
}

/* The kiosk stamps sessions with the time they ran, so a test run is all
 * one day and no one set up a group. To show the per-day chart and the
 * groups as a kiosk in use would, the sessions are spread over the last
 * two weeks and some given a group and support, as the staff menu would
 * have; the report reads them like any others. */
static bool spread_sessions(const char *db_path)
{
    static const char sql[] =
        "UPDATE session SET started_at = strftime('%Y-%m-%dT%H:%M:%fZ', started_at,"
        "  '-' || ((rowid * 5) % 14) || ' days');"
        "UPDATE session SET group_label = 'Tuesday drop-in', mode = 'supported' WHERE rowid % 6 = 0;"
        "UPDATE session SET group_label = 'Women''s group' WHERE rowid % 9 = 4;";
    sqlite3 *db = NULL;
    bool ok = sqlite3_open(db_path, &db) == SQLITE_OK && sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

/* Runs headless Chromium on `page` with `what` ("--screenshot=F
 * --window-size=W,H" or "--print-to-pdf=F"), its log in `log`. Returns the
 * exit status. HOME is a fresh folder, so no profile of the user's is
 * touched; the timeout keeps a hung browser from hanging the test. */
static int chromium(const char *page, const char *what, const char *log)
{
    char cmd[2048];
    const char *browser = getenv("CHROMIUM");
    snprintf(cmd, sizeof cmd,
             "HOME=%s/home timeout 120 %s --headless=new --no-sandbox --disable-gpu --no-first-run "
             "--hide-scrollbars --enable-logging=stderr --v=0 %s file://%s > %s 2>&1",
             dir, browser && browser[0] ? browser : "chromium", what, page, log);
    int rc = support_shell(cmd);
    if (rc == 127)
        printf("    chromium is not installed: `make test` installs it (TEST_DEBS in the Makefile)\n");
    return rc;
}

/* The page's console messages (Chromium logs them as "CONSOLE" lines). */
static int console_lines(const char *log)
{
    char *text = support_slurp(log, NULL);
    int n = text ? count_of(text, ":CONSOLE") : -1;
    if (n > 0)
        printf("    %s has %d console messages, the first: %.200s\n", log, n, strstr(text, ":CONSOLE"));
    free(text);
    return n;
}

/* The height of what the page drew: the rows above the plain background
 * that fills the bottom of a window taller than the page. */
static int content_height(SDL_Surface *s)
{
    const Uint32 *last = (const Uint32 *)((const Uint8 *)s->pixels + (s->h - 1) * s->pitch);
    for (int y = s->h - 1; y >= 0; y--) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < s->w; x++)
            if (row[x] != last[0])
                return y + 1;
    }
    return 0;
}

/* Loads the screenshot `png` of the test folder, counts its colours (not
 * blank), and saves the page (cut below its end, with a margin) as `out`.
 * Returns the page's height, or -1. */
static int keep_page(const char *png, const char *out, int *colours)
{
    SDL_Surface *s = support_load_png(dir, png);
    if (!s)
        return -1;
    *colours = support_colours(s, 3, 200); /* distinct colours, up to 200 */
    int h = content_height(s);
    int keep = h + 24 < s->h ? h + 24 : s->h;
    SDL_Surface *page = SDL_CreateRGBSurfaceWithFormat(0, s->w, keep, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Rect area = {0, 0, s->w, keep};
    bool saved = page && SDL_BlitSurface(s, &area, page, NULL) == 0 && IMG_SavePNG(page, out) == 0;
    SDL_FreeSurface(page);
    SDL_FreeSurface(s);
    return saved ? h : -1;
}

static void test_console_check_catches_errors(void)
{
    char page[512], log[256], args[512];
    support_write_file(dir, "broken.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                       "style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'\">"
                       "<title>broken</title></head><body><p>x</p><img src=\"missing.png\" alt=\"\">"
                       "<script>no_such_function();</script></body></html>");
    support_path_in(dir, "broken.html", page, sizeof page);
    support_path_in(dir, "broken.log", log, sizeof log);
    char shot[300];
    support_path_in(dir, "broken.png", shot, sizeof shot);
    snprintf(args, sizeof args, "--screenshot=%s --window-size=400,300", shot);
    CHECK_INT(chromium(page, args, log), 0);
    char *text = support_slurp(log, NULL);
    CHECK(text);
    bool script = strstr(text, ":CONSOLE") && strstr(text, "no_such_function");
    bool picture = strstr(text, "missing.png") != NULL;
    free(text);
    CHECK(script);   /* a script error is a console message */
    CHECK(picture);  /* and so is a load the policy blocks */
}

static void test_report_of_scripted_sessions_in_chromium(void)
{
    enum { WINDOW_H = 7000 };
    char db[256], out[256], args[1024], page[512], png[256], pdf[256], log[256], shot[256];
    support_path_in(dir, "report.db", db, sizeof db);
    support_path_in(dir, "report.html", out, sizeof out);
    CHECK_INT(fill_database(), 0);
    CHECK_INT(support_query_int(dir, "report.db", "SELECT count(*) FROM session"), GENERATED + 3);
    CHECK(support_query_int(dir, "report.db", "SELECT count(*) FROM session WHERE ended_how = 'stopped'") >= 5);
    CHECK(support_query_int(dir, "report.db", "SELECT count(*) FROM session WHERE ended_how = 'timeout'") >= 3);
    CHECK(spread_sessions(db));
    snprintf(args, sizeof args, "export --db %s --format html --out %s", db, out);
    CHECK_INT(run_sayso(NULL, args), 0);
    char *html = support_slurp(out, NULL);
    CHECK(html);
    char sessions[64];
    snprintf(sessions, sizeof sessions, "<span class=\"n\">%d</span>sessions", GENERATED + 3);
    bool ok = well_formed(html) && self_contained(html) && svgs_labelled(html) && strstr(html, sessions) &&
              strstr(html, "Tuesday drop-in") && strstr(html, "Women&#39;s group") && strstr(html, "Polski (pl)") &&
              strstr(html, ">Switch</th>") && strstr(html, "<strong>In their own words:</strong> <strong>1</strong>");
    free(html);
    CHECK(ok);
    /* The command line's filter reaches the report and is stated at its top. */
    char grouped[256], want[96];
    support_path_in(dir, "group.html", grouped, sizeof grouped);
    snprintf(args, sizeof args, "export --db %s --format html --out %s --group 'Tuesday drop-in'", db, grouped);
    CHECK_INT(run_sayso(NULL, args), 0);
    html = support_slurp(grouped, NULL);
    CHECK(html);
    snprintf(want, sizeof want, "<span class=\"n\">%d</span>sessions",
             support_query_int(dir, "report.db", "SELECT count(*) FROM session WHERE group_label = 'Tuesday drop-in'"));
    ok = strstr(html, "<dd>Group: Tuesday drop-in</dd>") && strstr(html, want) && well_formed(html);
    free(html);
    CHECK(ok);
    support_path_in(dir, "report.html", page, sizeof page);
    support_path_in(dir, "window.png", png, sizeof png);
    support_path_in(dir, "report.png", shot, sizeof shot);
    support_path_in(dir, "report.log", log, sizeof log);
    snprintf(args, sizeof args, "--screenshot=%s --window-size=1280,%d", png, WINDOW_H);
    CHECK_INT(chromium(page, args, log), 0);
    CHECK_INT(console_lines(log), 0);
    int colours = 0, height = keep_page("window.png", shot, &colours);
    CHECK(colours >= 40);                           /* symbols, bars, text: not a blank page */
    CHECK(height > 2500 && height < WINDOW_H - 50); /* all of it, and the window was tall enough */
    support_path_in(dir, "report.pdf", pdf, sizeof pdf);
    support_path_in(dir, "pdf.log", log, sizeof log);
    snprintf(args, sizeof args, "--print-to-pdf=%s --no-pdf-header-footer", pdf);
    CHECK_INT(chromium(page, args, log), 0);
    CHECK_INT(console_lines(log), 0);
    size_t size = 0;
    char *bytes = support_slurp(pdf, &size);
    bool is_pdf = bytes && size > 20000 && strncmp(bytes, "%PDF-", 5) == 0;
    free(bytes);
    CHECK(is_pdf);
    const char *keep = getenv("SAYSO_REPORT_DIR");
    if (keep && keep[0]) {
        snprintf(args, sizeof args, "mkdir -p '%s' && cp %s '%s/report.html' && cp %s '%s/report.png'", keep, out,
                 keep, shot, keep);
        CHECK_INT(support_shell(args), 0);
    }
}

int main(void)
{
    char home[128];
    if (support_temp_dir(dir, sizeof dir, "report") != 0)
        return 1;
    support_path_in(dir, "home", home, sizeof home); /* Chromium's HOME */
    if (mkdir(home, 0700) != 0)
        return 1;
    RUN(test_counts_labels_and_escaping);
    RUN(test_filters_are_stated_and_applied);
    RUN(test_empty_database_and_no_survey);
    RUN(test_long_spans_count_by_month);
    RUN(test_full_disk_is_reported);
    RUN(test_pictures_inlined_safely);
    RUN(test_console_check_catches_errors);
    RUN(test_report_of_scripted_sessions_in_chromium);
    return support_finish(dir);
}
