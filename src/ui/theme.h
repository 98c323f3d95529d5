/* theme.h: the kiosk's colours: a standard theme and a high-contrast one.
 *
 * Standard: dark text on near-white and white on dark blue, every text at
 * least 4.5:1 against what is behind it (WCAG AA). High contrast: black on
 * white and white on black or navy, every text at least 7:1 (WCAG AAA), for
 * people with low vision. tests/test_theme.c computes every pair. */
#ifndef SAYSO_UI_THEME_H
#define SAYSO_UI_THEME_H

#include <SDL.h>
#include <stdbool.h>

typedef struct {
    const char *name;        /* "standard", "high_contrast" */
    SDL_Color page;          /* behind everything */
    SDL_Color text;          /* body text */
    SDL_Color text_on_dark;  /* on the bar and primary buttons */
    SDL_Color bar;           /* the top bar */
    SDL_Color card;          /* tiles and panels */
    SDL_Color card_border;
    SDL_Color primary;       /* next, start, yes */
    SDL_Color danger;        /* stop, no: text and border on a card */
    SDL_Color chosen;        /* border of a chosen tile */
    SDL_Color chosen_fill;
    SDL_Color held;          /* a mat topic picked up, waiting for a column */
    SDL_Color muted_text;    /* hints */
    SDL_Color warning;       /* the save-problem banner, behind text_on_dark */
    SDL_Color rail;          /* the ladder's side rails */
    SDL_Color focus;         /* the focus ring (keyboard and switches) */
    SDL_Color focus_edge;    /* the ring's outline, so it shows on any colour */
    SDL_Color column_tint[3];
    SDL_Color column_border[3];
} UiTheme;

/* The theme to draw with. */
const UiTheme *ui_theme(bool high_contrast);

/* The WCAG contrast ratio of two colours (1 to 21). */
double ui_theme_contrast(SDL_Color a, SDL_Color b);

#endif
