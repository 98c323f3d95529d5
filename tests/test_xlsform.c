/* test_xlsform.c: XLSForm forms through the real binary, headless.
 *
 * Each case runs `sayso` (SAYSO_BIN, else ./sayso) on a script through a
 * form with skip logic, a cascade, constraints, groups, numbers, dates
 * and ${name} notes, and checks the rows stored: numbers as numbers,
 * dates as dates, answers no longer asked gone. A workbook written by the
 * test is dropped into a folder and run as it is; one the kiosk cannot
 * ask is refused by `sayso check` and by the kiosk, naming its place. */
#include "test_support.h"
#include "test_workbook.h"

#include <sys/stat.h>
#include <time.h>

static char dir[64];
static char db_dir[64]; /* the databases: in memory (tmpfs) when it can, as the kiosk's fsyncs are slow on a busy disk */

static void make_db_dir(void)
{
    snprintf(db_dir, sizeof db_dir, "/dev/shm/sayso-xlsform-XXXXXX");
    if (!mkdtemp(db_dir))
        snprintf(db_dir, sizeof db_dir, "%s", dir);
}

static void remove_db_dir(void)
{
    if (strcmp(db_dir, dir) != 0 && strncmp(db_dir, "/dev/shm/sayso-", 15) == 0)
        nftw(db_dir, support_remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* Runs tests/e2e/NAME.script on `config`; its database is NAME.db and its
 * shots go into NAME/. */
static int run_script(const char *name, const char *config)
{
    char args[640];
    snprintf(args, sizeof args, "--headless --script tests/e2e/%s.script --config %s --db %s/%s.db --shots %s/%s",
             name, config, db_dir, name, dir, name);
    return support_run(dir, NULL, args);
}

/* One value of NAME.db, as text. */
static const char *value(const char *db, const char *sql)
{
    static char out[256];
    char file[64];
    snprintf(file, sizeof file, "%s.db", db);
    support_query(db_dir, file, sql, out, sizeof out);
    return out;
}

static int count(const char *db, const char *sql)
{
    char file[64];
    snprintf(file, sizeof file, "%s.db", db);
    return support_query_int(db_dir, file, sql);
}

/* A shot that is the screen's size and not blank. */
static bool shot_ok(const char *name)
{
    SDL_Surface *s = support_load_png(dir, name);
    bool ok = s && s->w == 1920 && s->h == 1080 && support_colours(s, 2, 32) >= 8;
    SDL_FreeSurface(s);
    return ok;
}

static void local_today(char out[16])
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, 16, "%Y-%m-%d", &tm);
}

static void test_skip_logic_cascade_constraint(void)
{
    char today[16];
    local_today(today);
    CHECK_INT(run_script("xlsform_logic", "tests/surveys/logic"), 0);
    const char *db = "xlsform_logic";
    CHECK_STR(value(db, "SELECT ended_how FROM session"), "finished");
    CHECK_INT(count(db, "SELECT count(*) FROM answer WHERE question = 'pet'"), 0);  /* no pet after all */
    CHECK_STR(value(db, "SELECT choice FROM answer WHERE question = 'has_pet'"), "no");
    CHECK_STR(value(db, "SELECT typeof(value) || ' ' || value FROM answer WHERE question = 'age'"), "integer 40");
    CHECK_STR(value(db, "SELECT typeof(value) || ' ' || value FROM answer WHERE question = 'age_next'"), "integer 41");
    CHECK_STR(value(db, "SELECT choice FROM answer WHERE question = 'town'"), "coast");
    CHECK_INT(count(db, "SELECT count(*) FROM answer WHERE question = 'needs' AND choice IN ('food', 'other')"), 2);
    CHECK_STR(value(db, "SELECT text FROM answer WHERE question = 'needs:other'"), "bike");
    CHECK_STR(value(db, "SELECT value FROM answer WHERE question = 'visit'"), today);
    CHECK_STR(value(db, "SELECT text FROM answer WHERE question = 'comment'"), "nothing");
    CHECK_STR(value(db, "SELECT value FROM answer WHERE question = 'day'"), today);
    CHECK(support_is_utc_ms(value(db, "SELECT value FROM answer WHERE question = 'ended'")));
    CHECK(shot_ok("xlsform_logic/required.png"));
    CHECK(shot_ok("xlsform_logic/note.png"));
    CHECK(shot_ok("xlsform_logic/cascade.png"));
}

/* What the types script picks: today, then a year back and a month back
 * (the month goes round within the year; the day stays, or is the
 * month's last). */
static const char *picked_date(void)
{
    static char out[48];
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    int y = tm.tm_year + 1900 - 1, m = tm.tm_mon == 0 ? 12 : tm.tm_mon, d = tm.tm_mday;
    int last = m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : days[m - 1];
    snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d < last ? d : last);
    return out;
}

