/* kiosk_settings.c: reads kiosk.ini with inih.
 *
 * Each known setting is one row of a table (section, key, how to parse it,
 * where it goes), so adding a setting is adding a row. inih tells the
 * handler nothing about lines, so the file is fed through a reader that
 * counts them: the first bad setting is reported with its own line, and a
 * line inih cannot parse at all with the line inih returns. The
 * file is read into a copy of the defaults and copied out only when it is
 * all good: a bad file never leaves settings half applied.
 *
 * [symbols] pack may appear on several lines (inih calls the handler once
 * per line); each adds a folder, in order, and a folder that is not there
 * is reported at its own line, so a typo in a path is found at start-up
 * rather than as symbols quietly falling back to ours.
 *
 * [staff] pin_hash must look like the Argon2id hash `sayso pin` writes (or
 * be empty: no PIN, no staff menu), and keys must be a chord SDL can name
 * (staff/pin_keys.h), so a typo is found here rather than at the kiosk;
 * the chord is kept parsed (staff_chord) for the kiosk to match keys with.
 *
 * [sync] names the central store (src/sync): url, the login's password (or
 * a password_file), ca_file, venue and interval_minutes. Whether a password
 * may sit in this file (only when its owner alone can read it) is the
 * sync's to check, when it starts: a kiosk with a bad [sync] still runs. */
#include "survey/kiosk_settings.h"
#include "staff/pin.h"
#include "staff/pin_keys.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define KIOSK_MAX_SECONDS 86400 /* a day: anything longer is a typo */
#define KIOSK_MAX_RATE 1000     /* words per minute; espeak-ng's useful range ends far lower */

typedef enum { KIND_TEXT, KIND_SECONDS, KIND_RATE, KIND_BOOL, KIND_PACK, KIND_WORD, KIND_STEP, KIND_MS,
               KIND_PIN_HASH, KIND_KEYS, KIND_SECONDS_OR_OFF, KIND_MINUTES } SettingKind;

typedef struct {
    const char *section;
    const char *key;
    SettingKind kind;
    size_t offset; /* into KioskSettings */
    size_t size;   /* of a text field, with its NUL */
    const char *words; /* KIND_WORD: the words allowed, separated by "|" */
} SettingSpec;

#define TEXT(sec, key, field) {sec, key, KIND_TEXT, offsetof(KioskSettings, field), \
                               sizeof(((KioskSettings *)0)->field), NULL}
#define VALUE(sec, key, kind, field) {sec, key, kind, offsetof(KioskSettings, field), 0, NULL}
#define WORD(sec, key, field, words) {sec, key, KIND_WORD, offsetof(KioskSettings, field), \
                                      sizeof(((KioskSettings *)0)->field), words}

static const SettingSpec setting_specs[] = {
    TEXT("kiosk", "name", name),
    VALUE("kiosk", "idle_seconds", KIND_SECONDS, idle_seconds),
    VALUE("kiosk", "still_there_seconds", KIND_SECONDS, still_there_seconds),
    VALUE("kiosk", "thanks_seconds", KIND_SECONDS, thanks_seconds),
    VALUE("kiosk", "attract_seconds", KIND_SECONDS_OR_OFF, attract_seconds),
    WORD("kiosk", "rotation", rotation, "0|90|180|270"),
    VALUE("speech", "enabled", KIND_BOOL, speech),
    TEXT("speech", "voice", voice),
    VALUE("speech", "rate", KIND_RATE, speech_rate),
    VALUE("symbols", "pack", KIND_PACK, packs),
    WORD("access", "touch_style", touch_style, "touch|hear_first"),
    WORD("access", "theme", theme, "standard|high_contrast"),
    VALUE("access", "text_size", KIND_STEP, text_size),
    VALUE("access", "volume", KIND_STEP, volume),
    WORD("access", "switches", switches, "off|one|two"),
    VALUE("access", "scan_ms", KIND_MS, scan_ms),
    TEXT("access", "switch_step", switch_step),
    TEXT("access", "switch_choose", switch_choose),
    VALUE("staff", "pin_hash", KIND_PIN_HASH, pin_hash),
    VALUE("staff", "keys", KIND_KEYS, staff_keys),
    TEXT("staff", "export_dir", export_dir),
    TEXT("sync", "url", sync_url),
    TEXT("sync", "password", sync_password),
    TEXT("sync", "password_file", sync_password_file),
    TEXT("sync", "ca_file", sync_ca_file),
    TEXT("sync", "venue", sync_venue),
    VALUE("sync", "interval_minutes", KIND_MINUTES, sync_interval_minutes),
};

