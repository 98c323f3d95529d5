/* test_export.c: the store reader (src/store/store_read.c) and the csv and
 * jsonl exports (src/export) against real database files.
 *
 * Each case fills a fresh database in a folder under /tmp through the real
 * Store API (sessions of every mode, groups and languages, mat topics,
 * skips, typed words with commas, quotes, line breaks and non-ASCII text,
 * recordings made with wav_encode), exports it, reads the export back with
 * libcsv or jansson and compares it row for row with what a plain SQLite
 * connection finds in the file. Labels are checked against config/forum's
 * own words, written out here, not looked up the way the export does. */
#include "export/export.h"
#include "fileio/atomic_file.h"
#include "recorder/wav.h"
#include "store/store.h"
#include "store/store_read.h"
#include "survey/survey.h"
#include "test_support.h"

#include <csv.h>
#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define N_COLUMNS 24
#define MAX_ROWS 256

static const char *const csv_header[N_COLUMNS] = {
    "session_id", "kiosk_id",     "survey_id",  "survey_version", "started_at",
    "ended_at",   "ended_how",    "language",   "input_used",     "supported",
    "group",      "question",     "question_label", "choice",     "choice_label",
    "topic",      "topic_label",  "skipped",    "status",         "text",
    "recording",  "answer_id",    "answered_at", "value"};

/* Typed words that need every kind of CSV quoting, and UTF-8 beyond ASCII. */
static const char typed_words[] = "Buses, \"mostly\"\nlate\r\nżółć اردو ✓";

typedef struct {
    char dir[64];
    char db[128];
    char out[160]; /* DIR/out.csv */
    char s1[STORE_UUID_SIZE], s2[STORE_UUID_SIZE], s3[STORE_UUID_SIZE], s4[STORE_UUID_SIZE];
    Survey *survey;
    sqlite3 *raw;
} Fixture;

/* A table read back from a csv file. */
typedef struct {
    char *cells[MAX_ROWS][N_COLUMNS + 1];
    int n_fields[MAX_ROWS];
    int n_rows;
    int field;
} Table;

/* ---- the database ------------------------------------------------------ */

/* A WAV of a tone: `hz` for `ms` milliseconds at 16 kHz. */
static int make_wav(double hz, int ms, unsigned char **wav, size_t *size)
{
    size_t n = (size_t)ms * 16;
    int16_t *samples = malloc(n * sizeof *samples);
    char err[256];
    if (!samples)
        return -1;
    for (size_t i = 0; i < n; i++)
        samples[i] = (int16_t)(8000 * sin(2 * M_PI * hz * (double)i / 16000.0));
    int rc = wav_encode(samples, n, 16000, wav, size, err, sizeof err);
    free(samples);
    return rc;
}

static int put_recording(Store *store, const char *session, const char *question, double hz)
{
    unsigned char *wav = NULL;
    size_t size = 0;
    char id[STORE_UUID_SIZE];
    int rc = make_wav(hz, 300, &wav, &size);
    if (rc == 0)
        rc = store_recording_put(store, session, question, wav, size, 300, 16000, id);
    free(wav);
    return rc;
}

static int put(Store *s, const char *session, const char *question, const char *topic,
               const char *choice)
{
    const char *choices[] = {choice};
    return store_answer_put(s, session, question, topic, choices, choice ? 1 : 0, !choice);
}

/* S1: alone, English, a mat with a skipped topic and one never reached, two choices and own
 * words spoken, typed words, a skipped question; started long ago.
 * S2: supported, Urdu, in the group, a recording. S3: in the group, no
 * answer. S4: another survey, never ended. */
static int fill(Fixture *f, Store *s)
{
    StoreSessionInfo info = {"forum", "1", "en", "touch", "self", NULL};
    const char *change[] = {"listened", "shorter_waits"};
    int rc = store_session_begin(s, &info, f->s1);
    rc |= store_session_input_used(s, f->s1, "touch") | store_session_input_used(s, f->s1, "keyboard");
    rc |= put(s, f->s1, "positive", "gp", "good") | put(s, f->s1, "positive", "hospital", "bad");
    rc |= put(s, f->s1, "positive", "police", NULL);
    rc |= store_answer_not_reached(s, f->s1, "positive", "probation");
    rc |= store_answer_put(s, f->s1, "change", NULL, change, 2, false);
    rc |= put_recording(s, f->s1, "change:spoken", 440);
    rc |= store_text_put(s, f->s1, "comments", typed_words);
    rc |= put(s, f->s1, "involve", NULL, NULL) | store_session_end(s, f->s1, "finished");
    info = (StoreSessionInfo){"forum", "1", "ur", "touch", "supported", "Tuesday group"};
    rc |= store_session_begin(s, &info, f->s2) | put(s, f->s2, "barriers", NULL, "money");
    rc |= put_recording(s, f->s2, "change:spoken", 660) | put(s, f->s2, "involve", NULL, "co_design");
    rc |= store_session_end(s, f->s2, "stopped");
    info = (StoreSessionInfo){"forum", "1", "pl", "touch", "self", "Tuesday group"};
    rc |= store_session_begin(s, &info, f->s3) | store_session_end(s, f->s3, "stopped");
    info = (StoreSessionInfo){"other_survey", "3", "en", "touch", "self", NULL};
    rc |= store_session_begin(s, &info, f->s4) | put(s, f->s4, "change", NULL, "listened");
    return rc;
}

static int raw_exec(Fixture *f, const char *sql)
{
    char *message = NULL;
    int rc = sqlite3_exec(f->raw, sql, NULL, NULL, &message);
    if (rc != SQLITE_OK)
        printf("    %s: %s\n", sql, message);
    sqlite3_free(message);
    return rc;
}

