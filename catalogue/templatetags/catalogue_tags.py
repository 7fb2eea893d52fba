"""Template helpers for the catalogue's pages."""

from __future__ import annotations

import html
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from catalogue.models import TitleKind
from catalogue.text import Excerpt, excerpt as text_excerpt

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


@register.simple_tag
def certificate_country_url(country: str) -> str:
    """The country's certificates page, or "" when the printed name cannot form a path."""
    if not country or "/" in country:
        return ""
    try:
        return reverse("catalogue:certificate_country", kwargs={"country": country})
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
def excerpt(text: str | None) -> Excerpt:
    """A review's first words (catalogue.text.excerpt): ``.text`` to show, ``.cut`` when there is more."""
    return text_excerpt(text)


@register.filter
def kind_label(kind: str) -> str:
    return _KIND_LABELS.get(kind, kind)


@register.filter
def years(title) -> str:
    """ "1959", "2004–2012", "1999– " as the header printed them."""
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


# Rows of thousands (a busy person's filmography) are built here rather than in a template
# loop, which costs ~100 µs a row. Every value goes through html.escape, the function
# Django's escape() and autoescaping run (& < > " '), and is escaped unconditionally,
# so the result holds no unescaped page text; only the literal markup here is trusted.
_escape = html.escape


def episode_number(season, episode) -> str:
    """An episode's number as the old site wrote it: "S1.E3", "S2", "E7" (numbers only), or ""."""
    parts = [f"S{int(season)}" if season else "", f"E{int(episode)}" if episode else ""]
    return ".".join(part for part in parts if part)


@register.filter
def episode_code(item) -> str:
    """An episode's (anything with ``season`` and ``episode``) number: "S1.E3"."""
    return episode_number(item.season, item.episode)


def _title_suffix(kind: str) -> str:
    return "" if kind == TitleKind.MOVIE else f' <span class="muted">({_escape(kind_label(kind))})</span>'


@register.filter
def filmography_items(rows) -> SafeString:
    """A person's filmography rows (selectors.FilmographyRow tuples) as <li> elements."""
    suffixes: dict[str, str] = {}
    items = []
    for url, title, year, kind, character, credited_as, row_notes, series_url, series_title, season, episode in rows:
        if series_title:
            # An episode is named with its series: "Series: Episode (S1.E3)".
            series = _escape(series_title)
            if series_url:
                series = f'<a href="{_escape(series_url)}">{series}</a>'
            number = episode_number(season, episode)
            suffix = f' <span class="muted">({number})</span>' if number else _title_suffix(kind)
            link = f'{series}: <a href="{_escape(url)}">{_escape(title)}</a>{suffix}'
        else:
            suffix = suffixes.get(kind)
            if suffix is None:
                suffix = suffixes[kind] = _title_suffix(kind)
            link = f'<a href="{_escape(url)}">{_escape(title)}</a>{suffix}'
        # The year is a number (digits only) or the dash.
        item = f'<li><span class="filmography-year">{int(year) if year else "—"}</span> {link}'
        if character:
            item += f' <span class="character">… {_escape(character)}</span>'
        if credited_as:
            item += _muted(f"(as {credited_as})")
        if row_notes:
            item += _muted(notes(row_notes))
        items.append(item + "</li>")
    return mark_safe("\n".join(items))  # noqa: S308 (every value above is escaped)


@register.filter
def title_links(rows) -> SafeString:
    """Links to the rows' titles (selectors.FilmographyRow), with year and kind, separated by "; "."""
    links = []
    for url, title, year, kind, *_ in rows:
        link = f'<a href="{_escape(url)}">{_escape(title)}</a>'
        if year:
            kind_text = "" if kind == TitleKind.MOVIE else f" {_escape(kind_label(kind))}"
            link += f' <span class="muted">({int(year)}{kind_text})</span>'
        links.append(link)
    return mark_safe("; ".join(links))  # noqa: S308 (every value above is escaped)


def _listed_title(title, url_of) -> str:
    """A listed title's link with its year and kind (as catalogue/_title_link.html), escaped."""
    link = f'<a href="{_escape(url_of(title.slug))}">{_escape(title.title)}</a>'
    if title.year:
        kind_text = "" if title.kind == TitleKind.MOVIE else f" {_escape(kind_label(title.kind))}"
        link += f' <span class="muted">({int(title.year)}{kind_text})</span>'
    return link