static void test_numbers_dates_and_other(void)
{
    CHECK_INT(run_script("xlsform_types", "tests/surveys/types"), 0);
    const char *db = "xlsform_types";
    CHECK_STR(value(db, "SELECT typeof(value) || ' ' || value FROM answer WHERE question = 'age'"), "integer 42");
    CHECK_STR(value(db, "SELECT typeof(value) || ' ' || value FROM answer WHERE question = 'weight'"), "real 6.5");
    CHECK_STR(value(db, "SELECT text FROM answer WHERE question = 'phone'"), "+077");
    CHECK_STR(value(db, "SELECT typeof(value) FROM answer WHERE question = 'visit'"), "text");
    CHECK_STR(value(db, "SELECT value FROM answer WHERE question = 'visit'"), picked_date());
    CHECK_STR(value(db, "SELECT substr(value, 6) FROM answer WHERE question = 'moved'"), "12-01");
    CHECK_STR(value(db, "SELECT value FROM answer WHERE question = 'read'"), "OK");
    CHECK_STR(value(db, "SELECT choice FROM answer WHERE question = 'travel'"), "other");
    CHECK_STR(value(db, "SELECT text FROM answer WHERE question = 'travel:other'"), "bike");
    CHECK(shot_ok("xlsform_types/visit.png"));
    CHECK(shot_ok("xlsform_types/age.png"));
}

static void test_field_list_pages(void)
{
    CHECK_INT(run_script("xlsform_fieldlist", "tests/surveys/fieldlist"), 0);
    const char *db = "xlsform_fieldlist";
    CHECK_STR(value(db, "SELECT group_concat(question || '=' || coalesce(choice, value), ' ') FROM"
                        " (SELECT * FROM answer ORDER BY rowid)"),
              "helped=yes return=yes agree=OK times=2 feel=happy feel_staff=calm");
    CHECK(shot_ok("xlsform_fieldlist/page-notice.png"));
}

/* The same page at the largest writing size on a small screen: in parts,
 * and Next finding a required question unanswered shows its part. */
static void test_field_list_page_in_parts(void)
{
    CHECK_INT(run_script("xlsform_fieldlist_parts", "tests/surveys/fieldlist --size 1280x800"), 0);
    CHECK_STR(value("xlsform_fieldlist_parts", "SELECT group_concat(question || '=' || coalesce(choice, value), ' ')"
                                               " FROM (SELECT * FROM answer ORDER BY rowid)"),
              "helped=yes return=yes agree=OK");
    SDL_Surface *shot = support_load_png(dir, "xlsform_fieldlist_parts/notice.png");
    CHECK(shot && shot->w == 1280 && shot->h == 800);
    SDL_FreeSurface(shot);
}

/* The new controls by keyboard alone. */
static void test_keyboard_reaches_the_new_controls(void)
{
    CHECK_INT(run_script("xlsform_keyboard", "tests/surveys/types"), 0);
    const char *db = "xlsform_keyboard";
    CHECK_STR(value(db, "SELECT value FROM answer WHERE question = 'age'"), "14");
    CHECK_STR(value(db, "SELECT value FROM answer WHERE question = 'read'"), "OK");
    CHECK_STR(value(db, "SELECT value > date('now', 'localtime', '+1 year') FROM answer WHERE question = 'visit'"),
              "1");
    CHECK_STR(value(db, "SELECT input_used FROM session"), "touch,keyboard");
}

/* The exports and the report carry the new kinds: numbers as numbers,
 * dates as ISO dates, the group as a heading, phone numbers not printed.
 * Reads what test_numbers_dates_and_other stored. */
static void test_exports_carry_numbers_and_dates(void)
{
    char args[512], path[160];
    static const char *const formats[] = {"csv", "jsonl", "html"};
    for (int i = 0; i < 3; i++) {
        snprintf(args, sizeof args, "export --db %s/xlsform_types.db --config tests/surveys/types --format %s --out %s/types.%s",
                 db_dir, formats[i], dir, formats[i]);
        CHECK_INT(support_run(dir, NULL, args), 0);
    }
    snprintf(path, sizeof path, "%s/types.csv", dir);
    char *csv = support_slurp(path, NULL);
    CHECK(csv && strstr(csv, ",answered_at,value\r\n"));
    CHECK(strstr(csv, ",42\r\n") && strstr(csv, ",6.5\r\n") && strstr(csv, ",OK\r\n"));
    free(csv);
    snprintf(path, sizeof path, "%s/types.jsonl", dir);
    char *jsonl = support_slurp(path, NULL);
    CHECK(jsonl && strstr(jsonl, "\"question\":\"age\"") && strstr(jsonl, "\"value\":42}"));
    CHECK(strstr(jsonl, "\"value\":6.5}") && strstr(jsonl, "\"value\":\"OK\"}"));
    free(jsonl);
    snprintf(path, sizeof path, "%s/types.html", dir);
    char *html = support_slurp(path, NULL);
    CHECK(html && strstr(html, "<h2 class=\"group\">About you</h2>"));
    CHECK(strstr(html, "lowest <strong>42</strong>") && strstr(html, "1</strong> phone number given"));
    CHECK(!strstr(html, "+077"));  /* the number itself is not on a printed page */
    CHECK(strstr(html, "Other, in their own words") && strstr(html, "bike"));
    free(html);
}

