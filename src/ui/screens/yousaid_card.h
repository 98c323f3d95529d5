/* yousaid_card.h: the "You said, we did" card of the welcome and thank-you
 * screens (reciprocity: people see what feedback changed): what people
 * said, and what was done about it with its symbol, from the survey's yousaid.csv. */
#ifndef SAYSO_UI_YOUSAID_CARD_H
#define SAYSO_UI_YOUSAID_CARD_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/screens/screen.h"

/* Takes the card of the flow's current item off the bottom of `area`, in
 * the person's language, and writes what the screen's prompt adds, " You
 * said: .... We did: ....", into `words`; with no item, neither ("").
 * Its height is `landscape_pct` percent of the area's, or on a portrait
 * screen `portrait_pct`, or what its words need at the writing size when
 * that is more. Two targets side by side on a wide card, one above the
 * other otherwise: "yousaid" says "You said: ..." and "wedid", which holds
 * the item's symbol large, says "We did: ..."; an item with a recording
 * (its audio column) plays that instead, on either. Returns true when the
 * card was added. */
bool screen_yousaid_card(UiBuild *b, UiRect *area, int portrait_pct, int landscape_pct, char *words,
                         size_t size);

/* The card's sizes found for a screen, kept between builds (a redraw need
 * not search them again); owned by the Ui, given to each build. */
YouSaidCache *yousaid_cache_new(void);
void yousaid_cache_free(YouSaidCache *cache);

/* The height screen_yousaid_card would take off `area` (0 with no item). */
int screen_yousaid_card_height(const UiBuild *b, UiRect area, int portrait_pct, int landscape_pct);

/* What screen_yousaid_card adds to the prompt, without the card (a
 * screen showing it on another of its parts). */
void screen_yousaid_words(const UiBuild *b, char *words, size_t size);

#endif
