#!/usr/bin/env python3
"""safeio.py: writes that never clobber an input or leave half a file, and
read-only SQLite opens that write nothing.  Shared by the tools (store.py,
report.py; campaign.py may use it).  Standard library only.

Writing a result
  check_not_input(out, inputs, what=...)   refuse (SafeIOError) when `out` is
      one of `inputs`: the same resolved path (symlinks followed, also a
      dangling one), or the same inode where both exist (a hard link).
  store_files(db)                          the store and its -wal, -shm,
      -journal (as given and as resolved): the inputs of a store reader.
  atomic_write(path, data, *, protect=(), fsync=True, follow_symlinks=True)
      `data` is str, bytes or an iterable of str/bytes chunks (a generator
      may raise midway).  A regular file (or a new one) is written to a
      temporary file in the same directory and moved over `path` with
      os.replace: the old file stays intact until the new one is complete,
      and no temporary file is left on any failure.  The new file keeps the
      old one's permission bits (a new one gets 0666 & ~umask).  A
      character device or a pipe (/dev/null, /dev/stdout, >(cmd)) is written
      to directly (a FIFO that no process reads is refused, not waited for);
      a directory, socket or block device is refused.
      follow_symlinks=False replaces a symlink at `path` instead of writing
      to its target (report pages).  Errors: SafeIOError, one line, naming
      the missing permission when that is the cause.
  write_denied(path, create=True)          why `path` cannot be written (or
      created): "no write permission on file F", "... on directory D" (both,
      joined by "and", when both are missing; the directory only matters
      with create=True, as for a rename or SQLite's -wal), or None.

Reading a store
  connect_readonly(path, timeout=..., isolation_level=None)
      an sqlite3 connection that never writes: URI mode=ro.  SQLite creates
      the -wal and -shm files of a WAL database even for a read-only
      connection; when they did not exist before, they are removed again on
      close() (by one ordinary connection that reads and closes, so SQLite
      deletes them only when no other connection uses the store).  That
      needs write permission on the file and its directory.  Without it, and
      with no -wal/-shm there (nobody has the store open), a WAL database is
      opened with immutable=1 instead, creating nothing; so it is too when
      mode=ro fails because the -shm cannot be created (a directory the user
      cannot write).  Caveat of immutable: changes still in a -wal file are
      not seen (conn.ro_note says so), and a writer that starts while the
      read is under way is not noticed.  conn.ro_mode is "ro" or
      "immutable", conn.ro_note a one-line warning (or None) for the caller
      to print.
  sqlite_uri(path, **params)               a file: URI for any path (any
      bytes, '?', '#', '%').
  sqlite_error_kind(exc)                   "corrupt" (not a database, or
      malformed), "readonly", "cantopen", "busy" or "other".

Child processes
  die_with_parent(sig=SIGKILL)             a preexec_fn: the child gets sig
      when the process that started it dies (kill -9 included), so no tool
      leaves reqsim, fuzzer or Dask processes behind (PR_SET_PDEATHSIG).
"""
from __future__ import annotations

import ctypes
import errno
import os
import signal
import sqlite3
import stat
import tempfile
import threading
import urllib.parse
from typing import Any, Iterable

