/* export_html_parts.c: counting, ranking, escaping and inlining pictures
 * for the HTML report (see export_html_internal.h).
 *
 * The report must open with no network and no other file, so every symbol
 * is copied into it: an SVG file whole (its XML prolog dropped, its
 * opening tag given the size wanted and keeping its viewBox), any other
 * picture as a base64 data: URI (libsodium's encoder). Each picture is read
 * once and kept for the pages' other uses. A picture that could run a
 * script or fetch anything is left out rather than trusted. */
#include "export/export_html_internal.h"

#include <ctype.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HTML_PICTURE_MAX (4 * 1024 * 1024) /* larger files are left out */

/* ---- tallies ---- */

int html_tally_add(HtmlTallies *t, const char *key, int by)
{
    for (int i = 0; i < t->n; i++) {
        if (strcmp(t->items[i].key, key) == 0) {
            t->items[i].count += by;
            return 0;
        }
    }
    if (t->n == t->cap) {
        int cap = t->cap ? t->cap * 2 : 16;
        HtmlTally *items = realloc(t->items, (size_t)cap * sizeof *items);
        if (!items)
            return -1;
        t->items = items;
        t->cap = cap;
    }
    char *copy = strdup(key);
    if (!copy)
        return -1;
    t->items[t->n].key = copy;
    t->items[t->n].count = by;
    t->n++;
    return 0;
}

int html_tally_count(const HtmlTallies *t, const char *key)
{
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->items[i].key, key) == 0)
            return t->items[i].count;
    return 0;
}

int html_tally_max(const HtmlTallies *t)
{
    int max = 0;
    for (int i = 0; i < t->n; i++)
        if (t->items[i].count > max)
            max = t->items[i].count;
    return max;
}

void html_tallies_free(HtmlTallies *t)
{
    for (int i = 0; i < t->n; i++)
        free(t->items[i].key);
    free(t->items);
    t->items = NULL;
    t->n = t->cap = 0;
}

int html_rank_most_first(const void *a, const void *b)
{
    const HtmlRank *x = a, *y = b;
    return x->count != y->count ? y->count - x->count : x->index - y->index;
}

/* ---- text ---- */

void html_text(HtmlOut *h, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", h->out); break;
        case '<': fputs("&lt;", h->out); break;
        case '>': fputs("&gt;", h->out); break;
        case '"': fputs("&quot;", h->out); break;
        case '\'': fputs("&#39;", h->out); break;
        default: fputc(*s, h->out); break;
        }
    }
}

void html_percent(char *out, size_t size, int part, int whole)
{
    if (whole <= 0)
        snprintf(out, size, "–");
    else
        snprintf(out, size, "%d%%", (int)((200LL * part + whole) / (2LL * whole)));
}

/* ---- pictures ---- */

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0)
        goto done;
    long len = ftell(f);
    if (len < 0 || len > HTML_PICTURE_MAX || fseek(f, 0, SEEK_SET) != 0)
        goto done;
    data = malloc((size_t)len + 1);
    if (data && fread(data, 1, (size_t)len, f) != (size_t)len) {
        free(data);
        data = NULL;
    }
    if (data) {
        data[len] = '\0';
        *size = (size_t)len;
    }
done:
    fclose(f);
    return data;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* Whether a link at `p` (just past "href" or "url(") stays inside the
 * file: "#id" or a data: URI. */
static bool link_is_local(const char *p)
{
    while (*p == ' ' || *p == '=' || *p == '"' || *p == '\'' || *p == '(')
        p++;
    return *p == '#' || strncasecmp(p, "data:", 5) == 0;
}

/* Whether an SVG could do anything but draw: run a script (an element, an
 * on...= handler, a javascript: link), hold HTML, or fetch anything (an
 * href, a url() or an @import that leaves the file). Namespace names such
 * as xmlns="http://www.w3.org/2000/svg" are never fetched and may stay. */
