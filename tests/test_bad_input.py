"""Bad input: each case gives a Document/Article or the right error code, with a
message that names the document."""
from __future__ import annotations

import json
import time

import pytest

from readouts.clean import clean
from readouts.errors import BinaryDocument, DocumentTooLarge, EmptyDocument, InputError, MissingFile
from readouts.records import DocumentError
from readouts.sources import iter_documents, read_document, read_manifest


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument) as err:
        read_document(path)
    assert err.value.code == "empty"
    assert str(err.value) == f"{path}: the document is empty."


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n  \n")
    with pytest.raises(EmptyDocument):
        read_document(path)


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    with pytest.raises(BinaryDocument) as err:
        read_document(path)
    assert err.value.code == "binary"
    assert str(path) in str(err.value)


def test_random_bytes_are_binary(tmp_path):
    import random
    rng = random.Random(7)
    path = tmp_path / "blob"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    with pytest.raises(BinaryDocument):
        read_document(path)


def test_legacy_encoding(tmp_path):
    text = ("\u201cWe had a good call,\u201d said Fran\u00e7ois Hollande after speaking with Jos\u00e9 "
            "Manuel Barroso \u2013 the two leaders met in M\u00fcnchen last year.\n")
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = read_document(path)
    assert doc.content == text
    assert doc.is_html is False
    article = clean(doc)
    assert "Fran\u00e7ois Hollande" in article.text and "\u201cWe had" in article.text


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("The two ministers spoke by phone on Monday.".encode("utf-16"))
    assert read_document(path).content == "The two ministers spoke by phone on Monday."


