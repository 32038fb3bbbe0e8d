"""Opening a ledger: database URLs, engines, and the transaction every write runs in.

``--db`` and ``READOUTS_DB`` take the same values (see DESIGN.md):

* ``sqlite:////absolute/path.db`` or ``sqlite:///relative/path.db`` (as in SQLAlchemy),
* ``postgresql://user@host:port/dbname`` (mapped to the psycopg 3 driver),
* a plain path to a SQLite file.

Without either, the ledger is ``ledger.db`` in the user's data directory.
"""
from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from ..errors import MissingDriver, StoreError

ENV_VAR = "READOUTS_DB"
DEFAULT_FILENAME = "ledger.db"
POSTGRES_EXTRA = "pip install 'readouts[postgres]'"


def default_path() -> Path:
    """Where the ledger lives when neither ``--db`` nor ``READOUTS_DB`` says otherwise."""
    import platformdirs

    return Path(platformdirs.user_data_dir("readouts", appauthor=False)) / DEFAULT_FILENAME


def resolve_url(db: str | os.PathLike | None = None) -> str:
    """The SQLAlchemy URL for a ``--db`` value (or ``READOUTS_DB``, or the default file)."""
    if db is None or str(db) == "":
        db = os.environ.get(ENV_VAR) or None
    if db is None:
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    text = str(db)
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    scheme, rest = text.split("://", 1)
    scheme = scheme.lower()
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return f"postgresql+psycopg://{rest}"
    if scheme.startswith("postgresql+"):
        raise StoreError(f"unsupported PostgreSQL driver {scheme!r}: use postgresql://user@host:port/db")
    if scheme == "sqlite":
        return text
    raise StoreError(
        f"unsupported database URL {text!r}: use sqlite:///path.db, postgresql://user@host:port/db or a file path"
    )


def _check_driver(url: str) -> None:
    if url.startswith("postgresql"):
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise MissingDriver(
                f"PostgreSQL ledgers need the psycopg driver, which is not installed: {POSTGRES_EXTRA}"
            ) from exc


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers query while an ingest writes; NORMAL sync is durable across
    # process crashes (SIGKILL) in WAL mode, and much faster than FULL.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def create_engine(db: str | os.PathLike | None = None) -> sa.Engine:
    """An engine for the ledger at ``db`` (see the module docstring for the accepted values)."""
    url = resolve_url(db)
    _check_driver(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            folder = Path(database).expanduser().parent
            if not folder.exists():
                raise StoreError(f"cannot open the ledger {database}: the folder {folder} does not exist")
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def display_url(engine: sa.Engine) -> str:
    """The engine's URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)
