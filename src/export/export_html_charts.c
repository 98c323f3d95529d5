/* export_html_charts.c: the HTML report's charts, drawn as inline SVG.
 *
 * SVG keeps the report one file that needs no script, scales to any
 * screen, and prints: browsers leave CSS backgrounds out of a printout, but
 * an SVG's fills are the drawing itself. Every chart says what it shows in
 * words too (segment counts written on the bars, legends, aria-label and
 * title for screen readers and hover), and segments differ by pattern as
 * well as colour, so nothing rests on telling colours apart. Sizes are in
 * each chart's own viewBox units; the page's stylesheet scales them. */
#include "export/export_html_internal.h"

#include <string.h>

#define HTML_INK "#1A1A1A"
#define HTML_TRACK "#E6EAF0"
#define HTML_BLUE "#0B4AA2"
#define HTML_WOOD "#6D4C41"

/* ---- fills ---- */

/* Defines the pattern of `seg` as id `id` (nothing for a solid fill). */
static void pattern_def(HtmlOut *h, const char *id, const HtmlSegment *seg)
{
    static const char *const marks[] = {
        [HTML_SOLID] = "",
        [HTML_STRIPES] = "<rect width=\"3\" height=\"8\" fill=\"#FFFFFF\" fill-opacity=\"0.5\"/>",
        [HTML_DOTS] = "<circle cx=\"4\" cy=\"4\" r=\"1.8\" fill=\"#FFFFFF\" fill-opacity=\"0.65\"/>",
        [HTML_CROSS] = "<rect width=\"2\" height=\"8\" fill=\"#FFFFFF\" fill-opacity=\"0.5\"/>"
                       "<rect width=\"8\" height=\"2\" fill=\"#FFFFFF\" fill-opacity=\"0.5\"/>",
    };
    if (seg->pattern == HTML_SOLID)
        return;
    fprintf(h->out,
            "<pattern id=\"%s\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"%s>"
            "<rect width=\"8\" height=\"8\" fill=\"%s\"/>%s</pattern>",
            id, seg->pattern == HTML_DOTS ? "" : " patternTransform=\"rotate(45)\"", seg->colour,
            marks[seg->pattern]);
}

/* The fill attribute's value for `seg`, whose pattern (if any) is `id`. */
static void fill_of(char *out, size_t size, const char *id, const HtmlSegment *seg)
{
    if (seg->pattern == HTML_SOLID)
        snprintf(out, size, "%s", seg->colour);
    else
        snprintf(out, size, "url(#%s)", id);
}

static void title_tag(HtmlOut *h, const char *title)
{
    if (!title || !title[0])
        return;
    fputs("<title>", h->out);
    html_text(h, title);
    fputs("</title>", h->out);
}

/* ---- bars ---- */

void html_bar(HtmlOut *h, int count, int max, const char *colour, const char *title)
{
    double w = max > 0 ? 300.0 * count / max : 0;
    if (count > 0 && w < 3)
        w = 3;  /* a count of one still shows */
    fputs("<svg class=\"bar\" viewBox=\"0 0 300 20\" preserveAspectRatio=\"none\" aria-hidden=\"true\" "
          "focusable=\"false\">", h->out);
    title_tag(h, title);
    fprintf(h->out, "<rect width=\"300\" height=\"20\" fill=\"%s\"/>", HTML_TRACK);
    if (w > 0)
        fprintf(h->out, "<rect width=\"%.1f\" height=\"20\" fill=\"%s\"/>", w, colour);
    fputs("</svg>", h->out);
}

