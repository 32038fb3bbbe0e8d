"""Time reasoning: time expressions, their resolution against a base date, publication dates.

    from readouts.when import find_time_expressions, resolve_time, publication_date, TimeExpression

See :mod:`readouts.when.expressions` for the kinds of expressions and their fields,
:mod:`readouts.when.resolve` for the conventions (weekdays, partial dates, spans), and
:mod:`readouts.when.publication` for how a publication date is found or inferred.
"""
from .context import DateInForce, date_in_force
from .expressions import KINDS, TimeExpression, find_time_expressions
from .publication import publication_date
from .resolve import resolve_time
from .tense import tense_of

__all__ = ["DateInForce", "KINDS", "date_in_force", "TimeExpression", "find_time_expressions", "publication_date", "resolve_time", "tense_of"]
