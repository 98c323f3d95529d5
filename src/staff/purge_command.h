/* purge_command.h: `sayso purge --db FILE --before DATE`, keeping answers
 * only as long as they are needed.
 *
 * Deletes every session started before DATE (a UTC day) with its answers and
 * recordings, so that no copy stays in the database file or its -wal file
 * (store_purge_before), and says what it deleted and what it kept. */
#ifndef SAYSO_STAFF_PURGE_COMMAND_H
#define SAYSO_STAFF_PURGE_COMMAND_H

#include "app/cli.h"

/* Runs the command on options->db_path and options->before. Prints
 * "sayso: deleted 12 sessions started before 2026-01-01 (140 answers,
 * 3 recordings); 30 sessions kept" on stdout and returns 0; on failure (no
 * such database, a date that is no day, a full disk) prints why on stderr
 * and returns 1. A missing database is refused, never created. */
int purge_main(const CliOptions *options);

#endif