void html_stack(HtmlOut *h, const HtmlSegment *segs, int n, int total, int width, const char *label)
{
    const double W = width, H = 28;
    int id = ++h->seq;
    char pid[32], fill[48];
    fprintf(h->out, "<svg class=\"stack\" viewBox=\"0 0 %g %g\" role=\"img\" aria-label=\"", W, H);
    html_text(h, label);
    fputs("\">", h->out);
    title_tag(h, label);
    fputs("<defs>", h->out);
    for (int i = 0; i < n; i++) {
        snprintf(pid, sizeof pid, "s%d-%d", id, i);
        pattern_def(h, pid, &segs[i]);
    }
    fprintf(h->out, "</defs><rect x=\"0.5\" y=\"0.5\" width=\"%g\" height=\"%g\" fill=\"#FFFFFF\" "
            "stroke=\"#8A8A8A\"/>", W - 1, H - 1);
    double x = 0;
    for (int i = 0; i < n && total > 0; i++) {
        double w = W * segs[i].count / total;
        if (w <= 0)
            continue;
        snprintf(pid, sizeof pid, "s%d-%d", id, i);
        fill_of(fill, sizeof fill, pid, &segs[i]);
        fprintf(h->out, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%g\" fill=\"%s\" stroke=\"%s\"/>",
                x, w, H, fill, HTML_INK);
        int digits = segs[i].count >= 100 ? 3 : segs[i].count >= 10 ? 2 : 1;
        if (w >= digits * 10 + 8)
            fprintf(h->out, "<text class=\"seg\" x=\"%.1f\" y=\"20\" text-anchor=\"middle\">%d</text>",
                    x + w / 2, segs[i].count);
        x += w;
    }
    fputs("</svg>", h->out);
}

void html_legend(HtmlOut *h, const HtmlSegment *segs, int n, bool with_counts)
{
    fputs("<ul class=\"legend\">", h->out);
    for (int i = 0; i < n; i++) {
        char pid[32], fill[48];
        snprintf(pid, sizeof pid, "k%d", ++h->seq);
        fill_of(fill, sizeof fill, pid, &segs[i]);
        fputs("<li><svg class=\"swatch\" width=\"20\" height=\"20\" viewBox=\"0 0 20 20\" aria-hidden=\"true\" "
              "focusable=\"false\"><defs>", h->out);
        pattern_def(h, pid, &segs[i]);
        fprintf(h->out, "</defs><rect x=\"1\" y=\"1\" width=\"18\" height=\"18\" fill=\"%s\" stroke=\"%s\"/></svg> ",
                fill, HTML_INK);
        html_picture(h, segs[i].image, 32, segs[i].label, false, 0, 0);
        html_text(h, segs[i].label);
        if (with_counts)
            fprintf(h->out, " <strong>%d</strong>", segs[i].count);
        fputs("</li>", h->out);
    }
    fputs("</ul>", h->out);
}

/* ---- the ladder ---- */

