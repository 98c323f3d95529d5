#!/bin/sh
# sys_disk_full.sh: a full disk loses nothing and invites nobody.
#
# The kiosk's database sits on a small tmpfs of its own, in a private mount
# namespace (unshare -m, as root: CI runs as root). A first session makes
# the database and its reserve; then a filler file takes every byte left.
# The next person's whole session must still be saved (the reserve is
# freed for it), after which the welcome screen has no Start and the log
# names the folder; the kiosk started again on the full disk invites
# nobody either; once the filler is gone (while it runs: its script comes
# through a pipe) the welcome screen takes answers again by itself (its
# deadline, moved on with `wait`) and the next session is saved too. Nothing is ever logged as "not saved".
#   sh tests/sys_disk_full.sh BINARY
bin=$(realpath "${1:-./sayso}")
cd "$(dirname "$0")/.." || exit 1
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null; then
    echo "disk_full needs root and unshare (CI runs as root): not run here"
    echo "0 passed, 0 failed"
    exit 0
fi
work=$(mktemp -d /tmp/sayso-diskfull-XXXXXX)
[ -n "$KEEP" ] || trap 'rm -rf "$work"' EXIT
export SAYSO_BIN="$bin" WORK="$work" REPO="$(pwd)"
unshare -m sh -eu <<'INNER'
pass=0 fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
mount --make-rprivate /
disk="$WORK/disk"
mkdir -p "$disk"
mount -t tmpfs -o size=32m tmpfs "$disk"
session="$REPO/tests/e2e/design_example.script"
kiosk() { # SCRIPT LOG: runs the kiosk headless on the small disk
    "$SAYSO_BIN" --headless --script "$1" --db "$disk/sayso.db" --config "$REPO/config/forum" \
        --shots "$WORK/shots" >>"$2" 2>&1
}
answers() { # the number of answer rows, through an export to the big disk
    "$SAYSO_BIN" export --db "$disk/sayso.db" --format csv --out "$WORK/out.csv" \
        --config "$REPO/config/forum" >/dev/null 2>&1 && grep -c ',forum,' "$WORK/out.csv"
}
{ cat "$session"; printf 'tap start\n'; } >"$WORK/then_start.script"

kiosk "$session" "$WORK/log1"
one=$(answers)
check first_session_saved '[ "$one" -gt 10 ]'
check reserve_made '[ -f "$disk/sayso.db-reserve" ]'
dd if=/dev/zero of="$disk/filler" bs=64k 2>/dev/null || true
check disk_is_full '[ "$(df --output=avail "$disk" | tail -n 1)" -lt 64 ]'

# The whole session on the full disk is saved, then Start is gone.
kiosk "$WORK/then_start.script" "$WORK/log2" && status=0 || status=$?
check session_saved_on_full_disk '[ "$(answers)" = $((one * 2)) ]'
check no_start_after_it '[ "$status" = 1 ] && grep -q "no element \"start\" on screen welcome" "$WORK/log2"'
check log_names_the_folder 'grep -q "not taking answers: the disk holding $disk is full" "$WORK/log2"'
check reserve_used '[ ! -e "$disk/sayso.db-reserve" ]'

# Started again on the full disk it invites nobody; its script comes
# through a pipe, so the disk can be freed while it runs: the welcome
# screen looks again within 10 s of its clock and takes answers.
mkfifo "$WORK/live.script"
kiosk "$WORK/live.script" "$WORK/log3" &
kiosk_pid=$!
exec 3>"$WORK/live.script"
printf 'expect welcome\nshot paused.png\n' >&3
for i in $(seq 100); do grep -q "not taking answers" "$WORK/log3" && break; sleep 0.1; done
check restart_invites_nobody 'grep -q "not taking answers: the disk holding $disk is full" "$WORK/log3"'
rm -f "$disk/filler"
printf 'wait 11000\nexpect welcome\ntap start\nexpect language\n' >&3
exec 3>&-
wait "$kiosk_pid" && status=0 || status=$?
check resumes_by_itself '[ "$status" = 0 ] && grep -q "taking answers again" "$WORK/log3"'
kiosk "$session" "$WORK/log5" && status=0 || status=$?
check session_after_space_returns '[ "$status" = 0 ] && [ "$(answers)" = $((one * 3)) ]'
check reserve_made_again '[ -f "$disk/sayso.db-reserve" ]'
check nothing_lost 'cat "$WORK"/log* | grep -q "not saved" && false || true'
umount "$disk"
echo "$pass passed, $fail failed"
INNER
