/* lazy_pq.h: libpq, PostgreSQL's client (sync, publish, the central store:
 * src/sync), opened the first time it is needed (see lazy_lib.h).
 * Include this in place of <libpq-fe.h>; calls read as they would linked.
 * lazy_pq_ready says whether it can be opened, in plain words. */
#ifndef SAYSO_LAZY_PQ_H
#define SAYSO_LAZY_PQ_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

#include "lazy/lazy_lib.h"

#define LAZY_PQ_FUNCTIONS(X) \
    X(PQclear) \
    X(PQcmdStatus) \
    X(PQcmdTuples) \
    X(PQconnectdbParams) \
    X(PQconninfo) \
    X(PQconninfoFree) \
    X(PQdb) \
    X(PQencryptPasswordConn) \
    X(PQerrorMessage) \
    X(PQescapeIdentifier) \
    X(PQescapeLiteral) \
    X(PQexec) \
    X(PQexecParams) \
    X(PQfinish) \
    X(PQfreemem) \
    X(PQgetResult) \
    X(PQgetisnull) \
    X(PQgetlength) \
    X(PQgetvalue) \
    X(PQhost) \
    X(PQntuples) \
    X(PQport) \
    X(PQputCopyData) \
    X(PQputCopyEnd) \
    X(PQresultErrorField) \
    X(PQresultErrorMessage) \
    X(PQresultStatus) \
    X(PQsendQueryParams) \
    X(PQsetNoticeProcessor) \
    X(PQsetSingleRowMode) \
    X(PQstatus)

typedef struct LazyPq {
    LAZY_PQ_FUNCTIONS(LAZY_LIB_SLOT)
} LazyPq;

/* True when libpq.so.5 and its functions are there; else false with a
 * message naming the library and its Debian package in `err`. */
bool lazy_pq_ready(char *err, size_t err_size);

/* The functions, the library opened first if need be (see
 * lazy_lib_require). */
const LazyPq *lazy_pq(void);

#define PQclear (lazy_pq()->fn_PQclear)
#define PQcmdStatus (lazy_pq()->fn_PQcmdStatus)
#define PQcmdTuples (lazy_pq()->fn_PQcmdTuples)
#define PQconnectdbParams (lazy_pq()->fn_PQconnectdbParams)
#define PQconninfo (lazy_pq()->fn_PQconninfo)
#define PQconninfoFree (lazy_pq()->fn_PQconninfoFree)
#define PQdb (lazy_pq()->fn_PQdb)
#define PQencryptPasswordConn (lazy_pq()->fn_PQencryptPasswordConn)
#define PQerrorMessage (lazy_pq()->fn_PQerrorMessage)
#define PQescapeIdentifier (lazy_pq()->fn_PQescapeIdentifier)
#define PQescapeLiteral (lazy_pq()->fn_PQescapeLiteral)
#define PQexec (lazy_pq()->fn_PQexec)
#define PQexecParams (lazy_pq()->fn_PQexecParams)
#define PQfinish (lazy_pq()->fn_PQfinish)
#define PQfreemem (lazy_pq()->fn_PQfreemem)
#define PQgetResult (lazy_pq()->fn_PQgetResult)
#define PQgetisnull (lazy_pq()->fn_PQgetisnull)
#define PQgetlength (lazy_pq()->fn_PQgetlength)
#define PQgetvalue (lazy_pq()->fn_PQgetvalue)
#define PQhost (lazy_pq()->fn_PQhost)
#define PQntuples (lazy_pq()->fn_PQntuples)
#define PQport (lazy_pq()->fn_PQport)
#define PQputCopyData (lazy_pq()->fn_PQputCopyData)
#define PQputCopyEnd (lazy_pq()->fn_PQputCopyEnd)
#define PQresultErrorField (lazy_pq()->fn_PQresultErrorField)
#define PQresultErrorMessage (lazy_pq()->fn_PQresultErrorMessage)
#define PQresultStatus (lazy_pq()->fn_PQresultStatus)
#define PQsendQueryParams (lazy_pq()->fn_PQsendQueryParams)
#define PQsetNoticeProcessor (lazy_pq()->fn_PQsetNoticeProcessor)
#define PQsetSingleRowMode (lazy_pq()->fn_PQsetSingleRowMode)
#define PQstatus (lazy_pq()->fn_PQstatus)

#endif
