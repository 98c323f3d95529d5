/* fuzz_kiosk_ini.c: kiosk.ini, the kiosk's own settings (inih).
 * sources: src/survey/kiosk_settings.c src/staff/pin_keys.c src/staff/pin.c
 *
 * Any file must load or be refused with a message naming it; loaded
 * settings must stay within what the kiosk accepts. */
#include "fuzz_support.h"
#include "survey/kiosk_settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[256], err[1024];
    fuzz_write(fuzz_dir("kiosk_ini"), "kiosk.ini", data, size, path, sizeof path);
    KioskSettings settings;
    kiosk_settings_defaults(&settings);
    if (kiosk_settings_load(&settings, path, true, err, sizeof err) != 0) {
        if (!strstr(err, path))
            abort(); /* every refusal names the file */
        return 0;
    }
    if (settings.idle_seconds <= 0 || settings.speech_rate <= 0)
        abort();
    return 0;
}
