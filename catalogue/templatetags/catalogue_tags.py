"""Template helpers for the catalogue's pages."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from catalogue.models import TitleKind

register = template.Library()

# The same escapes as Django's json_script: no "<", ">" or "&" survives inside <script>,
# so page text such as "</script>" cannot end the element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
_KIND_LABELS = dict(TitleKind.choices)


@register.filter
def json_ld(value) -> str:
    """A <script type="application/ld+json"> element, escaped the way json_script escapes."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    # SafeString only wraps the escaped JSON above: it holds no raw "<", ">" or "&".
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))


@register.simple_tag
def certificate_url(country: str, rating: str) -> str:
    """The certificate page's URL, or "" when the printed values cannot form a path."""
    if not country or not rating or "/" in country:
        return ""
    try:
        return reverse("catalogue:certificate", kwargs={"country": country, "rating": rating})
    except NoReverseMatch:
        return ""


@register.filter
def notes(values) -> str:
    """Notes as the old layout printed them: "(original rating) (1960)"."""
    if not values:
        return ""
    if isinstance(values, str):
        values = [values]
    return " ".join(f"({value})" for value in values if value)


@register.filter
def kind_label(kind: str) -> str:
    return _KIND_LABELS.get(kind, kind)


@register.filter
def years(title) -> str:
    """"1959", "2004–2012", "1999– " as the header printed them."""
    if title.year is None:
        return ""
    if title.kind in (TitleKind.TV_SERIES, TitleKind.TV_MINI_SERIES):
        return f"{title.year}–{title.end_year or ''}"
    return str(title.year)


@register.filter
def thousands(value) -> str:
    """21203 → "21,203"."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return "" if value is None else str(value)