static bool svg_is_unsafe(const char *svg)
{
    static const char *const never[] = {"<script", "<foreignObject", "javascript:", "@import"};
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
        if (strcasestr(svg, never[i]))
            return true;
    for (const char *p = svg; (p = strcasestr(p, "href")) != NULL; p += 4)
        if (!link_is_local(p + 4))
            return true;
    for (const char *p = svg; (p = strcasestr(p, "url(")) != NULL; p += 4)
        if (!link_is_local(p + 4))
            return true;
    for (const char *p = svg; *p; p++) {
        if (!isspace((unsigned char)p[0]) || strncasecmp(p + 1, "on", 2) != 0)
            continue;
        const char *q = p + 3;
        while (isalpha((unsigned char)*q))
            q++;
        bool named = q > p + 3;
        while (isspace((unsigned char)*q))
            q++;
        if (named && *q == '=')
            return true;
    }
    return false;
}

/* Copies the opening tag's attributes (the text between "<svg" and ">"),
 * leaving out width, height, x and y, whose places the report sets; adds a
 * viewBox from width and height when the file has none, so it scales. */
static char *svg_attrs(const char *start, const char *end)
{
    size_t cap = (size_t)(end - start) + 64;
    char *out = malloc(cap), *o = out;
    double w = 0, h = 0;
    bool has_viewbox = false;
    if (!out)
        return NULL;
    const char *p = start;
    while (p < end) {
        while (p < end && isspace((unsigned char)*p))
            p++;
        const char *name = p;
        while (p < end && *p != '=' && !isspace((unsigned char)*p) && *p != '/')
            p++;
        size_t name_len = (size_t)(p - name);
        const char *value = NULL;
        if (p < end && *p == '=' && p + 1 < end && (p[1] == '"' || p[1] == '\'')) {
            char quote = p[1];
            value = p + 2;
            p = memchr(value, quote, (size_t)(end - value));
            p = p ? p + 1 : end;
        } else if (name_len == 0) {
            p++;  /* a stray '/' or '=' */
            continue;
        }
        bool drop = (name_len == 5 && strncmp(name, "width", 5) == 0) ||
                    (name_len == 6 && strncmp(name, "height", 6) == 0) ||
                    (name_len == 1 && (name[0] == 'x' || name[0] == 'y'));
        if (name_len == 5 && strncmp(name, "width", 5) == 0 && value)
            w = atof(value);
        if (name_len == 6 && strncmp(name, "height", 6) == 0 && value)
            h = atof(value);
        has_viewbox = has_viewbox || (name_len == 7 && strncmp(name, "viewBox", 7) == 0);
        if (!drop && name_len > 0) {
            *o++ = ' ';
            memcpy(o, name, (size_t)(p - name));
            o += p - name;
        }
    }
    *o = '\0';
    if (!has_viewbox && w > 0 && h > 0)
        snprintf(o, 64, " viewBox=\"0 0 %g %g\"", w, h);
    return out;
}

/* Splits an SVG file into its opening tag's attributes and the rest. */
static bool svg_split(HtmlPicture *pic, const char *svg)
{
    const char *open = svg;
    while ((open = strstr(open, "<svg")) != NULL && !isspace((unsigned char)open[4]) && open[4] != '>')
        open += 4;
    if (!open || svg_is_unsafe(svg))
        return false;
    const char *p = open + 4, *close = NULL;
    char quote = 0;
    for (; *p && !close; p++) {
        if (quote)
            quote = *p == quote ? 0 : quote;
        else if (*p == '"' || *p == '\'')
            quote = *p;
        else if (*p == '>')
            close = p;
    }
    if (!close || close[-1] == '/')
        return false;
    size_t len = strlen(close + 1);
    while (len > 0 && isspace((unsigned char)close[len]))
        len--;
    pic->attrs = svg_attrs(open + 4, close);
    pic->body = strndup(close + 1, len);
    return pic->attrs && pic->body;
}

