"""Reading text input safely and writing output files atomically."""

from __future__ import annotations

import codecs
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from refkit.errors import InputError, OutputError, Problem

MAX_INPUT_BYTES = 20 * 1024 * 1024


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode input text: UTF-8 (with or without BOM), UTF-16/32 with a BOM; refuse binary data.

    Latin-1 / Windows-1252 text that is not valid UTF-8 is decoded as cp1252 with a warning left to
    the caller (``looks_legacy``), since such files are common when lists are exported from old tools.
    """
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(f"{name} is not valid {enc.upper()} text ({e.reason} at byte {e.start})",
                                 hint="re-save the file as UTF-8") from None
    sample = data[:8192]
    if b"\x00" in sample and len(sample) >= 4:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        enc = "utf-16-le" if odd > 0.4 * half and even < 0.05 * half else (
            "utf-16-be" if even > 0.4 * half and odd < 0.05 * half else "")
        if enc:  # UTF-16 text without a byte-order mark
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                pass
    if b"\x00" in sample:
        raise InputError(f"{name} looks like a binary file, not text",
                         hint="give a plain-text reference list or a .bib file (UTF-8)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 2:
        raise InputError(f"{name} looks like a binary file, not text",
                         hint="give a plain-text reference list or a .bib file (UTF-8)")
    return text


def is_legacy_encoded(data: bytes) -> bool:
    """Not UTF-8 and not UTF-16/32: read as Windows-1252, which deserves a warning."""
    if b"\x00" in data[:8192] or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    try:
        data.decode("utf-8")
        return False
    except UnicodeDecodeError:
        return True


def read_bytes(path: str | Path | None, max_bytes: int = MAX_INPUT_BYTES) -> tuple[bytes, str]:
    """The bytes of ``path`` ('-' or None for stdin) and its display name; refuses folders, missing
    files and files larger than ``max_bytes``."""
    if path is None or str(path) == "-":
        name = "<stdin>"
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        p = Path(path)
        name = str(p)
        if not p.exists():
            raise InputError(f"{name}: no such file", hint="check the path")
        if p.is_dir():
            raise InputError(f"{name} is a folder, not a file", hint="name a file inside it")
        try:
            with open(p, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as e:
            raise InputError(f"cannot read {name}: {e.strerror}", hint="check the file's permissions") from None
    if len(data) > max_bytes:
        raise InputError(f"{name} is larger than {max_bytes // (1024 * 1024)} MB",
                         hint="split it into smaller files")
    return data, name


def read_input(path: str | Path | None, max_bytes: int = MAX_INPUT_BYTES) -> tuple[str, str, list[Problem]]:
    """Read ``path`` ('-' or None for stdin). Returns (text, display name, warnings)."""
    data, name = read_bytes(path, max_bytes)
    return decode_text(data, name)


def decode_text(data: bytes, name: str) -> tuple[str, str, list[Problem]]:
    """Bytes read by :func:`read_bytes` -> (text, name, warnings); refuses binary and empty input."""
    warnings: list[Problem] = []
    text = decode_bytes(data, name)
    if is_legacy_encoded(data):
        warnings.append(Problem("not UTF-8; read it as Windows-1252/Latin-1", name, rule="encoding"))
    if not text.strip():
        raise InputError(f"{name} is empty", hint="give a file with at least one reference")
    return text, name, warnings


def same_file(a: str | Path | None, b: str | Path | None) -> bool:
    """Do ``a`` and ``b`` name the same existing file (through links and relative paths)?"""
    if a is None or b is None or str(a) == "-" or str(b) == "-":
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def write_output(path: str | Path | None, text: str, force: bool = False,
                 protect: str | Path | None = None) -> None:
    """Write ``text`` to ``path`` (stdout for None or '-'). An existing file is replaced only with
    ``force``, and then atomically (see :func:`atomic_write`); ``protect`` (the input file) is never
    replaced, even with ``force``."""
    if path is None or str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    p = Path(path)
    if same_file(p, protect):
        raise OutputError(f"{p} is the input file; refusing to write over it",
                          hint="choose another -o (even --force never replaces the input)")
    if p.exists() and not force:
        raise OutputError(f"{p} already exists", hint="use --force to overwrite it, or choose another -o")
    atomic_write(p, text)


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` atomically: readers see the old file or the new one, never half."""
    with atomic_path(path) as tmp:
        if isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(data)


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """The one atomic write: yields a temporary path in ``path``'s folder to write to; on success it is
    flushed to disk, given the old file's permissions (or the umask's) and renamed over ``path``; on
    failure it is removed and ``path`` is untouched."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"folder {folder} does not exist", hint="create it first")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise OutputError(f"cannot write in {folder}: {e.strerror}", hint="check the folder's permissions") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, p.stat().st_mode & 0o7777 if p.exists() else 0o666 & ~_umask())
        os.replace(tmp, p)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


def _umask() -> int:
    m = os.umask(0)
    os.umask(m)
    return m
