/* central_schema.c: the central store's tables, roles and policies, as
 * an append-only list of migrations (`sayso central init`).
 *
 * sayso.schema_version holds one row per migration applied; init applies
 * the missing ones in one transaction under an advisory lock, so two
 * admins running it at once do not both apply them, and a failed step
 * leaves the store as it was. A later migration is one more entry at the
 * end, never an edit of an old one, and only adds: kiosks whose sayso is
 * older go on syncing against a newer store.
 *
 * Who may do what. The URL's user in `central init` owns everything (the
 * forum's admin) and, as owner, reads every row (row-level security does
 * not apply to a table's owner). Each kiosk logs in as its own role, a
 * member of sayso_kiosk, which may only
 *   - INSERT sessions, answers and recordings whose kiosk_id is the kiosk
 *     its login is bound to (row-level security WITH CHECK);
 *   - read the surveys published for every venue or for its own;
 *   - run sayso.bind_kiosk, which binds the login to its kiosk's UUID at
 *     the first sync (a UUID is made in the kiosk's own database at its
 *     first start, before or after its login exists).
 * It has no SELECT, UPDATE or DELETE on any answer: reading one is
 * "permission denied", so a stolen kiosk exposes nothing. Two details make
 * INSERT alone enough: the sync uses ON CONFLICT DO NOTHING with no
 * conflict target (naming one, ON CONFLICT (id), would need SELECT on the
 * id column), and the temporary tables it copies into are declared
 * column by column (CREATE TEMP TABLE ... LIKE would need SELECT too).
 * Foreign keys are checked as the tables' owner, so they need nothing of
 * the kiosk either. Functions called by policies are SECURITY DEFINER
 * with a fixed search_path, and look only at the caller's own login row
 * (session_user). */
#include "sync/sync_internal.h"

