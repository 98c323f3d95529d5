/* pin.c: hashing and checking the staff PIN with libsodium, and the lockout
 * guard of the PIN pad.
 *
 * The hash is libsodium's crypto_pwhash_str string (Argon2id with its salt
 * and costs inside), so a later libsodium with other defaults still checks
 * an old hash. sodium_init() is safe to call again and again and costs
 * nothing after the first time, so each entry point calls it rather than
 * asking every caller to remember. */
#include "staff/pin.h"

#include <assert.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

_Static_assert(PIN_HASH_SIZE == crypto_pwhash_STRBYTES, "PIN_HASH_SIZE is crypto_pwhash_STRBYTES");

bool pin_is_valid(const char *pin)
{
    if (!pin)
        return false;
    size_t n = strlen(pin);
    if (n < PIN_MIN_DIGITS || n > PIN_MAX_DIGITS)
        return false;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9')
            return false;
    return true;
}

int pin_hash(const char *pin, char out[PIN_HASH_SIZE], char *err, size_t err_size)
{
    out[0] = '\0';
    if (!pin_is_valid(pin)) {
        snprintf(err, err_size, "a PIN is %d to %d digits (0-9) and nothing else",
                 PIN_MIN_DIGITS, PIN_MAX_DIGITS);
        return -1;
    }
    if (sodium_init() < 0) {
        snprintf(err, err_size, "libsodium could not start");
        return -1;
    }
    if (crypto_pwhash_str_alg(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        out[0] = '\0';
        snprintf(err, err_size, "not enough memory to hash the PIN (Argon2id needs %zu MiB)",
                 (size_t)(crypto_pwhash_MEMLIMIT_INTERACTIVE >> 20));
        return -1;
    }
    assert(strncmp(out, PIN_HASH_PREFIX, strlen(PIN_HASH_PREFIX)) == 0);
    return 0;
}

bool pin_verify(const char *hash, const char *pin)
{
    if (!hash || !pin || !hash[0] || !pin[0])
        return false;
    if (strncmp(hash, PIN_HASH_PREFIX, strlen(PIN_HASH_PREFIX)) != 0)
        return false;
    if (strnlen(hash, PIN_HASH_SIZE) >= PIN_HASH_SIZE || sodium_init() < 0)
        return false;
    return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

void pin_guard_init(PinGuard *guard)
{
    memset(guard, 0, sizeof *guard);
}

uint64_t pin_guard_locked_for(const PinGuard *guard, uint64_t now_ms)
{
    return guard->locked_until_ms > now_ms ? guard->locked_until_ms - now_ms : 0;
}

int pin_guard_attempts_left(const PinGuard *guard)
{
    int left = PIN_MAX_FAILURES - guard->failures;
    return left > 0 ? left : 0;
}

PinResult pin_guard_try(PinGuard *guard, const char *hash, const char *pin, uint64_t now_ms)
{
    if (!hash || !hash[0])
        return PIN_NOT_SET;
    if (pin_guard_locked_for(guard, now_ms) > 0)
        return PIN_LOCKED;
    if (guard->locked_until_ms) /* the lock has run out */
        pin_guard_init(guard);
    if (pin_verify(hash, pin)) {
        guard->failures = 0;
        return PIN_OK;
    }
    if (++guard->failures < PIN_MAX_FAILURES)
        return PIN_WRONG;
    guard->locked_until_ms = now_ms + PIN_LOCK_MS;
    return PIN_LOCKED;
}
