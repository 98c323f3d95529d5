/* date_picker.h: choosing a day with big buttons, for XLSForm date
 * questions.
 *
 * The picker shows the day, the month (by name) and the year side by
 * side, each with a button above to go on and one below to go back, and
 * a Today button: no calendar grid of small numbers, no typing. A date
 * question with appearance month-year has no day (the 1st is kept), one
 * with year has only the year (1 January is kept), as ODK keeps them.
 *
 * Button ids: "day:up", "day:down", "month:up", "month:down", "year:up",
 * "year:down", "today"; the values themselves ("day", "month", "year")
 * say what they show when touched. */
#ifndef SAYSO_UI_DATE_PICKER_H
#define SAYSO_UI_DATE_PICKER_H

#include <stdbool.h>
#include <stddef.h>

#define DATE_PICKER_FIRST_YEAR 1900
#define DATE_PICKER_LAST_YEAR 2100

/* Which parts a question asks for. */
typedef struct {
    bool day, month;
} DatePickerParts;

/* Days since 1970-01-01 of the kiosk's local day. */
double date_picker_today(void);

/* A date as its parts: `text` ("2026-03-01"), or `today` (days since
 * 1970-01-01) when it is empty or not a date. */
void date_picker_parts_of(const char *text, double today, long *year, int *month, int *day);

/* Applies the button `id` to the date `text` ("" before one is chosen:
 * the first touch starts from `today`), writing the new date into `out`
 * as YYYY-MM-DD. Days and months go round (31 March, next day: 1 March);
 * a day past the end of a new month is the month's last. Returns false
 * when `id` is no button of the picker. */
bool date_picker_press(const char *id, const char *text, double today, DatePickerParts parts, char *out,
                       size_t size);

#endif
