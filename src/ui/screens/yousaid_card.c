/* yousaid_card.c: the "You said, we did" card; see yousaid_card.h.
 *
 * The card is two halves, each a target with its own spoken words: an
 * element's words hold UI_TEXT_SIZE bytes, which one half's fill in the
 * longer scripts (Gurmukhi, Bengali: three bytes a letter) but a whole
 * item would not. The screen's prompt, which has room, says the whole item.
 * Words too long for an element are cut at a letter, never inside one.
 *
 * Finding a card's sizes tries its words at many sizes; a redraw (every
 * attract step, every touch) finds the same, so the sizes are kept in a
 * YouSaidCache, keyed by everything they depend on, words included. */
#include "ui/screens/yousaid_card.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most of its screen the card takes at the largest writing size (its
 * words grow less than the screen's own beyond it, so those keep room). */
enum { CARD_MOST_PCT = 36 };

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

/* One half's words: the tag ("You said", one height for both halves'
 * tags, so they read the same size) over the words, with the symbol on
 * the side the screen starts reading from. Sizes are those they fit at in
 * the half of the normal writing size; heights those they need at the
 * person's. */
typedef struct {
    int tag_px, words_px; /* at the normal writing size */
    int tag_h, need;      /* the tag's height, and the half's, at the person's */
} HalfSizes;

static HalfSizes half_sizes(const UiBuild *b, UiRect normal, int tag_h, UiString tag, const SurveyText *words,
                            bool image, int max_px)
{
    char text[UI_TEXT_SIZE];
    HalfSizes h = {0, 0, 0, 0};
    UiRect inner = layout_inset(normal, b->gap * 2);
    if (image)
        layout_take_left(&inner, inner.h, b->gap * 2);
    tagged(text, sizeof text, NULL, screen_text(b, words));
    h.tag_h = screen_grown_text(b, screen_word(b, tag), inner.w, tag_h, max_px < b->unit / 2 ? max_px : b->unit / 2, true,
                                &h.tag_px);
    int words_h = screen_grown_text(b, text, inner.w, inner.h - tag_h, max_px, false, &h.words_px);
    h.need = h.tag_h + words_h + 4 * b->gap;
    return h;
}

static void card_half(UiBuild *b, const char *id, UiRect r, const HalfSizes *sizes, UiString tag,
                      const SurveyText *words, const char *image, const SurveyText *audio, int side)
{
    char spoken[UI_TEXT_SIZE], text[UI_TEXT_SIZE];
    UiElement *el = ui_elements_add(b->els, UI_ROW, id, r);
    if (!el)
        return;
    tagged(spoken, sizeof spoken, screen_word(b, tag), screen_text(b, words));
    ui_element_set_text(el, spoken); /* a row speaks its text; what it writes is on top */
    screen_recorded_prompt(b, audio, el->audio);
    UiRect inner = layout_inset(r, b->gap * 2);
    if (image && image[0]) {  /* the symbol as large as in the card of the normal writing size */
        UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL,
                                         layout_square_in(layout_take_left(&inner, side, b->gap * 2), side));
        if (sym)
            screen_survey_symbol(b, image, sym->symbol);
    }
    UiElement *t = screen_heading(b, layout_take_top(&inner, sizes->tag_h, 0), screen_word(b, tag));
    if (t) {
        t->flags |= UI_ALIGN_LEFT | UI_MUTED;
        t->text_min_px = t->text_max_px = sizes->tag_px;
    }
    tagged(text, sizeof text, NULL, screen_text(b, words));
    UiElement *w = screen_body(b, inner, text);
    if (w) {
        w->flags |= UI_ALIGN_LEFT;
        w->text_min_px = w->text_max_px = sizes->words_px;
    }
}

/* The card's halves in `area`: side by side on a wide card, what was said
 * over what was done otherwise. */
static bool card_halves(const UiBuild *b, UiRect area, UiRect *said, UiRect *did, UiRect *between)
{
    bool side_by_side = area.w >= area.h * 3;
    *said = side_by_side ? layout_take_left(&area, area.w / 3, b->gap * 2)  /* what was done says more */
                         : layout_take_top(&area, area.h * 2 / 5, b->gap * 2);
    if (side_by_side)
        *between = layout_take_left(&area, b->unit * 2 / 3, b->gap * 2);
    *did = area;
    return side_by_side;
}

