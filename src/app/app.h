/* app.h: the running kiosk: survey, store, speech, flow and screen together.
 *
 * One App value holds everything (no globals). The loop blocks in
 * SDL_WaitEventTimeout until the next input or the flow's next time-out, and
 * draws only when the flow or the window changed. Headless scripts drive the
 * same App through app_pump / app_advance. */
#ifndef SAYSO_APP_H
#define SAYSO_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "app/access.h"
#include "app/app_sync.h"
#include "app/spoken.h"
#include "flow/flow.h"
#include "recorder/recorder.h"
#include "service/service.h"
#include "speech/speech.h"
#include "staff/gesture.h"
#include "staff/staff.h"
#include "store/store.h"
#include "survey/kiosk_settings.h"
#include "survey/survey.h"
#include "ui/input.h"
#include "ui/date_picker.h"
#include "ui/keyboard.h"
#include "ui/numpad.h"
#include "ui/ui.h"

/* What the kiosk is started with: the command layer (src/cli) fills it. */
typedef struct {
    const char *config_dir;   /* the survey folder */
    const char *db_path;      /* the kiosk's SQLite file */
    const char *kiosk_ini;    /* kiosk.ini */
    bool kiosk_ini_given;     /* a named kiosk.ini must exist; the default may not */
    const char *assets_dir;   /* holds symbols/ and words.csv */
    int width, height;        /* 0: the display's */
    bool windowed;            /* a developer's window that closes normally */
    bool headless;            /* no display: time moves only by the script's `wait` */
    const char *cache_dir;    /* rasterised symbols kept between runs; NULL: none */
} AppConfig;

/* Where a person was when a question covered their screen (stop-confirm,
 * still-there): going back there brings the focus and the keyboard's page
 * back as they were. */
typedef struct {
    bool set;
    char screen[128];
    char focus[UI_ID_SIZE];
    KeyboardState keyboard;
    int page;
} AppPaused;

typedef struct App {
    AppConfig config;
    KioskSettings settings;
    Survey *survey;
    Store *store;
    Speech *speech;
    Flow *flow;
    Ui *ui;
    Lexicon *lexicon;         /* words to symbols; NULL when there is none */
    UiWords *words;           /* the kiosk's own words translated; NULL: English */
    KeyboardSet *keyboards;   /* the languages' on-screen keyboards (assets/keyboards) */
    int spoken_language;      /* the survey language the voice is set for; -1 none yet */
    char own_symbols[4200];   /* <assets>/symbols */
    const char *symbol_dirs[KIOSK_MAX_PACKS + 2]; /* packs, then own_symbols, NULL */
    UiPointer pointer;
    Access access;            /* keyboard and switches */
    Spoken spoken;            /* the recorder, for spoken answers */
    KeyboardState keyboard;   /* the on-screen keyboard's page, for typed answers */
    Staff staff;              /* the PIN pad, staff menu and group view */
    AppSync sync;             /* the central store: the sync worker, a published survey to switch to */
    StaffGesture gesture;     /* a finger held in the top-left corner */
    Service service;          /* readiness and watchdog for systemd */
    Recorder *mic_test;       /* the staff menu's microphone test; NULL until used */
    uint64_t mic_test_until;  /* when it ends; 0 when none runs */
    int attract_said;         /* "You said, we did" items said since the welcome screen appeared */
    char armed[UI_ID_SIZE];   /* "touch to hear" style: the target heard, waiting for a second touch */
    char input_session[STORE_UUID_SIZE]; /* the session inputs_noted belongs to */
    unsigned inputs_noted;    /* bits: touch, keyboard, switch recorded for it */
    bool virtual_clock;       /* headless: time moves only by `wait` */
    uint64_t virtual_now_ms;
    unsigned built_generation; /* flow and staff generations laid out last */
    int built_yousaid;        /* the "You said, we did" item laid out last */
    int built_topic;          /* the mat topic offered when laid out last; -1 none */
    char said[2 * UI_TEXT_SIZE]; /* what the input being handled said, to say again with what follows */
    char built_screen[128];
    AppPaused paused;         /* the place a pause covers */
    char speech_problem[256]; /* why speech is off ("" when it is on), for the log and the staff menu */
    bool built;
    bool dirty;
    bool quit;
    bool signalled;           /* the system asked the program to end (SIGTERM, SIGINT) */
    uint64_t frames;          /* frames drawn, for tests and bench */
} App;

/* Loads the settings and the survey, opens the store, speech and the
 * screen. On failure prints plain messages (every survey problem as
 * FILE:LINE: message) on stderr and returns -1. */
int app_open(App *app, const AppConfig *config);
void app_close(App *app);

/* The kiosk's clock, in milliseconds. */
uint64_t app_now(const App *app);

/* Runs the kiosk until it is closed. Returns the process exit code. */
int app_run(App *app);

/* Handles every event waiting in SDL's queue, runs time-outs, and lays out
 * and draws what changed. */
void app_pump(App *app);

/* Moves the virtual clock on by `ms` and runs what falls due, jumping
 * from one time-out to the next (nothing drawn on the way). Returns early
 * when the program is asked to end (app->signalled). */
void app_advance(App *app, uint64_t ms);

/* The soonest of `n` times in milliseconds, each -1 for none; -1 when all
 * are. */
int64_t app_soonest(const int64_t *ms, int n);

/* The name of the screen showing ("question:positive"). */
void app_screen_name(const App *app, char *out, size_t out_size);

#endif
