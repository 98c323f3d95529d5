/* store_schema.c: the tables of a sayso database and the migrations to them.
 *
 * PRAGMA user_version is the schema version: the number of entries of
 * store_migrations applied so far. Each migration runs in its own
 * transaction together with the step of user_version, so a file is always at
 * one known version; a new version is one more entry at the end of the list,
 * never an edit of an old one. PRAGMA application_id marks the file as
 * sayso's, so a database made by another program is refused, not altered.
 *
 * Times are UTC ISO 8601 with milliseconds, "2026-11-22T10:04:05.123Z".
 * Names of questions, choices and topics are the survey's own names from
 * survey.csv and choices.csv. */
#include "store/store.h"
#include "store/store_internal.h"

#include <stdio.h>

#define STORE_STR_(x) #x
#define STORE_STR(x) STORE_STR_(x)

static const char *const store_migrations[] = {
    /* 1: kiosks, sessions and answers. */
    "PRAGMA application_id = " STORE_STR(STORE_APPLICATION_ID) ";\n"
    "CREATE TABLE kiosk (\n"
    "    id          TEXT NOT NULL PRIMARY KEY, -- UUID v4 of this kiosk, made on first open\n"
    "    created_at  TEXT NOT NULL              -- when this database was first opened (UTC)\n"
    ");\n"
    "CREATE TABLE session (\n"
    "    id             TEXT NOT NULL PRIMARY KEY, -- UUID v4 of the session\n"
    "    kiosk_id       TEXT NOT NULL, -- kiosk.id of the kiosk that recorded it\n"
    "    survey_id      TEXT NOT NULL, -- form_id of the survey (settings.csv)\n"
    "    survey_version TEXT NOT NULL, -- version of the survey (settings.csv)\n"
    "    language       TEXT NOT NULL, -- language chosen, a code such as 'en'\n"
    "    touch_style    TEXT,          -- the kiosk's touch style, such as 'touch'\n"
    "    input_used     TEXT,          -- inputs used, comma-separated in first-used order:\n"
    "                                  -- 'touch', 'switch', 'keyboard'; NULL before any\n"
    "    mode           TEXT NOT NULL DEFAULT 'self'\n"
    "                   CHECK (mode IN ('self', 'supported')), -- alone, or with support\n"
    "    group_label    TEXT,          -- the group session's label; NULL outside a group\n"
    "    started_at     TEXT NOT NULL, -- when the session began (UTC)\n"
    "    ended_at       TEXT,          -- when it ended (UTC); NULL while open, or if cut off\n"
    "    ended_how      TEXT           -- 'timeout' is the idle reset; NULL with ended_at\n"
    "                   CHECK (ended_how IN ('finished', 'stopped', 'timeout')),\n"
    "    CHECK ((ended_at IS NULL) = (ended_how IS NULL))\n"
    ");\n"
    "CREATE INDEX session_started_at ON session(started_at);\n"
    "CREATE TABLE answer (\n"
    "    id          TEXT NOT NULL PRIMARY KEY, -- UUID v4 of the answer row\n"
    "    session_id  TEXT NOT NULL REFERENCES session(id), -- the session it belongs to\n"
    "    question    TEXT NOT NULL, -- the question's name (survey.csv)\n"
    "    choice      TEXT,          -- the choice's name (choices.csv): one row per choice\n"
    "                               -- chosen; on a mat, the column; NULL when skipped\n"
    "    topic       TEXT,          -- on a mat, the topic placed (or skipped); else NULL\n"
    "    skipped     INTEGER NOT NULL DEFAULT 0\n"
    "                CHECK (skipped IN (0, 1)), -- 1: skipped (\"I don't want to answer\")\n"
    "    answered_at TEXT NOT NULL, -- when this choice (or the skip) was first made (UTC)\n"
    "    CHECK ((skipped = 1) = (choice IS NULL))\n"
    ");\n"
    "CREATE INDEX answer_question ON answer(session_id, question, topic);\n",

    /* 2: spoken answers (XLSForm type audio). A kept recording is two rows:
     * the answer row of the question with choice NULL and skipped 0 (so
     * every listing of answers shows the question as answered, in answered
     * order), and the recording row with the WAV, found by the same
     * (session_id, question); a question has at most one recording per
     * session. Migration 1's CHECK ((skipped = 1) = (choice IS NULL)) forbids
     * that answer row, and SQLite cannot alter a CHECK, so the answer table
     * is rebuilt the way SQLite's ALTER TABLE documentation describes
     * (create, copy, drop, rename): same columns, same ids, same rowids (the
     * answered order), only the CHECK relaxed to "a skipped row has no
     * choice". Nothing references answer, so dropping it breaks no foreign
     * key. */
    "CREATE TABLE answer_v2 (\n"
    "    id          TEXT NOT NULL PRIMARY KEY, -- UUID v4 of the answer row\n"
    "    session_id  TEXT NOT NULL REFERENCES session(id), -- the session it belongs to\n"
    "    question    TEXT NOT NULL, -- the question's name (survey.csv)\n"
    "    choice      TEXT,          -- the choice's name (choices.csv): one row per choice\n"
    "                               -- chosen; on a mat, the column; NULL when skipped,\n"
    "                               -- and NULL (skipped 0) for a spoken answer, whose\n"
    "                               -- recording is in recording at (session_id, question)\n"
    "    topic       TEXT,          -- on a mat, the topic placed (or skipped); else NULL\n"
    "    skipped     INTEGER NOT NULL DEFAULT 0\n"
    "                CHECK (skipped IN (0, 1)), -- 1: skipped (\"I don't want to answer\")\n"
    "    answered_at TEXT NOT NULL, -- when this choice (or the skip, or the first kept\n"
    "                               -- recording) was made (UTC)\n"
    "    CHECK (skipped = 0 OR choice IS NULL)\n"
    ");\n"
    "INSERT INTO answer_v2 (rowid, id, session_id, question, choice, topic, skipped, answered_at)\n"
    "    SELECT rowid, id, session_id, question, choice, topic, skipped, answered_at\n"
    "    FROM answer ORDER BY rowid;\n"
    "DROP TABLE answer;\n"
    "ALTER TABLE answer_v2 RENAME TO answer;\n"
    "CREATE INDEX answer_question ON answer(session_id, question, topic);\n"
    "CREATE TABLE recording (\n"
    "    id          TEXT NOT NULL PRIMARY KEY, -- UUID v4 of the recording; a new one each\n"
    "                                           -- time the person keeps a new recording\n"
    "    session_id  TEXT NOT NULL REFERENCES session(id), -- the session it belongs to\n"
    "    question    TEXT NOT NULL, -- the audio question's name (survey.csv)\n"
    "    wav         BLOB NOT NULL, -- the recording: a WAV file, 16-bit PCM, mono\n"
    "    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0), -- its length\n"
    "    sample_rate INTEGER NOT NULL CHECK (sample_rate > 0),  -- samples a second (16000)\n"
    "    recorded_at TEXT NOT NULL, -- when it was kept (UTC)\n"
    "    UNIQUE (session_id, question) -- only the last kept recording stays\n"
    ");\n",

    /* 3: typed answers (XLSForm type text). A typed answer is the answer
     * row of the question with choice NULL, skipped 0 (as a spoken answer's
     * row, so listings keep it in answered order) and the words in the new
     * column. Adding a nullable column leaves every earlier row as it was
     * (text NULL) and needs no rebuild. The comment is a block comment on
     * purpose: SQLite copies the column's definition, comment and all, into
     * the table's CREATE statement (so the schema documents the column as
     * migration 1 does the others), and a "--" comment there would swallow
     * the closing parenthesis. */
    "ALTER TABLE answer ADD COLUMN text TEXT\n"
    "    /* the words a person typed, for text questions; NULL otherwise */;\n",

    /* 4: the staff side. A session remembers when it was first exported and
     * when it reached the central database, so the staff menu can say how
     * many are still to go (NULL: not yet); block comments as in migration
     * 3. staff_event is the staff log: PIN attempts, lock-outs, exports and
     * group sessions, counted by event and time (the PIN pad's lockout asks
     * how many wrong PINs since a moment). It never holds a PIN or an
     * answer. */
    "ALTER TABLE session ADD COLUMN exported_at TEXT\n"
    "    /* when the session was first exported (UTC); NULL: not yet */;\n"
    "ALTER TABLE session ADD COLUMN synced_at TEXT\n"
    "    /* when the session reached the central database (UTC); NULL: not yet */;\n"
    "CREATE TABLE staff_event (\n"
    "    id     INTEGER PRIMARY KEY, -- the order events were logged in\n"
    "    at     TEXT NOT NULL, -- when it happened (UTC)\n"
    "    event  TEXT NOT NULL, -- a short word: 'pin_wrong', 'pin_ok', 'pin_locked',\n"
    "                          -- 'export', 'group_start', 'group_end', 'exit'\n"
    "    detail TEXT           -- free text (an export's folder, a group's label); or NULL\n"
    ");\n"
    "CREATE INDEX staff_event_at ON staff_event(event, at);\n",

    /* 5: a session's answers in answered order straight from an index.
     * Exports read each session's answers by (session_id) in (answered_at,
     * rowid) order: with this index that is a range of it, with no sort.
     * It replaces answer_question (session_id, question, topic): the
     * store's look-ups by question of one session now scan that session's
     * few rows, and the file keeps its size. */
    "DROP INDEX answer_question;\n"
    "CREATE INDEX answer_session ON answer(session_id, answered_at);\n",

    /* 6: the staff menu's counts, kept as answers come and go. Counting a
     * million answer rows takes a full scan (0.15 s); this one row is kept
     * right by triggers in the same transaction as each change, whatever
     * writes it (the kiosk, purge, an export marking sessions, a sync).
     * answers counts answer rows that are not skips, as the menu shows. */
    "CREATE TABLE tally (\n"
    "    id           INTEGER PRIMARY KEY CHECK (id = 1), -- the one row\n"
    "    sessions     INTEGER NOT NULL, -- rows of session\n"
    "    answers      INTEGER NOT NULL, -- rows of answer with skipped = 0\n"
    "    not_exported INTEGER NOT NULL, -- sessions with exported_at NULL\n"
    "    not_synced   INTEGER NOT NULL  -- sessions with synced_at NULL\n"
    ");\n"
    "INSERT INTO tally SELECT 1, (SELECT count(*) FROM session),\n"
    "    (SELECT count(*) FROM answer WHERE skipped = 0),\n"
    "    (SELECT count(*) FROM session WHERE exported_at IS NULL),\n"
    "    (SELECT count(*) FROM session WHERE synced_at IS NULL);\n"
    "CREATE TRIGGER tally_answer_added AFTER INSERT ON answer WHEN NEW.skipped = 0\n"
    "    BEGIN UPDATE tally SET answers = answers + 1; END;\n"
    "CREATE TRIGGER tally_answer_deleted AFTER DELETE ON answer WHEN OLD.skipped = 0\n"
    "    BEGIN UPDATE tally SET answers = answers - 1; END;\n"
    "CREATE TRIGGER tally_answer_changed AFTER UPDATE OF skipped ON answer\n"
    "    WHEN OLD.skipped <> NEW.skipped\n"
    "    BEGIN UPDATE tally SET answers = answers + OLD.skipped - NEW.skipped; END;\n"
    "CREATE TRIGGER tally_session_added AFTER INSERT ON session\n"
    "    BEGIN UPDATE tally SET sessions = sessions + 1,\n"
    "        not_exported = not_exported + (NEW.exported_at IS NULL),\n"
    "        not_synced = not_synced + (NEW.synced_at IS NULL); END;\n"
    "CREATE TRIGGER tally_session_deleted AFTER DELETE ON session\n"
    "    BEGIN UPDATE tally SET sessions = sessions - 1,\n"
    "        not_exported = not_exported - (OLD.exported_at IS NULL),\n"
    "        not_synced = not_synced - (OLD.synced_at IS NULL); END;\n"
    "CREATE TRIGGER tally_session_marked AFTER UPDATE OF exported_at, synced_at ON session\n"
    "    BEGIN UPDATE tally SET\n"
    "        not_exported = not_exported + (NEW.exported_at IS NULL) - (OLD.exported_at IS NULL),\n"
    "        not_synced = not_synced + (NEW.synced_at IS NULL) - (OLD.synced_at IS NULL); END;\n",

    /* 7: a mat's topics the person never reached, kept apart from the ones
     * they chose to skip. Such a topic's row is a skip (skipped 1, choice
     * NULL: every reader that knows only answered and skipped still counts
     * it as not answered, and the tally is unchanged) marked not_reached.
     * A column added with a constant default needs no rebuild; block
     * comment as in migration 3. */
    "ALTER TABLE answer ADD COLUMN not_reached INTEGER NOT NULL DEFAULT 0\n"
    "    CHECK (not_reached IN (0, 1) AND (not_reached = 0 OR skipped = 1))\n"
    "    /* 1: on a mat, a topic the person never reached (they went on, or\n"
    "       stopped, before placing or skipping it); always a skipped row */;\n",

    /* 8: the kiosk table also names kiosks met elsewhere. A kiosk's own
     * row stays the first; a merged file (sayso merge) or a file loaded
     * from the central store (sayso export --from) holds one row for each
     * kiosk its sessions came from, with the name and venue the central
     * store knows it by (NULL on a kiosk: it does not need them). Block
     * comments as in migration 3. */
    "ALTER TABLE kiosk ADD COLUMN name TEXT\n"
    "    /* the kiosk's name at the central store; NULL when not known */;\n"
    "ALTER TABLE kiosk ADD COLUMN venue TEXT\n"
    "    /* where the kiosk stands, as the central store knows it; NULL when not known */;\n",

    /* 9: typed answers of XLSForm's other kinds (integer, decimal, date,
     * acknowledge) and the values a form works out or records without a
     * screen (calculate; start, end, today, deviceid, instanceID). Like a
     * typed answer, such a row has choice NULL and skipped 0; the value is
     * kept as what it is, so exports give numbers as numbers: the column
     * has no type, and SQLite keeps each value as it was bound (INTEGER
     * for integer questions, REAL for decimal ones, TEXT such as
     * '2026-03-01' for dates). A nullable column: earlier rows stay as
     * they were (value NULL); block comment as in migration 3. */
    "ALTER TABLE answer ADD COLUMN value\n"
    "    /* a typed value: INTEGER (integer), REAL (decimal), TEXT YYYY-MM-DD (date),"
    " 'OK' (acknowledge), a calculate's or metadata's result; NULL otherwise */;\n",
};