/* The card's sizes, from the card of the normal writing size `normal`:
 * the two halves', the symbol's side, and the height the card needs. */
typedef struct {
    HalfSizes said, did;
    int side, need;
    int said_h;  /* stacked: what was said's height */
} CardSizes;

static CardSizes card_sizes_at(const UiBuild *b, UiRect normal, const SurveyYouSaid *y, int max_px)
{
    UiRect said, did, between;
    bool side_by_side = card_halves(b, normal, &said, &did, &between);
    int tag_h = layout_inset(said, b->gap * 2).h / 3;
    if (tag_h < b->unit * 3 / 4)
        tag_h = b->unit * 3 / 4;  /* a line of the tallest script (Urdu's Nastaliq) at the smallest size */
    bool image = y->image && y->image[0];
    CardSizes c = {half_sizes(b, said, tag_h, STR_YOU_SAID, &y->said, false, max_px),
                   half_sizes(b, did, tag_h, STR_WE_DID, &y->did, image, max_px), layout_inset(did, b->gap * 2).h, 0, 0};
    c.said.tag_h = c.did.tag_h = c.said.tag_h > c.did.tag_h ? c.said.tag_h : c.did.tag_h;
    int said_h = c.said.need > said.h ? c.said.need : said.h, did_h = c.did.need > did.h ? c.did.need : did.h;
    c.need = side_by_side ? (said_h > did_h ? said_h : did_h) : said_h + did_h + b->gap * 2;
    c.said_h = said_h;
    return c;
}

/* The card's sizes found afresh: its words smaller than they fit the
 * normal card at where at the largest writing size they would make the
 * card taller than `most` (the screen's own words keep room). */
static CardSizes card_sizes_found(const UiBuild *b, UiRect normal, const SurveyYouSaid *y, int most)
{
    UiBuild largest = *b;
    largest.metrics.text_pct = 150;
    int max_px = b->unit * 3 / 5;
    while (max_px > b->unit / 4 && card_sizes_at(&largest, normal, y, max_px).need > most)
        max_px -= b->unit / 20 > 1 ? b->unit / 20 : 1;
    return card_sizes_at(b, normal, y, max_px > b->unit / 4 ? max_px : b->unit / 4);
}

enum { CACHE_ENTRIES = 64 };

typedef struct {
    char *key;        /* NULL: empty */
    unsigned long used; /* the cache's clock at its last use, for least-recently-used */
    CardSizes sizes;
} CacheEntry;

struct YouSaidCache {
    CacheEntry entries[CACHE_ENTRIES];
    unsigned long clock;
};

YouSaidCache *yousaid_cache_new(void)
{
    return calloc(1, sizeof(YouSaidCache));
}

void yousaid_cache_free(YouSaidCache *cache)
{
    if (!cache)
        return;
    for (int i = 0; i < CACHE_ENTRIES; i++)
        free(cache->entries[i].key);
    free(cache);
}

/* What a card's sizes depend on, as one string: the screen's measures and
 * writing size, the card's, its language and every word it shows. */
static void cache_key(const UiBuild *b, UiRect normal, const SurveyYouSaid *y, int most, char *out, size_t size)
{
    snprintf(out, size, "%d %d %d %d %d %d %d %d %d %d %s\x1f%s\x1f%s\x1f%s\x1f%s", b->unit, b->gap,
             b->metrics.text_pct, b->metrics.rtl, b->portrait, normal.w, normal.h, most, b->screen.w,
             y->image && y->image[0], b->language_code ? b->language_code : "", screen_word(b, STR_YOU_SAID),
             screen_word(b, STR_WE_DID), screen_text(b, &y->said), screen_text(b, &y->did));
}

/* The sizes kept for `key`, or NULL. */
static const CardSizes *cache_find(YouSaidCache *cache, const char *key)
{
    for (int i = 0; cache && i < CACHE_ENTRIES; i++)
        if (cache->entries[i].key && strcmp(cache->entries[i].key, key) == 0) {
            cache->entries[i].used = ++cache->clock;
            return &cache->entries[i].sizes;
        }
    return NULL;
}