__all__ = ["SafeIOError", "check_not_input", "store_files", "atomic_write", "write_denied",
           "connect_readonly", "sqlite_uri", "sqlite_error_kind", "same_file",
           "die_with_parent"]


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """preexec_fn of a child process: sig when its parent dies (best effort,
    Linux only)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, sig, 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - not Linux
        pass


class SafeIOError(Exception):
    """A refused or failed write/open: the message is one line."""


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def _fs(p: str | os.PathLike[str]) -> str:
    return os.fspath(p)


# ---- which files a command must not write ------------------------------------------

SIDECARS = ("-wal", "-shm", "-journal")


def store_files(db: str | os.PathLike[str]) -> list[str]:
    """The store and its SQLite sidecar files, as given and as resolved."""
    db = _fs(db)
    out: list[str] = []
    for base in dict.fromkeys((os.path.abspath(db), os.path.realpath(db))):
        out.append(base)
        out += [base + s for s in SIDECARS]
    return out


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """The same file: equal resolved paths, or (both existing) the same inode."""
    a, b = _fs(a), _fs(b)
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def check_not_input(out: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]],
                    *, what: str = "output") -> None:
    """Raise SafeIOError when writing `out` would write over one of `inputs`."""
    for src in inputs:
        if same_file(out, src):
            raise SafeIOError(f"{what} {_fs(out)} is {_fs(src)}, an input of this command; "
                              "refusing to write over it")


def write_denied(path: str | os.PathLike[str], *, create: bool = True) -> str | None:
    """Why `path` cannot be written: a missing permission, or None (as far as
    access(2) can tell: root passes except on a read-only file system)."""
    p = os.path.abspath(_fs(path))
    d = os.path.dirname(p) or "/"
    missing = []
    if os.path.lexists(p) and not os.path.islink(p):
        if os.path.isdir(p):
            return f"{p} is a directory"
        if not os.access(p, os.W_OK):
            missing.append(f"no write permission on file {p}")
        if not create:
            return missing[0] if missing else None
    while not os.path.isdir(d):  # missing directories are created in the nearest one
        if os.path.lexists(d):
            missing.append(f"{d} is not a directory")
            return " and ".join(missing)
        up = os.path.dirname(d)
        if up == d:
            break
        d = up
    if not os.access(d, os.W_OK | os.X_OK):
        missing.append(f"no write permission on directory {d}")
    return " and ".join(missing) or None


# ---- atomic writes --------------------------------------------------------------------

_UMASK_LOCK = threading.Lock()
_UMASK: list[int] = []


def _umask() -> int:
    with _UMASK_LOCK:
        if not _UMASK:
            old = os.umask(0o022)
            os.umask(old)
            _UMASK.append(old)
        return _UMASK[0]


def _chunks(data: str | bytes | Iterable[str | bytes], encoding: str) -> Iterable[bytes]:
    if isinstance(data, (str, bytes, bytearray, memoryview)):
        data = [data]  # type: ignore[list-item]
    for c in data:  # type: ignore[union-attr]
        yield c.encode(encoding) if isinstance(c, str) else bytes(c)


def _failure(path: str, e: OSError) -> SafeIOError:
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = write_denied(path) or ("read-only file system" if e.errno == errno.EROFS
                                     else e.strerror)
        return SafeIOError(f"{path}: cannot write ({why})")
    return SafeIOError(f"{path}: cannot write ({e.strerror or _one_line(e)})")


def atomic_write(path: str | os.PathLike[str], data: str | bytes | Iterable[str | bytes], *,
                 protect: Iterable[str | os.PathLike[str]] = (), fsync: bool = True,
                 follow_symlinks: bool = True, encoding: str = "utf-8",
                 what: str = "output") -> None:
    """Write `data` to `path` completely or not at all (see the module doc)."""
    given = _fs(path)
    if given == "":
        raise SafeIOError("empty output file name")
    check_not_input(given, protect, what=what)
    target = os.path.realpath(given) if follow_symlinks else os.path.abspath(given)
    try:
        st = os.stat(target) if follow_symlinks else os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise _failure(given, e) from None
    if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISLNK(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise SafeIOError(f"{given}: is a directory")
        if not (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            raise SafeIOError(f"{given}: not a regular file, a character device or a pipe")
        try:  # /dev/null, /dev/stdout, a pipe: nothing to replace
            flags = os.O_WRONLY | (os.O_NONBLOCK if stat.S_ISFIFO(st.st_mode) else 0)
            try:
                fd = os.open(target, flags)
            except OSError as e:
                if e.errno == errno.ENXIO:  # a FIFO nobody reads: would block forever
                    raise SafeIOError(f"{given}: a pipe that no process reads") from None
                raise
            if flags & os.O_NONBLOCK:
                os.set_blocking(fd, True)
            with os.fdopen(fd, "wb") as f:
                for c in _chunks(data, encoding):
                    f.write(c)
        except OSError as e:
            raise _failure(given, e) from None
        return
    d = os.path.dirname(target) or "."
    base = os.path.basename(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{base[:100]}.", suffix=".tmp", dir=d)
    except OSError as e:
        raise _failure(given, e) from None
    try:
        try:
            with os.fdopen(fd, "wb") as f:
                for c in _chunks(data, encoding):
                    f.write(c)
                f.flush()
                mode = (stat.S_IMODE(st.st_mode) if st is not None and stat.S_ISREG(st.st_mode)
                        else 0o666 & ~_umask())
                os.fchmod(f.fileno(), mode)
                if fsync:
                    os.fsync(f.fileno())
            os.replace(tmp, target)
        except OSError as e:
            raise _failure(given, e) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if fsync:
        try:
            dfd = os.open(d, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        except OSError:
            pass


# ---- read-only SQLite -------------------------------------------------------------------

def sqlite_uri(path: str | os.PathLike[str], **params: Any) -> str:
    """file: URI of `path` (absolute; every byte but letters, digits and '/._-~'
    percent-encoded) with query parameters."""
    raw = os.fsencode(os.path.abspath(_fs(path)))
    uri = "file:" + urllib.parse.quote_from_bytes(raw, safe="/")
    if params:
        uri += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return uri


def sqlite_error_kind(e: BaseException) -> str:
    name = str(getattr(e, "sqlite_errorname", "") or "")
    msg = str(e).lower()
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in msg \
            or "not a database" in msg:
        return "corrupt"
    if name.startswith("SQLITE_READONLY") or "readonly database" in msg:
        return "readonly"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in msg:
        return "cantopen"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in msg:
        return "busy"
    return "other"


class ReadOnlyConnection(sqlite3.Connection):
    """A connection from connect_readonly(); close() removes the -wal/-shm files
    that opening it created (when nobody else uses the store)."""
    ro_mode = "ro"
    ro_note: str | None = None
    _tidy: str | None = None

    def close(self) -> None:
        super().close()
        path, self._tidy = self._tidy, None
        if path is not None:
            _tidy_sidecars(path)


def _tidy_sidecars(real: str) -> None:
    if not (os.path.exists(real + "-wal") or os.path.exists(real + "-shm")):
        return
    try:
        # The last connection to close deletes the -wal and -shm files (it
        # checkpoints first: the -wal we created is empty, so the database
        # file is not written).  With another connection open, nothing happens.
        con = sqlite3.connect(sqlite_uri(real, mode="rw"), uri=True, timeout=1.0)
        try:
            con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        finally:
            con.close()
    except sqlite3.Error:
        pass


def connect_readonly(path: str | os.PathLike[str], *, timeout: float = 60.0,
                     isolation_level: str | None = None) -> ReadOnlyConnection:
    """Open an SQLite file for reading only (see the module doc).  Raises
    sqlite3.Error as sqlite3.connect does (sqlite_error_kind() classifies it)."""
    real = os.path.realpath(_fs(path))
    d = os.path.dirname(real) or "/"
    had_sidecars = any(os.path.lexists(real + s) for s in ("-wal", "-shm"))
    can_tidy = os.access(real, os.W_OK) and os.access(d, os.W_OK | os.X_OK)
    first: sqlite3.Error | None = None
    con: ReadOnlyConnection | None = None
    if not had_sidecars and not can_tidy and _is_wal(real):
        # Nobody has the store open, and the -wal/-shm files that mode=ro would
        # create could not be removed again (they would be this user's, in the
        # way of the owner's next write): read the file as it is.
        return _immutable(real, d, timeout, isolation_level, None)
    try:
        con = sqlite3.connect(sqlite_uri(real, mode="ro"), uri=True, timeout=timeout,
                              isolation_level=isolation_level,
                              factory=ReadOnlyConnection)  # type: ignore[assignment]
        if not had_sidecars and can_tidy:
            con._tidy = real
        con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # opens the WAL
        con.ro_mode = "ro"
        return con
    except sqlite3.OperationalError as e:
        if con is not None:
            con.close()
        if sqlite_error_kind(e) not in ("readonly", "cantopen") or not os.access(real, os.R_OK):
            raise
        first = e
    except sqlite3.Error:
        if con is not None:
            con.close()
        raise
    # mode=ro could not set up the WAL index (-shm) here: read the file as it is
    return _immutable(real, d, timeout, isolation_level, first)


def _is_wal(real: str) -> bool:
    """The database file's header says WAL mode (format versions 2)."""
    try:
        with open(real, "rb") as f:
            head = f.read(20)
    except OSError:
        return False
    return len(head) == 20 and head[18] == 2


def _immutable(real: str, d: str, timeout: float, isolation_level: str | None,
               first: sqlite3.Error | None) -> ReadOnlyConnection:
    con: ReadOnlyConnection | None = None
    try:
        con = sqlite3.connect(  # type: ignore[assignment]
            sqlite_uri(real, mode="ro", immutable=1), uri=True, timeout=timeout,
            isolation_level=isolation_level, factory=ReadOnlyConnection)
        con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        if con is not None:
            con.close()
        if first is None:
            raise
        raise first from None
    con.ro_mode = "immutable"
    wal = real + "-wal"
    try:
        pending = os.path.getsize(wal) > 0
    except OSError:
        pending = False
    if pending:
        con.ro_note = (f"{wal} holds changes not yet checkpointed, which a read-only open "
                       f"cannot see here (no write permission on directory {d} for the -shm "
                       "file); figures may be older")
    return con