/* The number of characters (code points) in the first `len` bytes of `s`. */
static int utf8_count(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Breaks `s` at spaces into at most two lines of about `max` characters;
 * returns the number of lines. The second line holds whatever is left. */
static int wrap2(const char *s, int max, char lines[2][256])
{
    size_t len = strlen(s), cut = 0;
    snprintf(lines[0], 256, "%s", s);
    lines[1][0] = '\0';
    if (utf8_count(s, len) <= max)
        return 1;
    for (size_t i = 1; i < len; i++)
        if (s[i] == ' ' && utf8_count(s, i) <= max)
            cut = i;
    if (cut == 0)
        return 1;
    snprintf(lines[0], 256, "%.*s", (int)cut, s);
    snprintf(lines[1], 256, "%s", s + cut + 1);
    return 2;
}

static void svg_label(HtmlOut *h, double x, double mid_y, const char *label)
{
    char lines[2][256];
    int n = wrap2(label, 28, lines);
    double y = n == 1 ? mid_y + 6 : mid_y - 5;
    fprintf(h->out, "<text class=\"rung\" x=\"%g\" y=\"%g\">", x, y);
    for (int i = 0; i < n; i++) {
        fprintf(h->out, "<tspan x=\"%g\" dy=\"%d\">", x, i == 0 ? 0 : 21);
        html_text(h, lines[i]);
        fputs("</tspan>", h->out);
    }
    fputs("</text>", h->out);
}

/* One rung's content: symbol, label, bar and count, in the row at `y`. */
static void ladder_row(HtmlOut *h, const HtmlRung *rung, double y, double row_h, int reached,
                       const char *border)
{
    const double bar_x = 390, bar_w = 200;
    double mid = y + row_h / 2;
    char pct[16];
    fprintf(h->out, "<rect x=\"24\" y=\"%g\" width=\"672\" height=\"%g\" rx=\"6\" fill=\"#FFFFFF\" "
            "stroke=\"%s\" stroke-width=\"3\"%s/>", y + 6, row_h - 12, HTML_WOOD, border);
    html_picture(h, rung->image, 44, rung->label, true, 36, mid - 22);
    svg_label(h, 92, mid, rung->label);
    double w = reached > 0 ? bar_w * rung->count / reached : 0;
    fprintf(h->out, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"20\" fill=\"%s\"/>", bar_x, mid - 10,
            bar_w, HTML_TRACK);
    if (w > 0)
        fprintf(h->out, "<rect x=\"%g\" y=\"%g\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>", bar_x,
                mid - 10, w < 3 ? 3 : w, HTML_BLUE);
    html_percent(pct, sizeof pct, rung->count, reached);
    fprintf(h->out, "<text class=\"count\" x=\"684\" y=\"%g\" text-anchor=\"end\">%d · %s</text>", mid + 6,
            rung->count, pct);
}

void html_ladder(HtmlOut *h, const HtmlRung *rungs, int n, const HtmlRung *beside, int reached,
                 const char *label)
{
    const double row_h = 72, top = 14;
    double rails_end = top + n * row_h + 10;
    double height = rails_end + (beside ? row_h + 40 : 4);
    fprintf(h->out, "<svg class=\"ladder\" viewBox=\"0 0 720 %g\" role=\"img\" aria-label=\"", height);
    html_text(h, label);
    fputs("\">", h->out);
    title_tag(h, label);
    fprintf(h->out, "<rect x=\"10\" y=\"2\" width=\"14\" height=\"%g\" rx=\"4\" fill=\"%s\"/>"
            "<rect x=\"696\" y=\"2\" width=\"14\" height=\"%g\" rx=\"4\" fill=\"%s\"/>",
            rails_end, HTML_WOOD, rails_end, HTML_WOOD);
    for (int i = 0; i < n; i++)  /* rungs[0] is the lowest: drawn last, at the bottom */
        ladder_row(h, &rungs[i], top + (n - 1 - i) * row_h, row_h, reached, "");
    if (beside) {
        double y = rails_end + 28;
        fprintf(h->out, "<text class=\"aside\" x=\"24\" y=\"%g\">Beside the ladder</text>", y - 6);
        ladder_row(h, beside, y - 4, row_h, reached, " stroke-dasharray=\"8 6\"");
    }
    fputs("</svg>", h->out);
}

/* ---- columns ---- */

void html_columns(HtmlOut *h, const char *const *labels, const int *counts, int n,
                  const char *label)
{
    const double W = 720, left = 16, right = 704, base = 170, tall = 130;
    int max = 0;
    for (int i = 0; i < n; i++)
        max = counts[i] > max ? counts[i] : max;
    double slot = n > 0 ? (right - left) / n : 0;
    double bar = slot * 0.7 > 56 ? 56 : slot * 0.7;
    int every = n > 14 ? (n + 13) / 14 : 1;  /* at most about 14 labels under the axis */
    fprintf(h->out, "<svg class=\"columns\" viewBox=\"0 0 %g 204\" role=\"img\" aria-label=\"", W);
    html_text(h, label);
    fputs("\">", h->out);
    title_tag(h, label);
    for (int i = 0; i < n; i++) {
        double cx = left + slot * i + slot / 2;
        double bh = max > 0 ? tall * counts[i] / max : 0;
        if (counts[i] > 0 && bh < 2)
            bh = 2;
        fprintf(h->out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                cx - bar / 2, base - bh, bar, bh, HTML_BLUE);
        if (n <= 40 && counts[i] > 0)
            fprintf(h->out, "<text class=\"count\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>", cx,
                    base - bh - 6, counts[i]);
        if (i % every == 0) {
            fprintf(h->out, "<text class=\"tick\" x=\"%.1f\" y=\"%g\" text-anchor=\"middle\">", cx, base + 22);
            html_text(h, labels[i]);
            fputs("</text>", h->out);
        }
    }
    fprintf(h->out, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\" stroke-width=\"2\"/></svg>",
            left, base, right, base, HTML_INK);
}
