#!/bin/sh
# sys_package.sh: the Debian package, built and installed on this machine,
# as a kiosk would get it.
#
#   - `make deb` builds it with the Debian tools (lintian: no errors);
#   - `make install` puts the files under PREFIX in DESTDIR, `make
#     uninstall` takes them away again (kiosk.ini stays);
#   - apt-get installs it on a clean state (any sayso package purged
#     first), pulling its dependencies;
#   - its files are where Debian expects them, kiosk.ini is 0640 root:sayso,
#     the sayso user and /var/lib/sayso (0700) exist;
#   - `systemd-analyze verify` passes for every unit (there is no running
#     systemd here: units are checked as files; the watchdog is tested by
#     tests/test_service.c);
#   - the installed sayso, as the sayso user in /tmp, checks its survey and
#     runs a headless script into /var/lib/sayso/sayso.db;
#   - the kiosk unit's own ExecStart= (cage, with Environment=) run by hand
#     as the sayso user on wlroots' headless backend: the kiosk's window,
#     grabbed from Xwayland with xwd, is exactly what the same sayso draws
#     headless (so neither blank nor garbled);
#   - the installed unit started by a real systemd in namespaces of its own
#     (tests/systemd_ns.sh): READY=1, watchdog pings, the same screen, a
#     clean stop, and a hung kiosk killed by the watchdog and restarted
#     (leaving no core file: it would hold answers).
#
# Needs root, and a machine whose sayso package may be wiped (CI, a test
# machine): any sayso package is purged first and at the end (the sayso
# user and /var/lib/sayso stay, as apt leaves them). Machine-wide (dpkg,
# /etc, /var/lib/sayso), so two runs take turns (flock). Set SAYSO_KEEP_TMP
# to keep the screenshots. Prints PASS / FAIL lines and "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
passed=0 failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

if [ "$(id -u)" -ne 0 ]; then
    fail package "needs root (apt-get, runuser)"
    finish
fi
exec 9>/run/lock/sayso-sys-package.lock  # closed for what is started in the background
flock 9
. tests/systemd_ns.sh

tmp=$(mktemp -d /tmp/sayso-package-XXXXXX)
chmod 0755 "$tmp"
kiosk_pid=
stop_kiosk() { # cage (runuser's child) ends Xwayland and sayso; runuser reaps it
    [ -n "$kiosk_pid" ] || return 0
    kill $(pgrep -P "$kiosk_pid" -x cage) 2>/dev/null
    wait "$kiosk_pid" 2>/dev/null
    kiosk_pid=
}
cleanup() {
    stop_kiosk
    ns_stop
    [ -n "$SAYSO_KEEP_TMP" ] && echo "    kept $tmp (SAYSO_KEEP_TMP)" || rm -rf "$tmp"
    apt-get -o DPkg::Lock::Timeout=600 purge -y -qq sayso >/dev/null 2>&1
}
trap cleanup EXIT
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -qq "$@" > "$tmp/apt.log" 2>&1; }

# ---- built by the Debian tools ---------------------------------------------
if env -u MAKEFLAGS -u MAKELEVEL make -s deb > "$tmp/deb.log" 2>&1; then
    pass deb_builds
    sed -n 's/^\([WE]: \)/    lintian \1/p' "$tmp/deb.log"
else
    tail -n 30 "$tmp/deb.log"
    fail deb_builds "make deb failed (see above)"
    finish
fi
deb=$(ls build/sayso_*.deb | head -n 1)

# ---- make install and uninstall, into a staging folder ------------------------
stage="$tmp/stage"
if ! env -u MAKEFLAGS -u MAKELEVEL make -s install DESTDIR="$stage" > "$tmp/install.log" 2>&1; then
    fail make_install "make install failed: $(tail -n 5 "$tmp/install.log")"
elif [ ! -x "$stage/usr/local/bin/sayso" ] || [ ! -f "$stage/usr/local/share/sayso/forum/survey.csv" ] ||
     [ ! -f "$stage/usr/local/lib/systemd/system/sayso.service" ] ||
     ! grep -q "^ExecStart=/usr/bin/cage -- /usr/local/bin/sayso$" "$stage/usr/local/lib/systemd/system/sayso.service" ||
     [ "$(stat -c %a "$stage/etc/sayso/kiosk.ini")" != 640 ]; then
    fail make_install "the staged files are not where PREFIX=/usr/local puts them: $(cd "$stage" && find . -maxdepth 4 | head -20)"
elif ! env -u MAKEFLAGS -u MAKELEVEL make -s uninstall DESTDIR="$stage" > "$tmp/install.log" 2>&1 ||
     [ "$(cd "$stage" && find . -type f)" != "./etc/sayso/kiosk.ini" ]; then
    fail make_install "make uninstall left: $(cd "$stage" && find . -type f | head)"
