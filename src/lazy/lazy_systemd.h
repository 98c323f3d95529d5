/* lazy_systemd.h: libsystemd's sd_notify (telling systemd the kiosk is up
 * and alive: src/service), opened the first time it is needed (see
 * lazy_lib.h), and only when systemd started the kiosk.
 * Include this in place of <systemd/sd-daemon.h>; calls read as they would linked.
 * lazy_systemd_ready says whether it can be opened, in plain words. */
#ifndef SAYSO_LAZY_SYSTEMD_H
#define SAYSO_LAZY_SYSTEMD_H

#include <systemd/sd-daemon.h>
#include <stdbool.h>
#include <stddef.h>

#include "lazy/lazy_lib.h"

#define LAZY_SYSTEMD_FUNCTIONS(X) \
    X(sd_notify) \
    X(sd_watchdog_enabled)

typedef struct LazySystemd {
    LAZY_SYSTEMD_FUNCTIONS(LAZY_LIB_SLOT)
} LazySystemd;

/* True when libsystemd.so.0 and its functions are there; else false with a
 * message naming the library and its Debian package in `err`. */
bool lazy_systemd_ready(char *err, size_t err_size);

/* The functions, the library opened first if need be (see
 * lazy_lib_require). */
const LazySystemd *lazy_systemd(void);

#define sd_notify (lazy_systemd()->fn_sd_notify)
#define sd_watchdog_enabled (lazy_systemd()->fn_sd_watchdog_enabled)

#endif
