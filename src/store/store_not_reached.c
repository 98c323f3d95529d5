/* store_not_reached.c: a mat's topics a person never reached (schema 7).
 *
 * Going on from a mat (or stopping) before placing or skipping every topic
 * leaves the rest never reached: each is one row of the topic with choice
 * NULL, skipped 1 and not_reached 1, so readers that know only "answered"
 * and "skipped" still count it as not answered, while exports and the
 * report tell it apart from a skip the person chose. Placing or skipping
 * the topic later (store_answer_put) replaces the row. Rare writes: the
 * two statements are prepared per call. */
#include "store/store.h"
#include "store/store_internal.h"

#include <assert.h>

/* Everything of (session, question, topic) but a not-reached row goes;
 * then that row is added unless it is there. */
static const char *const store_not_reached_sql[2] = {
    "DELETE FROM answer WHERE session_id = ?1 AND question = ?2 AND topic IS ?3"
    " AND NOT (skipped = 1 AND not_reached = 1)",
    "INSERT INTO answer (id, session_id, question, topic, choice, skipped, not_reached, answered_at)"
    " SELECT ?4, ?1, ?2, ?3, NULL, 1, 1, " STORE_NOW " WHERE NOT EXISTS"
    " (SELECT 1 FROM answer WHERE session_id = ?1 AND question = ?2 AND topic IS ?3)",
};

int store_answer_not_reached(Store *store, const char *session_id, const char *question,
                             const char *topic)
{
    assert(store && session_id && question && topic);
    char id[STORE_UUID_SIZE];
    store_new_uuid(id);
    const char *values[4] = {session_id, question, topic, id};
    double start = store_clock_ms();
    int rc = store_begin(store);
    for (int i = 0; i < 2 && rc == SQLITE_OK; i++) {
        sqlite3_stmt *stmt = NULL;
        rc = store_prepare_texts(store_connection(store), store_not_reached_sql[i], values, i ? 4 : 3, &stmt);
        if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_DONE)
            rc = SQLITE_OK;
        sqlite3_finalize(stmt);
    }
    return store_end_transaction(store, rc, start);
}
