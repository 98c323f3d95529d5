/* cli_merge.c: `sayso merge --into FILE SOURCE.db ...` (commands.h):
 * kiosk databases brought on USB sticks, merged into one file. Prints what
 * each source added ("sayso: merged stick1.db: 12 sessions, 140 answers,
 * 3 recordings new; 0 already there") and exits 0, or 1 with why. */
#include "cli/commands.h"

#include <stdio.h>

#include "sync/sync.h"

static void merge_say(void *ctx, const char *source, const MergeCounts *added)
{
    (void)ctx;
    printf("sayso: merged %s: %d new session%s (%d answers, %d recordings)%s\n", source,
           added->sessions, added->sessions == 1 ? "" : "s", added->answers, added->recordings,
           added->sessions == 0 ? " (nothing new in it)" : "");
}

int cli_merge(const CliOptions *o)
{
    char err[1024];
    MergeRequest request = {.into = o->into, .sources = o->sources, .n_sources = o->n_sources};
    if (sync_merge(&request, merge_say, NULL, err, sizeof err) != 0) {
        fprintf(stderr, "sayso: %s\n", err);
        return 1;
    }
    printf("sayso: %s holds them all; export it, or sync it with the central admin's login\n", o->into);
    return 0;
}
