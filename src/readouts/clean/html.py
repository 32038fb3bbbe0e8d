"""HTML pages to Articles, through trafilatura.

The page date is the one a <meta> tag or JSON-LD declares (a scan of the raw
markup, names in ``data/boilerplate/page_date_meta.txt``), else, when the
Document has no ``published`` date of its own, htmldate's fast mode on the parsed
tree (about 1.5 ms a page). The page is parsed once, and
trafilatura extracts the main text (``fast=True``, comments left out). Its
paragraphs, headings, list items and quotes become blocks, and so does each table
row (its cells joined by " | "); the page title comes first as the ``title`` block.

Huge pages: markup over ``PRESTRIP_CHARS`` first loses its scripts, styles,
inline SVG, comments and base64 images (a linear scan), and
what is still over ``MAX_HTML_CHARS`` is cut at a tag boundary before parsing, so
a 20 MB page costs about as much as a 3 MB one. Article text sits in the first
megabytes of any real page.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..errors import InputError
from ..records import Article, Document
from .rules import boilerplate_rules, read_sections
from .text import MAX_CAPTION, _Line, build_article, clean_lines, normalise_line

PRESTRIP_CHARS = 1_000_000
MAX_HTML_CHARS = 3_000_000

# Inline images (base64 data URIs) can weigh megabytes in an attribute.
_DATA_URI = re.compile(r"data:[\w/+.-]{1,40};base64,[A-Za-z0-9+/=\s]{256,}")
_NOISE_START = re.compile(r"<(script|style|svg|noscript|template)\b|<!--", re.I)
_NOISE_END = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("script", "style", "svg", "noscript", "template")}
_BLOCK_TAGS = {"p", "head", "quote", "item", "cell", "code"}
_CONTAINERS = {"list", "table", "row", "div", "graphic"}


def shrink_html(html: str) -> str:
    """Markup small enough for trafilatura (see the module docstring)."""
    if len(html) > PRESTRIP_CHARS:
        html = strip_noise(html)
    if len(html) > MAX_HTML_CHARS:
        cut = html.rfind("<", 0, MAX_HTML_CHARS)
        html = html[: cut if cut > MAX_HTML_CHARS // 2 else MAX_HTML_CHARS]
    return html


def strip_noise(html: str) -> str:
    """The markup without scripts, styles, SVG, noscript, templates and comments.

    Linear in the size whatever the markup: each element is closed by a plain
    search, and one left open ends the page (a regex with ``.*?`` would rescan the
    rest of the page for every unclosed tag).
    """
    html = _DATA_URI.sub("data:,", html)
    out = []
    pos = 0
    while True:
        m = _NOISE_START.search(html, pos)
        if m is None:
            out.append(html[pos:])
            break
        out.append(html[pos:m.start()])
        if m.group(1) is None:  # a comment
            end = html.find("-->", m.end())
            pos = end + 3 if end != -1 else len(html)
        else:
            close = _NOISE_END[m.group(1).lower()].search(html, m.end())
            pos = close.end() if close else len(html)
        out.append(" ")
        if pos >= len(html):
            break
    return "".join(out)


def clean_html(doc: Document, page_date_search: bool = True) -> Article:
    """Extract the article of an HTML page; InputError(code="no-text") when there is none.

    trafilatura's paragraphs then pass the same furniture rules as plain-text
    scrapes (newsletter pitches and teasers it keeps are dropped, datelines and
    credits labelled); figure captions inside the page's <article> or <main>
    (which trafilatura leaves out) follow the title as ``caption`` blocks.
    """
    html = shrink_html(doc.content)
    tree = parse_html(html)
    if tree is None:
        raise InputError(f"{doc.id}: the page cannot be parsed as HTML.", code="no-text")
    # htmldate only when the caller did not give the date: it is the costly half of the lookup
    # (the pipeline defers it to pages that may report an engagement: find_page_date)
    page_date = meta_date(html) or (None if doc.published or not page_date_search else _page_date(tree, doc.url))
    title = _title(tree)
    captions = _figure_captions(tree)  # before trafilatura, which prunes the tree it is given
    try:
        body, language = extract_body(tree, doc.url)
    except Exception as exc:  # trafilatura on a tree it cannot walk: this page's problem, not the batch's
        raise InputError(f"{doc.id}: trafilatura could not read the page ({type(exc).__name__}: {exc}).",
                         code="no-text") from None
    lines: list[str] = []
    if body is not None:
        _walk(body, lines)
    if not any(line.strip() for line in lines):
        raise InputError(f"{doc.id}: no article text was found in the page.", code="no-text")
    kept, dropped = clean_lines(lines, boilerplate_rules(), title=title or None, normalised=True)
    if (len(kept) > 1 and kept[0].kind == "title" and kept[1].kind == "paragraph"
            and kept[1].text in kept[0].text and len(kept[1].text) >= 0.4 * len(kept[0].text)):
        # the <h1> inside a longer <title> ("Headline | Site"): the headline is the title
        kept[1].kind = "title"
        title = kept[1].text
        del kept[0]
        dropped += 1
    if captions:
        at = 1 if kept and kept[0].kind == "title" else 0
        known = {x.text.casefold() for x in kept}
        extra = [_Line(c, "caption") for c in dict.fromkeys(captions) if c.casefold() not in known]
        kept[at:at] = extra
    if not any(x.kind != "title" for x in kept):
        raise InputError(f"{doc.id}: no article text was left in the page after cleaning.", code="no-text")
    return build_article(doc, kept, dropped, page_date=page_date, title=title, language=language)


def parse_html(html: str):
    """``trafilatura.utils.load_html(html)`` for decoded markup, the same tree got about
    twice as fast: lxml is handed the markup's UTF-8 bytes (its parser is told the
    encoding) instead of the str, which libxml2 reads through a slower conversion; and
    the parser (trafilatura's options) gives elements their lxml.html classes without a
    Python call per element (``_html_parser``).

    The steps are those of ``load_html`` in the releases of ``_SEQUENCE_TESTED`` (the
    same repair of the markup, the same parser, the same check of a dubious page, logged
    as trafilatura logs it); whenever the bytes would not be parsed as the str would (a
    lone surrogate, white space before ``<html`` that only Unicode calls white space) or
    the parse fails or finds nothing, ``load_html`` itself runs, as it does with other
    releases. tests/test_fast_paths.py compares the trees."""
    import trafilatura
    from trafilatura import utils

    if trafilatura.__version__ not in _SEQUENCE_TESTED:
        return utils.load_html(html)
    from lxml.html import fromstring

    beginning = html[:50].lower()
    check_flag = utils.is_dubious_html(beginning)
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return utils.load_html(html)
    if data.translate(None, _NOT_INVALID_XML) or "\ufffe" in html or "\uffff" in html:
        return utils.load_html(html)  # characters XML cannot hold (utils.INVALID_XML_CHARS): rare
    repaired = _repair_faulty_html(html, beginning)
    if repaired != html:
        data = repaired.encode("utf-8")
    if bool(_FULL_HTML_STR(repaired)) != bool(_FULL_HTML_BYTES(data)):
        return utils.load_html(html)
    try:
        tree = fromstring(data, parser=_html_parser())
    except Exception:
        return utils.load_html(html)
    if tree is None or len(tree) < 1:
        return utils.load_html(html)
    if check_flag is True and len(tree) < 2:
        utils.LOGGER.error("parsed tree length: %s, wrong data type or not valid HTML", len(tree))
        return None
    return tree


# The bytes of UTF-8 text but the control characters of trafilatura's INVALID_XML_CHARS
# (``[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]``; a byte above 127 is never one of them):
# ``data.translate(None, _NOT_INVALID_XML)`` keeps only those, in C.
_NOT_INVALID_XML = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 13)))


def _repair_faulty_html(htmlstring: str, beginning: str) -> str:
    """``trafilatura.utils.repair_faulty_html`` for markup without INVALID_XML_CHARS (its
    first step, removing them, would change nothing: the regex scan of the whole page
    cost as much as a third of the parse)."""
    from trafilatura import utils

    if "doctype" in beginning:
        firstline, _, rest = htmlstring.partition("\n")
        htmlstring = utils.DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in htmlstring[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            htmlstring = utils.FAULTY_HTML.sub(r"\1>", htmlstring, count=1)
            break
    return htmlstring


@lru_cache(maxsize=1)
def _html_parser():
    """trafilatura's ``utils.HTML_PARSER`` (the same options) with lxml.html's classes of
    elements assigned by lxml itself: lxml.html's own lookup is a Python method, called
    for every element object made while the page is read (about a million times over the
    431 web pages, some 3% of their cleaning). Elements get the same classes: FormElement,
    InputElement, SelectElement, TextareaElement and LabelElement by (lower-case) tag
    name, as lxml.html does, HtmlElement for the others, and lxml.html's classes for
    comments, processing instructions and entities."""
    from lxml import etree, html as lxml_html
    from trafilatura import utils

    classes = getattr(lxml_html.HtmlElementClassLookup, "_default_element_classes", None)
    if not isinstance(classes, dict):  # another lxml: its own lookup, through trafilatura's parser
        return utils.HTML_PARSER
    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
    by_tag = lookup.get_namespace(None)
    for tag, cls in classes.items():
        by_tag[tag] = cls
    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(lookup)
    return parser


# lxml.html.fromstring's test of a whole page, for the str and for its bytes
_FULL_HTML_STR = re.compile(r"^\s*<(?:html|!doctype)", re.I).match
_FULL_HTML_BYTES = re.compile(rb"^\s*<(?:html|!doctype)", re.I).match


# The trafilatura releases whose ``bare_extraction`` ``extract_body`` repeats step by step
# (tests/test_clean.py checks that both give the same body); others get bare_extraction itself.
_SEQUENCE_TESTED = frozenset({"2.3.1"})


def extract_body(tree, url: str | None):
    """trafilatura's main text of a parsed page, ``(body, language)``: what
    ``bare_extraction(tree, url=url, include_comments=False, fast=True)`` gives, without
    the two things it does that readouts does not need: a deep copy of the tree it is
    handed (as costly as a parse: readouts has read what it needs from the tree by
    then, so trafilatura may prune it) and the plain-text rendering of the body
    (readouts walks the body itself). ``(None, None)`` when trafilatura finds no text.

    The steps are those of ``bare_extraction`` for these options (no metadata, no
    language filter, no deduplication, no prune expressions) in the releases listed in
    ``_SEQUENCE_TESTED``; with any other release, ``bare_extraction`` itself runs.
    """
    import trafilatura

    if trafilatura.__version__ not in _SEQUENCE_TESTED:
        result = trafilatura.bare_extraction(tree, url=url, include_comments=False, fast=True, output_format="txt")
        if result is None:
            return None, None
        return getattr(result, "body", None), getattr(result, "language", None)
    from lxml.etree import strip_tags
    from trafilatura.core import trafilatura_sequence
    from trafilatura.settings import DEFAULT_CONFIG, Extractor

    options = Extractor(config=DEFAULT_CONFIG, output_format="txt", fast=True, comments=False, url=url)
    try:
        postbody, text, _, comments = trafilatura_sequence(tree, options, options.url)
        if options.max_tree_size:
            if len(postbody) > options.max_tree_size:
                strip_tags(postbody, "hi")
            if len(postbody) > options.max_tree_size:
                raise ValueError
        if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
            raise ValueError
    except (TypeError, ValueError):  # where bare_extraction gives None
        return None, None
    return postbody, None  # no metadata extracted: bare_extraction's language is None too


def _walk(element, lines: list[str]) -> None:
    """The lines of trafilatura's body in reading order: one per block, its own
    text without that of blocks nested in it (which follow as their own lines),
    and one per table row, its cells joined by " | "."""
    for child in element:
        tag = child.tag
        if tag == "row":
            cells = [normalise_line("".join(cell.itertext())) for cell in child if cell.tag == "cell"]
            text = " | ".join(c for c in cells if c)
            if text:
                lines.append(text)
            continue
        if tag in _BLOCK_TAGS:
            lines.extend(_element_lines(child))
        if len(child):
            _walk(child, lines)


def _element_lines(element) -> list[str]:
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append(" ")
        elif child.tag not in _BLOCK_TAGS and child.tag not in _CONTAINERS:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    text = normalise_line("".join(parts))
    return [text] if text else []


def _figure_captions(tree) -> list[str]:
    # Only figures of the article itself: captions elsewhere belong to teasers of
    # other stories. Without <article> or <main>, only a page with few captions is trusted.
    if next(tree.iter("figcaption"), None) is None:  # most pages: no caption at all
        return []
    nodes = tree.xpath("//article//figcaption | //main//figcaption")
    if not nodes and not tree.xpath("//article | //main"):
        nodes = tree.xpath("//figcaption")
        if len(nodes) > 3:
            return []
    found = []
    for node in nodes:
        text = normalise_line(node.text_content())
        if len(text.split()) >= 4 and len(text) <= MAX_CAPTION:
            found.append(text)
    return found[:10]


def _title(tree) -> str | None:
    try:
        from trafilatura.metadata import extract_title
        title = extract_title(tree)
    except Exception:  # an internal helper of trafilatura: fall back to the plain tags
        title = None
    if not title:
        nodes = tree.xpath("//h1") or tree.xpath("//title")
        title = nodes[0].text_content() if nodes else None
    title = normalise_line(title or "")
    if len(title.split()) < 3:
        # a logo in the only <h1> ("POLITICO"): the page's og:title is the headline
        og = normalise_line(" ".join(tree.xpath('//meta[@property="og:title"]/@content')[:1]))
        if len(og.split()) >= 3:
            title = og
    return title or None


@lru_cache(maxsize=1)
def _meta_date_pattern() -> re.Pattern:
    names = read_sections("page_date_meta.txt")["published"]
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"""<meta\b[^>]{0,300}?(?:property|name|itemprop)\s*=\s*["']?(?:%s)["'\s/>][^>]{0,300}>"""
                      % alternatives, re.I)


_ISO_CONTENT = re.compile(r"""content\s*=\s*["']\s*(\d{4})-(\d\d)-(\d\d)""", re.I)
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"(\d{4})-(\d\d)-(\d\d)')


def meta_date(html: str) -> dt.date | None:
    """The publication day a page declares in a <meta> tag or JSON-LD, as written."""
    head = html[:300_000]
    for m in _meta_tags(head):
        found = _ISO_CONTENT.search(m.group(0))
        if found:
            day = _date(found)
            if day:
                return day
    found = _LD_PUBLISHED.search(head)
    return _date(found) if found else None


# Where a <meta tag may start. Only the ASCII letters match these five characters, with
# re.I as in lower case, so the positions are those of "<meta" in the lower-cased markup.
_META_START = re.compile("<meta", re.I)


def _meta_tags(head: str):
    """``_meta_date_pattern().finditer(head)``, tried only where a "<meta" starts (a
    literal search, much cheaper than lower-casing 300 KB of markup to find them)
    instead of at every position."""
    pattern = _meta_date_pattern()
    start = _META_START.search(head)
    while start is not None:
        m = pattern.match(head, start.start())
        if m is not None:
            yield m
            start = _META_START.search(head, m.end())
        else:
            start = _META_START.search(head, start.start() + 1)


def _date(m) -> dt.date | None:
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def find_page_date(doc: Document) -> dt.date | None:
    """The page's date by htmldate (fast mode) on a fresh parse of the page: what
    ``clean_html`` leaves out with ``page_date_search=False``."""
    tree = parse_html(shrink_html(doc.content))
    return None if tree is None else _page_date(tree, doc.url)


def _page_date(tree, url: str | None) -> dt.date | None:
    try:
        from htmldate import find_date
        found = find_date(tree, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:
        return None
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found[:10])
    except ValueError:
        return None
