"""Bytes to text: the encoding is detected from the bytes, never assumed.

Saved pages come as UTF-8 (with or without BOM), UTF-16 with BOM, or
Latin-1/Windows-1252. Valid UTF-8 is taken as UTF-8 (other encodings of real text
are almost never valid UTF-8); a declared charset (HTTP header or HTML meta tag) is
tried next; then Windows-1252, whose undefined bytes fall back to Latin-1.

Two kinds of damage seen on real pages are repaired, and ``decode_page`` says so
(``Decoded.repairs``, which the parser adds to the record's ``warnings``):

- **A UTF-8 page with a few bytes that are not UTF-8** (one stray Windows-1252 byte
  used to make the whole page Windows-1252, and every accented name mojibake:
  "Ã‰liane Marcus"). The page is decoded line by line: a line that is valid UTF-8
  stays UTF-8. A line that is not is read, in a page whose non-ASCII lines are
  mostly valid UTF-8, as UTF-8 where its bytes are valid and Windows-1252 for each
  byte that is not; in a page whose non-ASCII lines are mostly not UTF-8, as
  Windows-1252 throughout. A page with no valid UTF-8 non-ASCII line at all is a
  Windows-1252 page: decoded as before, nothing to report.
- **A page double-encoded as a whole** (UTF-8 read as Windows-1252 and saved again
  as UTF-8: "Ã©" for "é", "Â»" for "»", "â€™" for "’"). Repaired only when the
  evidence is clear: *every* non-ASCII character of the page is part of such a
  sequence, and there are at least ``MIN_DOUBLE_ENCODED`` of them. One real "Ã" in
  a name ("Ã" followed by a letter, or any character no double encoding produces)
  means the page is left as it is.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# A double-encoded page is repaired only with at least this many mojibake sequences
# (a real page has dozens: every non-breaking space and "»" makes one).
MIN_DOUBLE_ENCODED = 2


class Decoded(NamedTuple):
    """A page's text, the encoding it was read in, and what was repaired (for warnings)."""

    text: str
    encoding: str
    repairs: list[str]