_Static_assert(sizeof store_migrations / sizeof store_migrations[0] == STORE_SCHEMA_VERSION,
               "one migration per schema version");

/* Refuses a file that is not sayso's or is newer than this program. Writes
 * the reason into `err` and returns -1, or returns 0. */
static int store_schema_check(int version, int app_id, int n_objects, const char *path,
                              char *err, size_t err_size)
{
    bool foreign = version == 0 ? n_objects > 0 : app_id != STORE_APPLICATION_ID;
    if (foreign) {
        snprintf(err, err_size, "%s is not a sayso database (it belongs to another program)", path);
        return -1;
    }
    if (version < 0) {
        snprintf(err, err_size,
                 "%s is damaged (its schema version, %d, is not one sayso writes): "
                 "keep it aside and start the kiosk on a new file",
                 path, version);
        return -1;
    }
    if (version > STORE_SCHEMA_VERSION) {
        snprintf(err, err_size,
                 "%s was written by a newer sayso (schema version %d; this sayso knows up "
                 "to %d): update sayso to open it",
                 path, version, STORE_SCHEMA_VERSION);
        return -1;
    }
    return 0;
}

/* Reads the version and applies the next migration, if any, in one
 * transaction. Sets *version to the version found. 0 or -1 (with `err`). */
static int store_schema_step(sqlite3 *db, const char *path, int *version, char *err,
                             size_t err_size)
{
    int app_id = 0, n_objects = 0, status = -1;
    char *bump = NULL;
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = store_query_int(db, "PRAGMA user_version", NULL, 0, version);
    if (rc == SQLITE_OK)
        rc = store_query_int(db, "PRAGMA application_id", NULL, 0, &app_id);
    if (rc == SQLITE_OK)
        rc = store_query_int(db, "SELECT count(*) FROM sqlite_master", NULL, 0, &n_objects);
    if (rc != SQLITE_OK)
        goto fail;
    if (store_schema_check(*version, app_id, n_objects, path, err, err_size) != 0)
        goto rollback;
    if (*version < STORE_SCHEMA_VERSION) {
        bump = sqlite3_mprintf("PRAGMA user_version = %d", *version + 1);
        rc = bump ? sqlite3_exec(db, store_migrations[*version], NULL, NULL, NULL) : SQLITE_NOMEM;
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(db, bump, NULL, NULL, NULL);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (rc == SQLITE_OK) {
        status = 0;
        goto done;
    }
fail:
    store_describe_error(db, rc, path, err, err_size);
rollback:
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
done:
    sqlite3_free(bump);
    return status;
}

int store_schema_migrate(sqlite3 *db, const char *path, char *err, size_t err_size)
{
    int version = 0;
    do {
        if (store_schema_step(db, path, &version, err, err_size) != 0)
            return -1;
    } while (version < STORE_SCHEMA_VERSION);
    return 0;
}
