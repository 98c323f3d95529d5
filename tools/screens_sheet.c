/* screens_sheet.c: lays screenshots out on one sheet, each with its name,
 * so a person can review every screen of a survey at a glance.
 *
 *   screens_sheet OUT.png TITLE SHOT.png ...
 *
 * Used by `make symbols-sheet` for the screens with symbol-supported text. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>

#include "ui/font_find.h"

enum { COLUMNS = 3, CELL_W = 640, LABEL_H = 44, MARGIN = 24, TITLE_H = 80 };

static void put_text(SDL_Surface *sheet, TTF_Font *font, const char *text, int x, int y)
{
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, text, (SDL_Color){20, 20, 20, 255});
    if (!s)
        return;
    SDL_BlitSurface(s, NULL, sheet, &(SDL_Rect){x, y, s->w, s->h});
    SDL_FreeSurface(s);
}

/* The name a shot is shown under: its file name without folder or .png. */
static void shot_name(const char *path, char *out, size_t size)
{
    const char *base = strrchr(path, '/');
    snprintf(out, size, "%s", base ? base + 1 : path);
    char *dot = strrchr(out, '.');
    if (dot)
        *dot = '\0';
}

static int place_shot(SDL_Surface *sheet, TTF_Font *font, const char *path, int i, int cell_h)
{
    SDL_Surface *shot = IMG_Load(path);
    if (!shot) {
        fprintf(stderr, "screens_sheet: cannot read %s: %s\n", path, IMG_GetError());
        return -1;
    }
    int x = MARGIN + (i % COLUMNS) * (CELL_W + MARGIN);
    int y = TITLE_H + (i / COLUMNS) * (cell_h + LABEL_H + MARGIN);
    int h = shot->h * CELL_W / shot->w;
    SDL_Rect dst = {x, y + (cell_h - h) / 2, CELL_W, h};
    SDL_BlitScaled(shot, NULL, sheet, &dst);
    SDL_FreeSurface(shot);
    char name[256];
    shot_name(path, name, sizeof name);
    put_text(sheet, font, name, x, y + cell_h + 6);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: screens_sheet OUT.png TITLE SHOT.png ...\n");
        return 2;
    }
    static const char *const andika[] = {"Andika", NULL};
    static const FontRequest want = {andika, 6, NULL, "fonts-sil-andika"};
    FontAnswer found;
    font_find_all(&want, 1, &found);
    if (found.found != 0 || TTF_Init() != 0) {
        fprintf(stderr, "screens_sheet: %s\n", found.found != 0 ? found.err : TTF_GetError());
        return 1;
    }
    TTF_Font *font = TTF_OpenFont(found.files.bold, 28), *title_font = TTF_OpenFont(found.files.bold, 40);
    int n = argc - 3, cell_h = CELL_W * 9 / 16;  /* landscape shots */
    int rows = (n + COLUMNS - 1) / COLUMNS;
    SDL_Surface *sheet = SDL_CreateRGBSurfaceWithFormat(0, MARGIN + COLUMNS * (CELL_W + MARGIN),
                                                        TITLE_H + rows * (cell_h + LABEL_H + MARGIN), 32,
                                                        SDL_PIXELFORMAT_RGBA32);
    if (!font || !title_font || !sheet) {
        fprintf(stderr, "screens_sheet: cannot set up the sheet: %s\n", SDL_GetError());
        return 1;
    }
    SDL_FillRect(sheet, NULL, SDL_MapRGB(sheet->format, 255, 255, 255));
    put_text(sheet, title_font, argv[2], MARGIN, 16);
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++)
        rc = place_shot(sheet, font, argv[3 + i], i, cell_h);
    if (rc == 0 && IMG_SavePNG(sheet, argv[1]) != 0) {
        fprintf(stderr, "screens_sheet: cannot write %s: %s\n", argv[1], IMG_GetError());
        rc = 1;
    }
    if (rc == 0)
        printf("screens_sheet: wrote %s (%d screens)\n", argv[1], n);
    SDL_FreeSurface(sheet);
    TTF_CloseFont(font);
    TTF_CloseFont(title_font);
    TTF_Quit();
    return rc == 0 ? 0 : 1;
}
