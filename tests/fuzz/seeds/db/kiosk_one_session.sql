-- tests/fuzz/seeds/db/kiosk_one_session.sql: a seed for fuzz_db, made into kiosk_one_session.db by tests/fuzz/run.sh (sqlite3).
PRAGMA page_size=4096;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE kiosk (
    id          TEXT NOT NULL PRIMARY KEY, -- UUID v4 of this kiosk, made on first open
    created_at  TEXT NOT NULL              -- when this database was first opened (UTC)
, name TEXT
    /* the kiosk's name at the central store; NULL when not known */, venue TEXT
    /* where the kiosk stands, as the central store knows it; NULL when not known */);
INSERT INTO kiosk VALUES('2b774a0b-af29-44c0-83dc-23df85671af0','2026-12-05T08:27:23.055Z',NULL,NULL);
CREATE TABLE session (
    id             TEXT NOT NULL PRIMARY KEY, -- UUID v4 of the session
    kiosk_id       TEXT NOT NULL, -- kiosk.id of the kiosk that recorded it
    survey_id      TEXT NOT NULL, -- form_id of the survey (settings.csv)
    survey_version TEXT NOT NULL, -- version of the survey (settings.csv)
    language       TEXT NOT NULL, -- language chosen, a code such as 'en'
    touch_style    TEXT,          -- the kiosk's touch style, such as 'touch'
    input_used     TEXT,          -- inputs used, comma-separated in first-used order:
                                  -- 'touch', 'switch', 'keyboard'; NULL before any
    mode           TEXT NOT NULL DEFAULT 'self'
                   CHECK (mode IN ('self', 'supported')), -- alone, or with support
    group_label    TEXT,          -- the group session's label; NULL outside a group
    started_at     TEXT NOT NULL, -- when the session began (UTC)
    ended_at       TEXT,          -- when it ended (UTC); NULL while open, or if cut off
    ended_how      TEXT           -- 'timeout' is the idle reset; NULL with ended_at
                   CHECK (ended_how IN ('finished', 'stopped', 'timeout')), exported_at TEXT
    /* when the session was first exported (UTC); NULL: not yet */, synced_at TEXT
    /* when the session reached the central database (UTC); NULL: not yet */,
    CHECK ((ended_at IS NULL) = (ended_how IS NULL))
);
INSERT INTO session VALUES('7b6d2b38-0b8d-42ec-a896-d57642d32eb1','2b774a0b-af29-44c0-83dc-23df85671af0','forum','1','en','touch','touch','self',NULL,'2026-12-05T08:27:23.140Z','2026-12-05T08:27:23.334Z','finished',NULL,NULL);
CREATE TABLE IF NOT EXISTS "answer" (
    id          TEXT NOT NULL PRIMARY KEY, -- UUID v4 of the answer row
    session_id  TEXT NOT NULL REFERENCES session(id), -- the session it belongs to
    question    TEXT NOT NULL, -- the question's name (survey.csv)
    choice      TEXT,          -- the choice's name (choices.csv): one row per choice
                               -- chosen; on a mat, the column; NULL when skipped,
                               -- and NULL (skipped 0) for a spoken answer, whose
                               -- recording is in recording at (session_id, question)
    topic       TEXT,          -- on a mat, the topic placed (or skipped); else NULL
    skipped     INTEGER NOT NULL DEFAULT 0
                CHECK (skipped IN (0, 1)), -- 1: skipped ("I don't want to answer")
    answered_at TEXT NOT NULL, text TEXT
    /* the words a person typed, for text questions; NULL otherwise */, not_reached INTEGER NOT NULL DEFAULT 0
    CHECK (not_reached IN (0, 1) AND (not_reached = 0 OR skipped = 1))
    /* 1: on a mat, a topic the person never reached (they went on, or
       stopped, before placing or skipping it); always a skipped row */, -- when this choice (or the skip, or the first kept
                               -- recording) was made (UTC)
    CHECK (skipped = 0 OR choice IS NULL)
);
INSERT INTO answer VALUES('abc734fe-0108-4d5d-8dda-765a45bd9325','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive','good','gp',0,'2026-12-05T08:27:23.151Z',NULL,0);
INSERT INTO answer VALUES('7c135fea-5d87-4fb3-b5b1-33bccd1f8dcf','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive','not_sure','hospital',0,'2026-12-05T08:27:23.158Z',NULL,0);
INSERT INTO answer VALUES('b812f7d6-3c47-4c12-8317-662b9ac3a4e9','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive',NULL,'mental_health',1,'2026-12-05T08:27:23.162Z',NULL,0);
INSERT INTO answer VALUES('fe54c0eb-b772-4309-a600-5e425da55a95','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive',NULL,'housing',1,'2026-12-05T08:27:23.175Z',NULL,1);
INSERT INTO answer VALUES('a8e931b4-0c79-42b5-ae2b-424e4862adcb','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive',NULL,'money',1,'2026-12-05T08:27:23.176Z',NULL,1);
INSERT INTO answer VALUES('4157b604-1a11-4014-8a88-9905bf6b2594','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive',NULL,'job_centre',1,'2026-12-05T08:27:23.176Z',NULL,1);
INSERT INTO answer VALUES('7cc42fc1-029e-4ca2-ad72-3f01faaa8b28','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive',NULL,'police',1,'2026-12-05T08:27:23.177Z',NULL,1);
INSERT INTO answer VALUES('b7d1c155-8b3e-4170-afc0-86ec0368297d','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive',NULL,'drugs_alcohol',1,'2026-12-05T08:27:23.177Z',NULL,1);
INSERT INTO answer VALUES('0ab0fe95-4a27-4424-aba9-92c6b7bbfa2e','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive',NULL,'food_bank',1,'2026-12-05T08:27:23.177Z',NULL,1);
INSERT INTO answer VALUES('ee082551-a198-451d-be1d-9aa54808c04b','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive',NULL,'social_care',1,'2026-12-05T08:27:23.177Z',NULL,1);
INSERT INTO answer VALUES('deefbdd3-d2c2-477a-8a46-df912091276f','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive',NULL,'community_groups',1,'2026-12-05T08:27:23.178Z',NULL,1);
INSERT INTO answer VALUES('19fec9a0-73b6-491c-b0a5-556c91dace98','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','positive',NULL,'probation',1,'2026-12-05T08:27:23.178Z',NULL,1);
INSERT INTO answer VALUES('0565eec9-65ed-4927-8df6-67e97ce940c0','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','change','listened',NULL,0,'2026-12-05T08:27:23.193Z',NULL,0);
INSERT INTO answer VALUES('e2ab3530-73bf-4dd6-8d3a-5f78fa398cfe','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','change','trusted_person',NULL,0,'2026-12-05T08:27:23.195Z',NULL,0);
INSERT INTO answer VALUES('f457c28a-5da5-4805-8023-d9cc48d79b00','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','barriers',NULL,NULL,1,'2026-12-05T08:27:23.216Z',NULL,0);
INSERT INTO answer VALUES('0b747bbc-aa7a-4a19-a187-d59063a36df0','7b6d2b38-0b8d-42ec-a896-d57642d32eb1','involve','co_design',NULL,0,'2026-12-05T08:27:23.231Z',NULL,0);
CREATE TABLE recording (
    id          TEXT NOT NULL PRIMARY KEY, -- UUID v4 of the recording; a new one each
                                           -- time the person keeps a new recording
    session_id  TEXT NOT NULL REFERENCES session(id), -- the session it belongs to
    question    TEXT NOT NULL, -- the audio question's name (survey.csv)
    wav         BLOB NOT NULL, -- the recording: a WAV file, 16-bit PCM, mono
    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0), -- its length
    sample_rate INTEGER NOT NULL CHECK (sample_rate > 0),  -- samples a second (16000)
    recorded_at TEXT NOT NULL, -- when it was kept (UTC)
    UNIQUE (session_id, question) -- only the last kept recording stays
);
CREATE TABLE staff_event (
    id     INTEGER PRIMARY KEY, -- the order events were logged in
    at     TEXT NOT NULL, -- when it happened (UTC)
    event  TEXT NOT NULL, -- a short word: 'pin_wrong', 'pin_ok', 'pin_locked',
                          -- 'export', 'group_start', 'group_end', 'exit'
    detail TEXT           -- free text (an export's folder, a group's label); or NULL
);
CREATE TABLE tally (
    id           INTEGER PRIMARY KEY CHECK (id = 1), -- the one row
    sessions     INTEGER NOT NULL, -- rows of session
    answers      INTEGER NOT NULL, -- rows of answer with skipped = 0
    not_exported INTEGER NOT NULL, -- sessions with exported_at NULL
    not_synced   INTEGER NOT NULL  -- sessions with synced_at NULL
);
INSERT INTO tally VALUES(1,1,5,1,1);
CREATE INDEX session_started_at ON session(started_at);
CREATE INDEX staff_event_at ON staff_event(event, at);
CREATE INDEX answer_session ON answer(session_id, answered_at);
CREATE TRIGGER tally_answer_added AFTER INSERT ON answer WHEN NEW.skipped = 0
    BEGIN UPDATE tally SET answers = answers + 1; END;
