"""The engagement rules, loaded once from the packaged data file."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def load_rules() -> dict:
    """The parsed ``data/rules/engagement.toml`` (read-only by convention)."""
    text = resources.files("readouts").joinpath("data/rules/engagement.toml").read_text("utf-8")
    return tomllib.loads(text)


# What decides the events a document gives, besides the people data: the rule files
# and the code of the stages. A change to any of them is a new rules version.
_VERSIONED = ("data/rules", "data/time", "data/boilerplate", "mentions", "when", "clean",
              "find.py", "events.py", "pipeline.py")


@cache
def rules_version() -> str:
    """The declared rules version plus a digest of the files that make the events
    ("readouts.rules.v1+3f9a0c21d4"): stored with every mention, so that a re-run
    after an improvement knows what to redo."""
    import hashlib

    digest = hashlib.sha1()
    root = resources.files("readouts")
    for name in _VERSIONED:
        for path in sorted(_files(root.joinpath(name)), key=lambda p: str(p)):
            rel = str(path)[len(str(root)):].lstrip("/\\").replace("\\", "/")
            digest.update(rel.encode())
            digest.update(path.read_bytes())
    return f"{load_rules()['version']}+{digest.hexdigest()[:10]}"


def _files(node):
    if node.is_file():
        if not node.name.endswith((".pyc", ".pyo")):
            yield node
        return
    if node.is_dir():
        for child in node.iterdir():
            if child.name != "__pycache__":
                yield from _files(child)


@cache
def _cctld() -> dict:
    text = resources.files("readouts").joinpath("data/rules/cctld.toml").read_text("utf-8")
    return tomllib.loads(text)


def url_country(url: str | None) -> str | None:
    """The country a page's address points to by its top-level domain (ISO3), or None."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".").lower()
    if not host or "." not in host:
        return None
    table = _cctld()
    tld = host.rsplit(".", 1)[1]
    if tld in ("gov", "mil", "edu"):
        return table[tld]
    return table["tld"].get(tld)
