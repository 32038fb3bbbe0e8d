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


def rules_version() -> str:
    return load_rules()["version"]


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