#define N_SPECS (sizeof setting_specs / sizeof setting_specs[0])

typedef struct {
    KioskSettings settings;
    FILE *file;
    int line;          /* lines read so far: the line being handled */
    int error_line;    /* line of the first bad setting, 0 if none */
    char message[768]; /* its problem, without "FILE:LINE: " */
} IniReader;

void kiosk_settings_defaults(KioskSettings *settings)
{
    memset(settings, 0, sizeof *settings);
    snprintf(settings->name, sizeof settings->name, "%s", "sayso");
    settings->idle_seconds = 90;
    settings->still_there_seconds = 30;
    settings->thanks_seconds = 20;
    settings->attract_seconds = 12;
    snprintf(settings->rotation, sizeof settings->rotation, "%s", "0");
    settings->speech = true;
    snprintf(settings->voice, sizeof settings->voice, "%s", "en-gb");
    settings->speech_rate = 150;
    snprintf(settings->touch_style, sizeof settings->touch_style, "%s", "touch");
    snprintf(settings->theme, sizeof settings->theme, "%s", "standard");
    settings->text_size = 1;
    settings->volume = 2;
    snprintf(settings->switches, sizeof settings->switches, "%s", "off");
    settings->scan_ms = 1500;
    snprintf(settings->switch_step, sizeof settings->switch_step, "%s", "Space");
    snprintf(settings->switch_choose, sizeof settings->switch_choose, "%s", "Return");
    snprintf(settings->staff_keys, sizeof settings->staff_keys, "%s", "Ctrl+Alt+S");
    pin_keys_parse(settings->staff_keys, &settings->staff_chord);
    snprintf(settings->export_dir, sizeof settings->export_dir, "%s", "exports");
    settings->sync_interval_minutes = 15;
}

/* True when `value` is one of the "|"-separated `words`. */
static bool is_one_of(const char *value, const char *words)
{
    size_t n = strlen(value);
    for (const char *w = words; *w;) {
        const char *bar = strchr(w, '|');
        size_t len = bar ? (size_t)(bar - w) : strlen(w);
        if (len == n && strncmp(w, value, n) == 0)
            return true;
        w += len + (bar ? 1 : 0);
    }
    return false;
}

static bool parse_bool(const char *value, bool *out)
{
    static const char *const yes[] = {"on", "yes", "true", "1"};
    static const char *const no[] = {"off", "no", "false", "0"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcasecmp(value, yes[i]) == 0)
            return *out = true, true;
        if (strcasecmp(value, no[i]) == 0)
            return *out = false, true;
    }
    return false;
}

static bool parse_int(const char *value, int max, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(value, &end, 10);
    if (errno || end == value || *end || value[0] == '+' || value[0] == '-' || n < 1 || n > max)
        return false;
    *out = (int)n;
    return true;
}

/* Text without the quotes some people put around it. */
static bool set_text(char *field, size_t size, const char *value)
{
    size_t len = strlen(value);
    if (len >= 2 && value[0] == '"' && value[len - 1] == '"') {
        value++;
        len -= 2;
    }
    if (len == 0 || len >= size)
        return false;
    memcpy(field, value, len);
    field[len] = '\0';
    return true;
}

