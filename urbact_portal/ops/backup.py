"""Backups that restore: one dated archive holds a PostgreSQL dump (pg_dump's custom format)
and every media file, plus a manifest; `restore` puts both back into an empty database and an
empty media storage. Used by `manage.py backup` / `manage.py restore` and the nightly job.

Archive: BACKUP_DIR/urbact-backup-YYYYMMDD-HHMMSS.tar (UTC), mode 0600 (it holds personal data:
contact messages, users), written under a temporary name and renamed when complete, so a
half-written archive is never taken for a backup. Retention: archives older than
BACKUP_KEEP_DAYS are deleted after a successful backup; the newest is always kept."""

from __future__ import annotations

import io
import json
import os
import posixpath
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection, connections

FORMAT = 1
NAME_PATTERN = re.compile(r"^urbact-backup-(\d{8}-\d{6})\.tar$")
STAMP_FORMAT = "%Y%m%d-%H%M%S"
DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """Something the operator must fix; the message says what."""


# Database ----------------------------------------------------------------------------------


def _pg_args_and_env() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _run(command: list[str], env: dict) -> None:
    if not shutil.which(command[0]):
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)."
        )
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def dump_database(target: Path) -> str:
    vendor = connection.vendor
    if vendor == "postgresql":
        args, env = _pg_args_and_env()
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-acl", "--file", str(target), *args],
            env,
        )
    elif vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
    else:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def database_is_empty() -> bool:
    return not connection.introspection.table_names()


def _drop_all_tables() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        else:
            for table in connection.introspection.table_names():
                cursor.execute(f'DROP TABLE IF EXISTS "{table}"')


def load_database(dump: Path, vendor: str) -> None:
    if vendor != connection.vendor:
        raise BackupError(
            f"The archive holds a {vendor} database; this site uses {connection.vendor}."
        )
    if vendor == "postgresql":
        connections.close_all()
        args, env = _pg_args_and_env()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-acl",
                "--exit-on-error",
                "--single-transaction",
                *args,
                str(dump),
            ],
            env,
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(dump) as source:
            source.backup(connection.connection)


# Media -------------------------------------------------------------------------------------


def media_files(storage=default_storage, path: str = ""):
    """Every file in the media storage (local directory or object storage), recursively."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(path, name) if path else name
    for name in sorted(directories):
        yield from media_files(storage, posixpath.join(path, name) if path else name)


def media_is_empty(storage=default_storage) -> bool:
    return next(media_files(storage), None) is None


def _safe_media_name(member: tarfile.TarInfo) -> str | None:
    if not member.name.startswith("media/") or not member.isfile():
        return None
    name = member.name[len("media/") :]
    parts = name.split("/")
    if not name or name.startswith("/") or any(part in ("", ".", "..") for part in parts):
        raise BackupError(f"Unsafe name in the archive: {member.name!r}")
    return name


# Archive -----------------------------------------------------------------------------------


def create_backup(directory: Path, *, now: datetime | None = None) -> Path:
    now = now or datetime.now(UTC)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    final = directory / f"urbact-backup-{now.strftime(STAMP_FORMAT)}.tar"
    partial = directory / f".{final.name}.partial"
    with tempfile.TemporaryDirectory(dir=directory, prefix=".backup-") as tmp:
        dump = Path(tmp) / "database"
        vendor = dump_database(dump)
        count = size = 0
        with tarfile.open(partial, "w") as tar:
            tar.add(dump, arcname=DUMP_NAMES[vendor])
            for name in media_files():
                info = tarfile.TarInfo(f"media/{name}")
                info.size = default_storage.size(name)
                info.mtime = int(now.timestamp())
                with default_storage.open(name, "rb") as file:
                    tar.addfile(info, file)
                count += 1
                size += info.size
            manifest = json.dumps(
                {
                    "format": FORMAT,
                    "created": now.isoformat(),
                    "database": vendor,
                    "media_files": count,
                    "media_bytes": size,
                },
                indent=2,
            ).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(manifest)
            info.mtime = int(now.timestamp())
            tar.addfile(info, fileobj=io.BytesIO(manifest))
    os.chmod(partial, 0o600)
    os.replace(partial, final)
    return final


def prune_backups(directory: Path, keep_days: int, *, now: datetime | None = None) -> list[Path]:
    """Delete archives older than keep_days; the newest one is always kept."""
    now = now or datetime.now(UTC)
    archives = []
    for path in Path(directory).glob("urbact-backup-*.tar"):
        match = NAME_PATTERN.match(path.name)
        if match:
            stamp = datetime.strptime(match.group(1), STAMP_FORMAT).replace(tzinfo=UTC)
            archives.append((stamp, path))
    archives.sort()
    removed = []
    for stamp, path in archives[:-1]:
        if now - stamp > timedelta(days=keep_days):
            path.unlink()
            removed.append(path)
    return removed


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile("manifest.json"))
    except (KeyError, ValueError) as exc:
        raise BackupError("Not a backup of this site: manifest.json is missing.") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def restore_backup(archive: Path, *, force: bool = False) -> dict:
    """Restore the database and the media of `archive`. Refuses a database with tables or a
    media storage with files unless `force` (which empties them first)."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No such archive: {archive}")
    with tarfile.open(archive) as tar:
        manifest = read_manifest(tar)
        names = [(member, _safe_media_name(member)) for member in tar.getmembers()]
        if not force:
            if not database_is_empty():
                raise BackupError(
                    "The database is not empty: restore into an empty one, "
                    "or use --force to replace it."
                )
            if not media_is_empty():
                raise BackupError(
                    "The media storage is not empty: restore into an empty one, "
                    "or use --force to replace it."
                )
        else:
            _drop_all_tables()
            for name in list(media_files()):
                default_storage.delete(name)

        vendor = manifest["database"]
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / "database"
            with tar.extractfile(DUMP_NAMES[vendor]) as source, open(dump, "wb") as target:
                shutil.copyfileobj(source, target)
            load_database(dump, vendor)

        restored = 0
        for member, name in names:
            if name is None:
                continue
            with tar.extractfile(member) as file:
                saved = default_storage.save(name, file)
            if saved != name:
                raise BackupError(f"Media file {name} was stored as {saved}.")
            restored += 1
    connections.close_all()
    return {**manifest, "restored_media_files": restored}