/* ---- a workbook dropped into the kiosk's survey folder ---- */

static const SheetText dropped[] = {
    {"survey", "type|name|label::English (en)|relevant|constraint|repeat_count\n"
               "select_one yes_no|visited|Have you been before?||\n"
               "integer|times|How many times?|${visited} = 'yes'|. > 0|\n"
               "note|bye|Thank you: ${times} times.||\n"},
    {"choices", "list_name|name|label::English (en)\n"
                "yes_no|yes|Yes\n"
                "yes_no|no|No\n"},
    {"settings", "form_title|form_id|version\n"
                 "Dropped in|dropped|#n3\n"},
};

static void test_workbook_dropped_into_the_folder(void)
{
    char folder[128], path[192], args[512];
    snprintf(folder, sizeof folder, "%s/drop", dir);
    CHECK(mkdir(folder, 0755) == 0);
    CHECK(write_book(folder, "form.xlsx", dropped, 3, false, path, sizeof path));
    snprintf(args, sizeof args, "check --config %s", folder);
    CHECK_INT(support_run(dir, NULL, args), 0);
    char line[320];
    snprintf(line, sizeof line, "%s/form.xlsx:survey: column \"repeat_count\" is not used by sayso", folder);
    CHECK(support_output_has(dir, line));
    CHECK(support_output_has(dir, "ok, 3 questions, 1 warning"));
    support_write_file(dir, "drop.script",
                       "expect welcome\ntap start\nexpect consent\ntap yes\n"
                       "expect question:visited\ntap yes\ntap next\nexpect question:times\ntap key:0\ntap next\n"
                       "expect question:times\ntap key:backspace\ntap key:3\ntap next\nexpect question:bye\n"
                       "tap next\nexpect review\ntap next\nexpect thanks\n");
    snprintf(args, sizeof args, "--headless --script %s/drop.script --config %s --db %s/drop.db", dir, folder, db_dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    CHECK_STR(value("drop", "SELECT survey_id || ' ' || survey_version FROM session"), "dropped 3");
    CHECK_STR(value("drop", "SELECT typeof(value) || ' ' || value FROM answer WHERE question = 'times'"), "integer 3");
    snprintf(args, sizeof args, "--headless --script %s/drop.script --config %s --db %s/drop.db", dir, path, db_dir);
    CHECK_INT(support_run(dir, NULL, args), 0);  /* the workbook named itself */
    CHECK_INT(count("drop", "SELECT count(*) FROM session WHERE ended_how = 'finished'"), 2);
}

/* A form the kiosk cannot ask: check and the kiosk both name the place. */
static void test_refused_workbook_names_the_place(void)
{
    static const SheetText sheets[] = {
        {"survey", "type|name|label\n"
                   "text|name|Your name\n"
                   "geopoint|where|Where are you?\n"}};
    char path[192], args[512], line[320];
    CHECK(write_book(dir, "refused.xlsx", sheets, 1, false, path, sizeof path));
    snprintf(line, sizeof line, "%s:survey:3: type \"geopoint\" cannot be asked: a kiosk has no location to record",
             path);
    snprintf(args, sizeof args, "check --config %s", path);
    CHECK_INT(support_run(dir, NULL, args), 1);
    CHECK(support_output_has(dir, line));
    support_write_file(dir, "none.script", "expect welcome\n");
    snprintf(args, sizeof args, "--headless --script %s/none.script --config %s --db %s/refused.db", dir, path, db_dir);
    CHECK(support_run(dir, NULL, args) != 0);
    CHECK(support_output_has(dir, line));
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "xlsform") != 0)
        return 1;
    make_db_dir();
    RUN(test_skip_logic_cascade_constraint);
    RUN_PLAIN_PASS_ONLY(test_numbers_dates_and_other);
    RUN_PLAIN_PASS_ONLY(test_exports_carry_numbers_and_dates);
    RUN_PLAIN_PASS_ONLY(test_field_list_pages);
    RUN_PLAIN_PASS_ONLY(test_field_list_page_in_parts);
    RUN_PLAIN_PASS_ONLY(test_keyboard_reaches_the_new_controls);
    RUN(test_workbook_dropped_into_the_folder);
    RUN(test_refused_workbook_names_the_place);
    remove_db_dir();
    return support_finish(dir);
}
