/* staff_menu.c: the staff menu: today's and all-time counts, what is not
 * yet exported or synced, the group session, "answered with support", and
 * big buttons for each thing staff do. Read aloud like every screen. */
#include "ui/screens/screen.h"

#include <stdio.h>
#include <string.h>

#include "staff/staff.h"

#define STAFF_LINE_SIZE 720 /* a problem line holds a folder's path */

/* "1 session", "2 sessions". */
static const char *plural(int n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* What is wrong with the kiosk, for staff: answers not being taken (a full
 * disk) and speech off, each with its reason. Returns the lines added. */
static int menu_problems(const UiBuild *b, char lines[][STAFF_LINE_SIZE])
{
    const char *space = b->staff->ctx.store ? store_space_problem(b->staff->ctx.store) : "";
    const char *speech = b->staff->ctx.speech_problem ? b->staff->ctx.speech_problem : "";
    int n = 0;
    if (space[0])
        snprintf(lines[n++], STAFF_LINE_SIZE, "Not taking answers: %s", space);
    if (speech[0])
        snprintf(lines[n++], STAFF_LINE_SIZE, "Speech is off: %s", speech);
    return n;
}

/* The sync's line (kiosk.ini [sync] only): when it last went through, or
 * how far the one under way has come. What went wrong is the message at
 * the top (staff.c). */
static int menu_sync_line(const StaffSync *sync, char lines[][STAFF_LINE_SIZE], int at)
{
    if (!sync->configured)
        return at;
    if (sync->running && sync->total > 0)
        snprintf(lines[at++], STAFF_LINE_SIZE, "Syncing now: %d of %d people's answers sent", sync->done, sync->total);
    else
        snprintf(lines[at++], STAFF_LINE_SIZE, "%s", sync->running ? "Syncing now" : sync->last);
    return at;
}

/* The counts, one line each, after any problem; the whole block is spoken
 * in the prompt. */
static void menu_counts(UiBuild *b, UiRect area, char *spoken, size_t size)
{
    const Staff *staff = b->staff;
    const StoreCounts *c = &staff->counts;
    const char *group = flow_group(b->flow);
    char lines[9][STAFF_LINE_SIZE];
    int n = menu_problems(b, lines), problems = n;
    if (staff->counts_ok) {
        snprintf(lines[n++], STAFF_LINE_SIZE, "Today: %d %s gave %d %s", c->sessions_today,
                 plural(c->sessions_today, "person", "people"), c->answers_today,
                 plural(c->answers_today, "answer", "answers"));
        snprintf(lines[n++], STAFF_LINE_SIZE, "In total: %d %s gave %d %s", c->sessions_total,
                 plural(c->sessions_total, "person", "people"), c->answers_total,
                 plural(c->answers_total, "answer", "answers"));
        snprintf(lines[n++], STAFF_LINE_SIZE, "Not yet exported: %d %s", c->not_exported,
                 plural(c->not_exported, "person", "people"));
        snprintf(lines[n++], STAFF_LINE_SIZE, "Not yet synced: %d %s", c->not_synced,
                 plural(c->not_synced, "person", "people"));
    }
    n = menu_sync_line(&staff->sync, lines, n);
    snprintf(lines[n++], STAFF_LINE_SIZE, "Group session: %s", group[0] ? group : "none");
    snprintf(lines[n++], STAFF_LINE_SIZE, "Next person: %s",
             flow_supported_next(b->flow) ? "answers with support" : "answers alone");
    ui_elements_add(b->els, UI_PANEL, NULL, area);
    UiRect rows[9];
    layout_column(layout_inset(area, b->gap * 2), n < 6 ? 6 : n, b->gap, rows);
    spoken[0] = '\0';
    for (int i = 0; i < n; i++) {
        UiElement *el = screen_body(b, rows[i], lines[i]);
        if (el)
            el->flags |= UI_ALIGN_LEFT | (i < problems ? UI_WARNING : 0);
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
    snprintf(export_new, sizeof export_new, "Export what is new since the last export (%d %s)",
             b->staff->counts.not_exported, plural(b->staff->counts.not_exported, "person", "people"));
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
    char counts[9 * (STAFF_LINE_SIZE + 2)];
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
