/* test_e2e.c: the real binary, headless, through the whole forum survey.
 *
 * Each case runs `sayso` (SAYSO_BIN, else ./sayso) as a separate process on
 * a script, then checks what a person or a member of staff would: the rows
 * in the database, the screenshots (right size, not blank, screens differ),
 * the samples the disk audio driver wrote, and the messages of failures. */
#include <SDL.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recorder/wav.h"
#include "test_support.h"

static char dir[64];

static void test_design_example_runs_unchanged(void)
{
    char args[512];
    snprintf(args, sizeof args, "--headless --script tests/e2e/design_example.script --db %s/example.db --shots %s",
             dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    char how[32];
    support_query(dir, "example.db", "SELECT ended_how FROM session", how, sizeof how);
    CHECK_STR(how, "finished");
    CHECK_INT(support_query_int(dir, "example.db", "SELECT count(*) FROM session"), 1);
    CHECK_INT(support_query_int(dir, "example.db", "SELECT count(*) FROM answer WHERE question='positive' AND topic='gp' AND choice='good'"), 1);
    CHECK_INT(support_query_int(dir, "example.db", "SELECT count(*) FROM answer WHERE question='positive' AND topic='hospital' AND choice='not_sure'"), 1);
    CHECK_INT(support_query_int(dir, "example.db", "SELECT count(*) FROM answer WHERE question='positive' AND topic='mental_health' AND skipped=1"), 1);
    CHECK_INT(support_query_int(dir, "example.db", "SELECT count(*) FROM answer WHERE question='positive' AND skipped=1"), 10);
    CHECK_INT(support_query_int(dir, "example.db", "SELECT count(*) FROM answer WHERE question='change' AND choice IN ('listened','trusted_person')"), 2);
    CHECK_INT(support_query_int(dir, "example.db", "SELECT count(*) FROM answer WHERE question='barriers' AND skipped=1 AND choice IS NULL"), 1);
    CHECK_INT(support_query_int(dir, "example.db", "SELECT count(*) FROM answer WHERE question='involve' AND choice='co_design'"), 1);
    CHECK_INT(support_query_int(dir, "example.db", "SELECT count(*) FROM answer"), 12 + 2 + 1 + 1);
    char lang[16];
    support_query(dir, "example.db", "SELECT language FROM session", lang, sizeof lang);
    CHECK_STR(lang, "en");
}

/* Distinct colours (up to 64) of a shot, and a hash of all its pixels. */
static bool picture_stats(const char *name, int *w, int *h, int *colours, unsigned long *hash)
{
    SDL_Surface *s = support_load_png(dir, name);
    if (!s)
        return false;
    *w = s->w;
    *h = s->h;
    *colours = support_colours(s, 1, 64);
    *hash = 5381;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < s->w; x++)
            *hash = *hash * 33 + row[x];
    }
    SDL_FreeSurface(s);
    return true;
}

static void check_shots(int want_w, int want_h, const char *sub)
{
    static const char *const shots[] = {"welcome", "language", "consent", "positive", "stop-confirm",
                                        "mat-left", "change", "barriers", "involve", "review",
                                        "still-there", "thanks"};
    enum { N = sizeof shots / sizeof shots[0] };
    unsigned long hashes[N];
    for (int i = 0; i < N; i++) {
        char name[96];
        int w, h, colours;
        snprintf(name, sizeof name, "%s/%s.png", sub, shots[i]);
        CHECK(picture_stats(name, &w, &h, &colours, &hashes[i]));
        CHECK_INT(w, want_w);
        CHECK_INT(h, want_h);
        CHECK(colours >= 16);  /* not blank: symbols, text and cards */
        for (int j = 0; j < i; j++)
            CHECK(hashes[j] != hashes[i]);  /* every screen differs */
    }
}

