/* test_pin.c: the staff PIN: hashing and checking, the lockout guard, the
 * [staff] settings of kiosk.ini, the key chord, and `sayso pin` run as the
 * real binary (SAYSO_BIN, else ./sayso) with PINs on its stdin.
 *
 * Argon2id at the INTERACTIVE limits costs ~0.1 s and 64 MiB per hash, so
 * only the cases about pin_hash itself and `sayso pin` pay it; the guard
 * and kiosk.ini cases use a hash made at libsodium's minimum limits, which
 * verifies the same way (the limits are written inside the hash). */
#include <SDL_keycode.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "staff/pin.h"
#include "staff/pin_keys.h"
#include "survey/kiosk_settings.h"
#include "test_support.h"

static char dir[64];

/* A hash of `pin` at the minimum cost: quick to check. */
static void cheap_hash(const char *pin, char out[PIN_HASH_SIZE])
{
    if (sodium_init() < 0 ||
        crypto_pwhash_str_alg(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        out[0] = '\0';
}

/* Runs `sayso pin --kiosk DIR/ini` with `input` on stdin; stdout and
 * stderr into DIR/out.txt. Returns the exit code. */
static int run_pin(const char *input, const char *ini)
{
    char args[1024];
    support_write_file(dir, "in.txt", input);
    snprintf(args, sizeof args, "pin --kiosk %s/%s < %s/in.txt", dir, ini, dir);
    return support_run(dir, NULL, args);
}

/* The [staff] pin_hash of a kiosk.ini in the test folder, "" on error. */
static void loaded_hash(const char *ini, char out[PIN_HASH_SIZE])
{
    KioskSettings k;
    char path[256], err[512];
    support_path_in(dir, ini, path, sizeof path);
    out[0] = '\0';
    if (kiosk_settings_load(&k, path, true, err, sizeof err) == 0)
        snprintf(out, PIN_HASH_SIZE, "%s", k.pin_hash);
}

/* The hash of the "pin_hash = $..." line within `text` (up to its line end). */
static void hash_in_text(const char *text, char out[PIN_HASH_SIZE])
{
    const char *at = strstr(text, "pin_hash = $");
    out[0] = '\0';
    if (at)
        snprintf(out, PIN_HASH_SIZE, "%.*s", (int)strcspn(at + 11, "\r\n"), at + 11);
}

static void test_pin_is_valid(void)
{
    CHECK(pin_is_valid("1234"));
    CHECK(pin_is_valid("000000000000"));
    CHECK(!pin_is_valid("123"));
    CHECK(!pin_is_valid("1234567890123"));
    CHECK(!pin_is_valid("12a4"));
    CHECK(!pin_is_valid(" 1234"));
    CHECK(!pin_is_valid("1234\n"));
    CHECK(!pin_is_valid("١٢٣٤")); /* Arabic-Indic digits are not ASCII digits */
    CHECK(!pin_is_valid(""));
    CHECK(!pin_is_valid(NULL));
}

/* Two real hashes: Argon2id, salted, and they check as they should. */
static void test_hash_and_verify(void)
{
    char a[PIN_HASH_SIZE], b[PIN_HASH_SIZE], err[256];
    CHECK_INT(pin_hash("2580", a, err, sizeof err), 0);
    CHECK_INT(pin_hash("2580", b, err, sizeof err), 0);
    CHECK(strncmp(a, "$argon2id$", 10) == 0);
    CHECK(strstr(a, "m=65536") != NULL); /* MEMLIMIT_INTERACTIVE: 64 MiB */
    CHECK(strcmp(a, b) != 0);            /* each has its own salt */
    CHECK(pin_verify(a, "2580"));
    CHECK(pin_verify(b, "2580"));
    CHECK(!pin_verify(a, "2581"));
    CHECK(!pin_verify(a, "25800"));
    CHECK(!pin_verify(a, ""));
    CHECK(!pin_verify("", "2580"));
    CHECK(!pin_verify(NULL, "2580"));
}

static void test_hash_refuses_bad_pins(void)
{
    char out[PIN_HASH_SIZE], err[256];
    CHECK_INT(pin_hash("12", out, err, sizeof err), -1);
    CHECK_STR(out, "");
    CHECK(strstr(err, "4 to 12 digits") != NULL);
    CHECK_INT(pin_hash("12345678901234", out, err, sizeof err), -1);
    CHECK_INT(pin_hash("abcd", out, err, sizeof err), -1);
}

static void test_verify_refuses_other_hashes(void)
{
    char h[PIN_HASH_SIZE];
    cheap_hash("1234", h);
    CHECK(pin_verify(h, "1234"));
    h[3] = 'x'; /* "$arx..." is no Argon2id hash */
    CHECK(!pin_verify(h, "1234"));
    CHECK(!pin_verify("$argon2id$v=19$m=8,t=1,p=1$garbage", "1234"));
}

static void test_guard_four_wrong_then_right(void)
{
    char h[PIN_HASH_SIZE];
    PinGuard g;
    cheap_hash("4321", h);
    pin_guard_init(&g);
    CHECK_INT(pin_guard_attempts_left(&g), PIN_MAX_FAILURES);
    for (int i = 0; i < PIN_MAX_FAILURES - 1; i++)
        CHECK_INT(pin_guard_try(&g, h, "0000", 1000 + i), PIN_WRONG);
    CHECK_INT(g.failures, 4);
    CHECK_INT(pin_guard_attempts_left(&g), 1);
    CHECK_INT(pin_guard_try(&g, h, "4321", 2000), PIN_OK);
    CHECK_INT(g.failures, 0);
    /* reset: four more wrong ones still do not lock */
    for (int i = 0; i < PIN_MAX_FAILURES - 1; i++)
        CHECK_INT(pin_guard_try(&g, h, "9999", 3000 + i), PIN_WRONG);
    CHECK_INT(pin_guard_locked_for(&g, 4000), 0);
}

static void test_guard_five_wrong_lock(void)
{
    char h[PIN_HASH_SIZE];
    PinGuard g;
    cheap_hash("4321", h);
    pin_guard_init(&g);
    for (int i = 0; i < PIN_MAX_FAILURES - 1; i++)
        CHECK_INT(pin_guard_try(&g, h, "1111", 10000), PIN_WRONG);
    CHECK_INT(pin_guard_try(&g, h, "1111", 10000), PIN_LOCKED);
    CHECK_INT(pin_guard_locked_for(&g, 10000), PIN_LOCK_MS);
    CHECK_INT(pin_guard_locked_for(&g, 10000 + 60000), PIN_LOCK_MS - 60000);
    CHECK_INT(pin_guard_attempts_left(&g), 0);
    /* locked: even the right PIN is turned away, and does not count */
    CHECK_INT(pin_guard_try(&g, h, "4321", 10001), PIN_LOCKED);
    CHECK_INT(pin_guard_try(&g, h, "4321", 10000 + PIN_LOCK_MS - 1), PIN_LOCKED);
    CHECK_INT(pin_guard_locked_for(&g, 10000 + PIN_LOCK_MS), 0);
}

/* When the lock runs out the pad opens with a clean slate. */
static void test_guard_opens_after_lock(void)
{
    char h[PIN_HASH_SIZE];
    PinGuard g;
    cheap_hash("4321", h);
    pin_guard_init(&g);
    for (int i = 0; i < PIN_MAX_FAILURES; i++)
        pin_guard_try(&g, h, "1111", 500);
    CHECK(pin_guard_locked_for(&g, 500) > 0);
    CHECK_INT(pin_guard_try(&g, h, "1111", 500 + PIN_LOCK_MS), PIN_WRONG);
    CHECK_INT(g.failures, 1);
    CHECK_INT(g.locked_until_ms, 0);
    CHECK_INT(pin_guard_try(&g, h, "4321", 600 + PIN_LOCK_MS), PIN_OK);
    /* and after a lock, the right PIN straight away works too */
    for (int i = 0; i < PIN_MAX_FAILURES; i++)
        pin_guard_try(&g, h, "1111", 1000000);
    CHECK_INT(pin_guard_try(&g, h, "4321", 1000000 + PIN_LOCK_MS), PIN_OK);
    CHECK_INT(g.failures, 0);
}

static void test_guard_not_set(void)
{
    PinGuard g;
    pin_guard_init(&g);
    CHECK_INT(pin_guard_try(&g, "", "1234", 0), PIN_NOT_SET);
    CHECK_INT(pin_guard_try(&g, NULL, "1234", 0), PIN_NOT_SET);
    CHECK_INT(g.failures, 0);
    CHECK_INT(pin_guard_locked_for(&g, 0), 0);
}

static void test_keys_parse_and_match(void)
{
    PinKeys k;
    CHECK_INT(pin_keys_parse("Ctrl+Alt+S", &k), 0);
    CHECK_INT(k.key, SDLK_s);
    CHECK_INT(k.modifiers, PIN_MOD_CTRL | PIN_MOD_ALT);
    CHECK(pin_keys_match(&k, SDLK_s, KMOD_LCTRL | KMOD_RALT));
    CHECK(pin_keys_match(&k, SDLK_s, KMOD_RCTRL | KMOD_LALT | KMOD_NUM | KMOD_CAPS));
    CHECK(!pin_keys_match(&k, SDLK_s, KMOD_LCTRL));
    CHECK(!pin_keys_match(&k, SDLK_s, KMOD_LCTRL | KMOD_LALT | KMOD_LSHIFT));
    CHECK(!pin_keys_match(&k, SDLK_a, KMOD_LCTRL | KMOD_LALT));
    CHECK_INT(pin_keys_parse("shift+gui+F12", &k), 0);
    CHECK_INT(k.key, SDLK_F12);
    CHECK_INT(k.modifiers, PIN_MOD_SHIFT | PIN_MOD_GUI);
    CHECK_INT(pin_keys_parse("F9", &k), 0);
    CHECK(pin_keys_match(&k, SDLK_F9, KMOD_NONE));
    CHECK_INT(pin_keys_parse("Ctrl++", &k), 0);
    CHECK_INT(k.key, SDLK_PLUS);
    CHECK_INT(pin_keys_parse("Keypad +", &k), 0);
    CHECK_INT(k.key, SDLK_KP_PLUS);
    CHECK_INT(pin_keys_parse("Ctrl+Alt+", &k), -1);
    CHECK_INT(pin_keys_parse("Ctrl+Ctrl+S", &k), -1);
    CHECK_INT(pin_keys_parse("Hyper+S", &k), -1);
    CHECK_INT(pin_keys_parse("Ctrl+Nokey", &k), -1);
    CHECK_INT(pin_keys_parse("", &k), -1);
}

static void test_staff_settings_defaults(void)
{
    KioskSettings k;
    char err[512];
    kiosk_settings_defaults(&k);
    CHECK_STR(k.pin_hash, "");
    CHECK_STR(k.staff_keys, "Ctrl+Alt+S");
    CHECK_STR(k.export_dir, "exports");
    CHECK_INT(kiosk_settings_load(&k, "config/kiosk.ini", true, err, sizeof err), 0);
    CHECK_STR(k.staff_keys, "Ctrl+Alt+S");
    CHECK_STR(k.export_dir, "exports");
    CHECK_STR(k.pin_hash, "");
}

static void test_staff_settings_good(void)
{
    KioskSettings k;
    char h[PIN_HASH_SIZE], text[512], path[256], err[512];
    cheap_hash("8642", h);
    snprintf(text, sizeof text, "[staff]\npin_hash = %s\nkeys = shift+F12\nexport_dir = /media/usb\n", h);
    support_write_file(dir, "good.ini", text);
    support_path_in(dir, "good.ini", path, sizeof path);
    CHECK_INT(kiosk_settings_load(&k, path, true, err, sizeof err), 0);
    CHECK_STR(k.pin_hash, h);
    CHECK(pin_verify(k.pin_hash, "8642"));
    CHECK_STR(k.staff_keys, "shift+F12");
    CHECK_STR(k.export_dir, "/media/usb");
    support_write_file(dir, "good.ini", "[staff]\npin_hash =\n");
    CHECK_INT(kiosk_settings_load(&k, path, true, err, sizeof err), 0);
    CHECK_STR(k.pin_hash, "");
}

/* Each bad [staff] value is named with its file and line. */
static void test_staff_settings_bad(void)
{
    static const struct { const char *text, *message; } cases[] = {
        {"[staff]\n; a comment\npin_hash = $2y$10$abcdefghijklmnopqrstuv\n",
         ":3: pin_hash is not an Argon2id hash"},
        {"[staff]\npin_hash = 1234\n", ":2: pin_hash is not an Argon2id hash"},
        {"[staff]\n\nkeys = Ctrl+Alt+Nokey\n", ":3: keys must be Ctrl, Alt, Shift or GUI"},
        {"[staff]\nkeys = Ctrl+\n", ":2: keys must be"},
        {"[staff]\nkeys = Hyper+S\n", ":2: keys must be"},
        {"[staff]\nexport_dir =\n", ":2: export_dir must be 1 to"},
        {"[staff]\npin = 1234\n", ":2: unknown setting \"pin\" in [staff]"},
    };
    char path[256], err[512], want[512];
    support_path_in(dir, "bad.ini", path, sizeof path);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        KioskSettings k;
        support_write_file(dir, "bad.ini", cases[i].text);
        CHECK_INT(kiosk_settings_load(&k, path, true, err, sizeof err), -1);
        snprintf(want, sizeof want, "%s%s", path, cases[i].message);
        if (strncmp(err, want, strlen(want)) != 0)
            printf("    case %zu: \"%s\"\n", i, err);
        CHECK(strncmp(err, want, strlen(want)) == 0);
    }
}

/* No kiosk.ini: `sayso pin` makes one holding just the PIN. */
static void test_command_creates_file(void)
{
    char text[1024], h[PIN_HASH_SIZE], path[256];
    struct stat st;
    CHECK_INT(run_pin("97531\n97531\n", "new.ini"), 0);
    CHECK(support_output_has(dir, "sayso: staff PIN set in"));
    CHECK(!support_output_has(dir, "97531"));
    support_read_text(dir, "new.ini", text, sizeof text);
    hash_in_text(text, h);
    char want[1024];
    snprintf(want, sizeof want, "[staff]\npin_hash = %s\n", h);
    CHECK_STR(text, want);
    loaded_hash("new.ini", h);
    CHECK(pin_verify(h, "97531"));
    support_path_in(dir, "new.ini", path, sizeof path);
    CHECK_INT(stat(path, &st), 0);
    CHECK_INT(st.st_mode & 0777, 0600);
}

static const char other_sections[] =
    "; kiosk.ini of the library\r\n"
    "[kiosk]\r\n"
    "name = Library   ; spaces kept\r\n"
    "\r\n"
    "; pin_hash = not this one, it is a comment\r\n"
    "[access]\r\n"
    "theme = high_contrast";

/* Other sections, comments, CRLF and a missing last newline all kept. */
static void test_command_keeps_other_lines(void)
{
    char text[2048], h[PIN_HASH_SIZE], want[2048], path[256];
    support_write_file(dir, "other.ini", other_sections);
    support_path_in(dir, "other.ini", path, sizeof path);
    chmod(path, 0644); /* once readable by all: sayso pin makes it its owner's alone */
    CHECK_INT(run_pin("2468\n2468\n", "other.ini"), 0);
    support_read_text(dir, "other.ini", text, sizeof text);
    hash_in_text(text, h);
    snprintf(want, sizeof want, "%s\r\n\r\n[staff]\r\npin_hash = %s\r\n", other_sections, h);
    CHECK_STR(text, want);
    struct stat st;
    CHECK_INT(stat(path, &st), 0);
    CHECK_INT(st.st_mode & 0777, 0600);
    loaded_hash("other.ini", h);
    CHECK(pin_verify(h, "2468"));
    chmod(path, 0640); /* shared with its group alone (an installed kiosk.ini): kept so */
    CHECK_INT(run_pin("1357\n1357\n", "other.ini"), 0);
    CHECK_INT(stat(path, &st), 0);
    CHECK_INT(st.st_mode & 0777, 0640);
}

/* A [staff] section without a pin_hash gets one under its header. */
static void test_command_adds_under_staff(void)
{
    static const char before[] = "[staff]\n; the chord\nkeys = Ctrl+Alt+P\n\n[speech]\nrate = 140\n";
    char text[2048], h[PIN_HASH_SIZE], want[2048];
    support_write_file(dir, "staff.ini", before);
    CHECK_INT(run_pin("13579\n13579\n", "staff.ini"), 0);
    support_read_text(dir, "staff.ini", text, sizeof text);
    hash_in_text(text, h);
    snprintf(want, sizeof want, "[staff]\npin_hash = %s\n%s", h, before + strlen("[staff]\n"));
    CHECK_STR(text, want);
    loaded_hash("staff.ini", h);
    CHECK(pin_verify(h, "13579"));
}

/* An old hash is replaced in place; the old PIN no longer opens. */
static void test_command_replaces_hash(void)
{
    char old[PIN_HASH_SIZE], before[1024], text[2048], h[PIN_HASH_SIZE], want[2048];
    cheap_hash("1111", old);
    snprintf(before, sizeof before,
             "[kiosk]\nname = Hall\n[staff]\n  pin_hash   =   %s\nexport_dir = /media/usb\n", old);
    support_write_file(dir, "old.ini", before);
    CHECK_INT(run_pin("5555\n5555\n", "old.ini"), 0);
    support_read_text(dir, "old.ini", text, sizeof text);
    hash_in_text(text, h);
    CHECK(strcmp(h, old) != 0);
    snprintf(want, sizeof want, "[kiosk]\nname = Hall\n[staff]\npin_hash = %s\nexport_dir = /media/usb\n", h);
    CHECK_STR(text, want);
    loaded_hash("old.ini", h);
    CHECK(pin_verify(h, "5555"));
    CHECK(!pin_verify(h, "1111"));
}

/* Refusals: exit 1, a plain message, the file untouched, no PIN echoed. */
static void test_command_refuses(void)
{
    static const struct { const char *input, *message; } cases[] = {
        {"86420\n86421\n", "the two PINs differ"},
        {"12a45\n12a45\n", "4 to 12 digits"},
        {"123\n123\n", "4 to 12 digits"},
        {"1234567890123\n1234567890123\n", "4 to 12 digits"},
        {"", "no PIN given"},
        {"86420\n", "not given a second time"},
    };
    char text[2048];
    support_write_file(dir, "keep.ini", other_sections);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_INT(run_pin(cases[i].input, "keep.ini"), 1);
        CHECK(support_output_has(dir, cases[i].message));
        CHECK(support_output_has(dir, "not changed"));
        CHECK(!support_output_has(dir, "86420") && !support_output_has(dir, "12a45"));
        support_read_text(dir, "keep.ini", text, sizeof text);
        CHECK_STR(text, other_sections);
    }
}

