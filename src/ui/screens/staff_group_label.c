/* staff_group_label.c: naming a group session before it starts: the name
 * (a ready-made one from the date and time, which staff may change) over
 * the on-screen keyboard. */
#include "ui/screens/screen.h"

#include "staff/staff.h"
#include "ui/keyboard.h"

void screen_staff_group_label(UiBuild *b)
{
    const Staff *staff = b->staff;
    UiRect area = screen_frame(b, FRAME_LISTEN);
    screen_title(b, &area, "group", "Name the group session");
    UiRect bottom = layout_take_bottom(&area, b->unit + b->gap, b->gap * 2), cells[2];
    layout_row(bottom, 2, b->gap * 2, cells);
    int first = b->els->n;
    screen_button(b, "staff:menu", cells[0], "back", "Cancel", 0);
    screen_button(b, "staff:group_start", cells[1], "start", "Start the group session", UI_PRIMARY);
    screen_even_text(b, first, UI_BUTTON);
    if (staff->message[0])
        screen_staff_message(b, layout_take_top(&area, b->unit, b->gap));
    UiRect box = layout_take_top(&area, b->unit + b->gap, b->gap * 2);
    ui_elements_add(b->els, UI_PANEL, NULL, box);
    UiElement *text = screen_body(b, layout_inset(box, b->gap), staff->label[0] ? staff->label : "_");
    if (text) {
        text->flags |= UI_ALIGN_LEFT;
        text->text_max_px = b->unit * 3 / 5;
    }
    keyboard_layout(b->els, area, b->unit, b->gap, NULL, &staff->keyboard);
    screen_set_prompt(b, "Name the group session. The name is now: %s. Change it with the keyboard, "
                         "then start the group session.", staff->label);
}
