#!/bin/sh
# Installs the Debian packages named on the command line when any is missing,
# so that `make run` and `make test` work on a fresh Debian 12 machine that
# has only gcc and make. As root it runs apt-get; otherwise it prints the
# exact line to run and stops.
missing=""
for deb in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$deb" 2>/dev/null)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $deb" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "sayso: installing missing Debian packages:$missing"
if [ "$(id -u)" -ne 0 ]; then
    echo "sayso: not root; please run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -qq && apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null \
    || { echo "sayso: apt-get install failed for:$missing" >&2; exit 1; }
