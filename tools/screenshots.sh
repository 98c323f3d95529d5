#!/bin/sh
# Writes screenshots of every screen of config/forum, landscape and
# portrait, into DIR/landscape and DIR/portrait, by running the real kiosk
# headless over tests/e2e/all_screens.script. Used for the README.
#   tools/screenshots.sh ./sayso docs/screens
set -e
bin=$1 out=$2
db=$(mktemp -u /tmp/sayso-shots-XXXXXX.db)
for size in landscape:1920x1080 portrait:1080x1920; do
    name=${size%%:*} dims=${size#*:}
    rm -rf "$out/$name" && mkdir -p "$out/$name"
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin" --headless --script tests/e2e/all_screens.script \
        --shots "$out/$name" --size "$dims" --db "$db"
done
rm -f "$db" "$db-wal" "$db-shm"
echo "screenshots in $out/landscape and $out/portrait"
