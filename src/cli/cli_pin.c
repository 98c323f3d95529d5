/* cli_pin.c: `sayso pin [--kiosk FILE]`, which sets the staff PIN
 * (commands.h).
 *
 * The PIN is read twice from stdin, never from the command line (where ps
 * and the shell history would keep it). On a terminal the prompts go to
 * stderr and echo is off; from a pipe two lines are read with no prompts, so
 * scripts and tests can set a PIN. Only the hash is written, and the result
 * is read back the way the kiosk will read it before we say it worked. The
 * PIN's buffers are wiped before returning. */
#include "cli/commands.h"

#include <stdbool.h>

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "staff/pin.h"
#include "survey/kiosk_settings.h"

_Static_assert(sizeof(((KioskSettings *)0)->pin_hash) == PIN_HASH_SIZE,
               "kiosk.ini's pin_hash holds a whole crypto_pwhash_str string");

#define PIN_LINE_SIZE 64 /* far more than PIN_MAX_DIGITS: a longer line is refused whole */

/* One line of stdin without its line ending. A line too long for `buf` is
 * read to its end and comes back too long to be a PIN. Returns -1 at end of
 * input before any character. */
static int read_pin_line(char *buf, size_t size)
{
    if (!fgets(buf, (int)size, stdin))
        return -1;
    size_t len = strcspn(buf, "\r\n");
    bool whole = buf[len] != '\0' || feof(stdin);
    buf[len] = '\0';
    for (int c = 0; !whole && c != '\n' && c != EOF;)
        c = getchar();
    return 0;
}

/* Asks for a PIN: on a terminal with `prompt` on stderr and echo off. */
static int ask_pin(const char *prompt, char *buf, size_t size)
{
    struct termios saved, quiet;
    bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        fprintf(stderr, "%s", prompt);
        fflush(stderr);
        quiet = saved;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    int rc = read_pin_line(buf, size);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        fputc('\n', stderr);
    }
    return rc;
}

/* Reads `path` as the kiosk will and checks that its hash takes `pin`. */
static int check_written(const char *path, const char *pin, char *err, size_t err_size)
{
    KioskSettings settings;
    if (kiosk_settings_load(&settings, path, true, err, err_size) != 0)
        return -1;
    if (!pin_verify(settings.pin_hash, pin)) {
        snprintf(err, err_size, "%s: the PIN written there does not read back; set it again", path);
        return -1;
    }
    return 0;
}

/* Both PINs asked for, checked and hashed into `hash`. */
static int ask_new_pin(char first[PIN_LINE_SIZE], char *hash, char *err, size_t err_size)
{
    char second[PIN_LINE_SIZE];
    int status = -1;
    if (ask_pin("New staff PIN (4 to 12 digits): ", first, PIN_LINE_SIZE) != 0)
        snprintf(err, err_size, "no PIN given");
    else if (!pin_is_valid(first))
        snprintf(err, err_size, "a PIN is %d to %d digits (0-9) and nothing else", PIN_MIN_DIGITS,
                 PIN_MAX_DIGITS);
    else if (ask_pin("The same PIN again: ", second, sizeof second) != 0)
        snprintf(err, err_size, "the PIN was not given a second time");
    else if (strcmp(first, second) != 0)
        snprintf(err, err_size, "the two PINs differ");
    else
        status = pin_hash(first, hash, err, err_size);
    sodium_memzero(second, sizeof second);
    return status;
}

int cli_pin(const CliOptions *options)
{
    char pin[PIN_LINE_SIZE] = "", hash[PIN_HASH_SIZE], err[1024];
    const char *path = options->kiosk_ini;
    int status = 1;
    if (ask_new_pin(pin, hash, err, sizeof err) != 0) {
        fprintf(stderr, "sayso: %s; the staff PIN was not changed\n", err);
        goto cleanup;
    }
    if (pin_ini_set_hash(path, hash, err, sizeof err) != 0) {
        fprintf(stderr, "sayso: %s; the staff PIN was not changed\n", err);
        goto cleanup;
    }
    if (check_written(path, pin, err, sizeof err) != 0) {
        fprintf(stderr, "sayso: %s\n", err);
        goto cleanup;
    }
    printf("sayso: staff PIN set in %s\n", path);
    status = 0;
cleanup:
    sodium_memzero(pin, sizeof pin);
    return status;
}
