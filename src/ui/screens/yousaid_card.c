/* yousaid_card.c: the "You said, we did" card; see yousaid_card.h.
 *
 * The card is two halves, each a target with its own spoken words: an
 * element's words hold UI_TEXT_SIZE bytes, which one half's fill in the
 * longer scripts (Gurmukhi, Bengali: three bytes a letter) but a whole
 * item would not. The screen's prompt, which has room, says the whole item.
 * Words too long for an element are cut at a letter, never inside one. */
#include "ui/screens/yousaid_card.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Cuts an incomplete UTF-8 sequence off the end of `s` (left by a copy
 * that ran out of room). */
static void drop_broken_tail(char *s)
{
    size_t len = strlen(s), lead = len;
    while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    unsigned char c = (unsigned char)s[lead - 1];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len - (lead - 1) < need)
        s[lead - 1] = '\0';
}

/* A full stop after words that end without one, so the voice pauses
 * before what is said next. */
static const char *stop_after(const char *words)
{
    size_t len = strlen(words);
    return len > 0 && isalnum((unsigned char)words[len - 1]) ? "." : "";
}

/* "TAG: WORDS" (with a full stop; `tag` NULL: WORDS alone) into `out`, cut
 * at a letter when too long. */
static void tagged(char *out, size_t size, const char *tag, const char *words)
{
    int n = tag ? snprintf(out, size, "%s: %s%s", tag, words, stop_after(words))
                : snprintf(out, size, "%s", words);
    if (n >= (int)size)
        drop_broken_tail(out);
}

/* One half: a card to touch, its tag ("You said", `tag_h` high, so both
 * halves' tags read the same size) over its words, and the symbol on the
 * side the screen starts reading from. */
static void card_half(UiBuild *b, const char *id, UiRect r, int tag_h, UiString tag, const SurveyText *words,
                      const char *image, const SurveyText *audio)
{
    char spoken[UI_TEXT_SIZE], text[UI_TEXT_SIZE];
    UiElement *el = ui_elements_add(b->els, UI_ROW, id, r);
    if (!el)
        return;
    tagged(spoken, sizeof spoken, screen_word(b, tag), screen_text(b, words));
    ui_element_set_text(el, spoken); /* a row speaks its text; what it writes is on top */
    screen_recorded_prompt(b, audio, el->audio);
    UiRect inner = layout_inset(r, b->gap * 2);
    if (image && image[0]) {
        UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_take_left(&inner, inner.h, b->gap * 2));
        if (sym)
            screen_survey_symbol(b, image, sym->symbol);
    }
    /* The card keeps its size on a landscape screen: its words grow with
     * the writing size only where they have room (UI_COMPACT). */
    UiElement *t = screen_heading(b, layout_take_top(&inner, tag_h, 0), screen_word(b, tag));
    if (t) {
        t->flags |= UI_ALIGN_LEFT | UI_MUTED | UI_COMPACT;
        t->text_max_px = b->unit / 2;
        t->text_min_px = b->unit / 4;
    }
    tagged(text, sizeof text, NULL, screen_text(b, words));
    UiElement *w = screen_body(b, inner, text);
    if (w) {
        w->flags |= UI_ALIGN_LEFT | UI_COMPACT;
        w->text_max_px = b->unit * 3 / 5;
    }
}

static void card(UiBuild *b, UiRect area, const SurveyYouSaid *y)
{
    bool side_by_side = area.w >= area.h * 3;
    UiRect said = side_by_side ? layout_take_left(&area, area.w / 3, b->gap * 2)  /* what was done says more */
                               : layout_take_top(&area, area.h * 2 / 5, b->gap * 2);
    if (side_by_side) {  /* an arrow from what was said to what was done, the way the screen reads */
        UiRect between = layout_take_left(&area, b->unit * 2 / 3, b->gap * 2);
        UiElement *arrow = ui_elements_add(b->els, UI_MINI, NULL, layout_square_in(between, between.w));
        if (arrow)
            screen_builtin_symbol(b, b->metrics.rtl ? "back" : "next", arrow->symbol);
    }
    int tag_h = layout_inset(said, b->gap * 2).h / 3;
    if (tag_h < b->unit * 3 / 4)
        tag_h = b->unit * 3 / 4;  /* a line of the tallest script (Urdu's Nastaliq) at the smallest size */
    card_half(b, "yousaid", said, tag_h, STR_YOU_SAID, &y->said, NULL, &y->audio);
    card_half(b, "wedid", area, tag_h, STR_WE_DID, &y->did, y->image, &y->audio);
}

/* The whole item as one spoken sentence after a space, " You said: ....
 * We did: ....": the prompt has room for it. */
static void prompt_words(const UiBuild *b, const SurveyYouSaid *y, char *out, size_t size)
{
    char said[UI_TEXT_SIZE * 2], did[UI_TEXT_SIZE * 2];
    tagged(said, sizeof said, screen_word(b, STR_YOU_SAID), screen_text(b, &y->said));
    tagged(did, sizeof did, screen_word(b, STR_WE_DID), screen_text(b, &y->did));
    if (snprintf(out, size, " %s %s", said, did) >= (int)size)
        drop_broken_tail(out);
}

bool screen_yousaid_card(UiBuild *b, UiRect *area, int portrait_pct, int landscape_pct, char *words,
                         size_t size)
{
    int item = flow_yousaid(b->flow);
    words[0] = '\0';
    if (item < 0)
        return false;
    int h = b->portrait ? area->h * portrait_pct / 100 * b->metrics.text_pct / 100 : area->h * landscape_pct / 100;
    UiRect r = layout_take_bottom(area, h, b->gap * 3);
    if (item >= b->survey->n_yousaid)
        return true;
    card(b, r, &b->survey->yousaid[item]);
    prompt_words(b, &b->survey->yousaid[item], words, size);
    return true;
}
