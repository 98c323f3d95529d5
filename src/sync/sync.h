/* sync.h: many kiosks, one central store on PostgreSQL (libpq).
 *
 * Answers go up exactly once: ended sessions with their answers and
 * recordings are sent in batches, each one transaction on the server
 * (COPY into temporary tables, then INSERT ... ON CONFLICT DO NOTHING), and
 * marked synced on the kiosk only after the server's COMMIT returned. A
 * replay, a kill at any moment, a server stopped mid-batch or a dropped
 * network never make a duplicate or lose a row: whatever was not marked
 * goes again, and the server ignores what it has. Published surveys come
 * down: a newer version is fetched into a folder beside the database,
 * checked with the same loader as `sayso check`, and only then kept for
 * the kiosk to switch to at its next welcome screen.
 *
 * Only the command layer (src/cli) and the app call this module; it reads
 * and marks rows through src/store. Nothing outside src/sync includes
 * libpq-fe.h. Passwords never appear in a message: every text from libpq
 * is scrubbed of them first. */
#ifndef SAYSO_SYNC_H
#define SAYSO_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "export/export.h"
#include "survey/kiosk_settings.h"
#include "survey/survey.h"

/* Where the central store is and how to log in. */
typedef struct {
    const char *url;      /* a libpq URL (postgresql://LOGIN@HOST:PORT/DB?sslmode=...) or conninfo */
    const char *password; /* NULL: libpq's own ways (PGPASSWORD, ~/.pgpass) */
    const char *ca_file;  /* the CA certificate for sslmode=verify-full; NULL: libpq's default */
} SyncTarget;

/* What went wrong, twice: in plain words for the staff menu and speech
 * ("The server could not be reached."), and in detail for the log and the
 * command line (never holding a password). */
typedef struct {
    char plain[192];
    char detail[768];
} SyncError;

/* How far a sync has come, for the staff menu's progress. */
typedef struct {
    int sessions_done;  /* sessions of this run that are on the server and marked */
    int sessions_total; /* sessions there were to send when it began */
    bool pulling;       /* fetching a published survey */
} SyncProgress;

typedef void (*SyncProgressFn)(void *ctx, const SyncProgress *progress);

typedef struct {
    const char *db_path;
    SyncTarget target;
    const char *venue;               /* [sync] venue: names kiosks an admin's sync meets first; may be NULL */
    const char *const *symbol_dirs;  /* packs then assets/symbols, NULL-ended: checks a fetched survey */
    bool close_stale;                /* first end sessions untouched for a day (a stick from a dead kiosk) */
    bool pull;                       /* fetch a newer published survey (kiosk logins only) */
    int batch_sessions;              /* sessions per batch; 0: the default */
    SyncProgressFn progress;         /* may be NULL */
    void *ctx;
    const volatile int *cancel;      /* non-zero: stop between batches; may be NULL */
} SyncRequest;

typedef struct {
    bool admin;            /* synced with the central admin's login (every kiosk's sessions) */
    char login[64];        /* the login used */
    char kiosk_name[128];  /* the kiosk's name at the central store ("" for an admin) */
    int sessions_sent;     /* newly stored on the server */
    int answers_sent;
    int recordings_sent;
    int sessions_marked;   /* marked synced here (sent now, or found there already) */
    int sessions_left;     /* ended sessions still not on the server */
    int sessions_open;     /* still being answered: never sent */
    int sessions_closed;   /* left open by a stopped kiosk, ended now (close_stale) */
    int other_kiosks;      /* sessions of other kiosks a kiosk login may not send */
    /* the pull */
    int survey_number;     /* the newest published version now kept here; 0 none */
    bool survey_new;       /* it arrived in this run */
    char survey_dir[4200]; /* where it is */
    char survey_rejected[512]; /* why a newer version was not taken ("" when none was refused) */
    bool survey_refused;   /* it was refused in this run */
} SyncReport;

/* Pushes every ended, unsynced session of `request->db_path`, then (a
 * kiosk login, `pull`) fetches a newer published survey. Returns 0 when
 * nothing failed; -1 with `err` otherwise. The report says what did
 * happen: everything went up when it is 0 and report->sessions_left is 0
 * (a session that ended while the sync ran may be left for the next). */
