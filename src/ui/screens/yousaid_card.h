/* yousaid_card.h: the "You said, we did" card of the welcome and thank-you
 * screens (DESIGN.md, Reciprocity): what people said, and what was done
 * about it with its symbol, from the survey's yousaid.csv. */
#ifndef SAYSO_UI_YOUSAID_CARD_H
#define SAYSO_UI_YOUSAID_CARD_H

#include <stddef.h>

#include "ui/screens/screen.h"

/* Adds item `item` of survey->yousaid (nothing for -1) in `area`, in the
 * person's language: two targets side by side on a wide area, one above the
 * other otherwise. "yousaid" says "You said: ..." and "wedid", which holds
 * the item's symbol large, says "We did: ..."; an item with a recording
 * (its audio column) plays that instead, on either. */
void screen_yousaid_card(UiBuild *b, UiRect area, int item);

/* The whole item as one spoken sentence, "You said: .... We did: ....",
 * into `out` for the screen's prompt; "" for -1. */
void screen_yousaid_words(const UiBuild *b, int item, char *out, size_t size);

#endif
