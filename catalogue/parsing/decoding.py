"""Bytes to text: the encoding is detected from the bytes, never assumed.

Saved pages come as UTF-8 (with or without BOM), UTF-16 with BOM, or
Latin-1/Windows-1252. Valid UTF-8 is taken as UTF-8 (other encodings of real text
are almost never valid UTF-8); a declared charset (HTTP header or HTML meta tag) is
tried next; then Windows-1252, whose undefined bytes fall back to Latin-1.
"""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def detect_encoding(data: bytes, *, declared: str | None = None) -> str:
    """The name of the encoding ``data`` is in (a Python codec name)."""
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
    """Decode a page's bytes to text with universal newlines (CRLF and CR become LF)."""
    if isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
    else:
        encoding = detect_encoding(data, declared=declared)
        if encoding.startswith("utf-16") or encoding.startswith("utf-32"):
            text = data[len(_bom_for(encoding)):].decode(encoding, errors="replace")
        elif encoding == "cp1252":
            text = _decode_cp1252(data)
        else:
            text = data.decode(encoding, errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bom_for(encoding: str) -> bytes:
    return next(bom for bom, name in _BOMS if name == encoding)


_UNDEFINED_IN_CP1252 = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
# Windows-1252, with its five undefined bytes read as Latin-1 (C1 controls).
_CP1252_TABLE = {
    byte: (bytes([byte]).decode("latin-1") if byte in _UNDEFINED_IN_CP1252 else bytes([byte]).decode("cp1252"))
    for byte in range(256)
}


def _decode_cp1252(data: bytes) -> str:
    if not any(byte in data for byte in _UNDEFINED_IN_CP1252):
        return data.decode("cp1252")
    return "".join(_CP1252_TABLE[byte] for byte in data)
