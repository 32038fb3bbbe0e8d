"""Time reasoning: time expressions, their resolution against a base date, publication dates.

    from readouts.when import find_time_expressions, resolve_time, publication_date, TimeExpression

``find_time_expressions(text) -> list[TimeExpression]``
    every time expression of a text, in order, non-overlapping (kinds: date, month,
    year, weekday, relative, range, since; see :mod:`readouts.when.expressions`).
``resolve_time(expr, base, *, tense=None, anchor=None) -> ResolvedDate``
    one expression (or a short string) against a base date, normally the publication
    date; ``tense`` "past"/"future" sets the direction of weekdays and yearless dates;
    ``anchor`` dates "the next day" and the like. Never raises (see
    :mod:`readouts.when.resolve` for the conventions).
``publication_date(text, *, given=None, url=None, page_date=None, today=None) -> Publication``
    given > URL > page (metadata, dateline, byline) > inferred from the text's own
    references > unknown (see :mod:`readouts.when.publication` and
    :mod:`readouts.when.infer`).
``date_in_force(text, pos, base) -> DateInForce | None``
    the day a narrative has set before ``pos``, for sentences without a date of their
    own (:mod:`readouts.when.context`).
``tense_of(text, expr) -> "past" | "future" | None``
    the tense of the clause around an expression (:mod:`readouts.when.tense`).

Modules: ``lexicon`` (word lists from ``readouts/data/time/lexicon.json``),
``expressions`` (finding and parsing), ``days`` (calendar arithmetic), ``tense``,
``resolve``, ``publication`` (given/URL/page), ``infer`` (inference), ``context``.
"""
from .context import DateInForce, date_in_force
from .expressions import KINDS, TimeExpression, find_time_expressions
from .publication import publication_date
from .resolve import resolve_time
from .tense import tense_of

__all__ = ["DateInForce", "KINDS", "TimeExpression", "date_in_force", "find_time_expressions",
           "publication_date", "resolve_time", "tense_of"]
