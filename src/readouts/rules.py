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
