"""Records given as JSON (the contract's form, as ``export_pages`` writes them)."""

from __future__ import annotations

import json

from .decoding import decode_bytes
from .record import KINDS, PageError, TitleRecord


def parse_json_record(data: bytes) -> TitleRecord:
    try:
        payload = json.loads(decode_bytes(data))
    except (json.JSONDecodeError, RecursionError) as error:
        raise PageError(f"not a valid JSON record: {error}", line=getattr(error, "lineno", None)) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("title"), str) or not payload["title"].strip():
        raise PageError('a JSON record must be an object with a non-empty "title"')
    if payload.get("kind", "movie") not in KINDS:
        raise PageError(f"unknown kind {payload.get('kind')!r} in JSON record")
    try:
        record = TitleRecord.from_dict(payload)
    except (TypeError, ValueError, AttributeError) as error:
        raise PageError(f"JSON record does not match the contract: {error}") from None
    record.source_format = "json"
    return record
