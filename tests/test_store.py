"""The store: database URLs, engines, WAL mode, migrations, and the schema on both engines."""
from __future__ import annotations

import builtins
from pathlib import Path

import pytest
import sqlalchemy as sa

from readouts.errors import MissingDriver, StoreError
from readouts.ledger import Ledger, schema
from readouts.ledger.store import create_engine, default_path, resolve_url


def test_plain_path_becomes_an_absolute_sqlite_url(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_url("ledger.db") == f"sqlite:///{tmp_path / 'ledger.db'}"
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"


def test_sqlite_urls_pass_through():
    assert resolve_url("sqlite:////abs/ledger.db") == "sqlite:////abs/ledger.db"
    assert resolve_url("sqlite:///rel.db") == "sqlite:///rel.db"


def test_postgresql_urls_map_to_psycopg():
    assert resolve_url("postgresql://me@db.example:5433/ledger") == "postgresql+psycopg://me@db.example:5433/ledger"
    assert resolve_url("postgres://me@host/ledger") == "postgresql+psycopg://me@host/ledger"


def test_unknown_scheme_is_refused():
    with pytest.raises(StoreError, match="unsupported database URL 'mysql://x/y'"):
        resolve_url("mysql://x/y")


def test_environment_variable_chooses_the_ledger(tmp_path, monkeypatch):
    monkeypatch.setenv("READOUTS_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"


def test_default_is_a_file_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("READOUTS_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "readouts" / "ledger.db"
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'data' / 'readouts' / 'ledger.db'}"
    assert (tmp_path / "data" / "readouts").is_dir()


def test_missing_driver_names_the_extra(monkeypatch):
    real_import = builtins.__import__

    def no_psycopg(name, *args, **kwargs):
        if name == "psycopg":
            raise ImportError("No module named 'psycopg'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    with pytest.raises(MissingDriver) as info:
        create_engine("postgresql://me@127.0.0.1:1/none")
    assert str(info.value) == (
        "PostgreSQL ledgers need the psycopg driver, which is not installed: pip install 'readouts[postgres]'"
    )


def test_missing_folder_is_one_sentence(tmp_path):
    with pytest.raises(StoreError, match="the folder .*nowhere does not exist"):
        create_engine(str(tmp_path / "nowhere" / "ledger.db"))


def test_sqlite_runs_in_wal_mode(tmp_path):
    ledger = Ledger(tmp_path / "wal.db")
    with ledger.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_schema_on_both_engines(ledger):
    names = set(sa.inspect(ledger.engine).get_table_names())
    assert names == {"schema_version", "runs", "errors", "documents", "people", "mentions", "reports", "events",
                     "event_reports", "event_people", "contacts"}
    assert ledger.schema_version == schema.LATEST


def test_migrations_apply_once(db_url):
    Ledger(db_url).close()
    again = Ledger(db_url)
    with again.engine.connect() as conn:
        rows = conn.execute(sa.select(schema.schema_version.c.version)).scalars().all()
    assert rows == [m[0] for m in schema.MIGRATIONS]


def test_a_newer_ledger_is_refused(db_url):
    ledger = Ledger(db_url)
    with ledger.engine.begin() as conn:
        conn.execute(schema.schema_version.insert().values(version=schema.LATEST + 1, description="future",
                                                           applied_at="2030-01-01T00:00:00+00:00"))
    with pytest.raises(StoreError, match=f"schema version {schema.LATEST + 1}, newer than this readouts knows"):
        Ledger(db_url)


def test_indexes_behind_the_questions(ledger):
    inspector = sa.inspect(ledger.engine)
    contacts = {ix["name"]: ix["column_names"] for ix in inspector.get_indexes("contacts")}
    assert contacts["ix_contacts_pair"] == ["person_id", "counterpart_id", "status", "date_start"]
    people = {ix["name"]: ix["column_names"] for ix in inspector.get_indexes("event_people")}
    assert people["ix_event_people_timeline"] == ["person_id", "status", "date_start"]


def test_relative_sqlite_url_is_relative_to_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Ledger("sqlite:///rel.db").close()
    assert Path(tmp_path / "rel.db").exists()


def test_an_unreachable_server_is_one_sentence():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreError, match=rf"cannot open the ledger postgresql\+psycopg://me@127.0.0.1:{port}/none: "):
        Ledger(f"postgresql://me@127.0.0.1:{port}/none")


def test_cli_reports_an_unopenable_ledger_with_exit_2(tmp_path):
    from click.testing import CliRunner

    from readouts.cli import cli

    result = CliRunner().invoke(cli, ["last", "A", "B", "--db", str(tmp_path / "no" / "such.db")])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: cannot open the ledger ")


def test_public_surface_of_the_ledger():
    import readouts.ledger

    assert readouts.ledger.__all__ == ["Ledger", "IngestSummary", "PersonRef", "resolve_url"]
    assert [name for name in dir(Ledger) if not name.startswith("_")] == [
        "close", "counterparts", "counts", "export", "gaps", "ingest", "last", "person", "tempo", "timeline", "url"]


def test_an_in_memory_ledger_works_for_notebooks():
    from conftest import doc, fake_process

    ledger = Ledger("sqlite://")
    ledger.ingest([doc("a", "call occurred Q1:A|Q2:B 2024-01-19")], process=fake_process,
                  rules_version="r", gazetteer_version="g")
    ledger.ingest([doc("b", "call occurred Q1:A|Q2:B 2024-01-25")], process=fake_process,
                  rules_version="r", gazetteer_version="g")
    answer = ledger.last("Q1", "Q2", as_of="2024-02-01")
    assert (answer["last"]["date"], answer["gap_days"], answer["days_since"]) == ("2024-01-25", 6, 7)
