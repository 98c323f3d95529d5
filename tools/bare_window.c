/* bare_window.c: the start-up anchor of `make bench`: the least an SDL2
 * program can do to put a frame on the screen.
 *
 *   bare_window            (SAYSO_BENCH_T0 set by the bench)
 *
 * Opens a borderless window of the display's size with SDL's software
 * renderer, as sayso does (same hints), clears it to sayso's background
 * colour and presents it once, then says on stderr "first frame after N
 * ms" exactly as sayso does, and waits for events until it is stopped
 * (SIGTERM). sayso's start-up is measured against this, in the same run,
 * under the same X server. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Milliseconds since the CLOCK_MONOTONIC time SAYSO_BENCH_T0 (ns). */
static double since_t0_ms(void)
{
    const char *t0 = getenv("SAYSO_BENCH_T0");
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return ((double)now.tv_sec * 1e9 + (double)now.tv_nsec - (t0 ? strtod(t0, NULL) : 0)) / 1e6;
}

int main(void)
{
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "bare_window: %s\n", SDL_GetError());
        return 1;
    }
    SDL_DisplayMode mode = {0};
    if (SDL_GetDesktopDisplayMode(0, &mode) != 0)
        mode.w = 1280, mode.h = 800;
    SDL_Window *window = SDL_CreateWindow("bare", 0, 0, mode.w, mode.h, SDL_WINDOW_BORDERLESS);
    SDL_Renderer *renderer = window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE) : NULL;
    if (!renderer) {
        fprintf(stderr, "bare_window: %s\n", SDL_GetError());
        return 1;
    }
    SDL_SetRenderDrawColor(renderer, 0xf4, 0xf2, 0xec, 0xff);
    SDL_RenderClear(renderer);
    SDL_RenderPresent(renderer);
    fprintf(stderr, "bare_window: first frame after %.2f ms\n", since_t0_ms());
    SDL_Event event;
    while (SDL_WaitEvent(&event) && event.type != SDL_QUIT) {
    }
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
