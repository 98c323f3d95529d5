/* test_xlsx.c: .xlsx workbooks, read as cells and loaded as surveys.
 *
 * Every workbook is written by the test itself: with libxlsxwriter (the
 * way a spreadsheet program writes them: shared strings, or inline
 * strings in its constant-memory mode, numbers, booleans, dates, rich
 * text, formulas with their results) and, for what it cannot write (the
 * 1904 date system, cells without references, errors, _xHHHH_ escapes,
 * parts in unusual places), as XML parts zipped with libzip. Then forms
 * as XLSForm tools write them: header variants, sheets in any letter
 * case, errors that name the sheet, row and cell, and warnings for what
 * sayso does not use. */
#include <zip.h>

#include "survey/xlsx.h"
#include "test_support.h"
#include "test_workbook.h"

static char tmp[64];

/* A workbook of hand-written XML parts: {name, xml, name, xml, ..., NULL}. */
static bool zip_parts(const char *path, const char *const *parts)
{
    int err;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    for (int i = 0; z && parts[i]; i += 2) {
        zip_source_t *src = zip_source_buffer(z, parts[i + 1], strlen(parts[i + 1]), 0);
        if (!src || zip_file_add(z, parts[i], src, ZIP_FL_OVERWRITE) < 0)
            return false;
    }
    return z && zip_close(z) == 0;
}

/* ---- reading cells ---- */

typedef struct {
    char cells[64][96];
    int n;
} Cells;

static void collect(void *ctx, const XlsxCell *cell)
{
    Cells *c = ctx;
    char col[8];
    xlsx_column_name(cell->col, col);
    if (c->n < 64)
        snprintf(c->cells[c->n++], sizeof c->cells[0], "%s%d:%d:%s", col, cell->row, (int)cell->kind, cell->text);
}

/* The cells of sheet `sheet` of the workbook at `path`, one "A1:kind:text" each. */
static bool read_cells(const char *path, int sheet, Cells *out, char *err, size_t size)
{
    memset(out, 0, sizeof *out);
    Xlsx *book = xlsx_open(path, err, size);
    if (!book)
        return false;
    int rc = xlsx_sheet_cells(book, sheet, collect, out, err, size);
    xlsx_close(book);
    return rc == 0;
}

static bool has_cell(const Cells *c, const char *want)
{
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->cells[i], want) == 0)
            return true;
    printf("    no cell %s among %d:", want, c->n);
    for (int i = 0; i < c->n; i++)
        printf(" [%s]", c->cells[i]);
    printf("\n");
    return false;
}

static void check_values(bool inline_strings)
{
    const SheetText sheets[] = {{"data", "text|#n12|#n0.5|#btrue|#d2026-03-01\n"
                                         "@5\n"
                                         "|after a gap|#n-3|#bfalse|#f=1+1^two\n"
                                         "line one~line two|ł\xC3\xB3\xC5\xBC\x6B\x6F"}};
    char path[128], err[256];
    Cells c;
    CHECK(write_book(tmp, inline_strings ? "inline.xlsx" : "shared.xlsx", sheets, 1, inline_strings, path, sizeof path));
    CHECK(read_cells(path, 0, &c, err, sizeof err));
    CHECK(has_cell(&c, "A1:0:text"));
    CHECK(has_cell(&c, "B1:1:12"));
    CHECK(has_cell(&c, "C1:1:0.5"));
    CHECK(has_cell(&c, "D1:2:TRUE"));
    CHECK(has_cell(&c, "E1:3:2026-03-01"));
    CHECK(has_cell(&c, "B5:0:after a gap"));
    CHECK(has_cell(&c, "C5:1:-3"));
    CHECK(has_cell(&c, "D5:2:FALSE"));
    CHECK(has_cell(&c, "E5:0:two"));
    CHECK(has_cell(&c, "A6:0:line one\r\nline two"));
    CHECK(has_cell(&c, "B6:0:ł\xC3\xB3\xC5\xBC\x6B\x6F"));
    CHECK_INT(c.n, 11);
}

static void test_reader_shared_strings(void) { check_values(false); }
static void test_reader_inline_strings(void) { check_values(true); }