else
    pass make_install
fi

# ---- installed on a clean state ----------------------------------------------
apt_get purge sayso
if apt_get install "./$deb"; then
    pass package_installs
else
    cat "$tmp/apt.log"
    fail package_installs "apt-get install ./$deb failed"
    finish
fi

# ---- files where Debian expects them -----------------------------------------
missing=
for f in /usr/bin/sayso /usr/share/sayso/forum/survey.csv /usr/share/sayso/forum/choices.csv \
         /usr/share/sayso/words.csv /usr/share/sayso/symbols/tick.svg /usr/share/sayso/symbols/index.csv \
         /usr/share/sayso/keyboards/ur.csv /usr/share/sayso/keyboards/bn.csv \
         /usr/share/sayso/kiosk.ini.example /usr/share/doc/sayso/copyright /usr/share/man/man1/sayso.1.gz \
         /lib/systemd/system/sayso.service /lib/systemd/system/sayso-sync.service \
         /lib/systemd/system/sayso-sync.timer /usr/lib/sysusers.d/sayso.conf \
         /usr/lib/tmpfiles.d/sayso.conf /etc/sayso/kiosk.ini; do
    [ -f "$f" ] || missing="$missing $f"
done
ini_mode=$(stat -c '%a %U:%G' /etc/sayso/kiosk.ini 2>/dev/null)
state_mode=$(stat -c '%a %U:%G' /var/lib/sayso 2>/dev/null)
conffiles=$(dpkg-query -W -f='${Conffiles}' sayso)
if [ -n "$missing" ]; then
    fail package_files "missing:$missing"
elif [ "$ini_mode" != "640 root:sayso" ] || [ "$state_mode" != "700 sayso:sayso" ]; then
    fail package_files "kiosk.ini is $ini_mode (want 640 root:sayso), /var/lib/sayso is $state_mode (want 700 sayso:sayso)"
elif ! echo "$conffiles" | grep -q "/etc/sayso/kiosk.ini"; then
    fail package_files "kiosk.ini is not a conffile:$conffiles"
elif ! grep -q '^export_dir = /media/sayso$' /etc/sayso/kiosk.ini; then
    fail package_files "the installed kiosk.ini does not export to /media/sayso"
elif [ "$(id -nG sayso | tr ' ' '\n' | sort | tr '\n' ' ')" != "audio render sayso video " ] || [ "$(getent passwd sayso | cut -d: -f6,7)" != "/var/lib/sayso:/usr/sbin/nologin" ]; then
    fail package_files "the sayso user is not as sysusers.d says: $(id sayso) $(getent passwd sayso)"
elif [ ! -L /etc/systemd/system/graphical.target.wants/sayso.service ]; then
    fail package_files "sayso.service is not enabled for the next boot"
else
    pass package_files
fi

# ---- the units --------------------------------------------------------------
if systemd-analyze verify sayso.service sayso-sync.service sayso-sync.timer > "$tmp/verify.log" 2>&1 &&
   [ ! -s "$tmp/verify.log" ]; then
    score=$(systemd-analyze security --offline=true sayso.service 2>/dev/null | sed -n 's/.*exposure level for sayso.service: \([0-9.]*\).*/\1/p')
    sync_score=$(systemd-analyze security --offline=true sayso-sync.service 2>/dev/null | sed -n 's/.*exposure level for sayso-sync.service: \([0-9.]*\).*/\1/p')
    echo "    systemd-analyze security: sayso.service $score, sayso-sync.service $sync_score"
    pass units_verify
else
    cat "$tmp/verify.log"
    fail units_verify "systemd-analyze verify complained"
fi

