#!/bin/sh
# Writes screenshots of every screen of config/forum by running the real
# kiosk headless over tests/e2e/all_screens.script. Used for the README.
#   tools/screenshots.sh ./sayso docs/screens              landscape/ and portrait/
#   tools/screenshots.sh ./sayso docs/screens urdu         urdu/: the survey in Urdu
#   tools/screenshots.sh ./sayso docs/screens symbol-text  symbol-text/: landscape,
#       with symbol-supported text turned on (a copy of config/forum whose
#       settings.csv says symbol_text = yes)
#   tools/screenshots.sh ./sayso docs/screens staff        staff/: the PIN pad, the staff
#       menu and a group's group view (a kiosk.ini with the PIN 2468, set by `sayso pin`)
#   tools/screenshots.sh ./sayso docs/screens largest      largest/: the largest writing size at
#       1280x800 in Bengali and Arabic (tools/largest.script) and on a field-list page
#   tools/screenshots.sh ./sayso docs/screens keyboards    keyboards/: typing in Urdu, Bengali,
#       Arabic and Punjabi on their own keyboards at 1280x800 (tests/e2e/typed_scripts.script),
#       and Urdu's in two parts at the largest writing size (tests/e2e/typed_parts.script)
#   tools/screenshots.sh ./sayso docs/screens xlsform      xlsform/: XLSForm's kinds (number
#       pads, the date picker, Other in one's own words, skip logic, a cascade, a
#       field-list page), from the forms in tests/surveys
set -e
bin=$1 out=$2 variant=${3:-}
tmp=$(mktemp -d /tmp/sayso-shots-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

shoot() { # NAME SIZE CONFIG
    rm -rf "$out/$1" && mkdir -p "$out/$1"
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin" --headless --script tests/e2e/all_screens.script \
        --shots "$out/$1" --size "$2" --config "$3" --db "$tmp/shots.db"
}

if [ "$variant" = urdu ]; then
    rm -rf "$out/urdu" && mkdir -p "$out/urdu"
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin" --headless --script tests/e2e/urdu.script \
        --shots "$out/urdu" --size 1920x1080 --db "$tmp/shots.db"
    echo "screenshots in $out/urdu"
    exit 0
fi
if [ "$variant" = symbol-text ]; then
    cp -r config/forum "$tmp/forum"
    awk -F, 'NR == 1 { print $0 ",symbol_text"; next } { print $0 ",yes" }' \
        config/forum/settings.csv > "$tmp/forum/settings.csv"
    shoot symbol-text 1920x1080 "$tmp/forum"
    echo "screenshots in $out/symbol-text"
    exit 0
fi
if [ "$variant" = staff ]; then
    rm -rf "$out/staff" && mkdir -p "$out/staff" "$tmp/exports"
    printf '[staff]\nexport_dir = %s/exports\n' "$tmp" > "$tmp/kiosk.ini"
    printf '2468\n2468\n' | "$bin" pin --kiosk "$tmp/kiosk.ini" >/dev/null
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin" --headless --script tests/e2e/staff_screens.script \
        --shots "$out/staff" --size 1920x1080 --kiosk "$tmp/kiosk.ini" --db "$tmp/shots.db"
    echo "screenshots in $out/staff"
    exit 0
fi
if [ "$variant" = largest ]; then
    rm -rf "$out/largest" && mkdir -p "$out/largest"
    for lang in bn ar; do
        sed "s/LANG/$lang/g" tools/largest.script > "$tmp/$lang.script"
        SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin" --headless --script "$tmp/$lang.script" \
            --shots "$out/largest" --size 1280x800 --db "$tmp/$lang.db"
    done
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin" --headless --script tools/largest_fieldlist.script \
        --shots "$out/largest" --size 1280x800 --config tests/surveys/fieldlist --db "$tmp/fieldlist.db"
    echo "screenshots in $out/largest"
    exit 0
fi
if [ "$variant" = keyboards ]; then
    rm -rf "$out/keyboards" && mkdir -p "$out/keyboards"
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin" --headless --script tests/e2e/typed_scripts.script \
        --shots "$out/keyboards" --size 1280x800 --config tests/surveys/typed_scripts --db "$tmp/shots.db"
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin" --headless --script tests/e2e/typed_parts.script \
        --shots "$out/keyboards" --size 1280x800 --config tests/surveys/typed_scripts --db "$tmp/parts.db"
    echo "screenshots in $out/keyboards"
    exit 0
fi
if [ "$variant" = xlsform ]; then
    rm -rf "$out/xlsform" && mkdir -p "$out/xlsform"
    for form in types logic fieldlist; do
        SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin" --headless --script "tests/e2e/xlsform_$form.script" \
            --shots "$tmp/$form" --size 1920x1080 --config "tests/surveys/$form" --db "$tmp/$form.db"
        for shot in "$tmp/$form"/*.png; do cp "$shot" "$out/xlsform/$form-$(basename "$shot")"; done
    done
    echo "screenshots in $out/xlsform"
    exit 0
fi
shoot landscape 1920x1080 config/forum
shoot portrait 1080x1920 config/forum
echo "screenshots in $out/landscape and $out/portrait"