static void test_reader_rich_text(void)
{
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/rich.xlsx", tmp);
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "survey");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_rich_string_tuple a = {NULL, "How "}, b = {bold, "often"}, c2 = {NULL, " do you come?"};
    lxw_rich_string_tuple *parts[] = {&a, &b, &c2, NULL};
    worksheet_write_rich_string(ws, 0, 0, parts, NULL);
    CHECK(workbook_close(wb) == LXW_NO_ERROR);
    Cells c;
    CHECK(read_cells(path, 0, &c, err, sizeof err));
    CHECK(has_cell(&c, "A1:0:How often do you come?"));
}

/* What libxlsxwriter never writes: the 1904 date system, cells without
 * references, an error, a formula's text, escapes, phonetic runs, and a
 * workbook part found through _rels/.rels at an unusual path. */
static void test_reader_hand_made_parts(void)
{
    static const char *const parts[] = {
        "[Content_Types].xml", "<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>",
        "_rels/.rels",
        "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
        "<Relationship Id='r1' Type='http://x/officeDocument' Target='book/wb.xml'/></Relationships>",
        "book/wb.xml",
        "<workbook xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'>"
        "<workbookPr date1904='true'/><sheets><sheet name='Survey' sheetId='1' r:id='s1'/></sheets></workbook>",
        "book/_rels/wb.xml.rels",
        "<Relationships><Relationship Id='s1' Type='http://x/worksheet' Target='../sheets/one.xml'/>"
        "<Relationship Id='t' Type='http://x/sharedStrings' Target='/book/strings.xml'/>"
        "<Relationship Id='st' Type='http://x/styles' Target='styles.xml'/></Relationships>",
        "book/strings.xml",
        "<sst><si><t>first</t></si><si><r><t>rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh></si>"
        "<si><t>a_x000D_b</t></si></sst>",
        "book/styles.xml",
        "<styleSheet><numFmts><numFmt numFmtId='164' formatCode='\"Day\" dd/mm/yyyy'/></numFmts>"
        "<cellXfs><xf numFmtId='0'/><xf numFmtId='164'/><xf numFmtId='2'/></cellXfs></styleSheet>",
        "sheets/one.xml",
        "<worksheet><sheetData><row><c t='s'><v>0</v></c><c t='s'><v>1</v></c><c t='s'><v>2</v></c></row>"
        "<row r='4'><c s='1'><v>0</v></c><c s='2'><v>1.5</v></c><c t='e'><v>#N/A</v></c>"
        "<c t='str'><f>A1</f><v>formula text</v></c><c r='H4' t='inlineStr'><is><t xml:space='preserve'> x </t></is></c>"
        "<c/><c r='J4'/></row></sheetData></worksheet>",
        NULL};
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/hand.xlsx", tmp);
    CHECK(zip_parts(path, parts));
    Xlsx *book = xlsx_open(path, err, sizeof err);
    if (!book)
        printf("    %s\n", err);
    CHECK(book);
    CHECK_INT(xlsx_sheet_count(book), 1);
    CHECK_STR(xlsx_sheet_name(book, 0), "Survey");
    xlsx_close(book);
    Cells c;
    CHECK(read_cells(path, 0, &c, err, sizeof err));
    CHECK(has_cell(&c, "A1:0:first"));
    CHECK(has_cell(&c, "B1:0:rich text"));
    CHECK(has_cell(&c, "C1:0:a\rb"));
    CHECK(has_cell(&c, "A4:3:1904-01-01"));
    CHECK(has_cell(&c, "B4:1:1.5"));
    CHECK(has_cell(&c, "C4:4:#N/A"));
    CHECK(has_cell(&c, "D4:0:formula text"));
    CHECK(has_cell(&c, "H4:0: x "));
    CHECK_INT(c.n, 8);
}

/* Files that are not workbooks, and workbooks that are broken, are
 * refused with a reason; nothing crashes. */