int sync_run(const SyncRequest *request, SyncReport *report, SyncError *err);

/* The target of kiosk.ini's [sync] section: its url, its password (from
 * `password`, accepted only when `ini_path` is readable by its owner
 * alone; or from `password_file`, likewise) and ca_file. `password` is
 * where the password is copied (`size` bytes). 0, or -1 with `err` saying
 * what to fix ("chmod 600 ..."). A [sync] with no url is -1 too. */
int sync_target_from_settings(const KioskSettings *settings, const char *ini_path,
                              SyncTarget *target, char *password, size_t size, SyncError *err);

/* ---- the central store's set-up (the forum's admin) ---- */

typedef struct {
    int version_before; /* 0: there was no central schema */
    int version;        /* now */
} CentralInitReport;

/* Creates or upgrades the central schema (`sayso central init`),
 * idempotently. A schema newer than this program knows is refused. 0 or -1. */
int central_init(const SyncTarget *target, CentralInitReport *report, SyncError *err);

typedef struct {
    char login[64];         /* the new PostgreSQL role */
    char password[64];      /* its password (shown once, to put in kiosk.ini) */
    char url[1024];         /* the admin's URL with the new login and no password */
} CentralKioskLogin;

/* Creates a login for one kiosk (`sayso central kiosk`): it may only
 * insert its own kiosk's rows and read the surveys published for all or
 * for `venue` (may be NULL). 0 or -1. */
int central_kiosk_add(const SyncTarget *target, const char *name, const char *venue,
                      CentralKioskLogin *out, SyncError *err);

/* ---- publishing a survey (the forum's admin) ---- */

typedef struct {
    const char *name; /* in the survey's folder */
    const char *path;
} SyncPublishFile;

typedef struct {
    SyncTarget target;
    const Survey *survey;          /* loaded and checked as `sayso check` does */
    const SyncPublishFile *files;  /* survey_files' list */
    int n_files;
    const char *venue;             /* NULL: for every venue */
} PublishRequest;

typedef struct {
    int number;      /* the publish number kiosks fetch it by */
    bool already;    /* the same files were published for the same venue before: nothing added */
    int files;
    long long bytes;
} PublishReport;

/* Stores the survey's files as the next published version (`sayso
 * publish`). 0 or -1 (a form_id and version published before with other
 * files is refused: its sessions could not be told apart). */
int sync_publish(const PublishRequest *request, PublishReport *report, SyncError *err);

/* ---- reports across kiosks ---- */

/* `sayso export --from URL`: the export of `request` (its format, out
 * path, survey and filter, --venue included; its db_path is not used)
 * over every kiosk's sessions in the central store, each row with its
 * kiosk's name and venue, the report with a section per venue. 0 or -1. */
int sync_export_central(const SyncTarget *target, const ExportRequest *request, ExportCounts *counts,
                        SyncError *err);

/* ---- merging USB sticks ---- */

typedef struct {
    const char *into;                /* made when missing */
    const char *const *sources;
    int n_sources;
} MergeRequest;

/* What one source added (rows not there before). */
typedef struct {
    int kiosks, sessions, answers, recordings;
} MergeCounts;

typedef void (*MergeFn)(void *ctx, const char *source, const MergeCounts *added);

/* Merges each source database into `into`, idempotently, calling `fn`
 * after each. 0, or -1 with `err` at the first source that fails (those
 * before it stay merged). */
int sync_merge(const MergeRequest *request, MergeFn fn, void *ctx, char *err, size_t err_size);

/* ---- published surveys on a kiosk ---- */

/* The newest published survey kept beside the database `db_path`
 * (DB.published/N): writes its folder into `dir` and returns N; 0 when
 * there is none. */
int sync_published_current(const char *db_path, char *dir, size_t size);

/* Why the newest published version, if newer than the one kept, was
 * refused on this kiosk: writes the reason into `why` and returns its
 * number; 0 when none was refused. */
int sync_published_rejected(const char *db_path, char *why, size_t size);

#endif
