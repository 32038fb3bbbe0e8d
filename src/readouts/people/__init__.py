"""The people layer: who is who, by date.

    from readouts.people import load_gazetteer, resolve
    gz = load_gazetteer()
    gz.scan("Israeli Prime Minister Benjamin Netanyahu spoke with President Biden.")
    gz.resolve("the Israeli prime minister", on="2021-08-01").person.name  # 'Naftali Bennett'
"""
from __future__ import annotations

from .gazetteer import (
    Gazetteer,
    NameHit,
    Resolution,
    ResolveContext,
    load_gazetteer,
    resolve,
)

__all__ = ["Gazetteer", "NameHit", "Resolution", "ResolveContext", "load_gazetteer", "resolve"]