# ---- the installed binary, as the sayso user, from /tmp ----------------------
as_sayso() { (cd /tmp && runuser -u sayso -- env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$@"); }
# Sessions in the kiosk's database, counted from its own CSV export.
sessions() {
    rm -f "$tmp/out/answers.csv"
    as_sayso sayso export --format csv --out "$tmp/out/answers.csv" > /dev/null 2>&1
    cut -d, -f1 "$tmp/out/answers.csv" 2>/dev/null | sed 1d | sort -u | wc -l
}
cp tests/e2e/design_example.script "$tmp/design.script"
mkdir -m 0777 "$tmp/out"
before=$(sessions)
if ! as_sayso sayso check > "$tmp/check.txt" 2>&1 || ! grep -q "^/usr/share/sayso/forum: ok" "$tmp/check.txt"; then
    fail installed_runs "sayso check: $(cat "$tmp/check.txt")"
elif ! as_sayso sayso --headless --script "$tmp/design.script" > "$tmp/run.txt" 2>&1; then
    fail installed_runs "headless script: $(cat "$tmp/run.txt")"
elif grep -q "Latin letters" "$tmp/run.txt"; then
    fail installed_runs "the installed keyboards are not found: $(cat "$tmp/run.txt")"
elif [ "$(sessions)" -ne $((before + 1)) ] || ! grep -q ",co_design," "$tmp/out/answers.csv"; then
    fail installed_runs "the script's session is not in /var/lib/sayso/sayso.db ($before sessions before)"
else
    pass installed_runs
fi

# ---- the staff PIN, set by root in the installed kiosk.ini ---------------------
# The file must stay the kiosk's to read (0640 root:sayso), and no one else's.
printf '2468\n2468\n' | (cd /tmp && sayso pin) > "$tmp/pin.txt" 2>&1
ini_mode=$(stat -c '%a %U:%G' /etc/sayso/kiosk.ini)
if ! grep -q '^pin_hash = \$argon2id\$' /etc/sayso/kiosk.ini; then
    fail pin_keeps_kiosk_ini "sudo sayso pin did not set the PIN: $(cat "$tmp/pin.txt")"
elif [ "$ini_mode" != "640 root:sayso" ] || ! as_sayso sayso check > "$tmp/check.txt" 2>&1; then
    fail pin_keeps_kiosk_ini "after sayso pin, kiosk.ini is $ini_mode (want 640 root:sayso): $(cat "$tmp/check.txt")"
else
    pass pin_keeps_kiosk_ini
fi

# ---- the kiosk's screen ------------------------------------------------------
# The kiosk's window, grabbed from Xwayland with xwd, must be exactly what the
# same sayso draws headless at the same size: neither blank nor garbled.

# The DISPLAY of sayso process PID ("" while it has none).
display_of() { tr '\0' '\n' < /proc/"$1"/environ 2>/dev/null | sed -n 's/^DISPLAY=//p'; }

# Grabs the window on DISPLAY into $tmp/NAME.ppm and .png; 0 when it is the
# headless drawing (made once, at the size of the first grab).
screen_matches() { # DISPLAY NAME
    runuser -u sayso -- env DISPLAY="$1" xwd -silent -name sayso > "$tmp/$2.xwd" 2>/dev/null &&
        xwdtopnm "$tmp/$2.xwd" > "$tmp/$2.ppm" 2>/dev/null || return 1
    pnmtopng "$tmp/$2.ppm" > "$tmp/$2.png" 2>/dev/null
    size=$(sed -n 2p "$tmp/$2.ppm" | tr ' ' x)
    if [ ! -s "$tmp/headless-$size.ppm" ]; then
        printf 'expect welcome\nshot welcome-%s.png\n' "$size" > "$tmp/welcome.script"
        mkdir -p -m 0777 "$tmp/shots"
        as_sayso sayso --headless --size "$size" --db "$tmp/shots/shots.db" --script "$tmp/welcome.script" \
            --shots "$tmp/shots" > "$tmp/shots.txt" 2>&1
        pngtopnm "$tmp/shots/welcome-$size.png" > "$tmp/headless-$size.ppm" 2>/dev/null
    fi
    cmp -s "$tmp/$2.ppm" "$tmp/headless-$size.ppm"
}

# Waits up to 20 s for sayso (first of PIDS_COMMAND's output) to show the
# screen; says PASS or FAIL for CASE.
check_screen() { # CASE NAME PIDS_COMMAND
    display= same=
    for i in $(seq 1 40); do
        sleep 0.5
        pid=$($3 | head -n 1)
        [ -z "$display" ] && [ -n "$pid" ] && display=$(display_of "$pid")
        [ -n "$display" ] && screen_matches "$display" "$2" && same=1 && break
    done
    colours=$(ppmhist -noheader "$tmp/$2.ppm" 2>/dev/null | wc -l)
    if [ -z "$display" ]; then
        fail "$1" "sayso did not start"
    elif [ -z "$same" ]; then
        fail "$1" "the kiosk's window ($size, $colours colours) differs from its headless drawing"
    else
        echo "    $2 on $display: $size, $colours colours, the same pixels as headless"
        pass "$1"
    fi
}

# ---- the kiosk unit's command under cage, by hand -----------------------------
# ExecStart= and Environment= as the unit says, with what systemd would add
# (the working folder, XDG_RUNTIME_DIR), on the headless backend.
unit=/lib/systemd/system/sayso.service
exec_start=$(sed -n 's/^ExecStart=//p' $unit)
unit_env=$(sed -n 's/^Environment=//p' $unit | tr '\n' ' ')
runtime="$tmp/runtime"
mkdir -m 0700 "$runtime" && chown sayso:sayso "$runtime"
(cd /var/lib/sayso && exec runuser -u sayso -- env $unit_env XDG_RUNTIME_DIR="$runtime" SDL_AUDIODRIVER=dummy \
    WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 $exec_start) > "$tmp/cage.log" 2>&1 9>&- &
kiosk_pid=$!
kiosk_sayso() { pgrep -P "$(pgrep -P "$kiosk_pid" -x cage)" -x sayso; }
check_screen kiosk_under_cage cage kiosk_sayso
stop_kiosk

# ---- the kiosk unit under systemd ---------------------------------------------
# The installed unit, hardening and all, started by a real systemd booted in
# namespaces of its own (tests/systemd_ns.sh), on the headless backend:
# Type=notify's READY=1, the watchdog's pings, the screen, a clean stop, and
# a kiosk whose loop hangs killed by the watchdog and started again.
units="$tmp/units"
mkdir -p "$units/sayso.service.d"
cp /lib/systemd/system/sayso.service /lib/systemd/system/systemd-journald.service \
   /lib/systemd/system/systemd-journald.socket /lib/systemd/system/systemd-journald-dev-log.socket "$units/"
printf '[Unit]\nDescription=sayso test boot\nDefaultDependencies=no\nWants=systemd-journald.socket\n' \
    > "$units/sayso-test.target"
printf '[Unit]\nDefaultDependencies=no\n[Service]\nWatchdogSec=3\nEnvironment=%s\n' \
    "WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 SDL_AUDIODRIVER=dummy" > "$units/sayso.service.d/test.conf"
for u in systemd-journald.service systemd-journald.socket systemd-journald-dev-log.socket; do
    mkdir -p "$units/$u.d" && printf '[Unit]\nDefaultDependencies=no\n' > "$units/$u.d/test.conf"
done
unit_sayso() { cat "$(ns_cgroup)/system.slice/sayso.service/cgroup.procs" 2>/dev/null | while read -r p; do
    [ "$(cat /proc/"$p"/comm 2>/dev/null)" = sayso ] && echo "$p"; done; }
if ! ns_boot "$units" sayso-test.target "$tmp/boot.log"; then
    cat "$tmp/boot.log"
    fail unit_under_systemd "systemd would not boot in its own namespaces"
elif ! timeout 60 nsenter -t "$ns_pid" -a systemctl start sayso.service; then
    ns_journal -u sayso.service | tail -n 20
    fail unit_under_systemd "systemctl start sayso.service failed (no READY=1?)"
else
    status=$(ns_show sayso.service StatusText)
    sleep 4.5  # one and a half watchdog intervals: unanswered, systemd would kill it
    check_screen unit_screen unit unit_sayso
    state="$(ns_show sayso.service ActiveState) $(ns_show sayso.service NRestarts)"
    ns_ctl stop sayso.service
    stopped="$(ns_show sayso.service ActiveState) $(ns_show sayso.service Result)"
    if [ "$status" != "Showing the kiosk" ] || [ "$state" != "active 0" ] || [ "$stopped" != "inactive success" ]; then
        ns_journal -u sayso.service | tail -n 20
        fail unit_under_systemd "status \"$status\", after 4.5 s \"$state\", stopped \"$stopped\""
    else
        echo "    READY=1 (\"$status\"), watchdog pings for 4.5 s (WatchdogSec=3), a clean stop"
        pass unit_under_systemd
    fi
    # The loop hangs 1 s after the first frame: the watchdog kills it, and
    # Restart=always starts it again.
    printf '[Service]\nEnvironment=SAYSO_TEST_HANG_AFTER_MS=1000\n' > "$units/sayso.service.d/hang.conf"
    ns_ctl daemon-reload && ns_ctl start --no-block sayso.service
    for i in $(seq 1 40); do
        sleep 0.5
        [ "$(ns_show sayso.service NRestarts)" -ge 1 ] 2>/dev/null && break
    done
    if ns_journal -u sayso.service | grep -q "sayso.service: Watchdog timeout" &&
       [ "$(ns_show sayso.service NRestarts)" -ge 1 ] 2>/dev/null &&
       [ -z "$(find /var/lib/sayso -maxdepth 1 -name 'core*' -newer "$units/sayso.service.d/hang.conf")" ]; then
        echo "    $(ns_journal -u sayso.service -o cat | grep -m 1 'Watchdog timeout'); restarted"
        pass unit_watchdog_restarts
    else
        ns_journal -u sayso.service | tail -n 20
        fail unit_watchdog_restarts "no watchdog timeout and restart, or a core file of the kiosk left in /var/lib/sayso"
    fi
fi
ns_stop
finish