/* Keeps `sizes` for `key` in place of the entry used least lately. */
static void cache_keep(YouSaidCache *cache, const char *key, const CardSizes *sizes)
{
    if (!cache)
        return;
    CacheEntry *e = &cache->entries[0];
    for (int i = 1; i < CACHE_ENTRIES && e->key; i++)
        if (!cache->entries[i].key || cache->entries[i].used < e->used)
            e = &cache->entries[i];
    char *copy = strdup(key);
    if (!copy)
        return;  /* out of memory: found again next time */
    free(e->key);
    *e = (CacheEntry){copy, ++cache->clock, *sizes};
}

/* The card's sizes; its words smaller than they fit the normal card at
 * where at the largest writing size they would make the card taller than
 * `most` (the screen's own words keep room). Kept in b's cache. */
static CardSizes card_sizes(const UiBuild *b, UiRect normal, const SurveyYouSaid *y, int most)
{
    char key[UI_TEXT_SIZE * 4 + 128];
    cache_key(b, normal, y, most, key, sizeof key);
    const CardSizes *kept = cache_find(b->yousaid_cache, key);
    if (kept)
        return *kept;
    CardSizes c = card_sizes_found(b, normal, y, most);
    cache_keep(b->yousaid_cache, key, &c);
    return c;
}
static void card(UiBuild *b, UiRect area, const SurveyYouSaid *y, const CardSizes *c)
{
    UiRect said, did, between;
    if (card_halves(b, area, &said, &did, &between)) {  /* an arrow from what was said to what was done */
        UiElement *arrow = ui_elements_add(b->els, UI_MINI, NULL, layout_square_in(between, between.w));
        if (arrow)
            screen_builtin_symbol(b, b->metrics.rtl ? "back" : "next", arrow->symbol);
    } else {  /* one above the other: what was said as tall as its words need */
        said = layout_take_top(&area, c->said_h, b->gap * 2);
        did = area;
    }
    card_half(b, "yousaid", said, &c->said, STR_YOU_SAID, &y->said, NULL, &y->audio, 0);
    card_half(b, "wedid", did, &c->did, STR_WE_DID, &y->did, y->image, &y->audio, c->side);
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

/* The card's height in `area`: the tallest any item needs (so the screen
 * around it stays put as the items take turns), at least its share. */
static int card_height(const UiBuild *b, UiRect area, int portrait_pct, int landscape_pct)
{
    int normal = area.h * (b->portrait ? portrait_pct : landscape_pct) / 100, h = normal;
    for (int i = 0; i < b->survey->n_yousaid; i++) {
        CardSizes c = card_sizes(b, layout_rect(area.x, area.y, area.w, normal), &b->survey->yousaid[i], area.h * CARD_MOST_PCT / 100);
        h = c.need > h ? c.need : h;
    }
    return h;
}

int screen_yousaid_card_height(const UiBuild *b, UiRect area, int portrait_pct, int landscape_pct)
{
    int item = flow_yousaid(b->flow);
    if (item < 0 || item >= b->survey->n_yousaid)
        return 0;
    return card_height(b, area, portrait_pct, landscape_pct) + b->gap * 3;
}

bool screen_yousaid_card(UiBuild *b, UiRect *area, int portrait_pct, int landscape_pct, char *words,
                         size_t size)
{
    int item = flow_yousaid(b->flow);
    words[0] = '\0';
    if (item < 0)
        return false;
    if (item >= b->survey->n_yousaid)
        return true;
    const SurveyYouSaid *y = &b->survey->yousaid[item];
    int normal = area->h * (b->portrait ? portrait_pct : landscape_pct) / 100;
    CardSizes c = card_sizes(b, layout_rect(area->x, area->y, area->w, normal), y, area->h * CARD_MOST_PCT / 100);
    card(b, layout_take_bottom(area, card_height(b, *area, portrait_pct, landscape_pct), b->gap * 3), y, &c);
    prompt_words(b, &b->survey->yousaid[item], words, size);
    return true;
}

void screen_yousaid_words(const UiBuild *b, char *words, size_t size)
{
    int item = flow_yousaid(b->flow);
    words[0] = '\0';
    if (item >= 0 && item < b->survey->n_yousaid)
        prompt_words(b, &b->survey->yousaid[item], words, size);
}
