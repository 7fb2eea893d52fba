"""What a page is, from its bytes: its format (text, HTML, JSON record) and page type."""

from __future__ import annotations

import re

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body|div|table|h1|h5)\b[^>]*>", re.I)


def detect_format(data: bytes) -> str:
    """``"json"``, ``"html"`` or ``"text"``, judged from the first 64 KiB."""
    head = data[:65536]
    for bom in (b"\xef\xbb\xbf",):
        if head.startswith(bom):
            head = head[len(bom) :]
    stripped = head.lstrip()
    if stripped.startswith(b"{") and b'"title"' in head:
        return "json"
    if _HTML_START.match(head) or len(_HTML_ANYWHERE.findall(head[:16384])) >= 3:
        return "html"
    return "text"