def test_html_detected_by_content_not_name(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html><html><head><title>T</title></head><body><p>Hi</p></body></html>")
    assert read_document(path).is_html is True
    path2 = tmp_path / "notes.html"
    path2.write_text("Plain notes about a meeting. Nothing else.")
    assert read_document(path2).is_html is False


def test_html_page_of_20_mb(tmp_path):
    paragraph = ("<p>The foreign ministers of both countries met in Geneva on Tuesday to discuss the ceasefire, "
                 "officials said, and agreed to speak again next week.</p>\n")
    filler = "<div class='ad'><script>var x = " + "1234567890" * 50 + ";</script><span>menu</span></div>\n"
    html = ("<!DOCTYPE html><html><head><title>Ministers meet in Geneva</title></head><body><article>"
            + paragraph * 20 + "</article>" + filler * (20_000_000 // len(filler)) + "</body></html>")
    path = tmp_path / "huge.html"
    path.write_text(html)
    assert path.stat().st_size > 20_000_000
    started = time.perf_counter()
    article = clean(read_document(path))
    assert time.perf_counter() - started < 30
    assert "The foreign ministers of both countries met in Geneva" in article.text


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(DocumentTooLarge) as err:
        read_document(path, max_bytes=1000)
    assert err.value.code == "too-large" and str(path) in str(err.value)


def test_text_without_sentence_breaks(tmp_path):
    body = " ".join(["the delegation and the minister talked about trade and energy"] * 4000)
    path = tmp_path / "run-on.txt"
    path.write_text(body)
    assert len(body) > 200_000
    started = time.perf_counter()
    article = clean(read_document(path))
    assert time.perf_counter() - started < 5
    assert article.text == body
    assert [b.kind for b in article.blocks] == ["paragraph"]


def test_missing_file():
    with pytest.raises(MissingFile) as err:
        read_document("/no/such/dir/page.html")
    assert err.value.code == "missing-file"
    assert str(err.value) == "/no/such/dir/page.html: the file does not exist."


def test_directory_is_unreadable(tmp_path):
    with pytest.raises(InputError) as err:
        read_document(tmp_path)
    assert err.value.code == "unreadable"


def test_manifest_with_missing_file_and_malformed_line(tmp_path):
    (tmp_path / "a.txt").write_text("The president spoke with the chancellor on Friday.")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join([
        json.dumps({"id": "a", "file": "a.txt", "published": "2024-01-19", "publisher": "X"}),
        json.dumps({"id": "gone", "file": "missing.txt"}),
        "{not json",
        json.dumps({"id": "t", "text": "Inline text of a readout."}),
        json.dumps({"file": "a.txt"}),
    ]) + "\n")
    out = list(read_manifest(manifest))
    assert [type(x).__name__ for x in out] == ["Document", "DocumentError", "DocumentError", "Document",
                                               "DocumentError"]
    assert out[0].id == "a" and str(out[0].published) == "2024-01-19"
    assert out[1] == DocumentError("gone", "missing-file", f"{tmp_path / 'missing.txt'}: the file does not exist.")
    assert out[2].code == "bad-manifest-line" and out[2].doc_id == f"{manifest}:3"
    assert out[2].message.startswith(f"{manifest}:3: the line is not valid JSON")
    assert out[3].content == "Inline text of a readout."
    assert out[4].code == "bad-manifest-line" and "no \"id\"" in out[4].message


def test_iter_documents_goes_on(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "b.txt").write_text("Second document text.")
    (tmp_path / "d" / "a.txt").write_bytes(b"")
    out = list(iter_documents([tmp_path / "d", tmp_path / "nope.txt"]))
    assert [getattr(x, "code", None) for x in out] == ["empty", None, "missing-file"]


# --- the same cases through `readouts extract` ------------------------------------

def _run(args):
    from click.testing import CliRunner

    from readouts.cli import cli

    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart by default
        runner = CliRunner()
    return runner.invoke(cli, ["extract", *args, "--format", "jsonl"])


def _bad_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return [str(empty), str(binary), str(tmp_path / "missing.txt")], ["empty", "binary", "missing-file"]


def test_cli_batch_goes_on_and_names_each_failed_file(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Ministers meet\n\nThe foreign ministers of Norland and Sudmark met in Vesta on Tuesday.\n")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Fran\u00e7ois and Jos\u00e9 \u201cmet\u201d on Monday.".encode("cp1252"))
    runon = tmp_path / "runon.txt"
    runon.write_text(" ".join(["the two delegations talked about trade"] * 6000))
    bad, codes = _bad_files(tmp_path)
    result = _run([str(good), *bad, str(legacy), str(runon)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 3
    for line, path, code in zip(errors, bad, codes):
        assert path in line and line.endswith(f"[{code}]")
    for line in result.stdout.splitlines():
        json.loads(line)  # only events on stdout


def test_cli_exit_0_when_all_ok(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The foreign ministers met in Vesta on Tuesday.\n")
    result = _run([str(good)])
    assert result.exit_code == 0, result.stderr


def test_cli_exit_2_when_nothing_processed(tmp_path):
    bad, _ = _bad_files(tmp_path)
    result = _run(bad)
    assert result.exit_code == 2
    assert len([x for x in result.stderr.splitlines() if x.strip()]) == 3


def test_cli_manifest_with_missing_file_and_malformed_line(tmp_path):
    (tmp_path / "a.txt").write_text("The foreign ministers met in Vesta on Tuesday.\n")
    manifest = tmp_path / "batch.jsonl"
    manifest.write_text(json.dumps({"id": "a", "file": "a.txt"}) + "\n"
                        + json.dumps({"id": "gone", "file": "gone.txt"}) + "\n"
                        + "[1, 2\n")
    result = _run(["--manifest", str(manifest)])
    assert result.exit_code == 1
    errors = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(errors) == 2
    assert "gone" in errors[0] and errors[0].endswith("[missing-file]")
    assert f"{manifest}:3" in errors[1] and errors[1].endswith("[bad-manifest-line]")


def test_cli_html_page_of_20_mb(tmp_path):
    paragraph = "<p>The foreign ministers met in Geneva on Tuesday to discuss the ceasefire, officials said.</p>\n"
    filler = "<div><script>var x = " + "9" * 500 + ";</script></div>\n"
    path = tmp_path / "huge.html"
    path.write_text("<html><head><title>Geneva talks</title></head><body><article>" + paragraph * 10
                    + "</article>" + filler * (20_000_000 // len(filler)) + "</body></html>")
    started = time.perf_counter()
    result = _run([str(path)])
    assert result.exit_code == 0, result.stderr
    assert time.perf_counter() - started < 60


def test_noise_strip_keeps_offsets_with_case_changing_letters():
    from readouts.clean.html import strip_noise

    html = ("<p>\u0130stanbul talks</p><SCRIPT>var a = '<p>';</script ><p>after</p><!-- x -->"
            "<style>p {}</STYLE><p>end</p><script>never closed")
    assert strip_noise(html) == "<p>\u0130stanbul talks</p> <p>after</p>  <p>end</p> "
