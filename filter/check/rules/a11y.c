/* a11y.c — accessible before it is published: the a11y-* rules (docs/accessibility.md).
 * The facts were noticed while reading (read/a11y.c, each style resolved once); this file
 * decides and words them, following what LibreOffice's own checker decides
 * (sw/source/core/access/AccessibilityCheck.cxx) where it has a check. */
#include "check/rules/rules.h"

#include <ctype.h>
#include <strings.h>

/* ------------------------------------------------------------------ contrast */

/* sRGB channel values 0..255 made linear, WCAG 2.2's formula: c/12.92 below 0.04045, else
 * ((c + 0.055)/1.055)^2.4 (computed once into this table: the library needs no libm). */
static const double srgb_linear[256] = {
    0.0000000000, 0.0003035270, 0.0006070540, 0.0009105810, 0.0012141079, 0.0015176349,
    0.0018211619, 0.0021246889, 0.0024282159, 0.0027317429, 0.0030352698, 0.0033465358,
    0.0036765073, 0.0040247170, 0.0043914420, 0.0047769535, 0.0051815167, 0.0056053916,
    0.0060488330, 0.0065120908, 0.0069954102, 0.0074990320, 0.0080231930, 0.0085681256,
    0.0091340587, 0.0097212173, 0.0103298230, 0.0109600940, 0.0116122452, 0.0122864884,
    0.0129830323, 0.0137020830, 0.0144438436, 0.0152085144, 0.0159962934, 0.0168073758,
    0.0176419545, 0.0185002201, 0.0193823610, 0.0202885631, 0.0212190104, 0.0221738848,
    0.0231533662, 0.0241576324, 0.0251868596, 0.0262412219, 0.0273208916, 0.0284260395,
    0.0295568344, 0.0307134437, 0.0318960331, 0.0331047666, 0.0343398068, 0.0356013149,
    0.0368894504, 0.0382043716, 0.0395462353, 0.0409151969, 0.0423114106, 0.0437350293,
    0.0451862044, 0.0466650863, 0.0481718242, 0.0497065660, 0.0512694584, 0.0528606470,
    0.0544802764, 0.0561284900, 0.0578054302, 0.0595112382, 0.0612460542, 0.0630100177,
    0.0648032667, 0.0666259386, 0.0684781698, 0.0703600957, 0.0722718507, 0.0742135684,
    0.0761853815, 0.0781874218, 0.0802198203, 0.0822827071, 0.0843762115, 0.0865004620,
    0.0886555863, 0.0908417112, 0.0930589628, 0.0953074666, 0.0975873471, 0.0998987282,
    0.1022417331, 0.1046164841, 0.1070231030, 0.1094617108, 0.1119324278, 0.1144353738,
    0.1169706678, 0.1195384280, 0.1221387722, 0.1247718176, 0.1274376804, 0.1301364767,
    0.1328683216, 0.1356333297, 0.1384316150, 0.1412632911, 0.1441284709, 0.1470272665,
    0.1499597898, 0.1529261520, 0.1559264637, 0.1589608351, 0.1620293756, 0.1651321945,
    0.1682694002, 0.1714411007, 0.1746474037, 0.1778884160, 0.1811642442, 0.1844749945,
    0.1878207723, 0.1912016827, 0.1946178304, 0.1980693196, 0.2015562538, 0.2050787364,
    0.2086368701, 0.2122307574, 0.2158605001, 0.2195261997, 0.2232279573, 0.2269658735,
    0.2307400485, 0.2345505822, 0.2383975738, 0.2422811225, 0.2462013267, 0.2501582847,
    0.2541520943, 0.2581828529, 0.2622506575, 0.2663556048, 0.2704977910, 0.2746773121,
    0.2788942635, 0.2831487404, 0.2874408377, 0.2917706498, 0.2961382708, 0.3005437944,
    0.3049873141, 0.3094689228, 0.3139887134, 0.3185467781, 0.3231432091, 0.3277780981,
    0.3324515363, 0.3371636150, 0.3419144249, 0.3467040564, 0.3515325995, 0.3564001441,
    0.3613067798, 0.3662525956, 0.3712376805, 0.3762621230, 0.3813260114, 0.3864294338,
    0.3915724777, 0.3967552307, 0.4019777798, 0.4072402119, 0.4125426135, 0.4178850708,
    0.4232676700, 0.4286904966, 0.4341536362, 0.4396571738, 0.4452011945, 0.4507857828,
    0.4564110232, 0.4620769997, 0.4677837961, 0.4735314961, 0.4793201831, 0.4851499401,
    0.4910208498, 0.4969329951, 0.5028864580, 0.5088813209, 0.5149176654, 0.5209955732,
    0.5271151257, 0.5332764040, 0.5394794890, 0.5457244614, 0.5520114015, 0.5583403896,
    0.5647115057, 0.5711248295, 0.5775804404, 0.5840784179, 0.5906188409, 0.5972017884,
    0.6038273389, 0.6104955708, 0.6172065624, 0.6239603917, 0.6307571363, 0.6375968740,
    0.6444796820, 0.6514056374, 0.6583748173, 0.6653872983, 0.6724431570, 0.6795424696,
    0.6866853124, 0.6938717613, 0.7011018919, 0.7083757799, 0.7156935005, 0.7230551289,
    0.7304607401, 0.7379104088, 0.7454042095, 0.7529422168, 0.7605245047, 0.7681511472,
    0.7758222183, 0.7835377915, 0.7912979403, 0.7991027380, 0.8069522577, 0.8148465722,
    0.8227857544, 0.8307698768, 0.8387990117, 0.8468732315, 0.8549926081, 0.8631572135,
    0.8713671192, 0.8796223969, 0.8879231179, 0.8962693534, 0.9046611744, 0.9130986518,
    0.9215818563, 0.9301108584, 0.9386857285, 0.9473065367, 0.9559733532, 0.9646862479,
    0.9734452904, 0.9822505503, 0.9911020971, 1.0000000000,
};

