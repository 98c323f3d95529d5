/* staff_menu.c: the staff menu: today's and all-time counts, what is not
 * yet exported or synced, the group session, "answered with support", and
 * big buttons for each thing staff do. Read aloud like every screen. */
#include "ui/screens/screen.h"

#include <stdio.h>
#include <string.h>

#include "staff/staff.h"

static void add_line(UiBuild *b, UiRect r, const char *text)
{
    UiElement *el = screen_body(b, r, text);
    if (el)
        el->flags |= UI_ALIGN_LEFT | UI_COMPACT;
}

/* The sync's line (kiosk.ini [sync] only): when it last went through, or
 * how far the one under way has come. What went wrong is the message at
 * the top (staff.c). */
static int menu_sync_line(const StaffSync *sync, char lines[][160], int at)
{
    if (!sync->configured)
        return at;
    if (sync->running && sync->total > 0)
        snprintf(lines[at++], 160, "Syncing now: %d of %d people's answers sent", sync->done, sync->total);
    else
        snprintf(lines[at++], 160, "%s", sync->running ? "Syncing now" : sync->last);
    return at;
}

/* The counts, one line each; the whole block is spoken in the prompt. */
static void menu_counts(UiBuild *b, UiRect area, char *spoken, size_t size)
{
    const Staff *staff = b->staff;
    const StoreCounts *c = &staff->counts;
    const char *group = flow_group(b->flow);
    char lines[7][160];
    int n = 0;
    if (staff->counts_ok) {
        snprintf(lines[n++], 160, "Today: %d people gave %d answers", c->sessions_today, c->answers_today);
        snprintf(lines[n++], 160, "In total: %d people gave %d answers", c->sessions_total, c->answers_total);
        snprintf(lines[n++], 160, "Not yet exported: %d people", c->not_exported);
        snprintf(lines[n++], 160, "Not yet synced: %d people", c->not_synced);
    }
    n = menu_sync_line(&staff->sync, lines, n);
    snprintf(lines[n++], 160, "Group session: %s", group[0] ? group : "none");
    snprintf(lines[n++], 160, "Next person: %s",
             flow_supported_next(b->flow) ? "answers with support" : "answers alone");
    ui_elements_add(b->els, UI_PANEL, NULL, area);
    UiRect rows[7];
    layout_column(layout_inset(area, b->gap * 2), n < 6 ? 6 : n, b->gap, rows);
    spoken[0] = '\0';
    for (int i = 0; i < n; i++) {
        add_line(b, rows[i], lines[i]);
        if (strlen(spoken) + strlen(lines[i]) + 3 < size) {
            strcat(spoken, lines[i]);
            strcat(spoken, ". ");
        }
    }
}

/* Every button but Exit, which sits in the top bar (where Stop does on a
 * person's screens, never where Next or Finish do) and asks first. */
static void menu_buttons(UiBuild *b, UiRect area)
{
    bool in_group = flow_group(b->flow)[0] != '\0';
    char export_new[96];
    snprintf(export_new, sizeof export_new, "Export what is new since the last export (%d people)",
             b->staff->counts.not_exported);
    struct { const char *id, *symbol, *label; unsigned flags; bool shown; } items[] = {
        {"staff:group", "group", in_group ? "End the group session" : "Start a group session", 0, true},
        {"staff:group_view", "review", "Show the group what it said", 0, in_group},
        {"staff:supported", "support_worker",
         flow_supported_next(b->flow) ? "Next person: with support (on)" : "Next person answers with support",
         flow_supported_next(b->flow) ? UI_CHOSEN : 0u, true},
        {"staff:export", "give", b->staff->counts_ok ? export_new : "Export what is new since the last export",
         0, true},
        {"staff:export_all", "give", "Export everything", 0, true},
        {"staff:sync", "digital", b->staff->sync.running ? "Syncing now..." : "Sync now", 0,
         b->staff->sync.configured},
        {"staff:test_speech", "speak", "Test speech", 0, true},
        {"staff:test_mic", "record", "Test microphone", 0, true},
        {"staff:kiosk", "back", "Back to the kiosk", UI_PRIMARY, true},
    };
    enum { N = sizeof items / sizeof items[0] };
    UiRect cells[N];
    int n = 0;
    for (int i = 0; i < N; i++)
        n += items[i].shown;
    layout_grid(area, n, b->gap, 3.0f, cells);
    int first = b->els->n, k = 0;
    for (int i = 0; i < N; i++)
        if (items[i].shown)
            screen_button(b, items[i].id, cells[k++], items[i].symbol, items[i].label, items[i].flags);
    screen_even_text(b, first, UI_BUTTON);
}

void screen_staff_menu(UiBuild *b)
{
    const Staff *staff = b->staff;
    UiRect area = screen_frame(b, FRAME_LISTEN);
    char counts[1024];
    screen_button(b, "staff:exit", b->bar_end, "exit", "Exit sayso", UI_DANGER);
    screen_title(b, &area, "staff", "Staff menu");
    if (staff->message[0])
        screen_staff_message(b, layout_take_top(&area, b->unit, b->gap * 2));
    UiRect stats = b->portrait ? layout_take_top(&area, area.h * 2 / 5, b->gap * 2)
                               : layout_take_left(&area, area.w * 2 / 5, b->gap * 2);
    menu_counts(b, stats, counts, sizeof counts);
    menu_buttons(b, area);
    screen_set_prompt(b, "Staff menu. %s %s", staff->message, counts);
}

void screen_staff_exit_confirm(UiBuild *b)
{
    ScreenConfirm c = {
        "exit",
        "Close sayso? The kiosk stays closed until someone starts it again.",
        {{"yes", "exit", "Yes, close sayso", UI_DANGER},
         {"no", b->metrics.rtl ? "next" : "back", "No, back to the staff menu", UI_PRIMARY}},
    };
    screen_confirm(b, &c);
}
