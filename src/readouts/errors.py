"""The exception tree and the reason codes of per-document failures.

    ReadoutsError
    ├── InputError            a document cannot be read or is not text
    │   ├── EmptyDocument
    │   ├── BinaryDocument
    │   ├── DocumentTooLarge
    │   └── MissingFile
    ├── ManifestError         a manifest line is malformed
    ├── GazetteerError        the packaged people data is missing or stale
    ├── StoreError            the ledger cannot be opened or written
    │   └── MissingDriver     an optional database driver is not installed
    └── QueryError            a question cannot be answered as asked
        └── AmbiguousName     a name in a question fits several people

Every InputError carries a reason ``code`` (one of REASONS) so a batch can
record it per document and go on.
"""
from __future__ import annotations

REASONS = {
    "empty": "the document is empty",
    "binary": "the document is binary, not text",
    "too-large": "the document is larger than the limit",
    "missing-file": "the file does not exist",
    "unreadable": "the file cannot be read",
    "bad-manifest-line": "the manifest line is not a valid JSON object with id and file or text",
    "bad-row": "an input row (Spark, DataFrame) has no id, or a value of the wrong type",
    "no-text": "no article text was found in the page",
    "internal": "an unexpected error in the pipeline",
}


class ReadoutsError(Exception):
    """Base of every error readouts raises on purpose."""


class InputError(ReadoutsError):
    code = "unreadable"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code


class EmptyDocument(InputError):
    code = "empty"


class BinaryDocument(InputError):
    code = "binary"


class DocumentTooLarge(InputError):
    code = "too-large"


class MissingFile(InputError):
    code = "missing-file"


class ManifestError(ReadoutsError):
    code = "bad-manifest-line"


class GazetteerError(ReadoutsError):
    pass


class StoreError(ReadoutsError):
    pass


class MissingDriver(StoreError):
    pass


class QueryError(ReadoutsError):
    pass


class AmbiguousName(QueryError):
    def __init__(self, message: str, candidates=()):
        super().__init__(message)
        self.candidates = tuple(candidates)
