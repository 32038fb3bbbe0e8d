"""Bytes to text, and telling HTML from plain text, by content alone.

Nothing here looks at a file name: a page saved as ``.txt`` is still HTML and a
scrape saved as ``.html`` is still plain text.
"""
from __future__ import annotations

import codecs
import re

from ..errors import BinaryDocument

# How much of a document the sniffers look at: enough for a <head> and a few
# paragraphs, small enough that a 50 MB file costs nothing extra.
SNIFF_BYTES = 65_536

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)

# Control characters that never occur in text (tab, newline, form feed and
# carriage return do).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
# Every byte but those: ``len(head.translate(None, _NOT_CONTROL))`` counts the control
# bytes of ``head`` (what ``len(_CONTROL.findall(head))`` gives) about ten times faster.
_NOT_CONTROL = bytes(b for b in range(256) if not _CONTROL.match(bytes([b])))

# Signatures of the binary files most often saved next to pages.
_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"\x1f\x8b", b"BZh",
          b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"OggS", b"ID3", b"\x00\x00\x01\x00", b"RIFF", b"\x7fELF",
          b"\xd0\xcf\x11\xe0")

# charset_normalizer answers these for Western text; cp1252 is the superset
# browsers use for all of them, so curly quotes and dashes decode right.
_WESTERN = {"ascii", "cp1252", "latin_1", "iso8859_15", "iso8859_1", "windows_1252", "cp850", "mac_roman",
            "cp437", "iso8859_9", "cp1254", "utf_8"}


def decode_bytes(data: bytes, *, name: str, charset: str | None = None) -> str:
    """Decode a document's bytes, or raise BinaryDocument naming ``name``.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32); ``charset`` when the
    transport declared one (HTTP headers in a WARC); strict UTF-8; an HTML meta
    charset; a legacy encoding guessed by charset_normalizer, where Western
    guesses become cp1252 (else latin-1, which decodes anything).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise BinaryDocument(f"{name}: the file starts with a {encoding} byte-order mark "
                                     "but does not decode as it.") from None
    head = data[:SNIFF_BYTES]
    if head.startswith(_MAGIC):
        raise BinaryDocument(f"{name}: the file is binary (an image, archive or PDF), not text.")
    controls = len(head.translate(None, _NOT_CONTROL))
    # Real pages carry the odd stray NUL; binary data has about one control byte in ten.
    if controls > max(8, len(head) // 100):
        raise BinaryDocument(f"{name}: the file is binary (it holds control bytes that text never has).")
    if controls:
        try:
            return _CONTROL.sub(b"", data).decode("utf-8")
        except UnicodeDecodeError:
            raise BinaryDocument(f"{name}: the file is binary (control bytes and no text encoding fits).") from None
    if charset:
        encoding = _known_codec(charset)
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass  # the header lied; fall through to the other evidence
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Truncated files end in the middle of a character: accept that.
        if exc.start >= len(data) - 3:
            try:
                return data[: exc.start].decode("utf-8")
            except UnicodeDecodeError:
                pass
    # UTF-8 with a few stray bytes (a pasted cp1252 quote) is still UTF-8: decoding
    # it as cp1252 would garble every accented letter of the page.
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    # the characters above ASCII (``sum(1 for c in lenient if c > "\x7f")``), counted in C
    wide = len(lenient) - len(lenient.encode("ascii", "ignore")) - bad
    if wide >= 3 and bad <= wide // 2:
        return lenient
    meta = _META_CHARSET.search(head)
    if meta:
        encoding = _known_codec(meta.group(1).decode("ascii", "replace"))
        if encoding and encoding not in ("utf-8", "utf_8"):
            return data.decode(encoding, errors="replace")
    return data.decode(_legacy_encoding(head), errors="replace")


def _known_codec(label: str) -> str | None:
    label = label.strip().lower()
    if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        return "cp1252"  # what browsers do, per the WHATWG encoding standard
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _legacy_encoding(head: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with requests/trafilatura
        return "cp1252"
    best = from_bytes(head).best()
    guess = best.encoding if best is not None else None
    if guess is None or guess in _WESTERN:
        try:
            head.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return "latin-1"
    return guess


# --- HTML or plain text -------------------------------------------------------

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.I | re.S)
# an <html>, <head> or <body> element where markup puts it: at a line start or after a tag
# (prose that mentions "<html>" has words before it)
_HTML_ELEMENT = re.compile(r"(?:^|>)[ \t]*<(?:html|head|body)[\s>]", re.I | re.M)
_TAG = re.compile(r"</?(?:p|div|span|a|br|img|li|ul|ol|table|tr|td|h[1-6]|meta|link|script|style|section|article|"
                  r"header|footer|nav|figure|figcaption|strong|em|b|i)\b[^<>]{0,500}>", re.I)


def looks_like_html(text: str) -> bool:
    """True when the text is markup: it starts like a page, has an <html>/<head>/<body>
    element near the top, or is dense with common HTML tags (a fragment)."""
    head = text[:SNIFF_BYTES]
    if _HTML_START.match(head):
        return True
    if _HTML_ELEMENT.search(head[:4096]):
        return True
    tags = 0
    for _ in _TAG.finditer(head):
        tags += 1
        if tags >= 10:
            # a text that quotes a tag or two is still text; a fragment is mostly tags
            return True
    return False
