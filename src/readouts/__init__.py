"""readouts: a ledger of diplomatic engagements from news pages, readouts and briefings.

The public API::

    import readouts
    events = readouts.extract(text_or_html, url=None, published=None)
    readouts.resolve("the Israeli prime minister", on="2021-08-01")
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import ReadoutsError  # noqa: E402
from .records import (  # noqa: E402
    Article,
    Document,
    DocumentResult,
    Event,
    Mention,
    Person,
    Publication,
)

__all__ = [
    "__version__",
    "Article",
    "Document",
    "DocumentResult",
    "Event",
    "Mention",
    "Person",
    "Publication",
    "ReadoutsError",
]