static const char *picture_mime(const char *path)
{
    static const char *const kinds[][2] = {
        {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
        {".gif", "image/gif"}, {".webp", "image/webp"},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (has_suffix(path, kinds[i][0]))
            return kinds[i][1];
    return NULL;
}

static char *data_uri(const char *mime, const unsigned char *data, size_t size)
{
    size_t b64 = sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL);
    size_t head = strlen("data:;base64,") + strlen(mime);
    char *uri = malloc(head + b64);
    if (!uri)
        return NULL;
    snprintf(uri, head + 1, "data:%s;base64,", mime);
    sodium_bin2base64(uri + head, b64, data, size, sodium_base64_VARIANT_ORIGINAL);
    return uri;
}

/* Reads the picture into `pic`; leaves it empty when it is not usable. */
static void picture_load(HtmlOut *h, HtmlPicture *pic)
{
    char path[4096];
    size_t size = 0;
    const char *dir = h->survey ? h->survey->dir : NULL;
    if (!survey_find_image(dir, h->symbol_dirs, pic->name, path, sizeof path))
        return;
    char *data = read_file(path, &size);
    if (!data)
        return;
    const char *mime = picture_mime(path);
    if (has_suffix(path, ".svg")) {
        if (!svg_split(pic, data)) {
            free(pic->attrs);
            free(pic->body);
            pic->attrs = pic->body = NULL;
        }
    } else if (mime) {
        pic->data_uri = data_uri(mime, (const unsigned char *)data, size);
    }
    free(data);
}

static HtmlPicture *picture_get(HtmlOut *h, const char *image)
{
    for (int i = 0; i < h->n_pictures; i++)
        if (strcmp(h->pictures[i].name, image) == 0)
            return &h->pictures[i];
    if (h->n_pictures == h->cap_pictures) {
        int cap = h->cap_pictures ? h->cap_pictures * 2 : 32;
        HtmlPicture *pictures = realloc(h->pictures, (size_t)cap * sizeof *pictures);
        if (!pictures)
            return NULL;
        h->pictures = pictures;
        h->cap_pictures = cap;
    }
    HtmlPicture *pic = &h->pictures[h->n_pictures];
    memset(pic, 0, sizeof *pic);
    pic->name = strdup(image);
    if (!pic->name)
        return NULL;
    h->n_pictures++;
    picture_load(h, pic);
    return pic;
}

void html_picture(HtmlOut *h, const char *image, int size, const char *title, bool in_svg,
                  double x, double y)
{
    HtmlPicture *pic = image && image[0] ? picture_get(h, image) : NULL;
    if (!pic || (!pic->body && !pic->data_uri))
        return;
    char place[64] = "";
    if (in_svg)
        snprintf(place, sizeof place, " x=\"%g\" y=\"%g\"", x, y);
    if (pic->data_uri) {
        fprintf(h->out, in_svg ? "<image%s width=\"%d\" height=\"%d\" aria-hidden=\"true\" href=\"%s\"/>"
                               : "<img class=\"sym\"%s width=\"%d\" height=\"%d\" alt=\"\" src=\"%s\">",
                place, size, size, pic->data_uri);
        return;
    }
    fprintf(h->out, "<svg class=\"sym\"%s width=\"%d\" height=\"%d\" aria-hidden=\"true\" focusable=\"false\"%s>",
            place, size, size, pic->attrs);
    if (title && title[0]) {
        fputs("<title>", h->out);
        html_text(h, title);
        fputs("</title>", h->out);
    }
    fputs(pic->body, h->out);
}

void html_out_free(HtmlOut *h)
{
    for (int i = 0; i < h->n_pictures; i++) {
        free(h->pictures[i].name);
        free(h->pictures[i].attrs);
        free(h->pictures[i].body);
        free(h->pictures[i].data_uri);
    }
    free(h->pictures);
    h->pictures = NULL;
    h->n_pictures = h->cap_pictures = 0;
}
