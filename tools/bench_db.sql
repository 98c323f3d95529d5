-- bench_db.sql: fills a new sayso database with generated answers for
-- `make bench` (exports, staff counts and purge at a million answers).
--
--   sayso-made empty database, then:  sqlite3 -cmd '.parameter set @sessions 62500' DB < tools/bench_db.sql
--
-- Each session answers config/forum as a person might: the mat's 12 topics
-- (some skipped), two changes, one barrier and a rung of the ladder, 16
-- answer rows, in answered order, inserted session after session as a
-- kiosk would. Sessions are spread over the year 2025 (a purge before
-- 2025-07-02 deletes about half); a few are group sessions, with support,
-- or answered by keyboard too (input_used "touch,keyboard" needs quoting in
-- csv). Ids are random version-4-shaped UUIDs, as the kiosk makes them.
PRAGMA journal_mode = DELETE;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
BEGIN;
CREATE TEMP TABLE slot (k INTEGER PRIMARY KEY, question TEXT, topic TEXT, list TEXT);
INSERT INTO slot VALUES
    (0, 'positive', 'gp', 'good_bad'), (1, 'positive', 'hospital', 'good_bad'),
    (2, 'positive', 'mental_health', 'good_bad'), (3, 'positive', 'housing', 'good_bad'),
    (4, 'positive', 'money', 'good_bad'), (5, 'positive', 'job_centre', 'good_bad'),
    (6, 'positive', 'police', 'good_bad'), (7, 'positive', 'drugs_alcohol', 'good_bad'),
    (8, 'positive', 'food_bank', 'good_bad'), (9, 'positive', 'social_care', 'good_bad'),
    (10, 'positive', 'community_groups', 'good_bad'), (11, 'positive', 'probation', 'good_bad'),
    (12, 'change', NULL, 'change'), (13, 'change', NULL, 'change'),
    (14, 'barriers', NULL, 'barriers'), (15, 'involve', NULL, 'involve');
CREATE TEMP TABLE pick (list TEXT, n INTEGER, name TEXT);
INSERT INTO pick VALUES
    ('good_bad', 0, 'good'), ('good_bad', 1, 'not_sure'), ('good_bad', 2, 'bad'),
    ('good_bad', 3, NULL),
    ('change', 0, 'listened'), ('change', 1, 'trusted_person'), ('change', 2, 'shorter_waits'),
    ('change', 3, 'clear_letters'), ('change', 4, 'form_help'), ('change', 5, 'kinder_staff'),
    ('change', 6, 'help_nearby'), ('change', 7, 'opening_times'),
    ('barriers', 0, 'transport'), ('barriers', 1, 'money'), ('barriers', 2, 'reading'),
    ('barriers', 3, 'digital'), ('barriers', 4, 'not_believed'), ('barriers', 5, 'waiting_lists'),
    ('barriers', 6, 'childcare'), ('barriers', 7, 'health'), ('barriers', 8, 'housing'),
    ('barriers', 9, 'unsafe'), ('barriers', 10, 'language'), ('barriers', 11, 'passed_around'),
    ('involve', 0, 'informed'), ('involve', 1, 'consulted'), ('involve', 2, 'meetings'),
    ('involve', 3, 'co_design'), ('involve', 4, 'co_produce'), ('involve', 5, 'not_now');
CREATE TEMP TABLE list_size AS SELECT list, count(*) AS n FROM pick GROUP BY list;

CREATE TEMP VIEW uuid4 AS
    SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-a'
           || substr(h, 18, 3) || '-' || substr(h, 21, 12) AS id
    FROM (SELECT lower(hex(randomblob(16))) AS h);

-- started_at: spread evenly over 2025, seconds apart within a busy day.
WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < @sessions)
INSERT INTO session (id, kiosk_id, survey_id, survey_version, language, touch_style,
                     input_used, mode, group_label, started_at, ended_at, ended_how)
SELECT (SELECT id FROM uuid4 WHERE i >= 0), (SELECT id FROM kiosk LIMIT 1), 'forum', '1',
       CASE i % 7 WHEN 1 THEN 'pl' WHEN 3 THEN 'ur' ELSE 'en' END, 'touch',
       CASE WHEN i % 11 = 0 THEN 'touch,keyboard' ELSE 'touch' END,
       CASE WHEN i % 13 = 0 THEN 'supported' ELSE 'self' END,
       CASE WHEN i % 17 = 0 THEN 'Group ' || (i / 170) ELSE NULL END,
       strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (i * 31536.0 / @sessions * 1000) || ' seconds'),
       strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (i * 31536.0 / @sessions * 1000 + 140) || ' seconds'),
       CASE i % 9 WHEN 0 THEN 'stopped' WHEN 5 THEN 'timeout' ELSE 'finished' END
FROM s;

-- Sixteen rows a session, in session order; a mat topic is skipped one
-- time in four, a choice drawn from its list by a fixed scramble.
INSERT INTO answer (id, session_id, question, topic, choice, skipped, answered_at)
SELECT (SELECT id FROM uuid4 WHERE x.k >= 0), x.sid, x.question, x.topic, p.name, p.name IS NULL,
       strftime('%Y-%m-%dT%H:%M:%fZ', x.started_at, '+' || (8 + x.k * 7) || ' seconds')
FROM (SELECT s.rowid AS r, s.id AS sid, s.started_at, t.k, t.question, t.topic, t.list,
             (s.rowid * 7919 + t.k * 104729) % (SELECT n FROM list_size l WHERE l.list = t.list) AS n
      FROM session s, slot t ORDER BY s.rowid, t.k) x
JOIN pick p ON p.list = x.list AND p.n = x.n
ORDER BY x.r, x.k;
COMMIT;
PRAGMA journal_mode = WAL;
