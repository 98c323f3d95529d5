/* pin_keys.c: parses and matches the staff key chord with SDL's key names,
 * and gives its SDL modifiers for a made-up key press.
 *
 * SDL_GetKeyFromName works from SDL's built-in tables, so kiosk.ini can be
 * checked before (or without) SDL_Init. The split on "+" takes modifier
 * words from the front only while they are modifiers, so a key whose own
 * name holds a "+" ("Keypad +", or "+" itself as in "Ctrl++") still parses. */
#include "staff/pin_keys.h"

#include <SDL_keyboard.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name;
    unsigned bit;
    uint16_t sdl_mod;  /* either hand's key */
    uint16_t sdl_left; /* the left-hand key, for a made-up key press */
} modifier_table[] = {
    {"Ctrl", PIN_MOD_CTRL, KMOD_CTRL, KMOD_LCTRL},
    {"Alt", PIN_MOD_ALT, KMOD_ALT, KMOD_LALT},
    {"Shift", PIN_MOD_SHIFT, KMOD_SHIFT, KMOD_LSHIFT},
    {"GUI", PIN_MOD_GUI, KMOD_GUI, KMOD_LGUI},
};

#define N_MODIFIERS (sizeof modifier_table / sizeof modifier_table[0])

/* The PIN_MOD_* bit of the `len` characters at `word`, or 0. */
static unsigned modifier_bit(const char *word, size_t len)
{
    for (size_t i = 0; i < N_MODIFIERS; i++)
        if (strlen(modifier_table[i].name) == len && strncasecmp(word, modifier_table[i].name, len) == 0)
            return modifier_table[i].bit;
    return 0;
}

int pin_keys_parse(const char *text, PinKeys *out)
{
    memset(out, 0, sizeof *out);
    if (!text)
        return -1;
    const char *rest = text;
    unsigned modifiers = 0;
    for (const char *plus; (plus = strchr(rest, '+')) && plus > rest;) {
        unsigned bit = modifier_bit(rest, (size_t)(plus - rest));
        if (!bit)
            break;
        if (modifiers & bit)
            return -1;
        modifiers |= bit;
        rest = plus + 1;
    }
    if (!rest[0])
        return -1;
    SDL_Keycode key = SDL_GetKeyFromName(rest);
    if (key == SDLK_UNKNOWN)
        return -1;
    out->key = key;
    out->modifiers = modifiers;
    return 0;
}

bool pin_keys_match(const PinKeys *keys, int32_t sym, uint16_t sdl_mod)
{
    if (sym != keys->key)
        return false;
    for (size_t i = 0; i < N_MODIFIERS; i++) {
        bool held = (sdl_mod & modifier_table[i].sdl_mod) != 0;
        bool wanted = (keys->modifiers & modifier_table[i].bit) != 0;
        if (held != wanted)
            return false;
    }
    return true;
}

uint16_t pin_keys_sdl_mod(const PinKeys *keys)
{
    uint16_t mod = 0;
    for (size_t i = 0; i < N_MODIFIERS; i++)
        if (keys->modifiers & modifier_table[i].bit)
            mod |= modifier_table[i].sdl_left;
    return mod;
}