static void test_screenshots_every_screen(void)
{
    char args[512];
    snprintf(args, sizeof args, "--headless --script tests/e2e/all_screens.script --db %s/shots.db --shots %s/land --size 1920x1080", dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    check_shots(1920, 1080, "land");
    snprintf(args, sizeof args, "--headless --script tests/e2e/all_screens.script --db %s/shots.db --shots %s/port --size 1080x1920", dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    check_shots(1080, 1920, "port");
    CHECK_INT(support_query_int(dir, "shots.db", "SELECT count(*) FROM session WHERE ended_how='finished'"), 2);
}

static void test_speak_writes_audio(void)
{
    char args[512], env[256], raw[128];
    support_write_file(dir, "speak.script", "expect welcome\ntap speak\n");
    support_path_in(dir, "audio.raw", raw, sizeof raw);
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s", raw);
    snprintf(args, sizeof args, "--headless --script %s/speak.script --db %s/a.db", dir, dir);
    CHECK_INT(support_run(dir, env, args), 0);
    FILE *f = fopen(raw, "rb");
    CHECK(f);
    short samples[4096];
    size_t n, loud = 0, total = 0;
    while ((n = fread(samples, sizeof samples[0], 4096, f)) > 0) {
        total += n;
        for (size_t i = 0; i < n; i++)
            loud += samples[i] > 1000 || samples[i] < -1000;
    }
    fclose(f);
    CHECK(total > 22050 / 2);  /* at least half a second was played */
    CHECK(loud > 1000);        /* and it was not silence */
}

/* Runs `script` with the sound written to a file: the loudest sample of
 * the last second that sounded (what was said last), or -1. */
static int last_words_loudest(const char *name, const char *script)
{
    char args[512], env[256], raw[128], file[64];
    snprintf(file, sizeof file, "%s.script", name);
    support_write_file(dir, file, script);
    support_path_in(dir, "volume.raw", raw, sizeof raw);
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s", raw);
    snprintf(args, sizeof args, "--headless --script %s/%s --db %s/%s.db", dir, file, dir, name);
    size_t size = 0;
    short *samples = support_run(dir, env, args) == 0 ? (short *)(void *)support_slurp(raw, &size) : NULL;
    size_t n = size / sizeof *samples, counted = 0;
    int loudest = samples ? 0 : -1;
    for (size_t i = n; samples && i-- > 0 && counted < 22050;) {
        if (samples[i] == 0 && counted == 0)
            continue;  /* the silence after the end */
        counted++;
        loudest = abs(samples[i]) > loudest ? abs(samples[i]) : loudest;
    }
    free(samples);
    unlink(raw);
    return loudest;
}

/* The volume control (id volume) on every screen: quiet, normal, loud in
 * turn; the kiosk's level (kiosk.ini volume = 2) again for the next person. */
static void test_volume_control_and_reset(void)
{
    int normal = last_words_loudest("normal", "expect welcome\ntap speak\n");
    int quiet = last_words_loudest("quiet", "expect welcome\ntap volume\ntap volume\ntap speak\n");
    int reset = last_words_loudest("reset", "expect welcome\ntap volume\ntap volume\ntap start\nexpect language\n"
                                            "tap speak\ntap back\nexpect welcome\ntap speak\n");
    printf("    loudest sample of the last words: normal %d, quiet %d, the next person %d\n", normal, quiet, reset);
    CHECK(normal > 1000);
    CHECK(quiet > 0 && quiet * 10 < normal * 6);
    CHECK(reset * 10 > quiet * 15);  /* the words said last differ a little: not quiet again */
}

static void test_expect_names_the_screen_found(void)
{
    char args[512];
    support_write_file(dir, "wrong.script", "expect welcome\nexpect review\n");
    snprintf(args, sizeof args, "--headless --script %s/wrong.script --db %s/w.db", dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 1);
    CHECK(support_output_has(dir, "wrong.script:2"));
    CHECK(support_output_has(dir, "found welcome"));
}

static void test_unknown_element_is_named(void)
{
    char args[512];
    support_write_file(dir, "nothing.script", "tap start\ntap lang:xx\n");
    snprintf(args, sizeof args, "--headless --script %s/nothing.script --db %s/n.db", dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 1);
    CHECK(support_output_has(dir, "no element \"lang:xx\" on screen language"));
    CHECK(support_output_has(dir, "lang:en"));
}

static void test_idle_timeout_ends_session(void)
{
    char args[512];
    support_write_file(dir, "idle.script",
                       "tap start\ntap lang:en\ntap yes\ntap next\ntap next\ntap listened\n"
                       "wait 89000\nexpect question:change\nwait 1000\nexpect still-there\n"
                       "wait 30000\nexpect welcome\n");
    snprintf(args, sizeof args, "--headless --script %s/idle.script --db %s/idle.db --shots %s", dir, dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    char how[32];
    support_query(dir, "idle.db", "SELECT ended_how FROM session", how, sizeof how);
    CHECK_STR(how, "timeout");
    CHECK_INT(support_query_int(dir, "idle.db", "SELECT count(*) FROM answer WHERE choice='listened'"), 1);
}

static void test_stop_keeps_what_was_answered(void)
{
    char args[512];
    support_write_file(dir, "stop.script", "tap start\ntap lang:en\ntap yes\ntap next\ntap next\ntap form_help\ntap stop\n"
                      "expect stop-confirm\ntap no\nexpect question:change\ntap stop\ntap yes\nexpect thanks\n");
    snprintf(args, sizeof args, "--headless --script %s/stop.script --db %s/stop.db", dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    char how[32];
    support_query(dir, "stop.db", "SELECT ended_how FROM session", how, sizeof how);
    CHECK_STR(how, "stopped");
    CHECK_INT(support_query_int(dir, "stop.db", "SELECT count(*) FROM answer WHERE choice='form_help'"), 1);
}

/* The mat by touch: a placed service dragged back to the pile (and one
 * touched, then the pile touched) is offered again; Next with services
 * left asks first; going on keeps them as not reached. */
static void test_mat_pile_and_mat_left(void)
{
    char args[512];
    support_write_file(dir, "pile.script",
                       "tap start\ntap lang:en\ntap yes\nexpect question:positive\n"
                       "drag gp good\ndrag hospital bad\ndrag gp pile\ntap not_sure\n"
                       "tap hospital\ntap pile\n"
                       "tap next\nexpect mat-left\ntap place\nexpect question:positive\n"
                       "tap next\nexpect mat-left\ntap next\nexpect question:change\n"
                       "tap stop\ntap yes\nexpect thanks\n");
    snprintf(args, sizeof args, "--headless --script %s/pile.script --db %s/pile.db --shots %s", dir, dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    CHECK_INT(support_query_int(dir, "pile.db", "SELECT count(*) FROM answer WHERE topic='gp' AND choice='not_sure'"), 1);
    CHECK_INT(support_query_int(dir, "pile.db", "SELECT count(*) FROM answer WHERE topic='hospital' AND not_reached=1"), 1);
    CHECK_INT(support_query_int(dir, "pile.db", "SELECT count(*) FROM answer WHERE not_reached=1 AND skipped=1"), 11);
}

/* With no microphone "Tell us in your own words" is not offered at all. */
static void test_no_own_words_without_a_microphone(void)
{
    char args[512];
    support_write_file(dir, "nowords.script", "tap start\ntap lang:en\ntap yes\ntap next\ntap next\n"
                                              "expect question:change\ntap own_words\n");
    snprintf(args, sizeof args, "--headless --script %s/nowords.script --db %s/nowords.db --shots %s", dir, dir, dir);
    CHECK_INT(support_run(dir, "SDL_AUDIODRIVER=no_such_driver", args), 1);  /* no sound card at all */
    CHECK(support_output_has(dir, "no element \"own_words\""));
}

static void test_bad_survey_is_refused_plainly(void)
{
    char args[512];
    snprintf(args, sizeof args, "--headless --script tests/e2e/design_example.script --config tests/surveys/bad_unknown_type --db %s/bad.db", dir);
    CHECK_INT(support_run(dir, NULL, args), 1);
    CHECK(support_output_has(dir, "tests/surveys/bad_unknown_type/survey.csv:"));
    CHECK(support_output_has(dir, "unknown type"));
    CHECK_INT(support_run(dir, NULL, "check --config tests/surveys/bad_unknown_type"), 1);
    CHECK(support_output_has(dir, "survey.csv:"));
    CHECK_INT(support_run(dir, NULL, "check --config config/forum"), 0);
}

static void test_every_kind_answers(void)
{
    char args[512];
    snprintf(args, sizeof args, "--headless --script tests/e2e/all_kinds.script --config tests/surveys/all_kinds --db %s/kinds.db --shots %s/kinds", dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    CHECK_INT(support_query_int(dir, "kinds.db", "SELECT count(*) FROM session WHERE ended_how='finished'"), 1);
    CHECK(support_query_int(dir, "kinds.db", "SELECT count(*) FROM answer WHERE skipped=0") >= 5);
}

/* Runs one of the tests/e2e scripts; its database is NAME.db. */
static int run_script(const char *name, const char *extra)
{
    char args[512];
    snprintf(args, sizeof args, "--headless --script tests/e2e/%s.script --db %s/%s.db --shots %s/%s %s", name, dir,
             name, dir, name, extra ? extra : "");
    return support_run(dir, NULL, args);
}

static void check_session(const char *db, const char *input, const char *language)
{
    char got[64];
    support_query(dir, db, "SELECT ended_how FROM session", got, sizeof got);
    CHECK_STR(got, "finished");
    support_query(dir, db, "SELECT input_used FROM session", got, sizeof got);
    CHECK_STR(got, input);
    support_query(dir, db, "SELECT language FROM session", got, sizeof got);
    CHECK_STR(got, language);
}

static void test_keyboard_only(void)
{
    CHECK_INT(run_script("keyboard_only", NULL), 0);
    check_session("keyboard_only.db", "keyboard", "en");
    CHECK_INT(support_query_int(dir, "keyboard_only.db", "SELECT count(*) FROM answer WHERE topic='gp' AND choice='good'"), 1);
    CHECK_INT(support_query_int(dir, "keyboard_only.db", "SELECT count(*) FROM answer WHERE topic='hospital' AND choice='not_sure'"), 1);
    CHECK_INT(support_query_int(dir, "keyboard_only.db", "SELECT count(*) FROM answer WHERE choice IN ('listened','trusted_person')"), 2);
    CHECK_INT(support_query_int(dir, "keyboard_only.db", "SELECT count(*) FROM answer WHERE question='barriers' AND skipped=1"), 1);
    CHECK_INT(support_query_int(dir, "keyboard_only.db", "SELECT count(*) FROM answer WHERE choice='co_produce'"), 1);
}

static void check_switch_answers(const char *db)
{
    check_session(db, "switch", "en");
    CHECK_INT(support_query_int(dir, db, "SELECT count(*) FROM answer WHERE topic='gp' AND choice='good'"), 1);
    CHECK_INT(support_query_int(dir, db, "SELECT count(*) FROM answer WHERE choice IN ('listened','kinder_staff')"), 2);
    CHECK_INT(support_query_int(dir, db, "SELECT count(*) FROM answer WHERE question='barriers' AND skipped=1"), 1);
    CHECK_INT(support_query_int(dir, db, "SELECT count(*) FROM answer WHERE choice='co_produce'"), 1);
}

static void test_two_switches_only(void)
{
    CHECK_INT(run_script("two_switches", "--kiosk tests/e2e/two_switches.ini"), 0);
    check_switch_answers("two_switches.db");
}

static void test_one_switch_only(void)
{
    CHECK_INT(run_script("one_switch", "--kiosk tests/e2e/one_switch.ini"), 0);
    check_switch_answers("one_switch.db");
}

/* The colour at (x, y) of a shot, as 0xRRGGBB. */
static unsigned pixel_at(const char *name, int x, int y)
{
    SDL_Surface *s = support_load_png(dir, name);
    unsigned rgb = 0;
    if (s) {
        const Uint8 *p = (const Uint8 *)s->pixels + y * s->pitch + x * 4; /* R, G, B, A */
        rgb = (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
    }
    SDL_FreeSurface(s);
    return rgb;
}

static void test_urdu_right_to_left(void)
{
    char env[300], raw[256];
    support_path_in(dir, "urdu.raw", raw, sizeof raw);
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s", raw);
    char args[512];
    snprintf(args, sizeof args, "--headless --script tests/e2e/urdu.script --db %s/urdu.db --shots %s/urdu", dir, dir);
    CHECK_INT(support_run(dir, env, args), 0);
    check_session("urdu.db", "touch", "ur");
    CHECK_INT(support_query_int(dir, "urdu.db", "SELECT count(*) FROM answer WHERE choice IN ('listened','shorter_waits','language','meetings')"), 4);
    /* Mirrored: the blue Next button is at the bottom left, Back at the right. */
    CHECK_INT(pixel_at("urdu/change.png", 60, 1040), 0x0B4AA2);
    CHECK(pixel_at("urdu/change.png", 1860, 1040) != 0x0B4AA2);
    CHECK(pixel_at("land/change.png", 60, 1040) != 0x0B4AA2);  /* English: Back is there */
}

/* The WAV blob of the first recording in `db_name`; the caller frees. */
static unsigned char *recording_blob(const char *db_name, size_t *size)
{
    char path[256];
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    unsigned char *copy = NULL;
    support_path_in(dir, db_name, path, sizeof path);
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT wav FROM recording", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        *size = (size_t)sqlite3_column_bytes(st, 0);
        copy = malloc(*size);
        if (copy)
            memcpy(copy, sqlite3_column_blob(st, 0), *size);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return copy;
}

/* A known sound goes in through SDL's disk capture; the kept answer in the
 * database holds the same samples. */
static void test_spoken_answer_keeps_the_samples(void)
{
    enum { RATE = 16000, COUNT = RATE * 3 / 2 };
    static int16_t tone[COUNT];
    char in[256], env[600], args[512];
    for (int i = 0; i < COUNT; i++)  /* a rising tone, so any shift would show */
        tone[i] = (int16_t)(8000.0 * SDL_sin(2.0 * 3.14159265 * (300.0 + i / 40.0) * i / RATE));
    support_path_in(dir, "voice.raw", in, sizeof in);
    FILE *f = fopen(in, "wb");
    CHECK(f && fwrite(tone, sizeof tone[0], COUNT, f) == COUNT);
    fclose(f);
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null SDL_DISKAUDIOFILEIN=%s", in);
    snprintf(args, sizeof args, "--headless --script tests/e2e/spoken.script --config tests/surveys/spoken --db %s/spoken.db --shots %s/spoken", dir, dir);
    CHECK_INT(support_run(dir, env, args), 0);
    CHECK_INT(support_query_int(dir, "spoken.db", "SELECT count(*) FROM answer WHERE question='own_words' AND skipped=0"), 1);
    size_t size = 0, count = 0;
    unsigned char *wav = recording_blob("spoken.db", &size);
    CHECK(wav);
    int16_t *samples = NULL;
    int rate = 0;
    char err[128];
    int rc = wav_decode(wav, size, &samples, &count, &rate, err, sizeof err);
    free(wav);
    CHECK_INT(rc, 0);
    CHECK_INT(rate, RATE);
    CHECK(count >= COUNT);  /* all of it (and the silence after the file ends) */
    int same = 0;
    for (int i = 0; i < COUNT; i++)
        same += samples[i] == tone[i];
    free(samples);
    CHECK_INT(same, COUNT);
}

static void test_own_words_beside_the_pictures(void)
{
    char in[256], env[600], args[512];
    support_path_in(dir, "voice.raw", in, sizeof in);  /* written by the spoken-answer case */
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null SDL_DISKAUDIOFILEIN=%s", in);
    snprintf(args, sizeof args, "--headless --script tests/e2e/own_words.script --db %s/own.db --shots %s/own", dir, dir);
    CHECK_INT(support_run(dir, env, args), 0);
    CHECK_INT(support_query_int(dir, "own.db", "SELECT count(*) FROM answer WHERE question='change' AND choice='listened'"), 1);
    CHECK_INT(support_query_int(dir, "own.db", "SELECT count(*) FROM recording WHERE question='change:spoken' AND duration_ms > 1000"), 1);
    char how[32];
    support_query(dir, "own.db", "SELECT ended_how FROM session", how, sizeof how);
    CHECK_STR(how, "stopped");
}

/* A survey row with an audio file plays that recording, not espeak-ng: the
 * file is a square wave of exactly +-12345, which no synthesised voice makes. */
static void test_recorded_prompt_plays_instead_of_speech(void)
{
    char env[300], raw[256], args[512];
    support_path_in(dir, "prompt.raw", raw, sizeof raw);
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s", raw);
    snprintf(args, sizeof args, "--headless --script tests/e2e/recorded_prompt.script --config tests/surveys/recorded_prompt --db %s/prompt.db", dir);
    CHECK_INT(support_run(dir, env, args), 0);
    CHECK(support_marker_samples(raw) > 8000);  /* most of the half second of the recording */
}

static void test_typed_answer(void)
{
    char args[512];
    snprintf(args, sizeof args, "--headless --script tests/e2e/typed.script --config tests/surveys/typed --db %s/typed.db --shots %s/typed", dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    char text[64];
    support_query(dir, "typed.db", "SELECT text FROM answer WHERE question='anything_else'", text, sizeof text);
    CHECK_STR(text, "Hi there!");
}

/* Typed answers on the Urdu, Bengali, Arabic and Punjabi keyboards reach
 * both exports letter for letter. */
static void test_typed_in_four_scripts(void)
{
    char args[768], csv[4096], jsonl[8192];
    snprintf(args, sizeof args, "--headless --script tests/e2e/typed_scripts.script --config tests/surveys/typed_scripts --db %s/scripts.db --shots %s/scripts", dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    snprintf(args, sizeof args, "export --db %s/scripts.db --format csv --out %s/scripts.csv --config tests/surveys/typed_scripts", dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    snprintf(args, sizeof args, "export --db %s/scripts.db --format jsonl --out %s/scripts.jsonl --config tests/surveys/typed_scripts", dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    support_read_text(dir, "scripts.csv", csv, sizeof csv);
    support_read_text(dir, "scripts.jsonl", jsonl, sizeof jsonl);
    const char *typed[] = {",ur,touch,no,,anything_else,Is there anything else you want to tell us?,,,,,no,answered,شکریہ جی,",
                           ",bn,touch,no,,anything_else,Is there anything else you want to tell us?,,,,,no,answered,কথা ভালো,",
                           ",ar,touch,no,,anything_else,Is there anything else you want to tell us?,,,,,no,answered,شكرا,",
                           ",pa,touch,no,,anything_else,Is there anything else you want to tell us?,,,,,no,answered,ਪੰਜਾਬੀ,"};
    const char *json[] = {"\"text\":\"شکریہ جی\"", "\"text\":\"কথা ভালো\"", "\"text\":\"شكرا\"", "\"text\":\"ਪੰਜਾਬੀ\""};
    for (int i = 0; i < 4; i++) {
        CHECK(strstr(csv, typed[i]));
        CHECK(strstr(jsonl, json[i]));
    }
}

/* At the largest writing size on a 1280x800 screen the Urdu keyboard
 * shows in parts; a word typed from both reaches the database whole. */
static void test_typed_across_a_keyboard_s_parts(void)
{
    char args[512], text[64];
    snprintf(args, sizeof args, "--headless --size 1280x800 --script tests/e2e/typed_parts.script --config tests/surveys/typed_scripts --db %s/parts.db --shots %s/parts", dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    support_query(dir, "parts.db", "SELECT text FROM answer WHERE question='anything_else'", text, sizeof text);
    CHECK_STR(text, "زبان");
}

/* A broken keyboard file: `sayso check` names its line and fails; the
 * kiosk says so in its log and that language types Latin letters. */
static void test_a_broken_keyboard_types_latin_letters(void)
{
    char cmd[1024], script[256], typed[64];
    snprintf(cmd, sizeof cmd, "cp -r assets %s/assets && sed -i '3s/.*/letterz,1,x,,/' %s/assets/keyboards/ur.csv", dir, dir);
    CHECK_INT(support_shell(cmd), 0);
    snprintf(cmd, sizeof cmd, "check --assets %s/assets", dir);
    CHECK_INT(support_run(dir, NULL, cmd), 1);
    snprintf(cmd, sizeof cmd, "%s/assets/keyboards/ur.csv:3: the page is letters or shift, not letterz (ur types Latin letters)", dir);
    CHECK(support_output_has(dir, cmd));
    support_path_in(dir, "latin.script", script, sizeof script);
    support_write_file(dir, "latin.script", "tap start\nexpect language\ntap lang:ur\nexpect consent\ntap yes\n"
                               "expect question:anything_else\ntap key:o\ntap key:k\ntap next\nexpect review\n");
    snprintf(cmd, sizeof cmd, "--headless --script %s --config tests/surveys/typed_scripts --assets %s/assets --db %s/latin.db",
             script, dir, dir);
    CHECK_INT(support_run(dir, NULL, cmd), 0);
    snprintf(cmd, sizeof cmd, "%s/assets/keyboards/ur.csv:3: the page is letters or shift", dir);
    CHECK(support_output_has(dir, cmd));
    support_query(dir, "latin.db", "SELECT text FROM answer WHERE question='anything_else'", typed, sizeof typed);
    CHECK_STR(typed, "ok");
}

static void test_touch_to_hear_then_choose(void)
{
    CHECK_INT(run_script("hear_first", "--kiosk tests/e2e/hear_first.ini"), 0);
    CHECK_INT(support_query_int(dir, "hear_first.db", "SELECT count(*) FROM answer WHERE question='change' AND choice='shorter_waits'"), 1);
    CHECK_INT(support_query_int(dir, "hear_first.db", "SELECT count(*) FROM answer WHERE choice='listened'"), 0);
}

static void test_no_microphone_says_so(void)
{
    char args[512];
    snprintf(args, sizeof args, "--headless --script tests/e2e/no_microphone.script --config tests/surveys/spoken --db %s/nomic.db --shots %s/nomic", dir, dir);
    CHECK_INT(support_run(dir, "SDL_AUDIODRIVER=no_such_driver", args), 0);  /* no sound card at all */
    CHECK(support_output_has(dir, "no microphone"));
    CHECK_INT(support_query_int(dir, "nomic.db", "SELECT count(*) FROM answer WHERE question='own_words' AND skipped=1"), 1);
}

/* espeak-ng's data missing (its folder pointed at an empty one): the
 * kiosk does not exit (espeak_Initialize would), it runs the whole survey
 * silently and says why in the log; the staff menu says it too
 * (test_staff). */
static void test_no_speech_data_runs_silently(void)
{
    char args[512], env[160], empty[128];
    support_path_in(dir, "no-espeak-data", empty, sizeof empty);
    mkdir(empty, 0700);
    snprintf(env, sizeof env, "ESPEAK_DATA_PATH=%s", empty);
    snprintf(args, sizeof args, "--headless --script tests/e2e/design_example.script --db %s/silent.db --shots %s/silent",
             dir, dir);
    CHECK_INT(support_run(dir, env, args), 0);
    CHECK(support_output_has(dir, "sayso: speech is off: espeak-ng could not start"));
    CHECK_INT(support_query_int(dir, "silent.db", "SELECT count(*) FROM answer"), 12 + 2 + 1 + 1);
}

/* What a killed export (a stick pulled out) or a killed `sayso pin` left
 * (NAME.tmp-XXXXXX) is removed when the kiosk starts: in export_dir's
 * dated folders and their recordings, and beside kiosk.ini. */
static void test_kiosk_start_removes_stale_temp_files(void)
{
    char ini[224], exports[224], folder[192], rec[256], args[768], text[320];
    support_path_in(dir, "stale", folder, sizeof folder);
    mkdir(folder, 0700);
    snprintf(ini, sizeof ini, "%s/kiosk.ini", folder);
    snprintf(exports, sizeof exports, "%s/exports", folder);
    snprintf(text, sizeof text, "[staff]\nexport_dir = %s\n", exports);
    support_write_file(folder, "kiosk.ini", text);
    support_write_file(folder, "kiosk.ini.tmp-Zq3rT9", "[staff]\npin_hash = half");
    mkdir(exports, 0700);
    snprintf(rec, sizeof rec, "%s/sayso-2026-01-01-100000", exports);
    mkdir(rec, 0700);
    support_write_file(rec, "answers.csv.tmp-aB3dE5", "session_id,kiosk_id");
    strncat(rec, "/recordings", sizeof rec - strlen(rec) - 1);
    mkdir(rec, 0700);
    support_write_file(rec, "0a.wav.tmp-x1Y2z3", "RIFF");
    support_write_file(rec, "0b.wav", "RIFF"); /* a finished file stays */
    snprintf(args, sizeof args, "--headless --script tests/e2e/design_example.script --kiosk %s --db %s/stale.db --shots %s/stale",
             ini, dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    CHECK(support_output_has(dir, "removed 3 unfinished temporary files"));
    char path[320];
    snprintf(path, sizeof path, "%s/0b.wav", rec);
    CHECK_INT(access(path, F_OK), 0);
    snprintf(path, sizeof path, "%s/0a.wav.tmp-x1Y2z3", rec);
    CHECK(access(path, F_OK) != 0);
    snprintf(path, sizeof path, "%s/kiosk.ini.tmp-Zq3rT9", folder);
    CHECK(access(path, F_OK) != 0);
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "e2e") != 0)
        return 1;
    RUN(test_design_example_runs_unchanged);
    RUN(test_no_speech_data_runs_silently);
    RUN(test_kiosk_start_removes_stale_temp_files);
    RUN(test_screenshots_every_screen);
    RUN(test_speak_writes_audio);
    RUN(test_volume_control_and_reset);
    RUN(test_expect_names_the_screen_found);
    RUN(test_unknown_element_is_named);
    RUN(test_idle_timeout_ends_session);
    RUN(test_stop_keeps_what_was_answered);
    RUN(test_mat_pile_and_mat_left);
    RUN(test_no_own_words_without_a_microphone);
    RUN(test_bad_survey_is_refused_plainly);
    RUN(test_every_kind_answers);
    RUN(test_keyboard_only);
    RUN(test_two_switches_only);
    RUN(test_one_switch_only);
    RUN(test_urdu_right_to_left);
    RUN(test_spoken_answer_keeps_the_samples);
    RUN(test_own_words_beside_the_pictures);
    RUN(test_recorded_prompt_plays_instead_of_speech);
    RUN(test_typed_answer);
    RUN(test_typed_in_four_scripts);
    RUN(test_typed_across_a_keyboard_s_parts);
    RUN(test_a_broken_keyboard_types_latin_letters);
    RUN(test_touch_to_hear_then_choose);
    RUN(test_no_microphone_says_so);
    return support_finish(dir);
}
