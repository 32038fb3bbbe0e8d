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

from .pipeline import extract, process  # noqa: E402


def resolve(mention: str, *, on=None, context=None):
    """Who a name or title meant on a date: a date, or an ISO string at day, month or
    year precision ("2024-01-19", "2024-01", "2024"). See ``readouts.people.resolve``."""
    from .people import resolve as _resolve

    return _resolve(mention, on=on, context=context)


def __getattr__(name):  # the ledger is imported only when asked for
    if name == "Ledger":
        from .ledger import Ledger

        return Ledger
    raise AttributeError(name)


__all__ = [
    "extract",
    "process",
    "resolve",
    "Ledger",
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
