/* pin_keys.h: the key chord that opens the staff PIN pad on keyboard kiosks
 * ([staff] keys in kiosk.ini, "Ctrl+Alt+S" by default).
 *
 * A chord is written as modifiers (Ctrl, Alt, Shift, GUI, any case) joined
 * by "+", then one key by its SDL name ("S", "F12", "Return", "Keypad +").
 * The parsed chord holds SDL's key code and its own modifier bits, so this
 * header needs no SDL include. */
#ifndef SAYSO_STAFF_PIN_KEYS_H
#define SAYSO_STAFF_PIN_KEYS_H

#include <stdbool.h>
#include <stdint.h>

enum { PIN_MOD_CTRL = 1, PIN_MOD_ALT = 2, PIN_MOD_SHIFT = 4, PIN_MOD_GUI = 8 };

typedef struct {
    int32_t key;        /* an SDL_Keycode */
    unsigned modifiers; /* PIN_MOD_* bits that must be held */
} PinKeys;

/* Parses `text`. Returns 0, or -1 (an unknown modifier or key name, an
 * empty key, a modifier named twice) leaving `out` zeroed. Needs no
 * SDL_Init. */
int pin_keys_parse(const char *text, PinKeys *out);

/* True when a key press of `sym` (SDL_Keycode) with SDL's `sdl_mod`
 * (SDL_Keymod, left or right alike) is the chord: the same key with exactly
 * its modifiers held (Caps Lock, Num Lock and the like are ignored). */
bool pin_keys_match(const PinKeys *keys, int32_t sym, uint16_t sdl_mod);

/* The SDL_Keymod of a key press of the chord, with the left-hand key of
 * each modifier held (for pushing the chord as an SDL event). */
uint16_t pin_keys_sdl_mod(const PinKeys *keys);

#endif