/* WCAG 2.2's relative luminance of an sRGB colour 0xRRGGBB. */
static double luminance(int32_t rgb)
{
    return 0.2126 * srgb_linear[(rgb >> 16) & 0xFF] + 0.7152 * srgb_linear[(rgb >> 8) & 0xFF] +
           0.0722 * srgb_linear[rgb & 0xFF];
}

double og_contrast_ratio(int32_t fg, int32_t bg)
{
    double a = luminance(fg), b = luminance(bg);
    return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}

#define MIN_CONTRAST 4.5 /* WCAG 2.2 SC 1.4.3 (AA), normal text; LibreOffice's threshold */

/* ------------------------------------------------------------------ helpers */

static const char *named(const char *kind, const char *name, char *out, size_t cap)
{
    if (name && *name)
        snprintf(out, cap, "%s '%.80s'", kind, name);
    else
        snprintf(out, cap, "%s", kind);
    return out;
}

/* The characters of UTF-8 text s. */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* ------------------------------------------------------------------ links */

/* Does a hyperlink's text read as an address (a scheme, "www.", or its target)? */
static int text_is_address(const char *text, const char *href)
{
    const char *colon = strstr(text, "://");
    if (colon) {
        const char *p = text;
        while (p < colon && (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.'))
            p++;
        if (p == colon && p > text)
            return 1; /* LibreOffice: the text parses as a URL */
    }
    if (strncasecmp(text, "www.", 4) == 0 || strncasecmp(text, "mailto:", 7) == 0)
        return 1;
    const char *t = strstr(href, "://");
    t = t ? t + 3 : href;
    if (strncasecmp(t, "www.", 4) == 0)
        t += 4; /* "gov.uk/x" reads as https://www.gov.uk/x */
    size_t n = strlen(t);
    while (n && t[n - 1] == '/')
        n--;
    size_t m = strlen(text);
    while (m && text[m - 1] == '/')
        m--;
    return n && n == m && strncasecmp(t, text, n) == 0;
}

/* Texts that say nothing of where a link leads (compared without case). */
static const char *const vague_link_texts[] = {"here",      "click here", "link",     "this link",
                                               "more",      "read more",  "this",     "click",
                                               "more info", "go",         "see here", "this page"};

static void link_text(og_check *c, const og_a11y_item *it)
{
    char text[4096];
    const char *t = it->what ? it->what : "";
    const char *href = it->detail ? it->detail : "";
    while (isspace((unsigned char)*t))
        t++;
    size_t n = strlen(t);
    while (n && isspace((unsigned char)t[n - 1]))
        n--;
    if (!n)
        return; /* a linked picture: its alternative text speaks for it */
    snprintf(text, sizeof(text), "%.*s", (int)n, t);
    if (text_is_address(text, href)) {
        og_finding_at(c, OG_RULE_A11Y_LINK_TEXT, it->paragraph,
                      "the hyperlink's text is its address '%.100s': say where it leads", text);
        return;
    }
    int vague = chars(text) < 4;
    for (size_t i = 0; !vague && i < OG_ARRAY_LEN(vague_link_texts); i++)
        vague = strcasecmp(text, vague_link_texts[i]) == 0;
    if (vague)
        og_finding_at(c, OG_RULE_A11Y_LINK_TEXT, it->paragraph,
                      "the hyperlink's text '%.40s' does not say where it leads (%.100s)", text,
                      href);
}

/* ------------------------------------------------------------------ paragraphs */

/* How a paragraph typed as a list item starts: its number (1, 2 … for "1." "b)" "(3)"),
 * with the delimiter's form and the kind of number in *form; a bullet character as
 * -(code point); 0 if neither. */
static long item_start(const char *t, int *form)
{
    const unsigned char *p = (const unsigned char *)t;
    int paren = 0;
    long n = 0;
    *form = 0;
    if (*p == '(') {
        paren = 1;
        p++;
    }
    if (isdigit(*p)) {
        int digits = 0;
        while (isdigit(*p) && digits < 6) {
            n = n * 10 + (*p++ - '0');
            digits++;
        }
        *form = 1;
    } else if (isalpha(*p) && !isalpha(p[1])) {
        n = tolower(*p) - 'a' + 1;
        *form = isupper(*p) ? 2 : 3;
        p++;
    } else if (!paren) {
        /* a bullet typed: • ◦ ▪ ‣ – — · * - then a space */
        static const char *const bullets[] = {"\xE2\x80\xA2",
                                              "\xE2\x97\xA6",
                                              "\xE2\x96\xAA",
                                              "\xE2\x80\xA3",
                                              "\xE2\x80\x93",
                                              "\xE2\x80\x94",
                                              "\xC2\xB7",
                                              "*",
                                              "-",
                                              "\xEF\x82\xB7",
                                              "o"};
        for (size_t i = 0; i < OG_ARRAY_LEN(bullets); i++) {
            size_t len = strlen(bullets[i]);
            if (strncmp(t, bullets[i], len) == 0 && t[len] == ' ' && t[len + 1]) {
                *form = 10 + (int)i;
                return -1;
            }
        }
        return 0;
    } else
        return 0;
    char delim = (char)*p;
    if (paren ? delim != ')' : (delim != '.' && delim != ')'))
        return 0;
    if (p[1] != ' ' || !p[2])
        return 0; /* "1.5 million", "2.)": not an item */
    *form = *form * 4 + (paren ? 0 : delim == '.' ? 1 : 2);
    return n;
}

static int fake_numbering(og_check *c)
{
    const odfgate_doc *d = c->doc;
    long prev_n = 0;
    int prev_form = 0, told = 0;
    for (uint32_t i = 0; i < d->para_count; i++) {
        const og_para *p = &d->paras[i];
        int form = 0;
        long n = p->in_list || p->heading >= 0 ? 0 : item_start(p->text, &form);
        int follows = form && form == prev_form && (n < 0 ? prev_n < 0 : n == prev_n + 1);
        if (follows && !told) {
            og_finding_at(c, OG_RULE_A11Y_FAKE_NUMBERING, p->ordinal - 1,
                          n < 0 ? "bullets typed by hand ('%.12s'): use a bulleted list"
                                : "numbering typed by hand ('%.12s' then the next): use a "
                                  "numbered list",
                          d->paras[i - 1].text);
            told = 1; /* once for a run of such paragraphs */
        }
        if (!follows)
            told = 0;
        prev_n = n;
        prev_form = form;
    }
    return c->nomem ? -1 : 0;
}

static int empty_lines(og_check *c)
{
    const odfgate_doc *d = c->doc;
    uint32_t run = 0;
    for (uint32_t i = 0; i <= d->para_count; i++) {
        const og_para *p = i < d->para_count ? &d->paras[i] : NULL;
        if (p && !p->len && !p->drawing && !p->in_table && !p->hidden && p->heading < 0) {
            run++;
            continue;
        }
        if (run >= 2)
            og_finding_at(c, OG_RULE_A11Y_EMPTY_LINES, i - run + 1,
                          "%u empty paragraphs in a row make space: use paragraph spacing "
                          "(Format > Paragraph > Indents & Spacing) or a page break",
                          (unsigned)run);
        run = 0;
    }
    return c->nomem ? -1 : 0;
}

/* A paragraph starting with an asterisk mark ("*See the 2012 guidance."): a footnote typed by
 * hand, as LibreOffice's later checkers also say ("* " then text is a typed bullet). */
static int asterisk_notes(og_check *c)
{
    const odfgate_doc *d = c->doc;
    for (uint32_t i = 0; i < d->para_count; i++) {
        const char *t = d->paras[i].text;
        if (t[0] == '*' && t[1] && t[1] != ' ' && t[1] != '*' && d->paras[i].heading < 0)
            og_finding_at(c, OG_RULE_A11Y_FAKE_FOOTNOTE, i + 1,
                          "the paragraph starts with '*': a footnote typed by hand (Insert > "
                          "Footnote and Endnote)");
    }
    return c->nomem ? -1 : 0;
}

static int headings(og_check *c)
{
    const odfgate_doc *d = c->doc;
    int prev = 0;
    for (size_t h = 0; h < d->heading_count; h++) {
        int level = d->headings[h].level;
        if (level > prev + 1) {
            if (prev)
                og_finding_at(c, OG_RULE_A11Y_HEADING_ORDER, d->headings[h].paragraph,
                              "a heading at level %d follows one at level %d (level %d is "
                              "skipped): '%.80s'",
                              level, prev, prev + 1, d->headings[h].text);
            else
                og_finding_at(c, OG_RULE_A11Y_HEADING_ORDER, d->headings[h].paragraph,
                              "the first heading is at level %d, not 1: '%.80s'", level,
                              d->headings[h].text);
        }
        prev = level;
    }
    for (uint32_t i = 0; i < d->para_count; i++)
        if (d->paras[i].cell_level)
            og_finding_at(c, OG_RULE_A11Y_HEADING_IN_TABLE, i + 1,
                          "a heading (level %d) in a table cell: '%.80s'", d->paras[i].cell_level,
                          d->paras[i].text);
    return c->nomem ? -1 : 0;
}

static int document(og_check *c)
{
    const odfgate_doc *d = c->doc;
    const char *title = d->meta.title;
    while (title && isspace((unsigned char)*title))
        title++;
    if (!title || !*title)
        og_finding_at(c, OG_RULE_A11Y_TITLE, 0,
                      "the document has no title (File > Properties > Description > Title)");
    if (d->language != 1)
        og_finding_at(c, OG_RULE_A11Y_LANGUAGE, 0,
                      d->language == 0
                          ? "the document's default language is [None] (Tools > Options > "
                            "Language Settings > Languages, or the Default Paragraph Style)"
                          : "the document sets no default language (Tools > Options > "
                            "Language Settings > Languages, or the Default Paragraph Style)");
    return c->nomem ? -1 : 0;
}

/* ------------------------------------------------------------------ facts */

static void fact(og_check *c, const og_a11y_item *it)
{
    char what[160];
    uint32_t at = it->paragraph;
    switch (it->cls) {
    case OG_A11Y_ALT:
        og_finding_at(c, OG_RULE_A11Y_ALT_TEXT, at,
                      "%s has no alternative text (a title or description; or mark it "
                      "decorative)",
                      named(it->kind, it->what, what, sizeof(what)));
        break;
    case OG_A11Y_FLOATING:
        og_finding_at(
            c, OG_RULE_A11Y_FLOATING_TEXT, at,
            "%s floats beside the text: anchor it as a character, or move its text "
            "into the body",
            named(it->kind && strcmp(it->kind, "shape") == 0 ? "the shape" : "the text frame",
                  it->what, what, sizeof(what)));
        break;
    case OG_A11Y_LINKED_IMAGE:
        og_finding_at(c, OG_RULE_A11Y_LINKED_IMAGE, at,
                      "%s links to '%.200s', which does not exist: embed the picture",
                      named("the image", it->what, what, sizeof(what)),
                      it->detail ? it->detail : "");
        break;
    case OG_A11Y_TABLE_MERGED:
        og_finding_at(c, OG_RULE_A11Y_TABLE_MERGED, at, "%s has merged or split cells",
                      named("the table", it->what, what, sizeof(what)));
        break;
    case OG_A11Y_TABLE_EMPTY:
        og_finding_at(c, OG_RULE_A11Y_TABLE_EMPTY_CELL, at,
                      "row %d of %s has only empty cells: a table used for spacing or layout",
                      (int)it->a, named("the table", it->what, what, sizeof(what)));
        break;
    case OG_A11Y_TABLE_HEADER:
        og_finding_at(c, OG_RULE_A11Y_TABLE_HEADER, at,
                      "%s has no heading row (Table Properties > Text Flow > Repeat heading)",
                      named("the table", it->what, what, sizeof(what)));
        break;
    case OG_A11Y_LINK_TEXT: link_text(c, it); break;
    case OG_A11Y_SPACES:
        if (it->a >= 3)
            og_finding_at(c, OG_RULE_A11Y_SPACING, at,
                          "a run of %d spaces lays text out: use tab stops, indents or a table",
                          (int)it->a);
        break;
    case OG_A11Y_TABS:
        og_finding_at(c, OG_RULE_A11Y_SPACING, at,
                      "%d tabs in a row lay text out: use one tab stop, indents or a table",
                      (int)it->a);
        break;
    case OG_A11Y_COLOURS: {
        double r = og_contrast_ratio(it->a, it->b);
        if (r < MIN_CONTRAST)
            og_finding_at(c, OG_RULE_A11Y_CONTRAST, at,
                          "text in #%06X on #%06X has a contrast of %.2f:1 (at least 4.5:1)",
                          (unsigned)it->a, (unsigned)it->b, (double)(long)(r * 100) / 100);
        break;
    }
    case OG_A11Y_BLINK: og_finding_at(c, OG_RULE_A11Y_BLINKING, at, "blinking text"); break;
    case OG_A11Y_SUPER_START:
        og_finding_at(c, OG_RULE_A11Y_FAKE_FOOTNOTE, at,
                      "the paragraph starts with a superscript: a footnote typed by hand "
                      "(Insert > Footnote and Endnote)");
        break;
    case OG_A11Y_STYLE_LANG:
        og_finding_at(c, OG_RULE_A11Y_LANGUAGE, at, "%s sets the language to [None]",
                      named(it->kind ? it->kind : "paragraph style", it->what, what, sizeof(what)));
        break;
    default: break;
    }
}

int og_rules_a11y(og_check *c)
{
    const odfgate_doc *d = c->doc;
    int on = 0;
    for (og_rule r = OG_RULE_A11Y_ALT_TEXT; r <= OG_RULE_A11Y_LINKED_IMAGE; r++)
        on |= og_check_severity(c, r) != ODFGATE_SEV_OFF;
    if (!on)
        return 0;
    if (document(c) < 0 || headings(c) < 0 || fake_numbering(c) < 0 || empty_lines(c) < 0 ||
        asterisk_notes(c) < 0)
        return -1;
    for (uint32_t i = 0; i < d->a11y_count && !c->nomem; i++)
        fact(c, &d->a11y[i]);
    return c->nomem ? -1 : 0;
}
