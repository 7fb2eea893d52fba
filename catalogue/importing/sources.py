"""Pages from paths: files, folders, zip and tar archives, web-archive (WARC/WET) files.

``iter_pages(paths)`` is a generator: it yields one ``Page`` (or ``Skipped``) at a time,
streaming archive members and WARC records, so memory stays flat however many pages
a batch holds.

What is a page in a folder or an archive: files whose name ends in a page suffix
(``.txt``, ``.text``, ``.html``, ``.htm``, ``.xhtml``, ``.json``, or no suffix), except
hidden files and ``README*``. Everything else (``*.md``, images, …) is reported as
skipped, not failed. A file named on the command line is always read as a page.

Hostile input is refused before it costs memory: no page is read past
``MAX_PAGE_BYTES`` (a real saved title page is under 1 MB), an archive member that
claims to expand more than ``MAX_EXPANSION`` times is not opened, archive members that
are links, special files or names climbing out of the archive (``../``, ``..\\``) are
reported and left, and a WARC record shorter than its ``Content-Length`` or whose
``WARC-Payload-Digest`` does not match is refused: a cut-off page must never pass for
a whole one. Each refusal names the file (and member or record).
"""

from __future__ import annotations

import os
import re
import stat
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

# Limits for one page, both settable in the environment (docs/importing.md).
MAX_PAGE_BYTES = int(os.environ.get("IMPORT_MAX_PAGE_MB", "20")) * 1024 * 1024
MAX_EXPANSION = int(os.environ.get("IMPORT_MAX_EXPANSION", "100"))
# Members smaller than this are never refused for their ratio (text compresses well).
_RATIO_FLOOR = 1024 * 1024

PAGE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".json", ""}
ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar.gz", ".tgz", ".tar")
WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.wet.gz", ".wet.gz", ".wet", ".arc", ".arc.gz")

# Old-layout title pages a crawl may hold: main, combined, full credits, reviews.
TITLE_URL = re.compile(
    r"/title/(?P<imdb_id>tt\d+)/?(?P<page>combined|maindetails|fullcredits|usercomments|reviews)?(?:[/?#]|$)"
)


@dataclass
class Page:
    """One page to import: its bytes and where they came from."""

    name: str  # path, "archive.zip!member" or "crawl.warc.gz#uri"
    data: bytes
    url: str | None = None
    captured_at: datetime | None = None
    offset: int | None = None  # byte offset of the WARC record, for error messages
    # What captured_at was taken from. A date the input states ("--captured-at",
    # "WARC-Date", "given") is kept; a file's date ("file mtime", "archive member
    # date") is only a last resort: the importer reads the file name and the page
    # first (catalogue/importing/capture.py).
    captured_from: str = "given"
    consumed: int = 0  # bytes of the batch's input read up to this page (input_size's share)

    @property
    def location(self) -> str:
        return f"{self.name} (offset {self.offset})" if self.offset is not None else self.name


@dataclass
class Skipped:
    """Something in the input that is not a page (reported, never an error)."""

    name: str
    reason: str
    consumed: int = 0


@dataclass
class Unreadable:
    """A file or archive that could not be read (reported as a failure; the batch goes on)."""

    name: str
    reason: str
    consumed: int = 0


def is_page_name(name: str) -> tuple[bool, str]:
    """Whether a file met in a folder or archive is taken as a page, and why not.

    ``name``: the file's name, or an archive member's path inside its archive.
    """
    if any(part.endswith(RESOURCES_SUFFIX) for part in re.split(r"[\\/]", name)[:-1]):
        return False, RESOURCES_REASON
    base = name.rsplit("/", 1)[-1]
    if not base or base.startswith("."):
        return False, "hidden file"
    if base.upper().startswith("README"):
        return False, "README file"
    suffix = Path(base).suffix.lower()
    if suffix not in PAGE_SUFFIXES:
        return False, f"not a page file ({suffix or 'no suffix'})"
    return True, ""