static const char *const central_migrations[CENTRAL_SCHEMA_VERSION] = {
    /* 1: kiosks and their logins, sessions, answers, recordings, published
     * surveys with their files and "You said, we did" items. */
    "CREATE SCHEMA sayso;\n"
    "CREATE TABLE sayso.schema_version (\n"
    "    version    integer PRIMARY KEY,          -- a migration applied\n"
    "    applied_at timestamptz NOT NULL DEFAULT now()\n"
    ");\n"
    "DO $$ BEGIN\n"
    "    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sayso_kiosk') THEN\n"
    "        CREATE ROLE sayso_kiosk NOLOGIN;   -- every kiosk login is a member\n"
    "    END IF;\n"
    "END $$;\n"
    "CREATE TABLE sayso.kiosk (\n"
    "    id              uuid PRIMARY KEY,  -- the UUID made in the kiosk's own database\n"
    "    name            text,              -- from its login; NULL for a kiosk met in a merged file\n"
    "    venue           text,              -- where it stands\n"
    "    first_synced_at timestamptz NOT NULL DEFAULT now(),\n"
    "    last_synced_at  timestamptz NOT NULL DEFAULT now()\n"
    ");\n"
    "CREATE TABLE sayso.kiosk_login (\n"
    "    role       name PRIMARY KEY,           -- the PostgreSQL login of one kiosk\n"
    "    name       text NOT NULL,              -- sayso central kiosk --name\n"
    "    venue      text,                       -- --venue; NULL: none given\n"
    "    kiosk_id   uuid UNIQUE REFERENCES sayso.kiosk (id), -- bound at its first sync\n"
    "    created_at timestamptz NOT NULL DEFAULT now(),\n"
    "    bound_at   timestamptz\n"
    ");\n"
    "CREATE TABLE sayso.session (\n"
    "    id             uuid PRIMARY KEY,\n"
    "    kiosk_id       uuid NOT NULL REFERENCES sayso.kiosk (id),\n"
    "    survey_id      text NOT NULL,\n"
    "    survey_version text NOT NULL,\n"
    "    language       text NOT NULL,\n"
    "    touch_style    text,\n"
    "    input_used     text,\n"
    "    mode           text NOT NULL,\n"
    "    group_label    text,\n"
    "    started_at     timestamptz NOT NULL,\n"
    "    ended_at       timestamptz NOT NULL,  -- only ended sessions are sent\n"
    "    ended_how      text NOT NULL,\n"
    "    received_at    timestamptz NOT NULL DEFAULT now(),\n"
    "    UNIQUE (id, kiosk_id)   -- answers name their session and kiosk together\n"
    ");\n"
    "CREATE INDEX session_started_at ON sayso.session (started_at);\n"
    "CREATE TABLE sayso.answer (\n"
    "    id          uuid PRIMARY KEY,\n"
    "    session_id  uuid NOT NULL,\n"
    "    kiosk_id    uuid NOT NULL,\n"
    "    question    text NOT NULL,\n"
    "    topic       text,\n"
    "    choice      text,\n"
    "    skipped     boolean NOT NULL,\n"
    "    not_reached boolean NOT NULL DEFAULT false, -- a mat's topic never reached (a skip too)\n"
    "    text        text,\n"
    "    answered_at timestamptz NOT NULL,\n"
    "    FOREIGN KEY (session_id, kiosk_id) REFERENCES sayso.session (id, kiosk_id)\n"
    ");\n"
    "CREATE INDEX answer_session ON sayso.answer (session_id);\n"
    "CREATE TABLE sayso.recording (\n"
    "    id          uuid PRIMARY KEY,\n"
    "    session_id  uuid NOT NULL,\n"
    "    kiosk_id    uuid NOT NULL,\n"
    "    question    text NOT NULL,\n"
    "    wav         bytea NOT NULL,\n"
    "    duration_ms integer NOT NULL,\n"
    "    sample_rate integer NOT NULL,\n"
    "    recorded_at timestamptz NOT NULL,\n"
    "    FOREIGN KEY (session_id, kiosk_id) REFERENCES sayso.session (id, kiosk_id)\n"
    ");\n"
    "CREATE INDEX recording_session ON sayso.recording (session_id);\n"
    "CREATE TABLE sayso.survey_version (\n"
    "    id           serial PRIMARY KEY,        -- the publish number: newer is larger\n"
    "    form_id      text NOT NULL,             -- settings.csv\n"
    "    version      text NOT NULL,             -- settings.csv\n"
    "    title        text,\n"
    "    venue        text,                      -- NULL: every venue\n"
    "    checksum     text NOT NULL,             -- BLAKE2b of the files, as the kiosk checks it\n"
    "    published_at timestamptz NOT NULL DEFAULT now(),\n"
    "    published_by name NOT NULL DEFAULT current_user\n"
    ");\n"
    "CREATE TABLE sayso.survey_file (\n"
    "    version_id integer NOT NULL REFERENCES sayso.survey_version (id),\n"
    "    name       text NOT NULL,               -- a plain file name, no folders\n"
    "    data       bytea NOT NULL,\n"
    "    PRIMARY KEY (version_id, name)\n"
    ");\n"
    "CREATE TABLE sayso.yousaid (\n"
    "    version_id integer NOT NULL REFERENCES sayso.survey_version (id),\n"
    "    position   integer NOT NULL,            -- its line in yousaid.csv, from 1\n"
    "    said       text NOT NULL,               -- in the survey's default language\n"
    "    did        text NOT NULL,\n"
    "    image      text,\n"
    "    PRIMARY KEY (version_id, position)\n"
    ");\n"
    /* The caller's own login row, read for it (policies run as the caller). */
    "CREATE FUNCTION sayso.my_kiosk() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER\n"
    "    SET search_path = pg_catalog, pg_temp\n"
    "    AS $$ SELECT kiosk_id FROM sayso.kiosk_login WHERE role = session_user $$;\n"
    "CREATE FUNCTION sayso.my_venue() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER\n"
    "    SET search_path = pg_catalog, pg_temp\n"
    "    AS $$ SELECT venue FROM sayso.kiosk_login WHERE role = session_user $$;\n"
    /* Binds the caller's login to kiosk `k` at its first sync (refusing a
     * login already bound to another kiosk), notes the sync, and returns
     * the kiosk's name and venue. */
    "CREATE FUNCTION sayso.bind_kiosk(k uuid, OUT kiosk_name text, OUT kiosk_venue text)\n"
    "    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$\n"
    "DECLARE l sayso.kiosk_login;\n"
    "BEGIN\n"
    "    SELECT * INTO l FROM sayso.kiosk_login WHERE role = session_user FOR UPDATE;\n"
    "    IF NOT FOUND THEN\n"
    "        RAISE EXCEPTION 'login % is not a kiosk login', session_user USING ERRCODE = '42501';\n"
    "    END IF;\n"
    "    IF l.kiosk_id IS NOT NULL AND l.kiosk_id <> k THEN\n"
    "        RAISE EXCEPTION 'login % already belongs to kiosk %', session_user, l.kiosk_id\n"
    "            USING ERRCODE = '42501', HINT = 'sayso-login-taken';\n"
    "    END IF;\n"
    "    IF EXISTS (SELECT FROM sayso.kiosk_login WHERE kiosk_id = k AND role <> session_user) THEN\n"
    "        RAISE EXCEPTION 'kiosk % already has another login', k\n"
    "            USING ERRCODE = '42501', HINT = 'sayso-kiosk-taken';\n"
    "    END IF;\n"
    "    INSERT INTO sayso.kiosk (id, name, venue) VALUES (k, l.name, l.venue)\n"
    "        ON CONFLICT (id) DO UPDATE SET name = l.name, venue = l.venue, last_synced_at = now();\n"
    "    UPDATE sayso.kiosk_login SET kiosk_id = k, bound_at = coalesce(bound_at, now())\n"
    "        WHERE role = session_user;\n"
    "    kiosk_name := l.name;\n"
    "    kiosk_venue := l.venue;\n"
    "END $$;\n"
    "REVOKE ALL ON FUNCTION sayso.my_kiosk(), sayso.my_venue(), sayso.bind_kiosk(uuid) FROM PUBLIC;\n"
    "GRANT EXECUTE ON FUNCTION sayso.my_kiosk(), sayso.my_venue(), sayso.bind_kiosk(uuid)\n"
    "    TO sayso_kiosk;\n"
    "GRANT USAGE ON SCHEMA sayso TO sayso_kiosk;\n"
    "GRANT SELECT ON sayso.schema_version TO sayso_kiosk;\n"
    "GRANT INSERT ON sayso.session, sayso.answer, sayso.recording TO sayso_kiosk;\n"
    "GRANT SELECT ON sayso.survey_version, sayso.survey_file, sayso.yousaid TO sayso_kiosk;\n"
    "ALTER TABLE sayso.session ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE sayso.answer ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE sayso.recording ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE sayso.survey_version ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE sayso.survey_file ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE sayso.yousaid ENABLE ROW LEVEL SECURITY;\n"
    /* (SELECT f()): evaluated once per statement, not once per row. */
    "CREATE POLICY own_rows ON sayso.session FOR INSERT TO sayso_kiosk\n"
    "    WITH CHECK (kiosk_id = (SELECT sayso.my_kiosk()));\n"
    "CREATE POLICY own_rows ON sayso.answer FOR INSERT TO sayso_kiosk\n"
    "    WITH CHECK (kiosk_id = (SELECT sayso.my_kiosk()));\n"
    "CREATE POLICY own_rows ON sayso.recording FOR INSERT TO sayso_kiosk\n"
    "    WITH CHECK (kiosk_id = (SELECT sayso.my_kiosk()));\n"
    "CREATE POLICY published_here ON sayso.survey_version FOR SELECT TO sayso_kiosk\n"
    "    USING (venue IS NULL OR venue = (SELECT sayso.my_venue()));\n"
    "CREATE POLICY published_here ON sayso.survey_file FOR SELECT TO sayso_kiosk\n"
    "    USING (EXISTS (SELECT FROM sayso.survey_version v WHERE v.id = version_id));\n"
    "CREATE POLICY published_here ON sayso.yousaid FOR SELECT TO sayso_kiosk\n"
    "    USING (EXISTS (SELECT FROM sayso.survey_version v WHERE v.id = version_id));\n",

    /* 2: XLSForm's typed values (the kiosk's answer.value, schema 9): a
     * number stays a JSON number, a date ("2026-03-01"), an OK or a
     * calculate's text a JSON string. The kiosk role's INSERT covers the
     * new column; earlier rows keep NULL. */
    "ALTER TABLE sayso.answer ADD COLUMN value jsonb;\n"
    "COMMENT ON COLUMN sayso.answer.value IS\n"
    "    'a typed answer: a number (integer, decimal) or text (a date as YYYY-MM-DD, OK, a calculate''s result); NULL otherwise';\n",
};

const char *central_migration(int version)
{
    return version >= 1 && version <= CENTRAL_SCHEMA_VERSION ? central_migrations[version - 1] : NULL;
}
