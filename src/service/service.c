/* service.c: readiness and the watchdog for systemd; see service.h.
 *
 * sayso runs under cage, so it is not the unit's main process: the unit
 * sets NotifyAccess=all so its messages count, and UnsetEnvironment=
 * WATCHDOG_PID so sd_watchdog_enabled takes $WATCHDOG_USEC as meant for
 * this process rather than for cage's. libsystemd is opened only when
 * there is a $NOTIFY_SOCKET to talk to (lazy_systemd.h). */
#include "service/service.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "lazy/lazy_systemd.h"

static uint64_t monotonic_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000u + (uint64_t)now.tv_nsec / 1000000u;
}

void service_init(Service *s)
{
    uint64_t usec = 0;
    char err[320];
    *s = (Service){0};
    if (!getenv("NOTIFY_SOCKET"))
        return; /* not started by systemd: nobody to tell */
    s->notify = lazy_systemd_ready(err, sizeof err);
    if (!s->notify) {
        fprintf(stderr, "sayso: systemd is not told the kiosk is up: %s\n", err);
        return;
    }
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
        s->interval_ms = usec / 2000u > 0 ? usec / 2000u : 1;
}

static void ping(Service *s)
{
    sd_notify(0, "WATCHDOG=1");
    s->next_ms = monotonic_ms() + s->interval_ms;
}

void service_ready(Service *s)
{
    if (s->ready)
        return;
    s->ready = true;
    if (s->notify)
        sd_notify(0, "READY=1\nSTATUS=Showing the kiosk");
    const char *hang = getenv("SAYSO_TEST_HANG_AFTER_MS");
    if (hang && atoll(hang) > 0)
        s->hang_at_ms = monotonic_ms() + (uint64_t)atoll(hang);
    if (s->interval_ms)
        ping(s);
}

int64_t service_ms_until(const Service *s)
{
    if (!s->ready || !s->interval_ms)
        return -1;
    uint64_t now = monotonic_ms();
    return s->next_ms > now ? (int64_t)(s->next_ms - now) : 0;
}

/* The test's stuck kiosk: nothing more is drawn, handled or pinged. */
static void hang_for_good(void)
{
    fprintf(stderr, "sayso: the loop hangs now, as asked by SAYSO_TEST_HANG_AFTER_MS\n");
    for (;;)
        pause();
}

void service_tick(Service *s)
{
    if (s->hang_at_ms && monotonic_ms() >= s->hang_at_ms)
        hang_for_good();
    if (s->ready && s->interval_ms && monotonic_ms() >= s->next_ms)
        ping(s);
}

void service_stopping(const Service *s)
{
    if (s->notify)
        sd_notify(0, "STOPPING=1");
}
