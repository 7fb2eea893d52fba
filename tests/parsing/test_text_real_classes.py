"""Classes of error seen on real unseen pages: each test reads real page text (quoted lines).

The pages are built from lines as the real pages print them (the corpus's saved pages, named
at each test); only the header and footer around them are added.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.parsing import decode_bytes
from catalogue.parsing.text import parse_text_page
from tests.conftest import SAMPLES, TEST_PAGES


def _page(*lines: str, header: str = "IMDb > Gurotesuku (2009)") -> str:
    return "\n".join((header, *lines, "", "Related Links", "")) + "\n"


# ---------------------------------------------------------------- 2. invented facts


def test_news_headline_with_a_colon_is_not_a_certificate():
    # pages/018_i_vitelloni_1953_b.txt: the "NewsDesk:" label was lost, its count and items remain.
    text = _page(
        "I Vitelloni (1953) More at IMDbPro »",
        "User Rating:",
        "8.0/10   22,101 votes »",
        "Release Date:",
        "7 November 1956 (USA) See more »",
        "A character study of five young men at crucial turning points in their lives in a small town in Italy. Full summary » | Full synopsis »",
        "Nominated for Oscar. Another 5 wins & 1 nomination See more »",
        "(23 articles)",
        "Criterion Picks on Fandor: Nino Rota",
        " (From CriterionCast. 5 January 2016, 6:00 AM, PST)",
        "",
        "Franco Interlenghi obituary",
        " (From The Guardian - Film News. 23 September 2015, 9:47 AM, PDT)",
        "",
        "Love and Marriage: An Ultimate Journey",
        " (From Keyframe. 14 April 2015, 7:00 AM, PDT)",
        "",
        "User Reviews:",
        "Fellini becoming Fellini... See more (52 total) »",
        header="IMDb > I Vitelloni (1953)",
    )
    record = parse_text_page(text)
    assert record.certificates == []
    assert record.plot_keywords == []
    assert record.akas == []
    assert record.review_count == 52
    assert record.plot.startswith("A character study of five young men")
    assert not any("Fandor" in line or "obituary" in line for line in record.unparsed)


def test_title_with_a_colon_in_the_akas_is_not_a_certificate():
    # text-from-html/gurotesuku_2009_maindetails_2010.txt
    text = _page(
        "Additional Details",
        "",
        "Also Known As:",
        "",
        "Grotesque (Japan: English title) (censored version)",
        "Grotesque: Unrated Version (Japan: English title)",
        "Gurotesuku (Japan) (censored version)",
        "See more »",
        "",
        "Runtime:",
        "",
        "73 min | Japan:69 min (censored version)",
        "",
        "Certification:",
        "",
        "Japan:Unrated (self-rating: R-20) |  UK:(Banned) |  UK:R",
    )
    record = parse_text_page(text)
    assert [c.to_dict() for c in record.certificates] == [
        {"country": "Japan", "rating": "Unrated", "notes": ["self-rating: R-20"]},
        {"country": "UK", "rating": "(Banned)", "notes": []},
        {"country": "UK", "rating": "R", "notes": []},
    ]
    # 3. The main-details form "Title (Country) (note)": the groups are notes, as printed.
    assert [a.to_dict() for a in record.akas] == [
        {"title": "Grotesque", "country": None, "notes": ["Japan: English title", "censored version"]},
        {"title": "Grotesque: Unrated Version", "country": None, "notes": ["Japan: English title"]},
        {"title": "Gurotesuku", "country": None, "notes": ["Japan", "censored version"]},
    ]
    assert [r.to_dict() for r in record.runtimes] == [
        {"minutes": 73, "country": None, "note": None},
        {"minutes": 69, "country": "Japan", "note": "censored version"},
    ]
    assert record.unparsed == []


def test_a_certificate_printed_twice_is_kept_once():
    text = _page(
        "Additional Details",
        "Certification:",
        "Japan:Unrated (self-rating: R-20) |  UK:(Banned) |  UK:R",
        "Japan:Unrated (self-rating: R-20) |  UK:(Banned) |  UK:R",
    )
    assert len(parse_text_page(text).certificates) == 3


# ---------------------------------------------------------------- 5. ratings with parentheses


def test_certificate_rating_with_parentheses():
    # text-from-html/pulp_fiction_1994_combined_2010_spanish_title.txt and the Shawshank page.
    text = _page(
        "Additional Details",
        "Certification:",
        "Argentina:18 | Singapore:R(A) (original rating) (cut) | Singapore:M18 (re-rating) | France:Tous publics | "
        "Portugal:(Banned) (original rating) | Italy:T (re-rating) (1974)",
        header="IMDb > Pulp Fiction (1994)",
    )
    record = parse_text_page(text)
    assert [c.to_dict() for c in record.certificates] == [
        {"country": "Argentina", "rating": "18", "notes": []},
        {"country": "Singapore", "rating": "R(A)", "notes": ["original rating", "cut"]},
        {"country": "Singapore", "rating": "M18", "notes": ["re-rating"]},
        {"country": "France", "rating": "Tous publics", "notes": []},
        {"country": "Portugal", "rating": "(Banned)", "notes": ["original rating"]},
        {"country": "Italy", "rating": "T", "notes": ["re-rating", "1974"]},
    ]


# ---------------------------------------------------------------- 1. TV series headers


def test_series_title_line_with_original_title_and_years():
    # pages/016_twilight_zone_1959_tvseries.txt, cut off mid-line as saved.
    text = "\n".join(
        (
            'IMDb > "Twilight Zone" (1959)',
            '"The Twilight Zone"',
            "Top Links",
            "",
            '"Twilight Zone" (1959) More at IMDbPro »"The Twilight Zone" (original title), TV series 1959-1964',
            "",
            "Photos (See all 250 | slideshow) Videos (see all 309)",
            "Twilight Zone: :  -- A reporter interviews a Hollywood movie queen who has a secret to her eternal beauty.",
            "Twilight Zone: Season 5: Episode 35 -- Charlotte Scott and policeman Robert Franklin seem to be stalked by giants.",
            "",
            "User Rating:",
            "9.0/10   33,945 votes »",
            "1 | 2 | 3 | 4 | 5",
            "Release Date:",
            "2 October 1959 (USA) See more »",
            "Ordinary people find themselves in extraordinarily astounding si",
        )
    )
    record = parse_text_page(text)
    assert (record.title, record.year, record.end_year, record.kind) == ("Twilight Zone", 1959, 1964, "tv_series")
    assert record.original_title == "The Twilight Zone"
    assert record.seasons == [1, 2, 3, 4, 5]
    assert record.videos == [
        "A reporter interviews a Hollywood movie queen who has a secret to her eternal beauty.",
        "Charlotte Scott and policeman Robert Franklin seem to be stalked by giants.",
    ]
    # The cut-off last line is neither tagline nor plot: it stays unparsed, with a warning.
    assert record.taglines == [] and record.plot is None
    assert record.unparsed == ["Ordinary people find themselves in extraordinarily astounding si"]
    assert any("cut off" in warning for warning in record.warnings)


def test_open_series_years_are_not_the_original_title():
    # text-from-html/the_walking_dead_2010_tvseries_combined_2013.txt
    text = _page(
        '"The Walking Dead" (2010) More at IMDbPro »TV series 2010-',
        "",
        "User Rating:",
        "8.7/10   229,717 votes »",
        header='IMDb > "The Walking Dead" (2010)',
    )
    record = parse_text_page(text)
    assert (record.title, record.year, record.end_year, record.kind) == ("The Walking Dead", 2010, None, "tv_series")
    assert record.original_title is None
    assert "TV series 2010-" not in record.unparsed


def test_series_header_with_lower_case_label_keeps_its_end_year():
    for header, kind in (
        ("The Twilight Zone (TV series 1959–1964)", "tv_series"),
        ("Lost (TV series 2004–2010)", "tv_series"),
        ("The Pacific (TV mini-series 2010)", "tv_mini_series"),
    ):
        record = parse_text_page(_page("User Rating:", "9.0/10   33,945 votes »", header=f"IMDb > {header}"))
        expected_end = {"The Twilight Zone": 1964, "Lost": 2010}.get(record.title)
        assert (record.kind, record.end_year) == (kind, expected_end), header


# ---------------------------------------------------------------- 4. "Writing credits" / "(WGA)"


def test_writers_after_a_wga_line():
    text = _page(
        "Directed by",
        "Quentin Tarantino",
        "Writing credits",
        "(WGA)",
        "Quentin Tarantino (stories) and",
        "Roger Avary (stories)",
        "",
        "Quentin Tarantino (written by)",
        "",
        "Produced by",
        "Lawrence Bender .... producer",
        "Crew believed to be complete",
        header="IMDb > Pulp Fiction (1994)",
    )
    record = parse_text_page(text)
    assert [(m.department, m.name, m.job, m.notes) for m in record.crew] == [
        ("director", "Quentin Tarantino", None, []),
        ("writer", "Quentin Tarantino", None, ["stories"]),
        ("writer", "Roger Avary", None, ["stories"]),
        ("writer", "Quentin Tarantino", None, ["written by"]),
        # 7. "Crew believed to be complete" is the list's footnote, not a producer.
        ("producer", "Lawrence Bender", "producer", []),
    ]
    assert record.unparsed == []


# ---------------------------------------------------------------- 7. smaller classes


def test_lone_runtime_with_its_country_and_low_vote_rating():
    # text-from-html/kannethirey_thondrinal_1998_maindetails_2009.txt (rating) and an episode's runtime.
    text = _page(
        "Overview",
        "",
        "User Rating:",
        "",
        "7.4/10   17 votes",
        "",
        "Additional Details",
        "Runtime:",
        "",
        "USA:45 min",
        "",
        "Country:",
        "USA",
        "Certification:",
        "France:Tous publics",
        header="IMDb > Kannethirey Thondrinal (1998)",
    )
    record = parse_text_page(text)
    assert record.rating.to_dict() == {"value": 7.4, "best": 10, "votes": 17}
    assert [r.to_dict() for r in record.runtimes] == [{"minutes": 45, "country": "USA", "note": None}]
    assert record.countries == ["USA"]
    assert [c.to_dict() for c in record.certificates] == [{"country": "France", "rating": "Tous publics", "notes": []}]
    assert record.unparsed == []


def test_label_less_runtime_and_certificate_lines():
    text = _page("Additional Details", "USA:45 min", "France:Tous publics | USA:TV-14", header="IMDb > Guts (2010)")
    record = parse_text_page(text)
    assert [r.to_dict() for r in record.runtimes] == [{"minutes": 45, "country": "USA", "note": None}]
    assert [(c.country, c.rating) for c in record.certificates] == [("France", "Tous publics"), ("USA", "TV-14")]


def test_goof_category_with_a_note_and_quote_without_its_link():
    text = _page(
        "Guts (2010) More at IMDbPro »",
        "Release Date:",
        "31 October 2010 (USA)",
        "Did You Know?",
        "The zombie extras were trained at a zombie school. See more »",
        "Errors made by characters (possibly deliberate): Rick says the wrong thing. See more »",
        "Factual errors (possibly deliberate): The dates on the wall are wrong. See more »",
        "Quotes:",
        "Rick Grimes: Hello. »",
        header="IMDb > Guts (2010)",
    )
    record = parse_text_page(text)
    assert [g.to_dict() for g in record.goofs] == [
        {"category": "Errors made by characters (possibly deliberate)", "text": "Rick says the wrong thing."},
        {"category": "Factual errors (possibly deliberate)", "text": "The dates on the wall are wrong."},
    ]
    assert [[line.to_dict() for line in quote] for quote in record.quotes] == [
        [{"character": "Rick Grimes", "text": "Hello."}]
    ]


# ---------------------------------------------------------------- 6. the 2006–2008 layout

# Built around the shapes quoted from unseen pages of the period ("6.9/10 (56,143 votes)", " / "
# lists, "163 min / Germany:…", "(more) (view trailer)", "Photo Gallery" links); no saved page of
# that layout was found in the public repositories searched, so the other lines are the
# 2009 layout's labels.
_LAYOUT_2007 = "\n".join(
    (
        "IMDb > The Godfather (1972)",
        "The Godfather (1972)",
        "Photo Gallery (see all)",
        "User Rating: 6.9/10 (56,143 votes)",
        "Director:",
        "Francis Ford Coppola",
        "Writers (WGA):",
        "Mario Puzo (novel)",
        "Francis Ford Coppola (screenplay) ...",
        "Photo Gallery »",
        "Release Date:",
        "24 March 1972 (USA) more",
        "Genre:",
        "Crime / Drama / Thriller more",
        "Plot Outline:",
        "The aging patriarch of an organized crime dynasty transfers control of his clandestine empire to his reluctant son. (more) (view trailer)",
        "Runtime:",
        "163 min / Germany:158 min",
        "Country:",
        "USA / Italy",
        "Language:",
        "English / Italian / Latin",
        "Color:",
        "Color",
        "Sound Mix:",
        "Dolby Digital / DTS / Mono",
        "Certification:",
        "USA:R / UK:X / France:Tous publics / Singapore:R(A) (original rating) (cut)",
        "Related Links",
        "",
    )
)


def test_layout_2006_2008_values():
    record = parse_text_page(_LAYOUT_2007)
    assert record.rating.to_dict() == {"value": 6.9, "best": 10, "votes": 56143}
    assert [(m.department, m.name, m.notes) for m in record.crew] == [
        ("director", "Francis Ford Coppola", []),
        ("writer", "Mario Puzo", ["novel"]),
        ("writer", "Francis Ford Coppola", ["screenplay"]),
    ]
    assert record.release_date.to_dict() == {
        "date": "1972-03-24",
        "text": "24 March 1972",
        "country": "USA",
        "note": None,
    }
    assert record.genres == ["Crime", "Drama", "Thriller"]
    assert record.plot == (
        "The aging patriarch of an organized crime dynasty transfers control of his clandestine empire to his reluctant son."
    )
    assert [(r.minutes, r.country) for r in record.runtimes] == [(163, None), (158, "Germany")]
    assert record.countries == ["USA", "Italy"]
    assert record.languages == ["English", "Italian", "Latin"]
    assert record.colors == ["Color"]
    assert record.sound_mixes == ["Dolby Digital", "DTS", "Mono"]
    assert [c.to_dict() for c in record.certificates] == [
        {"country": "USA", "rating": "R", "notes": []},
        {"country": "UK", "rating": "X", "notes": []},
        {"country": "France", "rating": "Tous publics", "notes": []},
        {"country": "Singapore", "rating": "R(A)", "notes": ["original rating", "cut"]},
    ]
    assert record.unparsed == []


def test_layout_2006_2008_label_less_lists():
    text = _page(
        "The Godfather (1972) More at IMDbPro »",
        "Additional Details",
        "163 min / Germany:158 min",
        "USA / Italy",
        "Dolby Digital / DTS / Mono",
        "USA:R / UK:X",
        header="IMDb > The Godfather (1972)",
    )
    record = parse_text_page(text)
    assert [(r.minutes, r.country) for r in record.runtimes] == [(163, None), (158, "Germany")]
    assert record.countries == ["USA", "Italy"]
    assert record.sound_mixes == ["Dolby Digital", "DTS", "Mono"]
    assert [(c.country, c.rating) for c in record.certificates] == [("USA", "R"), ("UK", "X")]


# ---------------------------------------------------------------- 2. no invented facts (Hypothesis)

# The real samples, and real HTML pages as text tools print them.
_REAL_TEXT_PAGES = [
    decode_bytes(path.read_bytes())
    for path in sorted(SAMPLES.glob("*.txt")) + sorted((TEST_PAGES / "extractions").glob("*.innertext.txt"))
]
# Words of real headlines and titles, country names among them ("Japan: …" must stay a headline).
_WORDS = (  # noqa: SIM905
    "Criterion Picks on Fandor Nino Rota Alien Resurrection Cannes Isabella Rossellini Celebrates Her Mom "
    "Love and Marriage An Ultimate Journey Japan France USA UK Italy Box Office Report Exclusive Interview "
    "The Raid Berandal Review Trailer Unrated Version Part II Return of the King Godfather Legacy"
).split()
_word = st.sampled_from(_WORDS)
_phrase = st.lists(_word, min_size=1, max_size=6).map(" ".join)
# Headlines put a space after the colon; "Japan:Criterion" with none is the certificate shape itself.
_headline = st.tuples(_phrase, st.sampled_from([": ", " : ", " -- ", ": "]), _phrase).map("".join)
_quoted = st.tuples(_phrase, _phrase).map(lambda parts: f'"{parts[0]}" {parts[1]}')
_source = st.sampled_from(
    [" (From CriterionCast. 5 January 2016, 6:00 AM, PST)", " (From Variety - Film News. 12 May 2015, 10:00 PM, PDT)"]
)
_news = st.tuples(st.one_of(_headline, _quoted, _phrase), _source).map(lambda pair: f"{pair[0]}\n{pair[1]}")
_inserted = st.one_of(_headline, _quoted, _news, st.just("(23 articles)"))


def _facts(record):
    return (
        [c.to_dict() for c in record.certificates],
        [a.to_dict() for a in record.akas],
        list(record.plot_keywords),
    )


@settings(
    max_examples=int(os.environ.get("PARSER_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.sampled_from(range(len(_REAL_TEXT_PAGES))),
    st.lists(st.tuples(st.integers(0, 10_000), _inserted), min_size=1, max_size=6),
)
def test_inserted_headlines_and_titles_never_become_certificates_akas_or_keywords(page_index, insertions):
    text = _REAL_TEXT_PAGES[page_index]
    certificates, akas, keywords = _facts(parse_text_page(text))
    lines = text.split("\n")
    for position, line in insertions:
        lines.insert(position % (len(lines) + 1), line)
    got_certificates, got_akas, got_keywords = _facts(parse_text_page("\n".join(lines)))
    # An inserted line may cut a real list short, never add to it.
    assert all(certificate in certificates for certificate in got_certificates)
    assert all(aka in akas for aka in got_akas)
    assert all(keyword in keywords for keyword in got_keywords)


def test_mini_series_years_after_the_title_link():
    text = _page(
        '"The Pacific" (2010) More at IMDbPro »TV mini-series 2010',
        "User Rating:",
        "8.3/10   51,102 votes »",
        header='IMDb > "The Pacific" (2010)',
    )
    record = parse_text_page(text)
    assert (record.title, record.year, record.end_year, record.kind) == ("The Pacific", 2010, None, "tv_mini_series")
    assert record.original_title is None and record.unparsed == []


def test_quoted_akas_name_countries():
    text = _page(
        "Additional Details",
        "Also Known As:",
        '"Seven Samurai" - World-wide (English title)',
        '"Gandhi" - Canada (French title), France',
        "See more »",
        header="IMDb > Shichinin no samurai (1954)",
    )
    assert [a.to_dict() for a in parse_text_page(text).akas] == [
        {"title": "Seven Samurai", "country": "World-wide", "notes": ["English title"]},
        {"title": "Gandhi", "country": "Canada (French title), France", "notes": []},
    ]


def test_slash_lists_never_split_inside_a_note():
    text = _page(
        "Additional Details",
        "Certification:",
        "Canada:R (Nova Scotia / Ontario) / USA:R",
        header="IMDb > The Godfather (1972)",
    )
    assert [c.to_dict() for c in parse_text_page(text).certificates] == [
        {"country": "Canada", "rating": "R", "notes": ["Nova Scotia / Ontario"]},
        {"country": "USA", "rating": "R", "notes": []},
    ]
