/* pin.h: the staff PIN: its Argon2id hash, checking a PIN against it, and
 * the guard that locks the PIN pad after too many wrong PINs.
 *
 * kiosk.ini keeps only the hash ([staff] pin_hash, set by `sayso pin`), so
 * reading the file does not give the PIN away. Hashing costs about 0.1 s and
 * 64 MiB (libsodium's INTERACTIVE limits): call it on a staff action, not per
 * frame. The guard is plain data with the time passed in, so the PIN pad
 * holds one and tests can step the clock. Nothing here prints or logs a PIN. */
#ifndef SAYSO_STAFF_PIN_H
#define SAYSO_STAFF_PIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>


#define PIN_HASH_SIZE 128          /* crypto_pwhash_STRBYTES, with its NUL */
#define PIN_MIN_DIGITS 4
#define PIN_MAX_DIGITS 12
#define PIN_MAX_FAILURES 5         /* wrong PINs in a row that lock the pad */
#define PIN_LOCK_MS (5 * 60 * 1000) /* how long the pad stays locked */
#define PIN_HASH_PREFIX "$argon2id$" /* how every hash we write starts */

/* True when `pin` is PIN_MIN_DIGITS to PIN_MAX_DIGITS ASCII digits and
 * nothing else. NULL is not valid. */
bool pin_is_valid(const char *pin);

/* Hashes `pin` (which must pass pin_is_valid) with Argon2id
 * (crypto_pwhash_str, OPSLIMIT/MEMLIMIT_INTERACTIVE, a fresh random salt)
 * into `out`, a NUL-terminated "$argon2id$..." string. Returns 0, or -1 with
 * a message in `err` (an invalid PIN, or libsodium out of memory). */
int pin_hash(const char *pin, char out[PIN_HASH_SIZE], char *err, size_t err_size);

/* True when `pin` matches `hash` (crypto_pwhash_str_verify). False for a
 * NULL or empty hash or PIN, and for a hash that is not Argon2id. */
bool pin_verify(const char *hash, const char *pin);

/* The PIN pad's lockout state. Zeroed (pin_guard_init) it is open. */
typedef struct {
    int failures;             /* wrong PINs in a row since the last right one or lock */
    uint64_t locked_until_ms; /* on the caller's clock; 0 when not locked */
} PinGuard;

void pin_guard_init(PinGuard *guard);

/* Milliseconds until the pad opens again at `now_ms`; 0 when it is open. */
uint64_t pin_guard_locked_for(const PinGuard *guard, uint64_t now_ms);

/* Wrong PINs the guard will still take before it locks (PIN_MAX_FAILURES
 * when none so far). */
int pin_guard_attempts_left(const PinGuard *guard);

typedef enum { PIN_OK, PIN_WRONG, PIN_LOCKED, PIN_NOT_SET } PinResult;

/* One PIN typed on the pad at `now_ms` (a monotonic clock in ms, such as
 * SDL_GetTicks64), checked against `hash` (the [staff] pin_hash). In order:
 *   - hash NULL or "": PIN_NOT_SET; the guard does not change.
 *   - still locked (now_ms < locked_until_ms): PIN_LOCKED; the PIN is not
 *     even checked and does not count.
 *   - a lock that has run out is lifted and the failures start again at 0.
 *   - the right PIN: PIN_OK, and failures go back to 0.
 *   - a wrong PIN: failures + 1; PIN_WRONG, except that the
 *     PIN_MAX_FAILURES-th wrong PIN in a row locks the pad until
 *     now_ms + PIN_LOCK_MS and returns PIN_LOCKED.
 * Costs one Argon2id verify (~0.1 s) unless NOT_SET or LOCKED. */
PinResult pin_guard_try(PinGuard *guard, const char *hash, const char *pin, uint64_t now_ms);

/* Writes `hash` (from pin_hash) as "pin_hash = HASH" into the [staff]
 * section of the kiosk.ini at `path`: replaces a pin_hash line there, else
 * adds one under the [staff] header, else appends a [staff] section. Every
 * other byte is kept; a missing file is created. The new text goes to a
 * temporary file in the same folder, is read back with kiosk_settings_load,
 * then fsync'd and renamed over the old one, mode 0600 (0640 when the old
 * file was readable by its group and no one else; less the umask) and the
 * old owner: a crash or a kiosk.ini with a bad line elsewhere leaves the
 * old file as it was.
 * Returns 0, or -1 with a message naming the file (and line) in `err`. */
int pin_ini_set_hash(const char *path, const char *hash, char *err, size_t err_size);

#endif