static int fixture_setup(Fixture *f)
{
    char err[512];
    SurveyProblems problems;
    memset(f, 0, sizeof *f);
    if (support_temp_dir(f->dir, sizeof f->dir, "export") != 0)
        return -1;
    snprintf(f->db, sizeof f->db, "%s/sayso.db", f->dir);
    snprintf(f->out, sizeof f->out, "%s/out.csv", f->dir);
    Store *store = store_open(f->db, err, sizeof err);
    int rc = store ? fill(f, store) : -1;
    store_close(store);
    f->survey = survey_load("config/forum", NULL, &problems);
    survey_problems_free(&problems);
    if (rc == 0 && sqlite3_open(f->db, &f->raw) == SQLITE_OK) {
        char sql[160];
        snprintf(sql, sizeof sql,
                 "UPDATE session SET started_at = '2020-03-01T09:00:00.000Z' WHERE id = '%s'",
                 f->s1);
        rc = raw_exec(f, sql);
    }
    return rc == 0 && f->survey && f->raw ? 0 : -1;
}

static void fixture_teardown(Fixture *f)
{
    sqlite3_close(f->raw);
    survey_free(f->survey);
    if (f->dir[0])
        support_remove_tree(f->dir);
}

/* Defines a case `name` whose body gets a set-up Fixture `f`. */
#define EXPORT_CASE(name) SUPPORT_FIXTURE_CASE(name, Fixture, fixture_setup, fixture_teardown)

/* ---- what the database holds -------------------------------------------- */

/* Every answer row with its session's columns (a session without answers
 * once, answer columns NULL), in the export's order, as the csv columns
 * named in expected_columns. */
static const char expected_sql[] =
    "SELECT s.id, s.kiosk_id, s.survey_id, s.survey_version, s.started_at, s.ended_at,"
    " s.ended_how, s.language, s.input_used,"
    " CASE s.mode WHEN 'supported' THEN 'yes' ELSE 'no' END, s.group_label,"
    " a.question, a.choice, a.topic,"
    " CASE WHEN a.id IS NULL THEN NULL WHEN a.skipped THEN 'yes' ELSE 'no' END,"
    " CASE WHEN a.id IS NULL THEN NULL WHEN a.not_reached THEN 'not_reached'"
    "  WHEN a.skipped THEN 'skipped' ELSE 'answered' END, a.text,"
    " CASE WHEN r.id IS NOT NULL THEN 'recordings/' || a.id || '.wav' END,"
    " a.id, a.answered_at, a.value"
    " FROM session s LEFT JOIN answer a ON a.session_id = s.id"
    " LEFT JOIN recording r ON r.session_id = a.session_id AND r.question = a.question"
    "  AND a.topic IS NULL AND a.choice IS NULL AND a.skipped = 0"
    " WHERE (?1 IS NULL OR s.started_at >= ?1) AND (?2 IS NULL OR s.group_label = ?2)"
    " ORDER BY s.started_at, s.id, a.answered_at, a.rowid";
static const int expected_columns[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                                       11, 13, 15, 17, 18, 19, 20, 21, 22, 23};
#define N_EXPECTED ((int)(sizeof expected_columns / sizeof expected_columns[0]))

typedef struct {
    char *cells[MAX_ROWS][N_COLUMNS]; /* csv columns; "" for NULL; labels unset */
    int n_rows;
} Expected;

static void expected_free(Expected *e)
{
    for (int r = 0; r < e->n_rows; r++)
        for (int c = 0; c < N_COLUMNS; c++)
            free(e->cells[r][c]);
    e->n_rows = 0;
}

static int expected_load(Fixture *f, const StoreFilter *filter, Expected *e)
{
    sqlite3_stmt *stmt = NULL;
    memset(e, 0, sizeof *e);
    int rc = sqlite3_prepare_v2(f->raw, expected_sql, -1, &stmt, NULL);
    if (rc == SQLITE_OK && filter)
        rc = sqlite3_bind_text(stmt, 1, filter->since, -1, SQLITE_STATIC) |
             sqlite3_bind_text(stmt, 2, filter->group_label, -1, SQLITE_STATIC);
    while (rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW && e->n_rows < MAX_ROWS) {
        for (int c = 0; c < N_COLUMNS; c++)
            e->cells[e->n_rows][c] = strdup("");
        for (int i = 0; i < N_EXPECTED; i++) {
            const char *v = (const char *)sqlite3_column_text(stmt, i);
            free(e->cells[e->n_rows][expected_columns[i]]);
            e->cells[e->n_rows][expected_columns[i]] = strdup(v ? v : "");
        }
        e->n_rows++;
    }
    sqlite3_finalize(stmt);
    return rc;
}

/* config/forum's own words for the names the fixture uses (English). */
static const char *const forum_labels[][3] = {
    /* question (base name), choice or topic name, label; "" for the question */
    {"positive", "", "What have been your positive experiences of services?"},
    {"change", "", "What would you change?"},
    {"barriers", "", "What are the issues and barriers you face at the moment?"},
    {"involve", "", "How would you like to be involved to make change?"},
    {"positive", "good", "Good"}, {"positive", "bad", "Bad"},
    {"positive", "gp", "GP"}, {"positive", "hospital", "Hospital"},
    {"positive", "police", "Police"}, {"positive", "probation", "Probation"},
    {"change", "listened", "Be listened to"}, {"change", "shorter_waits", "Shorter waits"},
    {"barriers", "money", "Money"}, /* not services' "Money and benefits" */
    {"involve", "co_design", "Help design services"},
};

/* The label expected in a session of `survey_id` for `name` (a choice or
 * topic; "" for the question's own label) of `question`: "" for none. */