static void test_reader_refuses_broken(void)
{
    char path[128], err[256];
    support_write_file(tmp, "text.xlsx", "type,name,label\n");
    snprintf(path, sizeof path, "%s/text.xlsx", tmp);
    CHECK(xlsx_open(path, err, sizeof err) == NULL);
    CHECK(strstr(err, "not an .xlsx workbook") != NULL);
    support_write_file(tmp, "old.xlsx", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of an OLE file");
    snprintf(path, sizeof path, "%s/old.xlsx", tmp);
    CHECK(xlsx_open(path, err, sizeof err) == NULL);
    CHECK(strstr(err, "old Excel file (.xls) or a workbook with a password") != NULL);
    static const char *const empty[] = {"hello.txt", "hello", NULL};
    snprintf(path, sizeof path, "%s/nobook.xlsx", tmp);
    CHECK(zip_parts(path, empty));
    CHECK(xlsx_open(path, err, sizeof err) == NULL);
    CHECK(strstr(err, "no part xl/workbook.xml") != NULL);
    static const char *const broken[] = {
        "xl/workbook.xml", "<workbook><sheets><sheet name='survey' id='a'/></sheets></workbook>",
        "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id='a' Target='s.xml'/></Relationships>",
        "xl/s.xml", "<worksheet>\n<sheetData>\n<row><c><v>1</v></row></sheetData></worksheet>", NULL};
    snprintf(path, sizeof path, "%s/broken.xlsx", tmp);
    CHECK(zip_parts(path, broken));
    Cells c;
    CHECK(!read_cells(path, 0, &c, err, sizeof err));
    CHECK(strstr(err, "the sheet's XML is broken at line 3") != NULL);
    static const char *const far[] = {
        "xl/workbook.xml", "<workbook><sheets><sheet name='survey' id='a'/></sheets></workbook>",
        "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id='a' Target='s.xml'/></Relationships>",
        "xl/s.xml", "<worksheet><sheetData><row><c r='XFE1'><v>1</v></c></row></sheetData></worksheet>", NULL};
    snprintf(path, sizeof path, "%s/far.xlsx", tmp);
    CHECK(zip_parts(path, far));
    CHECK(!read_cells(path, 0, &c, err, sizeof err));
    CHECK(strstr(err, "beyond row 1048576 or column XFD") != NULL);
}

static void test_column_names(void)
{
    char col[8];
    xlsx_column_name(0, col);
    CHECK_STR(col, "A");
    xlsx_column_name(25, col);
    CHECK_STR(col, "Z");
    xlsx_column_name(26, col);
    CHECK_STR(col, "AA");
    xlsx_column_name(16383, col);
    CHECK_STR(col, "XFD");
}

/* ---- surveys from workbooks ---- */

/* A form as XLSForm tools write it: sheets in capitals, "label:English",
 * "list name", a number as the version, TRUE as required, a date default. */
static const SheetText form_sheets[] = {
    {"SURVEY", "TYPE|NAME|LABEL:English|Label::Polski (pl)|hint::english|required|default\n"
               "select one from yes_no|happy|Are you happy?|Czy jesteś szczęśliwy?|||\n"
               "integer|age|How old are you?|Ile masz lat?||#btrue|\n"
               "@6\n"
               "date|visit|When did you come?|Kiedy przyszedłeś?|Pick the day||#d2026-03-01\n"},
    {"choices", "list name|name|label::english|label::polski\n"
                "yes_no|yes|Yes|Tak\n"
                "yes_no|no|No|Nie\n"},
    {"Settings", "form_title|form_id|version|default_language\n"
                 "Visits|visits|#n2026030101|english\n"},
};

static Survey *load_logged(const char *path, SurveyProblems *problems)
{
    Survey *s = survey_load(path, NULL, problems);
    if (!s)
        survey_problems_print(problems, stdout);
    return s;
}

static void test_survey_from_workbook(void)
{
    char path[128];
    SurveyProblems problems;
    CHECK(write_book(tmp, "visits.xlsx", form_sheets, 3, false, path, sizeof path));
    Survey *s = load_logged(path, &problems);
    CHECK(s);
    CHECK_INT(problems.n, 0);
    survey_problems_free(&problems);
    bool ok = s->n_questions == 3 && s->n_languages == 2 && strcmp(s->languages[0].code, "en") == 0 &&
              strcmp(s->languages[1].code, "pl") == 0 && strcmp(s->languages[1].name, "Polski") == 0 &&
              strcmp(s->title, "Visits") == 0 && strcmp(s->version, "2026030101") == 0 &&
              strcmp(s->dir, tmp) == 0 && s->workbook && strcmp(s->workbook, path) == 0;
    const SurveyQuestion *q = s->questions;
    ok = ok && q[0].type == QUESTION_SELECT_ONE && strcmp(q[0].list->name, "yes_no") == 0 &&
         strcmp(survey_text(s, &q[0].label, 1), "Czy jesteś szczęśliwy?") == 0 && q[0].line == 2;
    ok = ok && q[1].type == QUESTION_INTEGER && q[1].required && q[2].type == QUESTION_DATE &&
         strcmp(q[2].default_value, "2026-03-01") == 0 && q[2].line == 6 &&
         strcmp(survey_text(s, &q[2].hint, 0), "Pick the day") == 0;
    survey_free(s);
    CHECK(ok);
}

/* Everything that is no question (a number as a name, here) is reported
 * at its sheet and row; expression errors name the cell. */
static void test_workbook_errors_name_sheet_and_row(void)
{
    const SheetText sheets[] = {
        {"survey", "type|name|label|relevant\n"
                   "text|who|Who are you?|\n"
                   "@9\n"
                   "geopoint|where|Where are you?|\n"
                   "text|what|What?|${wh0} = 'x'\n"
                   "note|n|Bye|${who} = \xE2\x80\x98x\xE2\x80\x99\n"}};
    char path[128], want[256];
    SurveyProblems problems;
    CHECK(write_book(tmp, "bad.xlsx", sheets, 1, false, path, sizeof path));
    Survey *s = survey_load(path, NULL, &problems);
    CHECK(s == NULL);
    survey_problems_print(&problems, stdout);
    CHECK_INT(problems.n, 3);
    snprintf(want, sizeof want, "%s:survey", path);
    CHECK_STR(problems.items[0].file, want);
    CHECK_INT(problems.items[0].line, 9);
    CHECK(strstr(problems.items[0].message, "type \"geopoint\" cannot be asked: a kiosk has no location") != NULL);
    CHECK_INT(problems.items[1].line, 10);
    CHECK(strstr(problems.items[1].message, "${wh0} at character 1 is not a question of this form") != NULL);
    CHECK_INT(problems.items[2].line, 11);
    CHECK(strstr(problems.items[2].message, "relevant (cell D11): curly quote") != NULL);
    survey_problems_free(&problems);
}

/* Columns, settings and sheets sayso does not use are warned about, with
 * their place, and the form still loads; `sayso check` prints them. */
static void test_workbook_warnings(void)
{
    const SheetText sheets[] = {
        {"survey", "type|name|label|repeat_count|bind::x\n"
                   "note|hello|Hello|2|\n"},
        {"settings", "form_title|instance_name\n"
                     "Hi|concat('a', 'b')\n"},
        {"notes", "anything\n"}};
    char path[128], *out = NULL, expected[1024];
    size_t len = 0;
    CHECK(write_book(tmp, "warn.xlsx", sheets, 3, false, path, sizeof path));
    FILE *f = open_memstream(&out, &len);
    int status = survey_check_main(path, NULL, f);
    fclose(f);
    snprintf(expected, sizeof expected,
             "%s: sheet \"notes\" is not used by sayso\n"
             "%s:survey: column \"repeat_count\" is not used by sayso\n"
             "%s:survey: column \"bind::x\" is not used by sayso\n"
             "%s:settings: setting \"instance_name\" is not used by sayso\n"
             "%s: ok, 1 question, 4 warnings\n",
             path, path, path, path, path);
    if (strcmp(out, expected) != 0)
        printf("    got:\n%s", out);
    CHECK_INT(status, 0);
    CHECK_STR(out, expected);
    free(out);
}

/* A folder holding one workbook is a survey; a lock file beside it is
 * not a second one; two workbooks, or a workbook beside survey.csv, are
 * refused rather than guessed at; an .xls says how to save it. */
static void test_folder_with_workbook(void)
{
    char dir[128], path[160], sub[128];
    SurveyProblems problems;
    snprintf(dir, sizeof dir, "%s/drop", tmp);
    CHECK(mkdir(dir, 0755) == 0);
    snprintf(sub, sizeof sub, "drop/form.xlsx");
    CHECK(write_book(tmp, sub, form_sheets, 3, true, path, sizeof path));
    support_write_file(dir, "~$form.xlsx", "lock");
    Survey *s = load_logged(dir, &problems);
    CHECK(s);
    CHECK_STR(s->dir, dir);
    survey_free(s);
    survey_problems_free(&problems);
    support_write_file(dir, "survey.csv", "type,name,label\nnote,n,Hi\n");
    CHECK(survey_load(dir, NULL, &problems) == NULL);
    CHECK(strstr(problems.items[0].message, "holds both survey.csv and form.xlsx") != NULL);
    survey_problems_free(&problems);
    snprintf(path, sizeof path, "%s/survey.csv", dir);
    remove(path);
    CHECK(write_book(tmp, "drop/other.xlsx", form_sheets, 3, false, path, sizeof path));
    CHECK(survey_load(dir, NULL, &problems) == NULL);
    CHECK(strstr(problems.items[0].message, "holds 2 workbooks (form.xlsx, other.xlsx); keep one") != NULL);
    survey_problems_free(&problems);
    snprintf(dir, sizeof dir, "%s/old", tmp);
    CHECK(mkdir(dir, 0755) == 0);
    support_write_file(dir, "form.xls", "\xD0\xCF\x11\xE0");
    CHECK(survey_load(dir, NULL, &problems) == NULL);
    CHECK(strstr(problems.items[0].message, "form.xls is an old Excel file (.xls)") != NULL);
    survey_problems_free(&problems);
}

/* Publishing lists what the survey is made of: the one workbook read
 * (never the Office lock file beside it, nor other files of the folder)
 * and the pictures it names, whether the folder or the workbook is named. */
static const SheetText media_sheets[] = {
    {"survey", "type|name|label|media::image\n"
               "select_one yes_no|happy|Are you happy?|happy.png\n"},
    {"choices", "list_name|name|label|image\n"
                "yes_no|yes|Yes|yes.png\n"
                "yes_no|no|No|\n"},
};

static int list_file(void *ctx, const char *name, const char *path)
{
    char *names = ctx;
    (void)path;
    strcat(names, name);
    strcat(names, " ");
    return 0;
}

static void test_workbook_survey_files(void)
{
    char dir[128], path[160], names[512] = "", err[256];
    SurveyProblems problems;
    snprintf(dir, sizeof dir, "%s/pub", tmp);
    CHECK(mkdir(dir, 0755) == 0);
    CHECK(write_book(tmp, "pub/form.xlsx", media_sheets, 2, false, path, sizeof path));
    support_write_file(dir, "~$form.xlsx", "lock");
    support_write_file(dir, "notes.txt", "not the survey's");
    support_write_file(dir, "happy.png", "png");
    support_write_file(dir, "yes.png", "png");
    const char *configs[2] = {dir, path};
    for (int i = 0; i < 2; i++) {
        Survey *s = load_logged(configs[i], &problems);
        survey_problems_free(&problems);
        CHECK(s);
        names[0] = '\0';
        CHECK_INT(s ? survey_files(configs[i], s, list_file, names, err, sizeof err) : -1, 0);
        CHECK_STR(names, "form.xlsx happy.png yes.png ");
        survey_free(s);
    }
}

/* XLSForm's "default" language beside a named one: the named column wins
 * and the plain one fills its empty cells; a language with no code is
 * looked up (own name shown), or warned about. */
static void test_workbook_languages(void)
{
    const SheetText sheets[] = {
        {"survey", "type|name|label|label::english|label::Kurmanji|label::French\n"
                   "note|a|Plain a|English a|Kurdî a|Français a\n"
                   "note|b|Plain b||Kurdî b|\n"}};
    char path[128];
    SurveyProblems problems;
    CHECK(write_book(tmp, "langs.xlsx", sheets, 1, false, path, sizeof path));
    Survey *s = load_logged(path, &problems);
    CHECK(s);
    CHECK_INT(problems.n, 0);
    CHECK_INT(s->n_languages, 3);
    CHECK_STR(s->languages[2].name, "Français");
    CHECK_STR(s->languages[2].code, "fr");
    CHECK_STR(s->languages[1].code, "ku");
    CHECK_STR(survey_text(s, &s->questions[0].label, 0), "English a");
    CHECK_STR(survey_text(s, &s->questions[1].label, 0), "Plain b");
    CHECK_STR(survey_text(s, &s->questions[1].label, 2), "Plain b");
    survey_free(s);
    survey_problems_free(&problems);
}

int main(void)
{
    if (support_temp_dir(tmp, sizeof tmp, "xlsx") != 0)
        return 1;
    RUN(test_reader_shared_strings);
    RUN(test_reader_inline_strings);
    RUN(test_reader_rich_text);
    RUN(test_reader_hand_made_parts);
    RUN(test_reader_refuses_broken);
    RUN(test_column_names);
    RUN(test_survey_from_workbook);
    RUN(test_workbook_errors_name_sheet_and_row);
    RUN(test_workbook_warnings);
    RUN(test_folder_with_workbook);
    RUN(test_workbook_survey_files);
    RUN(test_workbook_languages);
    return support_finish(tmp);
}
