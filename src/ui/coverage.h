/* coverage.h: whether the kiosk can show a survey's words as written: its
 * fonts (found through fontconfig, as the kiosk finds them) and its own
 * translated words (words.csv). For `sayso check`. */
#ifndef SAYSO_UI_COVERAGE_H
#define SAYSO_UI_COVERAGE_H

#include <stdio.h>

#include "survey/survey.h"

/* Writes to `out` one "FOLDER/FILE:LINE: ..." line for every label, hint
 * and "You said, we did" text of `survey` with a character the kiosk's font
 * for its script lacks (shown as a box), and, as warnings, one
 * "WORDS:LINE: ..." line for every kiosk word words.csv (`words_path`) has
 * no translation for in one of the survey's languages (said in English).
 * Returns the number of texts that would show boxes (the warnings are not
 * counted; an unreadable words.csv counts one). */
int ui_check_coverage(const Survey *survey, const char *words_path, FILE *out);

#endif