static int fail(IniReader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Keeps the first problem; returns 0, inih's "error" from a handler. */
static int fail(IniReader *r, const char *fmt, ...)
{
    va_list ap;
    if (r->error_line)
        return 0;
    r->error_line = r->line;
    va_start(ap, fmt);
    vsnprintf(r->message, sizeof r->message, fmt, ap);
    va_end(ap);
    return 0;
}

/* Appends a [symbols] pack folder, which must exist. */
static int add_pack(IniReader *r, const char *value)
{
    KioskSettings *k = &r->settings;
    struct stat st;
    if (k->n_packs == KIOSK_MAX_PACKS)
        return fail(r, "too many symbol packs (at most %d pack lines)", KIOSK_MAX_PACKS);
    char *slot = k->packs[k->n_packs];
    if (!set_text(slot, sizeof k->packs[0], value))
        return fail(r, "pack must be a folder's path of 1 to %zu characters", sizeof k->packs[0] - 1);
    if (stat(slot, &st) != 0)
        return fail(r, "symbol pack folder \"%s\" %s", slot,
                    errno == ENOENT || errno == ENOTDIR ? "does not exist" : strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return fail(r, "symbol pack \"%s\" is a file, not a folder", slot);
    k->n_packs++;
    return 1;
}

/* [staff] pin_hash: empty (no PIN set), or a hash `sayso pin` wrote. */
static int set_pin_hash(IniReader *r, const char *value)
{
    char *hash = r->settings.pin_hash;
    if (!value[0] || strcmp(value, "\"\"") == 0)
        return hash[0] = '\0', 1;
    if (strncmp(value, PIN_HASH_PREFIX, strlen(PIN_HASH_PREFIX)) != 0 ||
        !set_text(hash, sizeof r->settings.pin_hash, value))
        return fail(r, "pin_hash is not an Argon2id hash (it starts with " PIN_HASH_PREFIX "); "
                       "set the PIN with: sayso pin");
    return 1;
}

/* [staff] keys: a chord such as Ctrl+Alt+S that SDL knows. */
static int set_staff_keys(IniReader *r, const char *value)
{
    KioskSettings *k = &r->settings;
    if (!set_text(k->staff_keys, sizeof k->staff_keys, value) || pin_keys_parse(k->staff_keys, &k->staff_chord) != 0)
        return fail(r, "keys must be Ctrl, Alt, Shift or GUI joined by + and then a key name, "
                       "such as Ctrl+Alt+S or Shift+F12, not \"%s\"", value);
    return 1;
}

static int apply(IniReader *r, const SettingSpec *spec, const char *value)
{
    char *field = (char *)&r->settings + spec->offset;
    switch (spec->kind) {
    case KIND_TEXT:
        if (!set_text(field, spec->size, value))
            return fail(r, "%s must be 1 to %zu characters long", spec->key, spec->size - 1);
        return 1;
    case KIND_SECONDS:
        if (!parse_int(value, KIOSK_MAX_SECONDS, (int *)(void *)field))
            return fail(r, "%s must be a whole number of seconds from 1 to 86400, not \"%s\"",
                        spec->key, value);
        return 1;
    case KIND_RATE:
        if (!parse_int(value, KIOSK_MAX_RATE, (int *)(void *)field))
            return fail(r, "%s must be a whole number of words per minute from 1 to 1000, not \"%s\"",
                        spec->key, value);
        return 1;
    case KIND_BOOL:
        if (!parse_bool(value, (bool *)(void *)field))
            return fail(r, "%s must be on or off (or yes/no, true/false, 1/0), not \"%s\"",
                        spec->key, value);
        return 1;
    case KIND_PACK:
        return add_pack(r, value);
    case KIND_WORD:
        if (!is_one_of(value, spec->words) || !set_text(field, spec->size, value))
            return fail(r, "%s must be one of %s, not \"%s\"", spec->key, spec->words, value);
        return 1;
    case KIND_STEP:
        if (!parse_int(value, 3, (int *)(void *)field))
            return fail(r, "%s must be 1, 2 or 3, not \"%s\"", spec->key, value);
        return 1;
    case KIND_SECONDS_OR_OFF: /* 0 turns it off */
        if (strcmp(value, "0") == 0)
            return *(int *)(void *)field = 0, 1;
        if (!parse_int(value, KIOSK_MAX_SECONDS, (int *)(void *)field))
            return fail(r, "%s must be 0 (off) or a whole number of seconds up to 86400, not \"%s\"",
                        spec->key, value);
        return 1;
    case KIND_PIN_HASH:
        return set_pin_hash(r, value);
    case KIND_KEYS:
        return set_staff_keys(r, value);
    case KIND_MINUTES:
        if (!parse_int(value, 1440, (int *)(void *)field))
            return fail(r, "%s must be a whole number of minutes from 1 to 1440 (a day), not \"%s\"",
                        spec->key, value);
        return 1;
    case KIND_MS:
        if (!parse_int(value, 10000, (int *)(void *)field) || *(int *)(void *)field < 250)
            return fail(r, "%s must be a number of milliseconds from 250 to 10000, not \"%s\"",
                        spec->key, value);
        return 1;
    }
    return 0;
}

static bool section_is_known(const char *section)
{
    for (size_t i = 0; i < N_SPECS; i++)
        if (strcmp(setting_specs[i].section, section) == 0)
            return true;
    return false;
}

static int on_setting(void *user, const char *section, const char *key, const char *value)
{
    IniReader *r = user;
    for (size_t i = 0; i < N_SPECS; i++)
        if (strcmp(setting_specs[i].section, section) == 0 && strcmp(setting_specs[i].key, key) == 0)
            return apply(r, &setting_specs[i], value);
    if (!section[0])
        return fail(r, "setting \"%s\" is outside a section; put it under [kiosk], [speech], [symbols], [access], [staff] or [sync]",
                    key);
    if (!section_is_known(section))
        return fail(r, "unknown section [%s] (use [kiosk], [speech], [symbols], [access], [staff] or [sync])", section);
    return fail(r, "unknown setting \"%s\" in [%s]", key, section);
}

/* inih's reader: counts lines, and drops leading white space, which inih
 * would otherwise take as a value running on from the line before (so an
 * indented "idle_seconds = 45" would silently become part of the name). */
static char *read_line(char *str, int num, void *stream)
{
    IniReader *r = stream;
    char *got = fgets(str, num, r->file);
    if (!got)
        return NULL;
    r->line++;
    size_t skip = strspn(str, " \t");
    memmove(str, str + skip, strlen(str + skip) + 1);
    return got;
}

int kiosk_settings_load(KioskSettings *settings, const char *path, bool must_exist, char *err,
                        size_t err_size)
{
    IniReader r = {.message = ""};
    int status = -1;
    kiosk_settings_defaults(&r.settings);
    kiosk_settings_defaults(settings);
    if (err_size)
        err[0] = '\0';
    r.file = fopen(path, "r");
    if (!r.file) {
        if (errno == ENOENT && !must_exist)
            return 0;
        snprintf(err, err_size, "%s: %s", path, errno == ENOENT ? "file not found" : strerror(errno));
        return -1;
    }
    int line = ini_parse_stream(read_line, &r, on_setting, &r);
    if (line < 0) {
        snprintf(err, err_size, "%s: cannot read the file", path);
        goto cleanup;
    }
    if (line > 0) {
        snprintf(err, err_size, "%s:%d: %s", path, line,
                 line == r.error_line ? r.message
                                      : "not a setting; write \"key = value\" or \"[section]\"");
        goto cleanup;
    }
    *settings = r.settings;
    status = 0;
cleanup:
    fclose(r.file);
    return status;
}