static const char *forum_label(const char *survey_id, const char *question, const char *name)
{
    char base[64];
    snprintf(base, sizeof base, "%s", question);
    base[strcspn(base, ":")] = '\0'; /* own words "change:spoken" are change's */
    if (strcmp(survey_id, "forum") != 0 || !*question)
        return "";
    for (size_t i = 0; i < sizeof forum_labels / sizeof forum_labels[0]; i++)
        if (strcmp(forum_labels[i][0], base) == 0 && strcmp(forum_labels[i][1], name) == 0)
            return forum_labels[i][2];
    return "";
}

static const char *question_label(const char *survey_id, const char *question)
{
    return forum_label(survey_id, question, "");
}

/* A choice's or topic's label; none for an empty name (a skip). */
static const char *name_label(const char *survey_id, const char *question, const char *name)
{
    return *name ? forum_label(survey_id, question, name) : "";
}

/* ---- reading a csv back ------------------------------------------------- */

static void table_field(void *data, size_t len, void *ctx)
{
    Table *t = ctx;
    if (t->n_rows >= MAX_ROWS || t->field > N_COLUMNS) {
        t->field++;
        return;
    }
    char *cell = malloc(len + 1);
    memcpy(cell, data ? data : "", len);
    cell[len] = '\0';
    t->cells[t->n_rows][t->field++] = cell;
}

static void table_row(int c, void *ctx)
{
    (void)c;
    Table *t = ctx;
    if (t->n_rows < MAX_ROWS)
        t->n_fields[t->n_rows++] = t->field;
    t->field = 0;
}

static void table_free(Table *t)
{
    for (int r = 0; r < MAX_ROWS; r++)
        for (int c = 0; c <= N_COLUMNS; c++)
            free(t->cells[r][c]);
    free(t);
}

/* Parses `path` strictly (RFC 4180 quoting); NULL when it is not valid. */
static Table *table_read(const char *path)
{
    Table *t = calloc(1, sizeof *t);
    FILE *in = fopen(path, "rb");
    struct csv_parser parser;
    char buf[4096];
    size_t n;
    int bad = !t || !in || csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0;
    while (!bad && (n = fread(buf, 1, sizeof buf, in)) > 0)
        bad = csv_parse(&parser, buf, n, table_field, table_row, t) != n;
    if (!bad)
        bad = csv_fini(&parser, table_field, table_row, t) != 0;
    if (t && in)
        csv_free(&parser);
    if (in)
        fclose(in);
    if (bad && t) {
        table_free(t);
        t = NULL;
    }
    return t;
}

/* ---- helpers ------------------------------------------------------------ */

static ExportRequest request_for(Fixture *f, ExportFormat format, const char *out)
{
    return (ExportRequest){.db_path = f->db, .survey = f->survey, .format = format,
                           .out_path = out};
}

/* Whether a file whose name holds `part` is in `dir`. */
static bool dir_has(const char *dir, const char *part)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    bool found = false;
    while (d && (e = readdir(d)))
        found = found || strstr(e->d_name, part);
    if (d)
        closedir(d);
    return found;
}

