/* service.h: the kiosk tells systemd how it is (sd_notify, libsystemd).
 *
 * Run by the kiosk's unit (Type=notify, NotifyAccess=all, WatchdogSec=),
 * the kiosk says READY=1 once its first frame is on the screen, WATCHDOG=1
 * from its event loop at half the watchdog's interval, and STOPPING=1 as
 * it closes. A loop that hangs stops the pings: systemd then kills the
 * service and starts it again (Restart=always). Outside systemd (no
 * $NOTIFY_SOCKET) every call does nothing. Times are the real monotonic
 * clock, never a headless script's virtual one.
 *
 * For the watchdog's test, $SAYSO_TEST_HANG_AFTER_MS makes the loop hang
 * for good that long after the first frame, as a stuck kiosk would. */
#ifndef SAYSO_SERVICE_H
#define SAYSO_SERVICE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    uint64_t interval_ms; /* between pings: half of $WATCHDOG_USEC; 0: no watchdog */
    uint64_t next_ms;     /* when the next ping is due (monotonic ms) */
    uint64_t hang_at_ms;  /* test only: when the loop hangs (monotonic ms); 0: never */
    bool notify;          /* started by systemd ($NOTIFY_SOCKET), libsystemd opened */
    bool ready;           /* READY=1 was said */
} Service;

/* Reads the watchdog's interval from the environment; opens libsystemd
 * only when systemd started the kiosk ($NOTIFY_SOCKET). */
void service_init(Service *service);

/* The first frame is up: READY=1, and the first ping (once). */
void service_ready(Service *service);

/* Milliseconds until the next ping is due (0: now), or -1 when there is no
 * watchdog or the kiosk is not ready yet. For the loop's wait. */
int64_t service_ms_until(const Service *service);

/* Called from the event loop each time round: pings when one is due. */
void service_tick(Service *service);

/* The kiosk is closing: STOPPING=1. */
void service_stopping(const Service *service);

#endif
