"""Sources: files, folders, manifests and web archives to Documents."""
from __future__ import annotations

import datetime as dt
import io
import os
import json
from pathlib import Path

import pytest

from readouts.records import Document, DocumentError
from readouts.sources import decode_bytes, iter_documents, looks_like_html, read_document, read_manifest, read_warc

SHARED = Path(__file__).resolve().parents[2] / "shared"


def test_read_document_defaults_and_metadata(tmp_path):
    path = tmp_path / "call.txt"
    path.write_text("The two presidents spoke by phone on Friday.", "utf-8")
    doc = read_document(path)
    assert doc == Document(id=str(path), content="The two presidents spoke by phone on Friday.", path=str(path))
    doc = read_document(str(path), doc_id="a1", url="https://example.org/x", published="2024-01-19")
    assert (doc.id, doc.url, doc.published) == ("a1", "https://example.org/x", dt.date(2024, 1, 19))
    with pytest.raises(ValueError):
        read_document(path, published="19/01/2024")


@pytest.mark.parametrize("data, text", [
    ("Plain UTF-8 — “quotes”".encode("utf-8"), "Plain UTF-8 — “quotes”"),
    (b"\xef\xbb\xbfWith a BOM", "With a BOM"),
    ("UTF-16 LE with BOM ü".encode("utf-16-le").join([b"\xff\xfe", b""]), "UTF-16 LE with BOM ü"),
    ("UTF-16 BE with BOM ü".encode("utf-16-be").join([b"\xfe\xff", b""]), "UTF-16 BE with BOM ü"),
    ("Caf\u00e9 \u201cdiplomacy\u201d \u2013 Jos\u00e9 Mar\u00eda Aznar".encode("cp1252"),
     "Caf\u00e9 \u201cdiplomacy\u201d \u2013 Jos\u00e9 Mar\u00eda Aznar"),
])
def test_decoding(data, text):
    assert decode_bytes(data, name="x") == text


