"""No invented facts: headlines, titles with colons and news lines put into a real page
(tests/pages/html/real/gurotesuku_2009_maindetails_2010.html) never become certificates,
AKAs or plot keywords. A headline "Criterion Picks on Fandor: Nino Rota" has the shape
"Country:Rating" only to a parser that does not check what a country is."""

from __future__ import annotations

import html
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.parsing.html import parse_html_page

PAGE = (
    Path(__file__).resolve().parent.parent / "pages" / "html" / "real" / "gurotesuku_2009_maindetails_2010.html"
).read_bytes()
BASE = parse_html_page(PAGE)

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from(
    "Criterion Picks on Fandor Nino Rota Review Exclusive First Look USA UK France Japan Germany R PG-13 "
    "Tous publics Trailer Interview Box Office Weekend The of and Banned (cut) (uncut) 18 Unrated Festival "
    "Cannes 2010 Premiere Clip Watch New DVD Blu-ray".split()
)
PHRASE = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
HEADLINE = st.tuples(PHRASE, PHRASE).map(lambda parts: f"{parts[0]}: {parts[1]}")

# Where news lines land on real pages, and a stray line in the value blocks themselves.
PLACES = {
    "newsdesk": (
        b"<h3>Overview</h3>",
        (
            '<h3>Overview</h3><div class="info"><h5>NewsDesk<span>:</span><br/><small>(<a href="/title/tt1352369/news">'
            '3 articles</a>)</small></h5><div class="info-content"><strong><a href="/title/tt1352369/news#ni1">{0}</a>'
            '</strong> <small><br />&nbsp;(From <a href="/news/ns0000309/">{0}</a>. 14 August 2011, 9:24 AM, PDT)</small><br/></div></div>'
        ),
    ),
    "teaser": (b"<h3>Overview</h3>", "<div>Gurotesuku -- {0}</div><h3>Overview</h3>"),
    "loose heading": (
        b"<h3>Overview</h3>",
        '<h5>{0}</h5><br><a href="/title/tt1352369/news#ni2">{0}</a><br><h3>Overview</h3>',
    ),
    "paragraph": (
        b'<div class="info">\n<h5>Certification:</h5>',
        '<p>{0}</p><div class="info">\n<h5>Certification:</h5>',
    ),
    "unknown label": (
        b'<div class="info">\n<h5>Certification:</h5>',
        '<div class="info"><h5>Related News:</h5><div class="info-content">{0}</div></div><div class="info">\n<h5>Certification:</h5>',
    ),
    "certification line": (b"UK:R</a>", "UK:R</a><br>{0}<br>"),
    "keywords line": (b"<h5>Plot Keywords:</h5>", "<h5>Plot Keywords:</h5>{0} | "),
}


def facts(record):
    return (
        [(c.country, c.rating, c.notes) for c in record.certificates],
        [(a.title, a.country, a.notes) for a in record.akas],
        list(record.plot_keywords),
    )


@SETTINGS
@given(
    headlines=st.lists(HEADLINE, min_size=1, max_size=3), places=st.sets(st.sampled_from(sorted(PLACES)), min_size=1)
)
def test_news_lines_never_become_certificates_akas_or_keywords(headlines, places):
    data = PAGE
    for index, place in enumerate(sorted(places)):
        marker, insert = PLACES[place]
        assert marker in data
        text = html.escape(headlines[index % len(headlines)])
        data = data.replace(marker, insert.format(text).encode(), 1)
    assert facts(parse_html_page(data)) == facts(BASE)


def test_a_headline_in_an_unlinked_certification_block_stays_unparsed():
    block = (
        '<div class="info"><h5>Certification:</h5><div class="info-content">'
        "Japan:Unrated (self-rating: R-20) | Criterion Picks on Fandor: Nino Rota | UK:R</div></div>"
    )
    data = PAGE.replace(b"<h3>Overview</h3>", b"<h3>Overview</h3>" + block.encode(), 1)
    record = parse_html_page(data)
    rows = [(c.country, c.rating) for c in record.certificates]
    assert ("Criterion Picks on Fandor", "Nino Rota") not in rows
    assert not [c for c in record.certificates if "Fandor" in c.country]
    assert "Certification: Criterion Picks on Fandor: Nino Rota" in record.unparsed