@register.filter
def browse_items(titles) -> SafeString:
    """A browse page's titles (Title rows, for_listing) as <li> elements with rating and votes."""
    url_of = _title_url_maker()
    items = []
    for title in titles:
        item = "<li>" + _listed_title(title, url_of)
        if title.rating is not None:
            item += f' <span class="rating">{_escape(str(title.rating))}</span>'
        if title.votes:
            item += f' <span class="count">{int(title.votes):,} votes</span>'
        items.append(item + "</li>")
    return mark_safe("\n".join(items))  # noqa: S308 (every value above is escaped)


@register.filter
def chart_table_rows(rows) -> SafeString:
    """A chart's rows (selectors.listings.ChartRow) as <tr> elements: rank, title, rating, weighted, votes."""
    url_of = _title_url_maker()
    return mark_safe(
        "\n".join(  # noqa: S308 (every value is escaped or a number)
            f"<tr><td>{int(row.rank)}</td><td>{_listed_title(row.title, url_of)}</td>"
            f"<td>{_escape(str(row.title.rating))}</td><td>{float(row.score):.2f}</td>"
            f"<td>{int(row.title.votes or 0):,}</td></tr>"
            for row in rows
        )
    )


def _title_url_maker():
    from catalogue.selectors.common import slug_url_maker

    return slug_url_maker("catalogue:title")


@register.filter
def year_chart_bars(bars) -> SafeString:
    """The <rect> bars of a charts.YearChart (a long career has a hundred): numbers only, made sure of here."""
    rects = []
    for bar in bars:
        count = int(bar.count)
        rects.append(
            f'<rect class="chart__bar" x="{float(bar.x)}" y="{float(bar.y)}" width="{float(bar.width)}" '
            f'height="{float(bar.height)}">'
            f"<title>{int(bar.year)}: {count} title{'' if count == 1 else 's'}</title></rect>"
        )
    return mark_safe("".join(rects))  # noqa: S308 (numbers and literal markup only)


def _muted(text: str) -> str:
    return f' <span class="muted">{_escape(text)}</span>'


def _person_link(credit) -> str:
    return f'<a href="{_escape(credit.person_url)}">{_escape(credit.person_name)}</a>'


@register.filter
def crew_links(credits) -> SafeString:
    """The title page's credits of one crew department (selectors.TitleCredit), separated by ", "."""
    links = []
    for credit in credits:
        link = _person_link(credit)
        if credit.job:
            link += _muted(credit.job)
        if credit.credited_as:
            link += _muted(f"(as {credit.credited_as})")
        if credit.notes:
            link += _muted(notes(credit.notes))
        links.append(link)
    return mark_safe(", ".join(links))  # noqa: S308 (every value above is escaped)


@register.filter
def full_cast_rows(credits) -> SafeString:
    """The full credits page's cast rows (selectors.TitleCredit) as <tr> elements."""
    rows = []
    for credit in credits:
        row = f'<tr><td>{_person_link(credit)}</td><td class="character">{_escape(credit.character)}'
        if credit.credited_as:
            row += _muted(f"(as {credit.credited_as})")
        if credit.notes:
            row += _muted(notes(credit.notes))
        rows.append(row + "</td></tr>")
    return mark_safe("\n".join(rows))  # noqa: S308 (every value above is escaped)


@register.filter
def full_crew_rows(credits) -> SafeString:
    """The full credits page's rows of one crew department (selectors.TitleCredit) as <tr> elements."""
    rows = []
    for credit in credits:
        row = f"<tr><td>{_person_link(credit)}</td><td>{_escape(credit.job)}"
        if credit.notes:
            row += _muted(notes(credit.notes))
        if credit.credited_as:
            row += _muted(f"(as {credit.credited_as})")
        rows.append(row + "</td></tr>")
    return mark_safe("\n".join(rows))  # noqa: S308 (every value above is escaped)


@register.simple_tag(takes_context=True)
def edit_in_admin(context, obj) -> str:
    """A staff user's "Edit in admin" link to ``obj``'s change page; nothing for anyone else."""
    from catalogue.permissions import sees_staff_links

    if obj is None or not sees_staff_links(context.get("request")):
        return ""
    opts = obj._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""
    return format_html('<p class="staff-link"><a href="{}">Edit in admin</a></p>', url)