/* A kiosk.ini with a bad line elsewhere is named and left as it was, with
 * no temporary file left beside it. */
static void test_command_bad_file_untouched(void)
{
    static const char bad[] = "[kiosk]\nname = Hall\nidel_seconds = 4\n";
    char text[1024], cmd[512];
    support_write_file(dir, "broken.ini", bad);
    CHECK_INT(run_pin("2222\n2222\n", "broken.ini"), 1);
    CHECK(support_output_has(dir, "broken.ini:3: unknown setting \"idel_seconds\""));
    CHECK(!support_output_has(dir, "XXXXXX") && !support_output_has(dir, ".ini."));
    support_read_text(dir, "broken.ini", text, sizeof text);
    CHECK_STR(text, bad);
    snprintf(cmd, sizeof cmd, "ls %s | grep -q 'broken.ini.'", dir);
    CHECK(system(cmd) != 0);
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "pin") != 0)
        return 1;
    RUN(test_pin_is_valid);
    RUN(test_hash_and_verify);
    RUN(test_hash_refuses_bad_pins);
    RUN(test_verify_refuses_other_hashes);
    RUN(test_guard_four_wrong_then_right);
    RUN(test_guard_five_wrong_lock);
    RUN(test_guard_opens_after_lock);
    RUN(test_guard_not_set);
    RUN(test_keys_parse_and_match);
    RUN(test_staff_settings_defaults);
    RUN(test_staff_settings_good);
    RUN(test_staff_settings_bad);
    RUN(test_command_creates_file);
    RUN(test_command_keeps_other_lines);
    RUN(test_command_adds_under_staff);
    RUN(test_command_replaces_hash);
    RUN(test_command_refuses);
    RUN(test_command_bad_file_untouched);
    return support_finish(dir);
}
