/* staff_pin.c: the staff PIN pad: big keys, dots for the digits typed (the
 * PIN itself is never shown or said), the outcome of the last try, and a
 * way back to the kiosk. */
#include "ui/screens/screen.h"

#include <stdio.h>
#include <string.h>

#include "staff/staff.h"

/* The message line: a problem in the warning colour. */
void screen_staff_message(UiBuild *b, UiRect r)
{
    const Staff *staff = b->staff;
    if (!staff->message[0])
        return;
    UiElement *el = screen_body(b, r, staff->message);
    if (el && staff->message_is_problem)
        el->flags |= UI_WARNING;
}

static void pin_keys(UiBuild *b, UiRect area)
{
    static const char *const ids[12] = {"pin:1", "pin:2", "pin:3", "pin:4", "pin:5",      "pin:6",
                                        "pin:7", "pin:8", "pin:9", "pin:delete", "pin:0", "pin:ok"};
    static const char *const labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Delete", "0", "OK"};
    int side = (area.h - 3 * b->gap) / 4;
    int width = 3 * side * 3 / 2 + 2 * b->gap;
    if (width > area.w)
        width = area.w;
    UiRect pad = layout_center_box(area, width, 4 * side + 3 * b->gap), rows[4], cells[3];
    layout_column(pad, 4, b->gap, rows);
    int first = b->els->n;
    for (int r = 0; r < 4; r++) {
        layout_row(rows[r], 3, b->gap, cells);
        for (int c = 0; c < 3; c++) {
            int i = r * 3 + c;
            UiElement *el = screen_button(b, ids[i], cells[c], NULL, labels[i], i == 11 ? UI_PRIMARY : 0);
            if (el && i != 9 && i != 11)
                ui_element_set_speak(el, "digit");  /* bystanders must not hear the PIN */
        }
    }
    screen_even_text(b, first, UI_BUTTON);
}

void screen_staff_pin(UiBuild *b)
{
    const Staff *staff = b->staff;
    UiRect area = screen_frame(b, FRAME_LISTEN);
    screen_title(b, &area, "staff", "Staff only: enter the PIN");
    UiRect bottom = layout_take_bottom(&area, b->unit + b->gap, b->gap * 2);
    screen_button(b, "pin:cancel", layout_center_box(bottom, bottom.w / 2, bottom.h), "back",
                  "Back to the kiosk", 0);
    UiRect message = layout_take_top(&area, b->unit, b->gap);
    screen_staff_message(b, message);
    char dots[3 * PIN_MAX_DIGITS + 1] = "";
    size_t n = strlen(staff->entered);
    for (size_t i = 0; i < n; i++)
        strcat(dots, "\xE2\x97\x8F");  /* U+25CF BLACK CIRCLE */
    UiRect shown = layout_take_top(&area, b->unit * 3 / 4, b->gap);
    UiElement *d = screen_heading(b, shown, n ? dots : "-");
    if (d)
        ui_element_set_speak(d, "");
    pin_keys(b, area);
    screen_set_prompt(b, "Staff only. Enter the staff PIN, then OK. %s", staff->message);
}
