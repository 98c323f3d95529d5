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
 * screen, which has height to spare, `portrait_pct` percent grown with the
 * writing size. Two targets side by side on a wide card, one above the
 * other otherwise: "yousaid" says "You said: ..." and "wedid", which holds
 * the item's symbol large, says "We did: ..."; an item with a recording
 * (its audio column) plays that instead, on either. Returns true when the
 * card was added. */
bool screen_yousaid_card(UiBuild *b, UiRect *area, int portrait_pct, int landscape_pct, char *words,
                         size_t size);

#endif