static int count_files(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    while (d && (e = readdir(d)))
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

/* The expected value of csv column `c` of the expected row `want`. */
static const char *expected_cell(char *const *want, int c)
{
    if (c == 12)
        return question_label(want[2], want[11]);
    if (c == 14 || c == 16)
        return name_label(want[2], want[11], want[c - 1]);
    return want[c];
}

/* Compares the rows of `t` after the header with `e`; prints the first
 * difference. */
static bool table_matches(const Table *t, const Expected *e)
{
    if (t->n_rows != e->n_rows + 1)
        return 0 > printf("    %d rows, the database %d (and a header)\n", t->n_rows, e->n_rows);
    for (int c = 0; c < N_COLUMNS; c++)
        if (t->n_fields[0] != N_COLUMNS || strcmp(t->cells[0][c], csv_header[c]) != 0)
            return 0 > printf("    header column %d is %s\n", c, t->cells[0][c]);
    for (int r = 0; r < e->n_rows; r++) {
        if (t->n_fields[r + 1] != N_COLUMNS)
            return 0 > printf("    row %d has %d fields\n", r + 1, t->n_fields[r + 1]);
        for (int c = 0; c < N_COLUMNS; c++) {
            const char *want = expected_cell(e->cells[r], c);
            if (strcmp(t->cells[r + 1][c], want) != 0)
                return 0 > printf("    row %d %s: \"%s\", want \"%s\"\n", r + 1,
                                  csv_header[c], t->cells[r + 1][c], want);
        }
    }
    return true;
}

/* Checks the csv at `path` against the database under `filter`. */
static void check_csv(Fixture *f, const char *path, const StoreFilter *filter)
{
    Expected e;
    Table *t = table_read(path);
    CHECK(t);
    int rc = expected_load(f, filter, &e);
    bool same = rc == SQLITE_OK && table_matches(t, &e);
    expected_free(&e);
    table_free(t);
    CHECK(same);
}

/* ---- cases -------------------------------------------------------------- */

/* The reader sees what the store wrote, in order, with recordings. */
EXPORT_CASE(reader_reads_what_the_store_wrote)
{
    char err[512];
    StoreReader *reader = store_reader_open(f->db, err, sizeof err);
    CHECK(reader);
    int n_sessions = store_reader_sessions(reader, NULL, NULL, NULL);
    int n_answers = store_reader_answers(reader, f->s1, NULL, NULL);
    unsigned char *wav = NULL;
    size_t size = 0;
    int found = store_reader_recording(reader, f->s2, "change:spoken", &wav, &size);
    bool sized = wav && size > 44;
    free(wav);
    int none = store_reader_recording(reader, f->s3, "change:spoken", &wav, &size);
    store_reader_close(reader);
    CHECK_INT(n_sessions, 4);
    CHECK_INT(n_answers, 9); /* 4 topics (one not reached), 2 choices, own words, typed words, a skip */
    CHECK_INT(found, 1);
    CHECK(sized);
    CHECK_INT(none, 0);
    CHECK(!wav && size == 0);
}

/* The csv parses strictly and matches the database row for row; the
 * survey's labels are there for forum sessions, none for another survey. */
EXPORT_CASE(csv_matches_the_database)
{
    char err[512];
    ExportCounts counts;
    ExportRequest request = request_for(f, EXPORT_CSV, f->out);
    CHECK_INT(export_run(&request, &counts, err, sizeof err), 0);
    CHECK_INT(counts.sessions, 4);
    CHECK_INT(counts.answers, 9 + 3 + 1);
    CHECK_INT(counts.recordings, 2);
    check_csv(f, f->out, NULL);
    CHECK(!test_run.current_failed);
    size_t size;
    char *text = support_slurp(f->out, &size);
    CHECK(text);
    bool has_label = strstr(text, ",What would you change?,") != NULL;
    bool has_words = strstr(text, "\"Buses, \"\"mostly\"\"\nlate\r\nżółć اردو ✓\"") != NULL;
    bool crlf = strncmp(strchr(text, '\n') - 1, "\r\n", 2) == 0;
    free(text);
    CHECK(has_label);
    CHECK(has_words);
    CHECK(crlf);
}

/* Each kept WAV is written byte for byte as recordings/ANSWER_ID.wav. */
EXPORT_CASE(recordings_round_trip)
{
    char err[512], path[256];
    ExportRequest request = request_for(f, EXPORT_CSV, f->out);
    CHECK_INT(export_run(&request, NULL, err, sizeof err), 0);
    sqlite3_stmt *stmt = NULL;
    CHECK_INT(sqlite3_prepare_v2(f->raw,
                                 "SELECT a.id, r.wav FROM recording r JOIN answer a"
                                 " ON a.session_id = r.session_id AND a.question = r.question"
                                 " AND a.choice IS NULL AND a.skipped = 0 AND a.topic IS NULL",
                                 -1, &stmt, NULL),
              SQLITE_OK);
    int n = 0, same = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        size_t size = 0;
        snprintf(path, sizeof path, "%s/recordings/%s.wav", f->dir, sqlite3_column_text(stmt, 0));
        char *data = support_slurp(path, &size);
        n++;
        same += data && size == (size_t)sqlite3_column_bytes(stmt, 1) &&
                memcmp(data, sqlite3_column_blob(stmt, 1), size) == 0;
        free(data);
    }
    sqlite3_finalize(stmt);
    snprintf(path, sizeof path, "%s/recordings", f->dir);
    CHECK_INT(n, 2);
    CHECK_INT(same, 2);
    CHECK_INT(count_files(path), 2);
}

static const char *json_text(json_t *object, const char *key)
{
    json_t *value = json_object_get(object, key);
    return json_is_string(value) ? json_string_value(value) : value ? "" : "(missing)";
}

/* Compares one answer object with the expected csv-shaped row. 0 or -1. */
static int check_json_answer(json_t *answer, char **want)
{
    static const struct {
        const char *key;
        int column;
    } keys[] = {{"question", 11}, {"choice", 13}, {"topic", 15}, {"status", 18}, {"text", 19},
                {"recording", 20}, {"answer_id", 21}, {"answered_at", 22}};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(json_text(answer, keys[i].key), want[keys[i].column]) != 0)
            return -(printf("    answer %s: \"%s\"\n", keys[i].key,
                            json_text(answer, keys[i].key)) >= 0);
    const char *label = question_label(want[2], want[11]);
    const char *choice_label = name_label(want[2], want[11], want[13]);
    if (strcmp(json_text(answer, "question_label"), label) != 0 ||
        strcmp(json_text(answer, "choice_label"), choice_label) != 0 ||
        json_is_true(json_object_get(answer, "skipped")) != (strcmp(want[17], "yes") == 0) ||
        !json_is_boolean(json_object_get(answer, "skipped")))
        return -(printf("    answer %s: labels or skipped differ\n", want[21]) >= 0);
    return 0;
}

/* Compares one session line with the expected rows from `*r` on (moving
 * `*r` past the session). 0 or -1. */
static int check_json_session(json_t *session, Expected *e, int *r)
{
    static const char *const keys[] = {"session_id", "kiosk_id", "survey_id", "survey_version",
                                       "started_at", "ended_at", "ended_how", "language",
                                       "input_used"};
    char **want = e->cells[*r];
    for (int i = 0; i < 9; i++)
        if (strcmp(json_text(session, keys[i]), want[i]) != 0)
            return -(printf("    session %s: \"%s\"\n", keys[i],
                            json_text(session, keys[i])) >= 0);
    if (strcmp(json_text(session, "group"), want[10]) != 0 ||
        json_is_true(json_object_get(session, "supported")) != (strcmp(want[9], "yes") == 0))
        return -1;
    json_t *answers = json_object_get(session, "answers");
    size_t k = 0;
    if (!json_is_array(answers))
        return -1;
    for (; *r < e->n_rows && strcmp(e->cells[*r][0], want[0]) == 0; (*r)++) {
        if (!*e->cells[*r][21])
            continue; /* the session's one empty row */
        if (k >= json_array_size(answers) || check_json_answer(json_array_get(answers, k++), e->cells[*r]) != 0)
            return -1;
    }
    return k == json_array_size(answers) ? 0 : -1;
}

/* The jsonl has one session a line, each parsing alone, matching the
 * database with its answers nested. */