def test_html_meta_charset_is_used():
    html = ('<html><head><meta charset="windows-1251"><title>t</title></head><body><p>'
            'Путин провёл телефонный разговор с президентом Франции.</p></body></html>')
    assert "Путин провёл" in decode_bytes(html.encode("cp1251"), name="x")
    html2 = html.replace('<meta charset="windows-1251">',
                         '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    assert "Путин провёл" in decode_bytes(html2.encode("koi8-r"), name="x")


def test_stray_nul_bytes_in_a_page_are_dropped():
    assert decode_bytes(b"<html><body>Text\x00\x00 here</body></html>", name="x") == \
        "<html><body>Text here</body></html>"


@pytest.mark.parametrize("text, html", [
    ("<!DOCTYPE html><html><body>x</body></html>", True),
    ("  \n<html lang='en'><head></head></html>", True),
    ("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'></html>", True),
    ("<div><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><br><span>f</span><a href=x>g</a></div>", True),
    ("A readout of the call. The <b>president</b> said so.", False),
    ("Plain text about an <html> tag, written in prose, without any page around it at all.", False),
])
def test_html_sniffing(text, html):
    assert looks_like_html(text) is html


def test_manifest_paths_relative_to_its_folder(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.html").write_text("<html><body><p>The leaders met.</p></body></html>")
    (tmp_path / "b.txt").write_text("Second.")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        json.dumps({"id": "a", "file": "docs/a.html", "url": "https://e.org/a", "published": None}) + "\n\n"
        + json.dumps({"id": "b", "file": str(tmp_path / "b.txt"), "published": "2020-05-29"}) + "\n"
        + json.dumps({"id": "c", "text": "<html><body>x</body></html>"}) + "\n"
        + json.dumps({"id": "d", "file": "b.txt", "published": "soon"}) + "\n"
        + json.dumps({"id": "e", "text": "   "}) + "\n")
    a, b, c, d, e = read_manifest(manifest)
    assert (a.id, a.is_html, a.url, a.published) == ("a", True, "https://e.org/a", None)
    assert (b.id, b.published, b.is_html) == ("b", dt.date(2020, 5, 29), False)
    assert c.is_html is True and c.path is None
    assert d == DocumentError("d", "bad-manifest-line",
                              f"{manifest}:5: the \"published\" of 'd' is not an ISO date (YYYY-MM-DD): 'soon'.")
    assert e.code == "empty" and e.doc_id == "e"


def test_missing_manifest_raises(tmp_path):
    from readouts.errors import InputError

    with pytest.raises(InputError) as err:
        list(read_manifest(tmp_path / "none.jsonl"))
    assert err.value.code == "missing-file"


@pytest.mark.corpus
@pytest.mark.skipif(not (SHARED / "corpus" / "dev" / "gold.jsonl").exists(), reason="../shared is absent")
def test_gold_lines_are_manifest_lines():
    docs = list(read_manifest(SHARED / "corpus" / "dev" / "gold.jsonl"))
    assert len(docs) == 64 and all(isinstance(d, Document) for d in docs)
    assert docs[0].id == "seed-jns-biden-netanyahu-call" and docs[0].published is None


def test_iter_documents_walks_folders_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z text")
    (tmp_path / "b" / "a.txt").write_text("a text")
    (tmp_path / "a.txt").write_text("top text")
    (tmp_path / ".hidden").write_text("hidden")
    (tmp_path / "m.jsonl").write_text(json.dumps({"id": "x", "text": "y"}) + "\n")
    ids = [d.id for d in iter_documents([tmp_path])]
    assert ids == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "a.txt"), str(tmp_path / "b" / "z.txt")]
    # a manifest given by name is read as one
    assert [d.id for d in iter_documents([tmp_path / "m.jsonl"])] == ["x"]


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        pages = [
            ("https://news.example/a", "text/html; charset=windows-1252",
             "<html><body><p>Fran\u00e7ois met Jos\u00e9 on Monday.</p></body></html>".encode("cp1252")),
            ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
            ("https://news.example/b", "text/html", b"<html><body><p>Second page.</p></body></html>"),
            ("https://news.example/c", "text/html", b""),
        ]
        for uri, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        writer.write_record(writer.create_warc_record("https://news.example/a", "request",
                                                      payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses(tmp_path, name):
    pytest.importorskip("warcio")
    path = tmp_path / name
    _warc(path)
    out = list(read_warc(path))
    assert [getattr(x, "id", None) or x.doc_id for x in out] == [
        "https://news.example/a", "https://news.example/b", "https://news.example/c"]
    a, b, c = out
    assert "Fran\u00e7ois met Jos\u00e9" in a.content and a.is_html and a.url == "https://news.example/a"
    assert a.fetched is not None
    assert c.code == "empty"
    assert [getattr(x, "id", None) for x in iter_documents([path])][:2] == [a.id, b.id]


def test_gzipped_page_is_read(tmp_path):
    import gzip

    from readouts.errors import DocumentTooLarge

    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>The two leaders met.</p></body></html>"))
    doc = read_document(path)
    assert doc.is_html and "The two leaders met." in doc.content
    bomb = tmp_path / "bomb.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000))
    with pytest.raises(DocumentTooLarge):
        read_document(bomb, max_bytes=1_000_000)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    from readouts.errors import InputError

    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert err.value.code == "unreadable"
    assert str(err.value) == f"{path}: the file cannot be read (permission denied)."


def test_permission_error_is_unreadable(tmp_path, monkeypatch):
    from readouts.errors import InputError

    path = tmp_path / "secret.txt"
    path.write_text("text")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert (err.value.code, str(err.value)) == ("unreadable", f"{path}: the file cannot be read (permission denied).")


def test_lone_surrogates_from_a_manifest_are_replaced(tmp_path):
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"id": "s", "text": "Bad \\ud800 text of a readout."}\n')
    (doc,) = read_manifest(manifest)
    assert doc.content == "Bad \ufffd text of a readout."
    doc.content.encode("utf-8")


def test_public_surface():
    import inspect

    import readouts.clean
    import readouts.sources

    assert {"read_document", "iter_documents", "read_manifest", "read_warc"} <= set(readouts.sources.__all__)
    assert "clean" in readouts.clean.__all__
    params = inspect.signature(readouts.sources.read_document).parameters
    assert list(params) == ["path", "doc_id", "url", "published", "max_bytes"]
    assert params["max_bytes"].default == 50_000_000
    assert all(params[p].kind is inspect.Parameter.KEYWORD_ONLY for p in ("doc_id", "url", "published", "max_bytes"))


def test_utf8_with_a_stray_byte_stays_utf8():
    data = "Gespräch zwischen Müller und Ševčík über Zölle".encode("utf-8") + b" \x93quoted\x94."
    assert decode_bytes(data, name="x") == "Gespräch zwischen Müller und Ševčík über Zölle \ufffdquoted\ufffd."


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_document_or_an_input_error(data):
    from readouts.errors import InputError
    from readouts.sources import document_from_bytes

    try:
        doc = document_from_bytes(data, doc_id="x")
    except InputError as err:
        assert err.code in ("empty", "binary", "too-large") and str(err).startswith("x: ")
        return
    assert isinstance(doc.content, str) and doc.content.strip()
    doc.content.encode("utf-8")  # writable