CREATE TRIGGER tally_answer_deleted AFTER DELETE ON answer WHEN OLD.skipped = 0
    BEGIN UPDATE tally SET answers = answers - 1; END;
CREATE TRIGGER tally_answer_changed AFTER UPDATE OF skipped ON answer
    WHEN OLD.skipped <> NEW.skipped
    BEGIN UPDATE tally SET answers = answers + OLD.skipped - NEW.skipped; END;
CREATE TRIGGER tally_session_added AFTER INSERT ON session
    BEGIN UPDATE tally SET sessions = sessions + 1,
        not_exported = not_exported + (NEW.exported_at IS NULL),
        not_synced = not_synced + (NEW.synced_at IS NULL); END;
CREATE TRIGGER tally_session_deleted AFTER DELETE ON session
    BEGIN UPDATE tally SET sessions = sessions - 1,
        not_exported = not_exported - (OLD.exported_at IS NULL),
        not_synced = not_synced - (OLD.synced_at IS NULL); END;
CREATE TRIGGER tally_session_marked AFTER UPDATE OF exported_at, synced_at ON session
    BEGIN UPDATE tally SET
        not_exported = not_exported + (NEW.exported_at IS NULL) - (OLD.exported_at IS NULL),
        not_synced = not_synced + (NEW.synced_at IS NULL) - (OLD.synced_at IS NULL); END;
COMMIT;
PRAGMA user_version=8;
