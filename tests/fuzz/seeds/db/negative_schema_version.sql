-- tests/fuzz/seeds/db/negative_schema_version.sql: a seed for fuzz_db, made into negative_schema_version.db by tests/fuzz/run.sh (sqlite3).
PRAGMA page_size=512;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE kiosk (
    id          TEXT NOT NULL PRIMARY KEY, -- UUID v4 of this kiosk, made on first open
    created_at  TEXT NOT NULL              -- when this database was first opened (UTC)
);
INSERT INTO kiosk VALUES('7ab48c36-4073-4f5b-928d-9f084b2448bb','2026-12-05T05:41:41.512Z');
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
INSERT INTO session VALUES('14e81984-5a04-49da-8aa9-d4e265ae096f','7ab48c36-4073-4f5b-928d-9f084b2448bb','forum','1','en','touch','touch','self',NULL,'2026-12-05T05:41:41.876Z','2026-12-05T05:41:42.481Z','finished',NULL,NULL);
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
    /* the words a person typed, for text questions; NULL otherwise */, -- when this choice (or the skip, or the first kept
                               -- recording) was made (UTC)
    CHECK (skipped = 0 OR choice IS NULL)
);
INSERT INTO answer VALUES('b01dc3fc-8a37-48a8-b2a6-dd4b5f626ec0','14e81984-5a04-49da-8aa9-d4e265ae096f','positive','good','gp',0,'2026-12-05T05:41:41.988Z',NULL);
INSERT INTO answer VALUES('ca8eecac-e99e-4bfa-9a6d-70e236e2bd31','14e81984-5a04-49da-8aa9-d4e265ae096f','positive','not_sure','hospital',0,'2026-12-05T05:41:42.013Z',NULL);
INSERT INTO answer VALUES('ee0211ce-7e67-44bf-abd5-13e78b427c32','14e81984-5a04-49da-8aa9-d4e265ae096f','positive',NULL,'mental_health',1,'2026-12-05T05:41:42.022Z',NULL);
INSERT INTO answer VALUES('7746af83-e367-4016-acc4-06749d4e5ae0','14e81984-5a04-49da-8aa9-d4e265ae096f','positive',NULL,'housing',1,'2026-12-05T05:41:42.042Z',NULL);
INSERT INTO answer VALUES('7fa08d06-785f-487d-8b94-1ea527ab2c1e','14e81984-5a04-49da-8aa9-d4e265ae096f','positive',NULL,'money',1,'2026-12-05T05:41:42.045Z',NULL);
INSERT INTO answer VALUES('ebc1d65c-f366-420c-a891-4a8bf35377ee','14e81984-5a04-49da-8aa9-d4e265ae096f','positive',NULL,'job_centre',1,'2026-12-05T05:41:42.048Z',NULL);
INSERT INTO answer VALUES('8e210e1e-cce1-47b0-a4bc-9c480bcb2a42','14e81984-5a04-49da-8aa9-d4e265ae096f','positive',NULL,'police',1,'2026-12-05T05:41:42.049Z',NULL);
INSERT INTO answer VALUES('0ebbc14b-451b-4714-a499-ea1de4900b98','14e81984-5a04-49da-8aa9-d4e265ae096f','positive',NULL,'drugs_alcohol',1,'2026-12-05T05:41:42.049Z',NULL);
INSERT INTO answer VALUES('0d107459-e97b-49a1-be33-ca79b8c1c7a8','14e81984-5a04-49da-8aa9-d4e265ae096f','positive',NULL,'food_bank',1,'2026-12-05T05:41:42.049Z',NULL);
INSERT INTO answer VALUES('ef38b637-7ce5-48b7-9171-9f1236ec1408','14e81984-5a04-49da-8aa9-d4e265ae096f','positive',NULL,'social_care',1,'2026-12-05T05:41:42.056Z',NULL);
INSERT INTO answer VALUES('99c52a95-7879-4902-babf-22becd9a402d','14e81984-5a04-49da-8aa9-d4e265ae096f','positive',NULL,'community_groups',1,'2026-12-05T05:41:42.056Z',NULL);
INSERT INTO answer VALUES('26a9a787-a518-4079-ab8b-749d86cce2c0','14e81984-5a04-49da-8aa9-d4e265ae096f','positive',NULL,'probation',1,'2026-12-05T05:41:42.056Z',NULL);
INSERT INTO answer VALUES('6da1bbca-ef47-4468-8d27-456b4c7a2dbb','14e81984-5a04-49da-8aa9-d4e265ae096f','change','listened',NULL,0,'2026-12-05T05:41:42.109Z',NULL);
INSERT INTO answer VALUES('61d61f86-1614-43b0-9c4a-5f35d75f22f5','14e81984-5a04-49da-8aa9-d4e265ae096f','change','trusted_person',NULL,0,'2026-12-05T05:41:42.113Z',NULL);
INSERT INTO answer VALUES('468e0b00-99d4-4d8b-bb45-98c0cd5f2014','14e81984-5a04-49da-8aa9-d4e265ae096f','barriers',NULL,NULL,1,'2026-12-05T05:41:42.276Z',NULL);
INSERT INTO answer VALUES('5e632c60-b7b2-4ac8-b1fb-80789ffef308','14e81984-5a04-49da-8aa9-d4e265ae096f','involve','co_design',NULL,0,'2026-12-05T05:41:42.329Z',NULL);
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
INSERT INTO staff_event VALUES(1,'2027-01-01T00:00:00.000Z','pin_wrong',NULL);
CREATE INDEX session_started_at ON session(started_at);
CREATE INDEX answer_question ON answer(session_id, question, topic);
CREATE INDEX staff_event_at ON staff_event(event, at);
COMMIT;
PRAGMA user_version=-249;
