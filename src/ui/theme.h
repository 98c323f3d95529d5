/* theme.h: the kiosk's colours, in one place.
 *
 * High contrast by default: dark text on near-white (about 17:1), white text
 * on the dark blue of primary buttons and the top bar (over 9:1). Mat columns
 * carry a soft tint of their meaning (good, not sure, bad) behind black text. */
#ifndef SAYSO_UI_THEME_H
#define SAYSO_UI_THEME_H

#include <SDL.h>

typedef struct {
    SDL_Color page;          /* behind everything */
    SDL_Color text;          /* body text */
    SDL_Color text_on_dark;  /* on the bar and primary buttons */
    SDL_Color bar;           /* the top bar */
    SDL_Color card;          /* tiles and panels */
    SDL_Color card_border;
    SDL_Color primary;       /* next, start, yes */
    SDL_Color danger;        /* stop, no */
    SDL_Color chosen;        /* border of a chosen tile */
    SDL_Color chosen_fill;
    SDL_Color held;          /* a mat topic picked up, waiting for a column */
    SDL_Color muted_text;    /* hints (still at least 7:1 on page) */
    SDL_Color warning;       /* the save-problem banner */
    SDL_Color rail;          /* the ladder's side rails */
    SDL_Color column_tint[3];
    SDL_Color column_border[3];
} UiTheme;

static const UiTheme ui_theme_standard = {
    .page = {0xF4, 0xF2, 0xEC, 0xFF},
    .text = {0x14, 0x14, 0x14, 0xFF},
    .text_on_dark = {0xFF, 0xFF, 0xFF, 0xFF},
    .bar = {0x17, 0x2B, 0x4D, 0xFF},
    .card = {0xFF, 0xFF, 0xFF, 0xFF},
    .card_border = {0x5C, 0x63, 0x70, 0xFF},
    .primary = {0x0B, 0x4A, 0xA2, 0xFF},
    .danger = {0xA8, 0x1E, 0x1E, 0xFF},
    .chosen = {0x0B, 0x4A, 0xA2, 0xFF},
    .chosen_fill = {0xDD, 0xEA, 0xFF, 0xFF},
    .held = {0xC2, 0x6A, 0x00, 0xFF},
    .muted_text = {0x3A, 0x3F, 0x47, 0xFF},
    .warning = {0x8A, 0x1C, 0x1C, 0xFF},
    .rail = {0x8A, 0x5A, 0x2B, 0xFF},
    .column_tint = {{0xE4, 0xF3, 0xE6, 0xFF}, {0xFF, 0xF3, 0xD6, 0xFF}, {0xFC, 0xE4, 0xE4, 0xFF}},
    .column_border = {{0x2E, 0x7D, 0x32, 0xFF}, {0xA8, 0x6B, 0x00, 0xFF}, {0xB7, 0x1C, 0x1C, 0xFF}},
};

#endif
