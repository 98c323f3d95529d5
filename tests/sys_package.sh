#!/bin/sh
# sys_package.sh: the Debian package, built and installed on this machine,
# as a kiosk would get it.
#
#   - `make deb` builds it with the Debian tools (lintian: no errors);
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
#     headless (so neither blank nor garbled).
#
# Needs root. Machine-wide (dpkg, /etc, /var/lib/sayso), so two runs take
# turns (flock). A package that was installed before the test is left
# installed; otherwise it is purged at the end. Set SAYSO_KEEP_TMP to keep
# the screenshot. Prints PASS / FAIL lines and "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
passed=0 failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

if [ "$(id -u)" -ne 0 ]; then
    fail package "needs root (apt-get, runuser)"
    finish
fi
exec 9>/run/lock/sayso-sys-package.lock
flock 9

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
    [ -n "$SAYSO_KEEP_TMP" ] && echo "    kept $tmp (SAYSO_KEEP_TMP)" || rm -rf "$tmp"
    if [ -z "$was_installed" ]; then
        apt-get -o DPkg::Lock::Timeout=600 purge -y -qq sayso >/dev/null 2>&1
    fi
}
trap cleanup EXIT
was_installed=$(dpkg-query -W -f='${Status}' sayso 2>/dev/null | grep -c "install ok installed" | grep -v '^0$')
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
         /usr/share/sayso/kiosk.ini.example /usr/share/doc/sayso/copyright /usr/share/man/man1/sayso.1.gz \
         /lib/systemd/system/sayso.service /lib/systemd/system/sayso-sync.service \
         /lib/systemd/system/sayso-sync.timer /usr/lib/sysusers.d/sayso.conf \
         /usr/lib/tmpfiles.d/sayso.conf /etc/pam.d/sayso /etc/sayso/kiosk.ini; do
    [ -f "$f" ] || missing="$missing $f"
done
ini_mode=$(stat -c '%a %U:%G' /etc/sayso/kiosk.ini 2>/dev/null)
state_mode=$(stat -c '%a %U:%G' /var/lib/sayso 2>/dev/null)
conffiles=$(dpkg-query -W -f='${Conffiles}' sayso)
if [ -n "$missing" ]; then
    fail package_files "missing:$missing"
elif [ "$ini_mode" != "640 root:sayso" ] || [ "$state_mode" != "700 sayso:sayso" ]; then
    fail package_files "kiosk.ini is $ini_mode (want 640 root:sayso), /var/lib/sayso is $state_mode (want 700 sayso:sayso)"
elif ! echo "$conffiles" | grep -q "/etc/sayso/kiosk.ini" || ! echo "$conffiles" | grep -q "/etc/pam.d/sayso"; then
    fail package_files "kiosk.ini and pam.d/sayso are not conffiles:$conffiles"
elif ! grep -q '^export_dir = /media/sayso$' /etc/sayso/kiosk.ini; then
    fail package_files "the installed kiosk.ini does not export to /media/sayso"
elif ! id -nG sayso | grep -qw audio || [ "$(getent passwd sayso | cut -d: -f6,7)" != "/var/lib/sayso:/usr/sbin/nologin" ]; then
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
elif [ "$(sessions)" -ne $((before + 1)) ] || ! grep -q ",co_design," "$tmp/out/answers.csv"; then
    fail installed_runs "the script's session is not in /var/lib/sayso/sayso.db ($before sessions before)"
else
    pass installed_runs
fi

# ---- the kiosk unit's command under cage -------------------------------------
# ExecStart= and Environment= as the unit says, with what systemd and logind
# would add (the working folder, XDG_RUNTIME_DIR), on the headless backend.
unit=/lib/systemd/system/sayso.service
exec_start=$(sed -n 's/^ExecStart=//p' $unit)
unit_env=$(sed -n 's/^Environment=//p' $unit | tr '\n' ' ')
runtime="$tmp/runtime"
mkdir -m 0700 "$runtime" && chown sayso:sayso "$runtime"
(cd /var/lib/sayso && exec runuser -u sayso -- env $unit_env XDG_RUNTIME_DIR="$runtime" SDL_AUDIODRIVER=dummy \
    WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 $exec_start) > "$tmp/cage.log" 2>&1 &
kiosk_pid=$!
grab() { # DISPLAY: the kiosk's window into $tmp/cage.ppm
    runuser -u sayso -- env DISPLAY="$1" xwd -silent -name sayso > "$tmp/cage.xwd" 2>/dev/null &&
        xwdtopnm "$tmp/cage.xwd" > "$tmp/cage.ppm" 2>/dev/null
}
display= same=
for i in $(seq 1 40); do  # up to 20 s for cage, Xwayland and the first frame
    sleep 0.5
    pid=$(pgrep -u sayso -x sayso | head -n 1)
    [ -z "$display" ] && [ -n "$pid" ] && display=$(tr '\0' '\n' < /proc/"$pid"/environ | sed -n 's/^DISPLAY=//p')
    [ -n "$display" ] && grab "$display" || continue
    if [ -z "$size" ]; then  # the same screen, drawn headless at the same size
        size=$(sed -n 2p "$tmp/cage.ppm" | tr ' ' x)
        printf 'expect welcome\nshot welcome.png\n' > "$tmp/welcome.script"
        mkdir -m 0777 "$tmp/shots"
        as_sayso sayso --headless --size "$size" --db "$tmp/shots/shots.db" --script "$tmp/welcome.script" \
            --shots "$tmp/shots" > "$tmp/shots.txt" 2>&1
        pngtopnm "$tmp/shots/welcome.png" > "$tmp/headless.ppm" 2>/dev/null
    fi
    cmp -s "$tmp/cage.ppm" "$tmp/headless.ppm" && same=1 && break
done
stop_kiosk
colours=$(ppmhist -noheader "$tmp/cage.ppm" 2>/dev/null | wc -l)
pnmtopng "$tmp/cage.ppm" > "$tmp/cage.png" 2>/dev/null
if [ -z "$display" ]; then
    cat "$tmp/cage.log"
    fail kiosk_under_cage "sayso did not start under cage"
elif [ "$colours" -lt 50 ]; then
    fail kiosk_under_cage "the kiosk's window has only $colours colours"
elif [ -z "$same" ]; then
    fail kiosk_under_cage "the kiosk's window ($size, $colours colours) differs from its headless drawing"
else
    echo "    under cage on $display: $size, $colours colours, the same pixels as headless"
    pass kiosk_under_cage
fi
finish
