# systemd_ns.sh: a private systemd, booted as PID 1 of its own PID, mount,
# UTS, IPC and cgroup namespaces, for tests of real units on a machine (or
# CI runner) whose own PID 1 is not systemd. Sourced by tests/sys_*.sh.
#
# It loads units only from the folder it is given (SYSTEMD_UNIT_PATH), so
# nothing of the machine's own boot runs: no tmpfiles cleaning, no udev,
# no getty, no network. It gets fresh /run and /var/log/journal (tmpfs,
# gone with it) and a cgroup of its own, removed at the end; /tmp is the
# machine's (the unit folder may be there; units get PrivateTmp).
#   ns_boot UNIT_DIR TARGET LOG   boot it; sets ns_pid (its PID out here)
#   ns_ctl ARGS...                systemctl inside it
#   ns_journal ARGS...            journalctl inside it
#   ns_cgroup                     its cgroup folder, as seen from here
#   ns_stop                       kill it and everything in it
ns_pid= ns_cg= ns_v1=

# The cgroup2 hierarchy: /sys/fs/cgroup itself, or /sys/fs/cgroup/unified
# beside systemd's v1 one on a hybrid machine.
ns_cgroup2_root() {
    awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts
}

ns_boot() { # UNIT_DIR TARGET LOG
    ns_cg="$(ns_cgroup2_root)/sayso-systemd-$$"
    grep -q ' /sys/fs/cgroup/systemd cgroup ' /proc/mounts && ns_v1=/sys/fs/cgroup/systemd/sayso-systemd-$$
    mkdir -p "$ns_cg" ${ns_v1:+"$ns_v1"} || return 1
    # The shell that becomes PID 1 moves into the new cgroup(s), then
    # unshares, so the cgroup namespace's root is that cgroup.
    setsid sh -c '
        echo $$ > "$1/cgroup.procs" && { [ -z "$2" ] || echo $$ > "$2/cgroup.procs"; } &&
        exec unshare --pid --fork --mount --uts --ipc --cgroup --propagation private sh -c "
            mount -t proc proc /proc && mount -t tmpfs -o mode=0755 tmpfs /run && mkdir -p /var/log/journal &&
            mount -t tmpfs tmpfs /var/log/journal && umount -l /sys/fs/cgroup &&
            mount -t cgroup2 cgroup2 /sys/fs/cgroup && hostname sayso-test &&
            exec env -i container=sayso-test SYSTEMD_UNIT_PATH=\"\$0\" PATH=/usr/sbin:/usr/bin:/sbin:/bin \
                /lib/systemd/systemd --unit=\"\$1\" --log-target=journal" "$3" "$4"
    ' sh "$ns_cg" "$ns_v1" "$1" "$2" > "$3" 2>&1 < /dev/null 9>&- &  # not the caller's lock (fd 9)
    for i in $(seq 1 100); do  # up to 10 s for its manager to answer
        sleep 0.1
        ns_pid=$(cat "$ns_cg/cgroup.procs" "$ns_cg/init.scope/cgroup.procs" 2>/dev/null | while read -r p; do
            [ "$(cat /proc/"$p"/comm 2>/dev/null)" = systemd ] && echo "$p"; done | head -n 1)
        [ -n "$ns_pid" ] || continue
        case "$(ns_ctl is-system-running 2>/dev/null)" in
            "" | offline | unknown) ;;
            *) return 0 ;;
        esac
    done
    return 1
}

ns_ctl() { nsenter -t "$ns_pid" -a systemctl --no-pager "$@"; }
ns_journal() { nsenter -t "$ns_pid" -a journalctl --no-pager "$@"; }
ns_cgroup() { echo "$ns_cg"; }

# A property of a unit inside it: ns_show UNIT PROPERTY
ns_show() { ns_ctl show "$1" -p "$2" --value 2>/dev/null; }

ns_stop() {
    [ -n "$ns_pid" ] && kill -KILL "$ns_pid" 2>/dev/null
    for i in $(seq 1 50); do  # the kernel ends the whole PID namespace with its PID 1
        [ -z "$(cat "$ns_cg/cgroup.procs" 2>/dev/null; find "$ns_cg" -mindepth 2 -name cgroup.procs -exec cat {} + 2>/dev/null)" ] && break
        sleep 0.1
    done
    [ -n "$ns_cg" ] && [ -d "$ns_cg" ] && find "$ns_cg" -depth -type d -exec rmdir {} + 2>/dev/null
    [ -n "$ns_v1" ] && [ -d "$ns_v1" ] && find "$ns_v1" -depth -type d -exec rmdir {} + 2>/dev/null
    ns_pid=
}