def _kind(name: str) -> str:
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(ZIP_SUFFIXES):
        return "zip"
    if lower.endswith(TAR_SUFFIXES):
        return "tar"
    return "file"


def _from_timestamp(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def iter_pages(
    paths: Iterable[str | os.PathLike], *, captured_at: datetime | None = None
) -> Iterator[Page | Skipped | Unreadable]:
    """Every page under ``paths``, in order (folders sorted, recursively).

    Each item's ``consumed`` is how many bytes of the input (``input_size``) are read
    by then: archives and WARC files count their compressed bytes as they are read, so
    a progress bar moves through one big crawl file too.
    """
    done = 0
    for path in paths:
        path = Path(path)
        if not path.exists() and not path.is_symlink():
            yield Skipped(str(path), "no such file or folder")
            continue
        for file, explicit in _files(path):
            if explicit is None:
                yield Skipped(str(file), RESOURCES_REASON)
                continue
            size = _read_size(file, explicit=explicit)
            position = _Position(size)
            for item in _iter_file(file, captured_at=captured_at, explicit=explicit, position=position):
                item.consumed = done + min(position.at(), size)
                yield item
            done += size


def input_size(paths: Iterable[str | os.PathLike]) -> int:
    """The bytes ``iter_pages(paths)`` will read: what a progress bar's 100% is (a walk, no reads)."""
    return sum(
        _read_size(file, explicit=explicit)
        for path in paths
        for file, explicit in _files(Path(path))
        if explicit is not None
    )


# A browser's "Save page as… (complete)" puts the page's images, scripts and ad frames
# in a "<name>_files" folder beside it: none of it is a page (its .html files are ad frames).
RESOURCES_SUFFIX = "_files"
RESOURCES_REASON = "a saved page's resources folder (images, scripts, frames), not pages"


def _files(path: Path) -> Iterator[tuple[Path, bool | None]]:
    """The files under ``path`` in import order: True for a file named on the command line,
    False for one found in a folder, None for a resources folder (passed over whole)."""
    if not path.is_dir():
        if path.exists():
            yield path, True
        return
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            if not name.startswith("."):  # hidden files are not even reported
                yield Path(root) / name, False
        for name in dirs:
            if name.endswith(RESOURCES_SUFFIX) and not name.startswith("."):
                yield Path(root) / name, None
        dirs[:] = [d for d in dirs if not d.startswith(".") and not d.endswith(RESOURCES_SUFFIX)]


def _read_size(path: Path, *, explicit: bool) -> int:
    """The size of a file the import reads (0 for one it skips unread, or cannot see)."""
    if not (explicit or _kind(path.name) in _CONTAINERS or is_page_name(path.name)[0]):
        return 0
    try:
        return path.stat().st_size
    except OSError:
        return 0


class _Position:
    """How far into its file the import has read: the open stream's offset, or all of a plain file."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.stream = None

    def at(self) -> int:
        if self.stream is None:
            return self.size
        try:
            return self.stream.tell()
        except (OSError, ValueError):  # closed by now: the file was read to its end
            return self.size


def _iter_file(
    path: Path, *, captured_at: datetime | None, explicit: bool, position: _Position | None = None
) -> Iterator[Page | Skipped | Unreadable]:
    kind = _kind(path.name)
    if kind in _CONTAINERS:
        try:
            with path.open("rb") as stream:
                if position is not None:
                    position.stream = stream
                yield from _CONTAINERS[kind](path, stream, captured_at=captured_at)
        except Exception as error:  # noqa: BLE001 - a corrupt archive fails alone, the batch goes on
            yield Unreadable(str(path), f"cannot read {kind} file: {type(error).__name__}: {error}")
        finally:
            if position is not None:
                position.stream = None
    else:
        if not explicit:
            ok, reason = is_page_name(path.name)
            if not ok:
                yield Skipped(str(path), reason)
                return
        try:
            info = path.stat()
            if info.st_size > MAX_PAGE_BYTES:
                yield Unreadable(str(path), _too_big(info.st_size))
                return
            with path.open("rb") as handle:
                data = _read_limited(handle)
        except OSError as error:  # vanished, a dangling link, no permission: this file fails alone
            yield Unreadable(str(path), f"cannot read: {error.strerror or error}")
            return
        if data is None:
            yield Unreadable(str(path), _too_big())
            return
        yield Page(
            name=str(path),
            data=data,
            captured_at=captured_at or _from_timestamp(info.st_mtime),
            captured_from=_OPTION if captured_at else "file mtime",
        )


def _too_big(size: int | None = None) -> str:
    what = f"{size:,} bytes" if size is not None else "more"
    return (
        f"page too large ({what}; the limit is {MAX_PAGE_BYTES // (1024 * 1024)} MB a page, "
        "IMPORT_MAX_PAGE_MB): not a saved title page"
    )


def _read_limited(handle) -> bytes | None:
    """At most ``MAX_PAGE_BYTES`` from ``handle``; None when there is more."""
    # In chunks: some streams (warcio's) return less than asked before their end.
    chunks, size = [], 0
    while size <= MAX_PAGE_BYTES:
        chunk = handle.read(min(1 << 20, MAX_PAGE_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return None if size > MAX_PAGE_BYTES else b"".join(chunks)


def _unsafe_member_name(name: str) -> str | None:
    parts = re.split(r"[\\/]", name)
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        return "unsafe member name (absolute, or climbing out with ..)"
    return None


def _iter_zip(path: Path, stream, *, captured_at: datetime | None) -> Iterator[Page | Skipped]:
    with zipfile.ZipFile(stream) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            name = f"{path}!{info.filename}"
            mode = info.external_attr >> 16
            unsafe = _unsafe_member_name(info.filename)
            if unsafe:
                yield Skipped(name, unsafe)
                continue
            if stat.S_ISLNK(mode):
                yield Skipped(name, "a symbolic link, not a page")
                continue
            if stat.S_IFMT(mode) and not stat.S_ISREG(mode):  # no type bits: a plain file (most zips)
                yield Skipped(name, "a special file, not a page")
                continue
            ok, reason = is_page_name(info.filename)
            if not ok:
                if not info.filename.rsplit("/", 1)[-1].startswith("."):
                    yield Skipped(name, reason)
                continue
            if info.file_size > MAX_PAGE_BYTES:
                yield Unreadable(name, _too_big(info.file_size))
                continue
            if info.file_size > _RATIO_FLOOR and info.file_size > MAX_EXPANSION * max(info.compress_size, 1):
                yield Unreadable(
                    name,
                    f"expands {info.file_size // max(info.compress_size, 1):,} times "
                    f"(the limit is {MAX_EXPANSION}, IMPORT_MAX_EXPANSION): a compression bomb?",
                )
                continue
            # The sizes in the header can lie: the read itself is bounded too.
            with archive.open(info) as handle:
                data = _read_limited(handle)
            if data is None:
                yield Unreadable(name, _too_big())
                continue
            when = captured_at or datetime(*info.date_time, tzinfo=timezone.utc)
            yield Page(
                name=name, data=data, captured_at=when, captured_from=_OPTION if captured_at else "archive member date"
            )


def _iter_tar(path: Path, stream, *, captured_at: datetime | None) -> Iterator[Page | Skipped]:
    # "r|*" streams the archive: members are read in order, never extracted.
    with tarfile.open(fileobj=stream, mode="r|*") as archive:
        for member in archive:
            if member.isdir():
                continue
            name = f"{path}!{member.name}"
            unsafe = _unsafe_member_name(member.name)
            if unsafe:
                yield Skipped(name, unsafe)
                continue
            if member.issym() or member.islnk():
                yield Skipped(name, "a link, not a page")
                continue
            if not member.isfile():
                yield Skipped(name, "a special file, not a page")
                continue
            ok, reason = is_page_name(member.name)
            if not ok:
                if not member.name.rsplit("/", 1)[-1].startswith("."):
                    yield Skipped(name, reason)
                continue
            if member.size > MAX_PAGE_BYTES:
                yield Unreadable(name, _too_big(member.size))
                continue
            handle = archive.extractfile(member)
            data = _read_limited(handle) if handle else b""
            yield Page(
                name=name,
                data=data,
                captured_at=captured_at or _from_timestamp(member.mtime),
                captured_from=_OPTION if captured_at else "archive member date",
            )


def _parse_warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _iter_warc(path: Path, stream, *, captured_at: datetime | None) -> Iterator[Page | Skipped]:
    from warcio.archiveiterator import ArchiveIterator

    # check_digests: each record's WARC-Payload-Digest is compared as it is read;
    # arc2warc: the older ARC files (.arc, .arc.gz) come as WARC response records.
    records = ArchiveIterator(stream, check_digests=True, arc2warc=True)
    for record in records:
        if record.rec_type not in ("response", "resource", "conversion", "revisit"):
            continue  # requests, warcinfo, metadata: not pages, not worth a line
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        name = f"{path}#{uri}"
        if not TITLE_URL.search(uri):
            yield Skipped(name, "not a title page URL")
            continue
        if record.rec_type == "revisit":
            # A revisit holds no page: the crawler found the bytes of an earlier capture
            # again, which the catalogue already keeps (one source per distinct page).
            yield Skipped(name, "revisit record (the same page as an earlier capture, not stored again)")
            continue
        if record.rec_type == "response" and record.http_headers is not None:
            status = record.http_headers.get_statuscode() or ""
            if not status.startswith("2"):
                yield Skipped(name, f"HTTP status {status}")
                continue
        # content_stream() gives the payload: HTTP headers stripped, transfer/content encoding undone.
        try:
            data = _read_limited(record.content_stream())
        except Exception as error:  # noqa: BLE001 - a damaged payload (bad gzip, bad chunking) fails alone
            yield Unreadable(name, f"undecodable record: {type(error).__name__}: {error}")
            continue
        offset = records.get_record_offset()  # only once the payload is read: it moves the stream
        damage = _warc_damage(record, data)
        if damage:
            yield Unreadable(f"{name} (offset {offset})", damage)
            continue
        when = _parse_warc_date(record.rec_headers.get_header("WARC-Date"))
        source = "WARC-Date"
        if when is None:
            when, source = captured_at, _OPTION
        if when is None:
            when, source = _from_timestamp(path.stat().st_mtime), "file mtime"
        yield Page(name=name, data=data, url=uri, captured_at=when, offset=offset, captured_from=source)


def _warc_damage(record, data: bytes | None) -> str | None:
    """Why a WARC record's payload cannot be trusted as a whole page, or None."""
    if data is None:
        return _too_big()
    # A payload bigger than the limit was left unread; past that, every byte the record
    # announced must have come (LimitReader counts down what is left of Content-Length).
    left = getattr(record.raw_stream, "limit", 0)
    if left:
        declared = record.rec_headers.get_header("Content-Length")
        return f"truncated record: {left:,} of its {declared} bytes (Content-Length) are missing"
    if record.digest_checker.passed is False:
        problems = "; ".join(record.digest_checker.problems) or "digest mismatch"
        return f"damaged record: WARC-Payload-Digest does not match ({problems})"
    return None


_OPTION = "--captured-at"
# Dates that only say when a file was last written (copied), not when the page was captured.
FILE_DATES = frozenset({"file mtime", "archive member date"})

_CONTAINERS = {"warc": _iter_warc, "zip": _iter_zip, "tar": _iter_tar}
