/* survey_language_names.c: languages named without a code.
 *
 * XLSForm columns may name a language as "label::English (en)", but many
 * forms write "label::english" or "label:English" with no code. The kiosk
 * needs the code: it picks the espeak-ng voice, the kiosk's own words, the
 * keyboard and right-to-left layout, and it is the lang:CODE of scripts.
 * This table gives the code and the name in the language's own script (as
 * the language screen shows it) for the languages forms here are written
 * in, found by the English name, the own name or the code. A language not
 * in it keeps the name as written; survey_columns.c warns about it. */
#include "survey/survey_internal.h"

#include <string.h>
#include <strings.h>

typedef struct {
    const char *code;
    const char *own_name; /* as the language screen shows it */
    const char *names[3]; /* English names and spellings without accents */
} LanguageName;

static const LanguageName language_names[] = {
    {"en", "English", {"english"}},
    {"fr", "Français", {"french", "francais"}},
    {"es", "Español", {"spanish", "espanol"}},
    {"pt", "Português", {"portuguese", "portugues"}},
    {"de", "Deutsch", {"german"}},
    {"it", "Italiano", {"italian"}},
    {"nl", "Nederlands", {"dutch"}},
    {"pl", "Polski", {"polish"}},
    {"ro", "Română", {"romanian", "romana"}},
    {"lt", "Lietuvių", {"lithuanian", "lietuviu"}},
    {"lv", "Latviešu", {"latvian", "latviesu"}},
    {"bg", "Български", {"bulgarian"}},
    {"cs", "Čeština", {"czech", "cestina"}},
    {"sk", "Slovenčina", {"slovak"}},
    {"hu", "Magyar", {"hungarian"}},
    {"el", "Ελληνικά", {"greek"}},
    {"ru", "Русский", {"russian"}},
    {"uk", "Українська", {"ukrainian"}},
    {"tr", "Türkçe", {"turkish", "turkce"}},
    {"ar", "العربية", {"arabic"}},
    {"fa", "فارسی", {"farsi", "persian"}},
    {"ps", "پښتو", {"pashto", "pushto"}},
    {"ku", "Kurdî", {"kurdish", "kurmanji"}},
    {"ckb", "کوردی", {"sorani"}},
    {"ur", "اردو", {"urdu"}},
    {"hi", "हिन्दी", {"hindi"}},
    {"bn", "বাংলা", {"bengali", "bangla"}},
    {"pa", "ਪੰਜਾਬੀ", {"punjabi", "panjabi"}},
    {"gu", "ગુજરાતી", {"gujarati"}},
    {"ta", "தமிழ்", {"tamil"}},
    {"ne", "नेपाली", {"nepali"}},
    {"zh", "中文", {"chinese", "mandarin"}},
    {"yue", "粵語", {"cantonese"}},
    {"vi", "Tiếng Việt", {"vietnamese"}},
    {"th", "ไทย", {"thai"}},
    {"so", "Soomaali", {"somali"}},
    {"sw", "Kiswahili", {"swahili"}},
    {"am", "አማርኛ", {"amharic"}},
    {"ti", "ትግርኛ", {"tigrinya"}},
    {"ha", "Hausa", {"hausa"}},
    {"yo", "Yorùbá", {"yoruba"}},
    {"ig", "Igbo", {"igbo"}},
    {"rw", "Kinyarwanda", {"kinyarwanda"}},
    {"cy", "Cymraeg", {"welsh"}},
    {"ga", "Gaeilge", {"irish"}},
    {"gd", "Gàidhlig", {"gaelic", "scottish gaelic"}},
    {"sq", "Shqip", {"albanian"}},
    {"hr", "Hrvatski", {"croatian"}},
    {"sr", "Српски", {"serbian"}},
};

static bool language_matches(const LanguageName *l, const char *word)
{
    if (strcasecmp(l->code, word) == 0 || strcasecmp(l->own_name, word) == 0)
        return true;
    for (int i = 0; i < 3 && l->names[i]; i++)
        if (strcasecmp(l->names[i], word) == 0)
            return true;
    return false;
}

bool survey_language_lookup(const char *word, const char **code, const char **own_name)
{
    for (size_t i = 0; i < sizeof language_names / sizeof language_names[0]; i++) {
        if (!language_matches(&language_names[i], word))
            continue;
        *code = language_names[i].code;
        *own_name = language_names[i].own_name;
        return true;
    }
    return false;
}