EXPORT_CASE(jsonl_matches_the_database)
{
    char err[512], path[192];
    snprintf(path, sizeof path, "%s/out.jsonl", f->dir);
    ExportRequest request = request_for(f, EXPORT_JSONL, path);
    CHECK_INT(export_run(&request, NULL, err, sizeof err), 0);
    Expected e;
    CHECK_INT(expected_load(f, NULL, &e), SQLITE_OK);
    FILE *in = fopen(path, "r");
    char line[16384];
    int r = 0, lines = 0, bad = 0;
    while (in && fgets(line, sizeof line, in)) {
        json_error_t error;
        json_t *session = json_loads(line, 0, &error);
        lines++;
        bad += !session || r >= e.n_rows || check_json_session(session, &e, &r) != 0;
        json_decref(session);
    }
    if (in)
        fclose(in);
    int n_rows = e.n_rows;
    expected_free(&e);
    CHECK(in);
    CHECK_INT(bad, 0);
    CHECK_INT(lines, 4);
    CHECK_INT(r, n_rows);
}

/* Strings are written as jansson writes them: every control character,
 * quotes, backslashes, a slash, DEL and text beyond ASCII; text that is not
 * UTF-8 is refused, and no file appears. */
EXPORT_CASE(jsonl_strings_as_jansson_writes_them)
{
    char err[512], path[192], sql[512], text[40];
    for (int c = 1; c < 32; c++)
        text[c - 1] = (char)c;
    snprintf(text + 31, sizeof text - 31, "\"\\/\x7f");
    json_t *string = json_string(text);
    char *quoted = json_dumps(string, JSON_ENCODE_ANY | JSON_COMPACT);
    json_decref(string);
    char *want = quoted ? malloc(strlen(quoted) + 16) : NULL;
    if (want)
        sprintf(want, "\"text\":%s,", quoted);
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(f->raw, "UPDATE answer SET text = ?1 WHERE question = 'comments'",
                                -1, &stmt, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_finalize(stmt);
    snprintf(path, sizeof path, "%s/out.jsonl", f->dir);
    ExportRequest request = request_for(f, EXPORT_JSONL, path);
    int status = export_run(&request, NULL, err, sizeof err);
    size_t size = 0;
    char *line = status == 0 ? support_slurp(path, &size) : NULL;
    bool found = line && want && strstr(line, want);
    free(line);
    free(quoted);
    free(want);
    CHECK_INT(rc, SQLITE_OK);
    CHECK_INT(status, 0);
    CHECK(found);
    snprintf(sql, sizeof sql, "UPDATE answer SET text = CAST(X'41C3' AS TEXT) WHERE question = 'comments'");
    CHECK_INT(raw_exec(f, sql), SQLITE_OK);
    remove(path);
    CHECK_INT(export_run(&request, NULL, err, sizeof err), -1);
    CHECK(strstr(err, "not UTF-8") && strstr(err, f->s1) && strstr(err, path));
    CHECK(access(path, F_OK) != 0);
}

/* --since keeps sessions started on or after the day; --group only the
 * group's (its session with no answer as one empty row). */
EXPORT_CASE(since_and_group_filter)
{
    char err[512];
    ExportCounts counts;
    ExportRequest request = request_for(f, EXPORT_CSV, f->out);
    request.filter.since = "2021-01-01";
    CHECK_INT(export_run(&request, &counts, err, sizeof err), 0);
    CHECK_INT(counts.sessions, 3);
    check_csv(f, f->out, &request.filter);
    CHECK(!test_run.current_failed);
    size_t size;
    char *text = support_slurp(f->out, &size);
    bool has_s1 = text && strstr(text, f->s1);
    free(text);
    CHECK(!has_s1);
    request.filter = (StoreFilter){.group_label = "Tuesday group"};
    CHECK_INT(export_run(&request, &counts, err, sizeof err), 0);
    CHECK_INT(counts.sessions, 2);
    CHECK_INT(counts.answers, 3);
    check_csv(f, f->out, &request.filter);
    CHECK(!test_run.current_failed);
    request.filter = (StoreFilter){.since = "2020-03-01", .group_label = "nobody"};
    CHECK_INT(export_run(&request, &counts, err, sizeof err), 0);
    CHECK_INT(counts.sessions, 0);
}

/* A hash of the file's bytes, with its size and modification time. */
typedef struct {
    unsigned char hash[crypto_generichash_BYTES];
    off_t size;
    struct timespec mtime;
} FileState;

static int file_state(const char *path, FileState *state)
{
    struct stat st;
    size_t size = 0;
    char *data = support_slurp(path, &size);
    if (!data || stat(path, &st) != 0) {
        free(data);
        return -1;
    }
    crypto_generichash(state->hash, sizeof state->hash, (unsigned char *)data, size, NULL, 0);
    state->size = st.st_size;
    state->mtime = st.st_mtim;
    free(data);
    return 0;
}

/* Exporting changes nothing in the database file. */
EXPORT_CASE(export_is_read_only)
{
    char err[512], path[192];
    FileState before, after;
    sqlite3_close(f->raw); /* the last connection: the WAL goes into the file */
    f->raw = NULL;
    CHECK_INT(file_state(f->db, &before), 0);
    ExportRequest request = request_for(f, EXPORT_CSV, f->out);
    CHECK_INT(export_run(&request, NULL, err, sizeof err), 0);
    snprintf(path, sizeof path, "%s/out.jsonl", f->dir);
    request = request_for(f, EXPORT_JSONL, path);
    CHECK_INT(export_run(&request, NULL, err, sizeof err), 0);
    CHECK_INT(file_state(f->db, &after), 0);
    CHECK(memcmp(before.hash, after.hash, sizeof before.hash) == 0);
    CHECK_INT(before.size, after.size);
    CHECK(before.mtime.tv_sec == after.mtime.tv_sec && before.mtime.tv_nsec == after.mtime.tv_nsec);
}

static void count_session(void *ctx, const StoreSessionRow *row)
{
    (void)row;
    ++*(int *)ctx;
}

/* A reader keeps its snapshot while the kiosk writes, and neither waits. */
EXPORT_CASE(reader_snapshot_while_the_kiosk_writes)
{
    char err[512], id[STORE_UUID_SIZE];
    Store *kiosk = store_open(f->db, err, sizeof err);
    CHECK(kiosk);
    StoreReader *reader = store_reader_open(f->db, err, sizeof err);
    StoreSessionInfo info = {"forum", "1", "en", "touch", "self", NULL};
    int written = reader ? store_session_begin(kiosk, &info, id) | put(kiosk, id, "change", NULL, "listened") |
                               store_session_end(kiosk, f->s4, "timeout")
                         : -1;
    int seen = 0, n = reader ? store_reader_sessions(reader, NULL, count_session, &seen) : -1;
    int new_answers = reader ? store_reader_answers(reader, id, NULL, NULL) : -1;
    store_reader_close(reader);
    reader = store_reader_open(f->db, err, sizeof err);
    int later = reader ? store_reader_sessions(reader, NULL, NULL, NULL) : -1;
    store_reader_close(reader);
    store_close(kiosk);
    CHECK_INT(written, 0);
    CHECK_INT(n, 4);
    CHECK_INT(seen, 4);
    CHECK_INT(new_answers, 0);
    CHECK_INT(later, 5);
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

/* An export runs at once while another connection holds a write
 * transaction open, and sees only what was committed. */
EXPORT_CASE(export_during_an_open_write_transaction)
{
    char err[512];
    ExportCounts counts = {0};
    CHECK_INT(raw_exec(f, "PRAGMA journal_mode = WAL"), SQLITE_OK);
    CHECK_INT(raw_exec(f, "BEGIN IMMEDIATE; UPDATE session SET language = 'xx';"
                          " DELETE FROM answer;"),
              SQLITE_OK);
    double start = now_ms();
    ExportRequest request = request_for(f, EXPORT_CSV, f->out);
    int rc = export_run(&request, &counts, err, sizeof err);
    double took = now_ms() - start;
    raw_exec(f, "ROLLBACK");
    if (rc != 0)
        printf("    %s\n", err);
    CHECK_INT(rc, 0);
    CHECK(took < 2000);
    CHECK_INT(counts.answers, 13);
    check_csv(f, f->out, NULL);
}

/* on_session hears of each exported session once, after the file is in place. */
typedef struct {
    int calls;
    bool file_there;
    const char *out;
} Marks;

static void mark(void *ctx, const char *session_id)
{
    Marks *marks = ctx;
    struct stat st;
    marks->calls++;
    marks->file_there = stat(marks->out, &st) == 0;
    (void)session_id;
}

EXPORT_CASE(on_session_after_the_file)
{
    char err[512];
    Marks marks = {.out = f->out};
    ExportRequest request = request_for(f, EXPORT_CSV, f->out);
    request.on_session = mark;
    request.ctx = &marks;
    CHECK_INT(export_run(&request, NULL, err, sizeof err), 0);
    CHECK_INT(marks.calls, 4);
    CHECK(marks.file_there);
}

/* Without a survey, names only: every label column is empty. */
EXPORT_CASE(names_only_without_a_survey)
{
    char err[512];
    ExportRequest request = request_for(f, EXPORT_CSV, f->out);
    request.survey = NULL;
    CHECK_INT(export_run(&request, NULL, err, sizeof err), 0);
    Table *t = table_read(f->out);
    CHECK(t);
    int labels = 0;
    for (int r = 1; r < t->n_rows; r++)
        labels += *t->cells[r][12] || *t->cells[r][14] || *t->cells[r][16];
    int rows = t->n_rows;
    table_free(t);
    CHECK_INT(rows, 15);
    CHECK_INT(labels, 0);
}

/* Plain messages: a missing database (not created), a missing or
 * impossible output folder (nothing left behind), a foreign or newer file. */
EXPORT_CASE(plain_messages)
{
    char err[512], db[192], out[192];
    snprintf(db, sizeof db, "%s/missing.db", f->dir);
    ExportRequest request = request_for(f, EXPORT_CSV, f->out);
    request.db_path = db;
    CHECK_INT(export_run(&request, NULL, err, sizeof err), -1);
    CHECK(strstr(err, db) && strstr(err, "No such file"));
    CHECK(access(db, F_OK) != 0);
    snprintf(out, sizeof out, "%s/no/such/folder/out.csv", f->dir);
    request = request_for(f, EXPORT_CSV, out);
    CHECK_INT(export_run(&request, NULL, err, sizeof err), -1);
    CHECK(strncmp(err, "cannot write ", 13) == 0 && strstr(err, out) && strstr(err, "No such file"));
    snprintf(out, sizeof out, "%s/out.csv/x.csv", f->dir);
    CHECK_INT(export_run(&(ExportRequest){.db_path = f->db, .out_path = f->out}, NULL, err,
                         sizeof err), 0);
    request = request_for(f, EXPORT_CSV, out);
    CHECK_INT(export_run(&request, NULL, err, sizeof err), -1);
    CHECK(strstr(err, out) && strstr(err, "Not a directory"));
    CHECK(!dir_has(f->dir, ".tmp-"));
    CHECK_INT(raw_exec(f, "PRAGMA user_version = 3"), SQLITE_OK); /* before staff events */
    StoreReader *reader = store_reader_open(f->db, err, sizeof err);
    CHECK(reader);
    store_reader_close(reader);
    CHECK_INT(raw_exec(f, "PRAGMA user_version = 2"), SQLITE_OK);
    CHECK(!store_reader_open(f->db, err, sizeof err));
    CHECK(strstr(err, "older sayso"));
    CHECK_INT(raw_exec(f, "PRAGMA user_version = 99"), SQLITE_OK);
    CHECK(!store_reader_open(f->db, err, sizeof err));
    CHECK(strstr(err, "newer sayso") && strstr(err, f->db));
    CHECK_INT(raw_exec(f, "PRAGMA user_version = 3; PRAGMA application_id = 7"), SQLITE_OK);
    CHECK(!store_reader_open(f->db, err, sizeof err));
    CHECK(strstr(err, "not a sayso database"));
}

/* A folder export: the csv, the jsonl and the report from one snapshot,
 * the recordings once, each session reported once. */
EXPORT_CASE(folder_export)
{
    char err[512], folder[192], path[256];
    snprintf(folder, sizeof folder, "%s/usb", f->dir);
    Marks marks = {.out = f->out};
    ExportCounts counts;
    ExportRequest request = request_for(f, EXPORT_HTML, folder);
    request.on_session = mark;
    request.ctx = &marks;
    CHECK_INT(export_folder(&request, &counts, err, sizeof err), 0);
    CHECK_INT(marks.calls, 4);
    CHECK_INT(counts.sessions, 4);
    CHECK_INT(counts.answers, 13);
    CHECK_INT(counts.recordings, 2);
    CHECK_INT(count_files(folder), 4); /* answers.csv, answers.jsonl, report.html, recordings */
    snprintf(path, sizeof path, "%s/recordings", folder);
    CHECK_INT(count_files(path), 2);
    snprintf(path, sizeof path, "%s/answers.csv", folder);
    check_csv(f, path, NULL);
    CHECK(!test_run.current_failed);
    size_t size = 0;
    snprintf(path, sizeof path, "%s/report.html", folder);
    char *html = support_slurp(path, &size);
    bool has_report = html && size > 0;
    free(html);
    CHECK(has_report);
    CHECK_INT(export_folder(&request, &counts, err, sizeof err), 0); /* again, over the first */
    CHECK(!dir_has(folder, ".tmp-"));
    snprintf(path, sizeof path, "%s/sayso.db/usb", f->dir); /* under a file */
    request.out_path = path;
    CHECK_INT(export_folder(&request, &counts, err, sizeof err), -1);
    CHECK(strstr(err, path));
}

/* Cells a spreadsheet would run as formulas (OWASP: =, +, -, @, tab,
 * carriage return first) are exported with a leading '; JSON Lines and
 * the database keep the exact text. */
EXPORT_CASE(csv_formulas_neutralised)
{
    static const char *const typed[] = {"=HYPERLINK(\"http://x.example\",\"open\")", "+1+2", "-3",
                                        "@SUM(A1:A2)", "\tTab", "\rReturn", "fine = yes"};
    enum { N = sizeof typed / sizeof typed[0] };
    char err[512], session[STORE_UUID_SIZE], jsonl[192];
    Store *s = store_open(f->db, err, sizeof err);
    CHECK(s);
    StoreSessionInfo info = {"forum", "1", "en", "touch", "self", "=cmd|' /C calc'!A0"};
    int rc = store_session_begin(s, &info, session);
    for (int i = 0; i < N; i++) {
        char question[16];
        snprintf(question, sizeof question, "q%d", i);
        rc |= store_text_put(s, session, question, typed[i]);
    }
    store_close(s);
    CHECK_INT(rc, 0);
    ExportRequest request = request_for(f, EXPORT_CSV, f->out);
    CHECK_INT(export_run(&request, NULL, err, sizeof err), 0);
    Table *t = table_read(f->out);
    CHECK(t);
    int found = 0, col_q = -1, col_text = -1, col_group = -1;
    for (int c = 0; c < N_COLUMNS; c++) { /* by name: columns may be added */
        const char *h = t->cells[0][c] ? t->cells[0][c] : "";
        col_q = strcmp(h, "question") == 0 ? c : col_q;
        col_text = strcmp(h, "text") == 0 ? c : col_text;
        col_group = strcmp(h, "group") == 0 ? c : col_group;
    }
    CHECK(col_q >= 0 && col_text >= 0 && col_group >= 0);
    for (int r = 1; r < t->n_rows; r++) {
        const char *q = t->cells[r][col_q], *text = t->cells[r][col_text], *group = t->cells[r][col_group];
        if (!q || q[0] != 'q')
            continue;
        int i = atoi(q + 1);
        char want[128];
        snprintf(want, sizeof want, "%s%s", i < N - 1 ? "'" : "", typed[i]);
        found += text && strcmp(text, want) == 0 && group && strcmp(group, "'=cmd|' /C calc'!A0") == 0;
    }
    table_free(t);
    CHECK_INT(found, N);
    snprintf(jsonl, sizeof jsonl, "%s/out.jsonl", f->dir);
    request = request_for(f, EXPORT_JSONL, jsonl);
    CHECK_INT(export_run(&request, NULL, err, sizeof err), 0);
    size_t size = 0;
    char *text = support_slurp(jsonl, &size);
    bool exact = text && strstr(text, "\"=HYPERLINK(\\\"http://x.example\\\"") &&
                 strstr(text, "\"@SUM(A1:A2)\"") && strstr(text, "\"=cmd|' /C calc'!A0\"") &&
                 !strstr(text, "'=");
    free(text);
    CHECK(exact);
}

/* Exports are 0600 (only the kiosk's user reads people's answers), and a
 * stricter umask takes away more; the staff folder is 0700. */
EXPORT_CASE(export_files_are_private)
{
    char err[512], folder[192], path[256];
    struct stat st;
    mode_t old = umask(022);
    ExportRequest request = request_for(f, EXPORT_CSV, f->out);
    int rc = export_run(&request, NULL, err, sizeof err);
    int csv_mode = stat(f->out, &st) == 0 ? (int)(st.st_mode & 0777) : -1;
    snprintf(path, sizeof path, "%s/recordings", f->dir);
    DIR *d = opendir(path);
    struct dirent *e;
    int wav_modes = 0;
    while (d && (e = readdir(d))) {
        char wav[512];
        snprintf(wav, sizeof wav, "%s/%s", path, e->d_name);
        if (e->d_name[0] != '.' && stat(wav, &st) == 0)
            wav_modes |= (int)(st.st_mode & 0777);
    }
    if (d)
        closedir(d);
    umask(0277);
    snprintf(folder, sizeof folder, "%s/stick", f->dir);
    request.out_path = folder;
    int rc2 = export_folder(&request, NULL, err, sizeof err);
    snprintf(path, sizeof path, "%s/answers.jsonl", folder);
    int strict_mode = stat(path, &st) == 0 ? (int)(st.st_mode & 0777) : -1;
    int folder_mode = stat(folder, &st) == 0 ? (int)(st.st_mode & 0777) : -1;
    umask(old);
    CHECK_INT(rc, 0);
    CHECK_INT(csv_mode, 0600);
    CHECK_INT(wav_modes, 0600);
    CHECK_INT(rc2, 0);
    CHECK_INT(strict_mode, 0400);
    CHECK_INT(folder_mode, 0500);
    chmod(folder, 0700);
}

/* A killed export (a stick pulled out) leaves NAME.tmp-XXXXXX beside the
 * output and in recordings/: the next export removes them, but never a
 * temporary file another export is writing now (it holds a lock). */
EXPORT_CASE(stale_temp_files_removed)
{
    char err[512], path[256], busy_tmp[256];
    support_write_file(f->dir, "out.csv.tmp-Ab3xYz", "session_id,half a row");
    snprintf(path, sizeof path, "%s/recordings", f->dir);
    mkdir(path, 0700);
    support_write_file(path, "0000.wav.tmp-q1W2e3", "RIFF");
    support_write_file(f->dir, "notes.tmp-1", "not ours: the wrong shape of name");
    AtomicFile busy;
    snprintf(path, sizeof path, "%s/other.csv", f->dir);
    CHECK_INT(atomic_file_open(&busy, path, 0600), 0);
    snprintf(busy_tmp, sizeof busy_tmp, "%s", busy.tmp);
    ExportRequest request = request_for(f, EXPORT_CSV, f->out);
    int rc = export_run(&request, NULL, err, sizeof err);
    bool busy_kept = access(busy_tmp, F_OK) == 0;
    atomic_file_abort(&busy);
    CHECK_INT(rc, 0);
    CHECK(busy_kept);
    CHECK(!dir_has(f->dir, "out.csv.tmp-"));
    snprintf(path, sizeof path, "%s/recordings", f->dir);
    CHECK(!dir_has(path, ".tmp-"));
    CHECK(dir_has(f->dir, "notes.tmp-1"));
}

/* Runs `command`, keeps its stdout in `out`; returns the exit status. */
static int run(const char *command, char *out, size_t size)
{
    FILE *p = popen(command, "r");
    size_t n = p ? fread(out, 1, size - 1, p) : 0;
    out[n] = '\0';
    int status = p ? pclose(p) : -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* `sayso export` on the real binary: its exit status and its one line. */
EXPORT_CASE(sayso_export_command)
{
    const char *bin = support_bin();
    char command[1024], out[1024], want[512];
    snprintf(command, sizeof command,
             "%s export --db %s --format csv --out %s --config config/forum 2>%s/stderr", bin,
             f->db, f->out, f->dir);
    int status = run(command, out, sizeof out);
    snprintf(want, sizeof want,
             "sayso: wrote 13 answers of 4 sessions to %s (2 recordings in %s/recordings/)\n",
             f->out, f->dir);
    CHECK_INT(status, 0);
    CHECK_STR(out, want);
    check_csv(f, f->out, NULL);
    CHECK(!test_run.current_failed);
    snprintf(command, sizeof command,
             "%s export --db %s --format jsonl --out %s/x.jsonl --config %s/none 2>&1 >/dev/null",
             bin, f->db, f->dir, f->dir);
    status = run(command, out, sizeof out);
    CHECK_INT(status, 0); /* no survey: names only, and a note */
    CHECK(strstr(out, "names without labels"));
    snprintf(command, sizeof command,
             "%s export --db %s/none.db --format jsonl --out %s/x.jsonl 2>&1", bin, f->dir,
             f->dir);
    status = run(command, out, sizeof out);
    CHECK_INT(status, 1);
    CHECK(strstr(out, "none.db") && strstr(out, "No such file"));
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    RUN(reader_reads_what_the_store_wrote);
    RUN(csv_matches_the_database);
    RUN(recordings_round_trip);
    RUN(jsonl_matches_the_database);
    RUN(jsonl_strings_as_jansson_writes_them);
    RUN(since_and_group_filter);
    RUN(export_is_read_only);
    RUN(reader_snapshot_while_the_kiosk_writes);
    RUN(export_during_an_open_write_transaction);
    RUN(on_session_after_the_file);
    RUN(names_only_without_a_survey);
    RUN(plain_messages);
    RUN(folder_export);
    RUN(csv_formulas_neutralised);
    RUN(export_files_are_private);
    RUN(stale_temp_files_removed);
    RUN(sayso_export_command);
    return TEST_SUMMARY();
}