def detect_encoding(data: bytes, *, declared: str | None = None) -> str:
    """The name of the encoding ``data`` is in (a Python codec name).

    ``"cp1252"`` also stands for a page that is UTF-8 with some lines that are not
    (decoded line by line by ``decode_page``).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name + "-sig" if name == "utf-8" else name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            codec = codecs.lookup(declared.strip().strip("\"'"))
        except LookupError:
            codec = None
        # Pages that declare Latin-1 are in practice Windows-1252 (as browsers read them).
        if codec is not None and codec.name not in {"utf-8", "latin-1", "iso8859-1", "ascii"}:
            try:
                data.decode(codec.name)
                return codec.name
            except UnicodeDecodeError:
                pass
    return "cp1252"


def decode_bytes(data: bytes | str, *, declared: str | None = None) -> str:
    """Decode a page's bytes to text with universal newlines (CRLF and CR become LF).

    Text passes through (byte-order mark dropped, line ends normalised); bytes are
    read by ``decode_page`` (repairs included).
    """
    if isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    return decode_page(data, declared=declared).text


def decode_page(data: bytes, *, declared: str | None = None) -> Decoded:
    """A page's bytes as text (universal newlines), the encoding, and what was repaired."""
    data = bytes(data)
    encoding = detect_encoding(data, declared=declared)
    repairs: list[str] = []
    if encoding.startswith("utf-16") or encoding.startswith("utf-32"):
        text = data[len(_bom_for(encoding)) :].decode(encoding, errors="replace")
    elif encoding in ("utf-8", "utf-8-sig"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:  # a byte-order mark, then bytes that are not all UTF-8
            text, repair = _decode_mixed(data[len(codecs.BOM_UTF8) :])
        else:
            text, repair = repair_double_encoding(text)
        if repair:
            repairs.append(repair)
    elif encoding == "cp1252":
        text, repair = _decode_mixed(data)
        if repair:
            repairs.append(repair)
    else:
        text = data.decode(encoding, errors="replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, repairs)


def _bom_for(encoding: str) -> bytes:
    return next(bom for bom, name in _BOMS if name == encoding)


_UNDEFINED_IN_CP1252 = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
# Windows-1252, with its five undefined bytes read as Latin-1 (C1 controls).
_CP1252_TABLE = {
    byte: (bytes([byte]).decode("latin-1") if byte in _UNDEFINED_IN_CP1252 else bytes([byte]).decode("cp1252"))
    for byte in range(256)
}
_CP1252_ENCODE = {char: byte for byte, char in _CP1252_TABLE.items()}


def _decode_cp1252(data: bytes) -> str:
    if not any(byte in data for byte in _UNDEFINED_IN_CP1252):
        return data.decode("cp1252")
    return "".join(_CP1252_TABLE[byte] for byte in data)


def _cp1252_for_bad_bytes(error: UnicodeError):
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return _CP1252_TABLE[error.object[error.start]], error.start + 1


codecs.register_error("catalogue-cp1252", _cp1252_for_bad_bytes)


def _decode_mixed(data: bytes) -> tuple[str, str | None]:
    """Bytes that are not valid UTF-8 as a whole: line by line (see the module's doc)."""
    lines = data.split(b"\n")
    valid: list[bool | None] = []  # None: ASCII
    utf8_lines = bad_lines = 0
    for line in lines:
        if line.isascii():
            valid.append(None)
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            valid.append(False)
            bad_lines += 1
        else:
            valid.append(True)
            utf8_lines += 1
    if not utf8_lines:
        return _decode_cp1252(data), None  # a Windows-1252 page
    mostly_utf8 = utf8_lines >= bad_lines
    out: list[str] = []
    bad_numbers: list[int] = []
    for number, (line, ok) in enumerate(zip(lines, valid), start=1):
        if ok is None:
            out.append(line.decode("ascii"))
        elif ok:
            out.append(line.decode("utf-8"))
        else:
            bad_numbers.append(number)
            out.append(line.decode("utf-8", errors="catalogue-cp1252") if mostly_utf8 else _decode_cp1252(line))
    shown = ", ".join(str(n) for n in bad_numbers[:10]) + (", …" if len(bad_numbers) > 10 else "")
    if mostly_utf8:
        repair = (
            f"decoding: page is UTF-8 but {len(bad_numbers)} line(s) are not (line {shown}): "
            "their invalid bytes were read as Windows-1252, the rest of the page as UTF-8"
        )
    else:
        repair = (
            f"decoding: page is mostly Windows-1252 but {utf8_lines} line(s) are valid UTF-8 and were read as UTF-8; "
            f"Windows-1252 line(s): {shown}"
        )
    return "\n".join(out), repair


# Double encoding: each UTF-8 byte read as a Windows-1252 character. A lead byte
# C2-F4 becomes "Â".."ô"; a continuation byte 80-BF one of these:
_CONTINUATION = "".join(_CP1252_TABLE[byte] for byte in range(0x80, 0xC0))
_CONT = "[" + re.escape(_CONTINUATION) + "]"
_MOJIBAKE = re.compile("[\u00c2-\u00df]" + _CONT + "|[\u00e0-\u00ef]" + _CONT + "{2}|[\u00f0-\u00f4]" + _CONT + "{3}")


def repair_double_encoding(text: str) -> tuple[str, str | None]:
    """``text`` with double encoding undone when the evidence is clear, and what was done.

    Clear evidence: at least ``MIN_DOUBLE_ENCODED`` mojibake sequences, each of which
    is valid UTF-8 once read back as Windows-1252, and no other non-ASCII character in
    the whole text. Otherwise ``text`` is returned unchanged.
    """
    start = 1 if text.startswith("\ufeff") else 0
    # Fast path (every page goes through here): in a double-encoded text the first
    # non-ASCII character is a lead ("Â".."ô"). The ASCII codec finds it at C speed.
    if text.isascii():
        return text, None
    try:
        text[start:].encode("ascii")
        return text, None
    except UnicodeEncodeError as error:
        first = text[start + error.start]
    if not "\u00c2" <= first <= "\u00f4":
        return text, None
    rounds = 0
    count = 0
    current = text
    while True:
        fixed, found = _undo_once(current, start)
        if fixed is None:
            break
        current, rounds, count = fixed, rounds + 1, count or found
        if rounds == 3:
            break
    if not rounds:
        return text, None
    times = "" if rounds == 1 else f" ({rounds} times)"
    return current, (
        f"decoding: page was double-encoded{times} (UTF-8 read as Windows-1252 and saved again as UTF-8, "
        f'e.g. "Ã©" for "é"): {count} sequence(s) repaired'
    )


def _undo_once(text: str, start: int) -> tuple[str | None, int]:
    pieces: list[str] = []
    position = start
    found = 0
    for match in _MOJIBAKE.finditer(text, start):
        between = text[position : match.start()]
        if not between.isascii():
            return None, 0
        try:
            repaired = bytes(_CP1252_ENCODE[char] for char in match.group()).decode("utf-8")
        except UnicodeDecodeError:  # an overlong or surrogate form: not UTF-8 after all
            return None, 0
        pieces.append(between)
        pieces.append(repaired)
        found += 1
        position = match.end()
    if found < MIN_DOUBLE_ENCODED or not text[position:].isascii():
        return None, 0
    pieces.append(text[position:])
    return text[:start] + "".join(pieces), found
