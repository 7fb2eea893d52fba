"""User reviews pages (old layout), HTML and text: every field of every review."""

from __future__ import annotations

import pytest

from catalogue.parsing.pages import parse_html_reviews_page, parse_text_reviews_page
from catalogue.parsing.record import PageError, TitleRecord

PAGE_1_REVIEWS = [
    {
        "title": "Them there eyes",
        "date": "2001-11-06",
        "author": "Susan (srella)",
        "location": "New York",
        "helpful": 31,
        "helpful_total": 42,
        "text": "If you're looking for everything you've ever wanted to know about horror, mystery, depression, and "
        "suspense, go take a peek into Ingrid Bergman's eyes.\n"
        "\n"
        "The actress -- who would soon become blacklisted after her marriage to Italian director Roberto Rossellini "
        "-- can convey every emotion and nuance of her character through her amazingly expressive eyes.",
        "rating": 9,
        "spoiler": False,
        "author_id": "ur1422408",
    },
    {
        "title": "Bergman at her most luminous",
        "date": "2003-03-14",
        "author": "Zoë Bäckström",
        "location": "Göteborg, Sweden",
        "helpful": 25,
        "helpful_total": 29,
        "text": "Ingrid Bergman won her first Oscar for this role and it is easy to see why. She starts the film as a giddy "
        "young bride and ends it as a woman who has looked madness in the face and walked back out.\n"
        "\n"
        "Watch the scene at the concert where Gregory accuses her of stealing his watch. Not a word from her, and "
        "yet you know everything.\n"
        "\n"
        "Cukor keeps the camera close & lets her work.",
        "rating": 10,
        "spoiler": False,
        "author_id": "ur0283174",
    },
    {
        "title": "The jewels in the attic",
        "date": "2005-02-02",
        "author": "François Lefèvre",
        "location": "Paris, France",
        "helpful": 19,
        "helpful_total": 24,
        "text": "Gregory married Paula only to get back into the house on Thornton Square, where he murdered her aunt for "
        "the Alquist jewels. Every night he climbs into the sealed attic to search for them, and the gaslights dim "
        "downstairs.\n"
        "\n"
        "The last scene, with Paula holding the knife and telling him she is mad, is one of the best revenges in the "
        "movies.",
        "rating": 8,
        "spoiler": True,
        "author_id": "ur0531956",
    },
    {
        "title": "Better than the 1940 version? Not quite.",
        "date": "2004-08-30",
        "author": "tom-bickerstaff",
        "location": "United Kingdom",
        "helpful": 22,
        "helpful_total": 35,
        "text": "MGM bought the rights to the British film and tried to have every print destroyed. That tells you something "
        "about how good Thorold Dickinson's version was.\n"
        "\n"
        "This one is glossier and Bergman is marvellous, but Anton Walbrook was far more frightening than Charles "
        "Boyer.",
        "rating": None,
        "spoiler": False,
        "author_id": "ur0466290",
    },
    {
        "title": "Angela Lansbury's debut steals scenes",
        "date": "2006-06-11",
        "author": "José Ramón Núñez",
        "location": "Madrid, Spain",
        "helpful": 17,
        "helpful_total": 20,
        "text": "Seventeen years old and already a scene-stealer. Her cockney maid Nancy, all insolence and swinging hips, "
        "is the perfect foil for Bergman's fragile Paula.",
        "rating": 9,
        "spoiler": False,
        "author_id": "ur0906214",
    },
    {
        "title": "A textbook thriller",
        "date": "2008-01-04",
        "author": "mlevans",
        "location": "Oakland, Michigan",
        "helpful": 12,
        "helpful_total": 15,
        "text": "Everything is in its place: the fog, the gaslight, the footsteps overhead, the patient detective from "
        "Scotland Yard.\n"
        "\n"
        "If it feels familiar, it is because every film about a husband driving his wife mad since 1944 has borrowed "
        "from it.",
        "rating": 8,
        "spoiler": False,
        "author_id": "ur0103945",
    },
    {
        "title": "Creaky but effective",
        "date": "2007-10-21",
        "author": "Jürgen Weiß",
        "location": "Germany",
        "helpful": 9,
        "helpful_total": 14,
        "text": "Some of the plot has aged badly; Joseph Cotten simply turns up whenever the story needs him. But the "
        "atmosphere holds.",
        "rating": 7,
        "spoiler": False,
        "author_id": "ur0640712",
    },
    {
        "title": "Where the word comes from",
        "date": "2009-09-09",
        "author": "Siobhán Ní Bhriain",
        "location": "Dublin, Ireland",
        "helpful": 8,
        "helpful_total": 10,
        "text": 'People say someone is "gaslighting" them without knowing that it comes from this story: the husband who '
        "dims the lights and then tells his wife she is imagining it.\n"
        "\n"
        "See the film and the word will never sound the same.",
        "rating": 9,
        "spoiler": False,
        "author_id": "ur1855206",
    },
    {
        "title": "Overrated melodrama",
        "date": "2006-12-27",
        "author": "dbborroughs",
        "location": "Ridgefield Park, New Jersey",
        "helpful": 5,
        "helpful_total": 19,
        "text": "Two hours of a woman being told she is losing her mind, and we know from the first reel that she is not. "
        "Where is the suspense?",
        "rating": 4,
        "spoiler": False,
        "author_id": "ur0009537",
    },
    {
        "title": "Cukor's finest hour",
        "date": "2010-04-15",
        "author": "Małgorzata Wójcik",
        "location": "Kraków, Poland",
        "helpful": 7,
        "helpful_total": 9,
        "text": "George Cukor was called a women's director as if it were an insult. Here he builds a whole thriller out of "
        "one woman's face.\n"
        "\n"
        "The staircase, the portraits, the clutter of the Victorian rooms: the house itself seems to close in on "
        "Paula.",
        "rating": 10,
        "spoiler": False,
        "author_id": "ur2287744",
    },
]

PAGE_2_REVIEWS = PAGE_1_REVIEWS[-1:] + [
    {
        "title": "Gas lamps and gaslighting",
        "date": "2010-03-03",
        "author": "calvinnme",
        "location": "United States",
        "helpful": 6,
        "helpful_total": 8,
        "text": "The production design deserved its Oscar. Every room in that house is cluttered with the dead aunt's "
        "things, and Paula is not allowed to touch any of them.",
        "rating": 9,
        "spoiler": False,
        "author_id": "ur1998237",
    },
    {
        "title": "Boyer as a villain",
        "date": "2004-05-19",
        "author": "Renée Dufresne",
        "location": "Montréal, Canada",
        "helpful": 6,
        "helpful_total": 7,
        "text": "Charles Boyer, the great lover of the thirties, playing a cold, patient sadist. He never raises his voice "
        "and that is what makes him frightening.\n"
        "\n"
        "His scenes with Bergman are a duel in which only one of them knows there is a fight.",
        "rating": 8,
        "spoiler": False,
        "author_id": "ur0366011",
    },
    {
        "title": "Seen it three times",
        "date": "2011-03-01",
        "author": "kettle-black",
        "location": "London",
        "helpful": None,
        "helpful_total": None,
        "text": "Third viewing and I still jump when the attic footsteps start.",
        "rating": 7,
        "spoiler": False,
        "author_id": "ur3302218",
    },
    {
        "title": "A mystery without much mystery",
        "date": "2008-08-08",
        "author": "Bjørn Haugen",
        "location": "Oslo, Norway",
        "helpful": 4,
        "helpful_total": 11,
        "text": "The audience is told who the villain is almost at once, so this is less a mystery than a long wait for "
        "Paula to catch up.",
        "rating": 6,
        "spoiler": False,
        "author_id": "ur1564820",
    },
    {
        "title": "The fog, the stairs, the lamp",
        "date": "2009-12-12",
        "author": "Ana-María Cárdenas",
        "location": "Bogotá, Colombia",
        "helpful": 5,
        "helpful_total": 6,
        "text": "Joseph Ruttenberg's photography is the real star: London fog rolling past the windows, the gas flame "
        "shrinking in its glass.\n"
        "\n"
        "A textbook in black and white cinematography.",
        "rating": 9,
        "spoiler": False,
        "author_id": "ur2115930",
    },
    {
        "title": "Worth it for Dame May Whitty",
        "date": "2010-07-17",
        "author": "ghoulish_gus",
        "location": "Chicago",
        "helpful": 3,
        "helpful_total": 4,
        "text": "Miss Thwaites, the nosy neighbour with her novels and her binoculars, is the comic relief the film badly "
        "needs.",
        "rating": 8,
        "spoiler": False,
        "author_id": "ur2503611",
    },
    {
        "title": "Psychological horror before its time",
        "date": "2010-02-28",
        "author": "Yusuf Çelik",
        "location": "Istanbul, Turkey",
        "helpful": 3,
        "helpful_total": 5,
        "text": "No monsters, no blood, just a man persuading his wife that she cannot trust her own eyes. That is scarier "
        "than any monster.",
        "rating": None,
        "spoiler": False,
        "author_id": "ur2410588",
    },
    {
        "title": "Not for me",
        "date": "2009-05-05",
        "author": "happyendings",
        "location": "Australia",
        "helpful": 2,
        "helpful_total": 9,
        "text": "Slow and stagey. I gave up waiting for Paula to do something.",
        "rating": 3,
        "spoiler": False,
        "author_id": "ur1759002",
    },
    {
        "title": "Ingrid, Charles, Joseph — perfection",
        "date": "2010-11-22",
        "author": "Leonor Brandão",
        "location": "Lisbon, Portugal",
        "helpful": 1,
        "helpful_total": 1,
        "text": "Three stars at their best in a story that still works. Essential viewing.",
        "rating": 10,
        "spoiler": False,
        "author_id": "ur2730153",
    },
]

# The text extraction carries no user ids (links are lost).
TEXT_PAGE_1_REVIEWS = [dict(review, author_id=None) for review in PAGE_1_REVIEWS]


def _header(record: TitleRecord, *, imdb_id, source_format):
    assert (record.title, record.year, record.end_year, record.kind) == ("Gaslight", 1944, None, "movie")
    assert record.original_title is None
    assert record.imdb_id == imdb_id
    assert record.page_type == "reviews"
    assert record.source_format == source_format
    # A reviews page carries no other section: every other key keeps its empty value.
    section = {
        "title",
        "year",
        "kind",
        "imdb_id",
        "page_type",
        "source_format",
        "reviews",
        "review_count",
        "warnings",
        "unparsed",
    }
    empty = TitleRecord(title="Gaslight").to_dict()
    assert {key: value for key, value in record.to_dict().items() if key not in section} == {
        key: value for key, value in empty.items() if key not in section
    }


def test_html_reviews_first_page(test_page_bytes):
    record = parse_html_reviews_page(test_page_bytes("reviews/gaslight-1944.usercomments-2010.html"))
    _header(record, imdb_id="tt0036855", source_format="html")
    assert record.review_count == 84
    assert [review.to_dict() for review in record.reviews] == PAGE_1_REVIEWS
    assert record.warnings == []
    assert record.unparsed == []


def test_html_reviews_first_page_features(test_page_bytes):
    reviews = parse_html_reviews_page(test_page_bytes("reviews/gaslight-1944.usercomments-2010.html")).reviews
    assert [review.spoiler for review in reviews].count(True) == 1 and reviews[2].spoiler
    assert "spoilers" not in reviews[2].text
    assert reviews[3].rating is None and reviews[3].author == "tom-bickerstaff"
    # "&" written as &amp; and "ł" written as &#x142; in an iso-8859-1 page.
    assert reviews[1].text.endswith("Cukor keeps the camera close & lets her work.")
    assert reviews[9].author == "Małgorzata Wójcik"


def test_html_reviews_second_page_overlaps_the_first(test_page_bytes):
    first = parse_html_reviews_page(test_page_bytes("reviews/gaslight-1944.usercomments-2010.html"))
    second = parse_html_reviews_page(
        test_page_bytes("reviews/gaslight-1944.usercomments-start10-2011.html"),
        url="http://www.imdb.com/title/tt0036855/usercomments?start=10",
    )
    _header(second, imdb_id="tt0036855", source_format="html")
    assert second.review_count == 85
    assert [review.to_dict() for review in second.reviews] == PAGE_2_REVIEWS
    assert second.reviews[0] == first.reviews[-1]  # the same review on both pages
    no_votes = second.reviews[3]
    assert (no_votes.title, no_votes.helpful, no_votes.helpful_total) == ("Seen it three times", None, None)
    assert second.warnings == [] and second.unparsed == []


def test_text_reviews_page(test_page_bytes):
    record = parse_text_reviews_page(test_page_bytes("reviews/gaslight-1944.usercomments-2010.txt"))
    _header(record, imdb_id=None, source_format="text")
    assert record.review_count == 84
    assert [review.to_dict() for review in record.reviews] == TEXT_PAGE_1_REVIEWS
    assert record.warnings == [] and record.unparsed == []


def test_text_reviews_page_takes_the_id_from_the_url(test_page_bytes):
    record = parse_text_reviews_page(
        test_page_bytes("reviews/gaslight-1944.usercomments-2010.txt"),
        url="http://www.imdb.com/title/tt0036855/reviews",
    )
    assert record.imdb_id == "tt0036855"


def test_text_reviews_page_accepts_str_crlf_and_latin1(test_page_bytes):
    text = test_page_bytes("reviews/gaslight-1944.usercomments-2010.txt").decode("utf-8")
    from_str = parse_text_reviews_page(text)
    crlf = parse_text_reviews_page(text.replace("\n", "\r\n").encode("utf-8"))
    latin1 = parse_text_reviews_page(text.replace("ł", "l").replace("ó", "o").replace("—", "-").encode("cp1252"))
    assert [review.to_dict() for review in from_str.reviews] == TEXT_PAGE_1_REVIEWS
    assert [review.to_dict() for review in crlf.reviews] == TEXT_PAGE_1_REVIEWS
    assert latin1.reviews[1].author == "Zoë Bäckström"
    assert latin1.reviews[9].author == "Malgorzata Wojcik"


@pytest.mark.parametrize(
    "first_line",
    [
        "IMDb > Gaslight (1944) > User Reviews",
        "IMDb > Gaslight (1944) > Comments",
        "IMDb > Gaslight (1944) > User Comments",
    ],
)
def test_text_reviews_page_breadcrumb_variants(test_page_bytes, first_line):
    text = test_page_bytes("reviews/gaslight-1944.usercomments-2010.txt").decode("utf-8")
    record = parse_text_reviews_page(first_line + text[text.index("\n") :])
    assert (record.title, record.year, len(record.reviews)) == ("Gaslight", 1944, 10)


def test_contract_review_block():
    text = (
        "IMDb > Hiroshima Mon Amour (1959) > User Reviews\n"
        "15 out of 18 people found the following review useful.\n"
        "The beginnings of the inland empire, 10 May 2011\n"
        "Author: chaos-rampant from Greece\n"
        "\n"
        "Memory has persistently troubled filmmakers.\n"
        "\n"
        "Something to meditate upon.\n"
        "\n"
        "Was the above review useful to you?\n"
    )
    record = parse_text_reviews_page(text)
    assert (record.title, record.year) == ("Hiroshima Mon Amour", 1959)
    assert [review.to_dict() for review in record.reviews] == [
        {
            "title": "The beginnings of the inland empire",
            "date": "2011-05-10",
            "author": "chaos-rampant",
            "location": "Greece",
            "helpful": 15,
            "helpful_total": 18,
            "text": "Memory has persistently troubled filmmakers.\n\nSomething to meditate upon.",
            "rating": None,
            "spoiler": False,
            "author_id": None,
        }
    ]


def test_featured_review_of_the_real_combined_page(sample_bytes):
    """The reviews parser reads the real 2010 markup of a review block (summary in <b>,
    rating in a star bar's title)."""
    record = parse_html_reviews_page(sample_bytes("gaslight-1944.combined-2010.html"))
    review = record.reviews[0]
    assert (review.title, review.date, review.author, review.location) == (
        "Them there eyes",
        "2001-11-06",
        "Susan (srella)",
        "New York",
    )
    assert (review.helpful, review.helpful_total, review.rating, review.author_id) == (31, 42, 9, "ur1422408")
    assert review.text.startswith("If you're looking for everything you've ever wanted to know about horror,")
    assert review.text.endswith("contains the perfect blend of mystery, suspense, and beauty.")
    assert review.text.count("\n\n") == 6  # seven paragraphs
    assert record.review_count == 84
    assert len(record.reviews) == 1  # message-board posters are not reviewers


def test_unknown_line_between_reviews_is_kept(test_page_bytes):
    text = test_page_bytes("reviews/gaslight-1944.usercomments-2010.txt").decode("utf-8")
    text = text.replace(
        "Was the above review useful to you?\n", "Was the above review useful to you?\nA stray line\n", 1
    )
    record = parse_text_reviews_page(text)
    assert record.unparsed == ["A stray line"]
    assert len(record.reviews) == 10


def test_page_without_reviews_warns():
    record = parse_text_reviews_page("IMDb > Gaslight (1944) > User Reviews\nIndex 0 reviews in total\n")
    assert record.reviews == [] and record.review_count == 0
    assert record.warnings == ["no user reviews found on the page"]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "the page is empty"),
        (b"   \n\n", "the page is empty"),
        (b"\x00\x01\x02binary\x00", "not a page: the file holds binary data, not text or HTML"),
        (b"Some notes\nnothing here\n", "not an IMDb title page: looks like a page of another site"),
        (
            b"My IMDb notes\nnothing here\n",
            'no title found: the page has no "Title (Year)" heading, so it is not an IMDb user reviews page',
        ),
    ],
)
def test_text_reviews_errors(data, message):
    with pytest.raises(PageError) as error:
        parse_text_reviews_page(data)
    assert str(error.value) == message


def test_html_reviews_page_without_a_title():
    with pytest.raises(PageError, match="no title found"):
        parse_html_reviews_page(b"<html><head></head><body><div id='tn15content'>IMDb nothing</div></body></html>")


def test_html_review_without_author_label(test_page_bytes):
    """Some captures print the reviewer's link without "Author:": the /user/ link anchors the block."""
    data = test_page_bytes("reviews/gaslight-1944.usercomments-start10-2011.html")
    record = parse_html_reviews_page(data.replace(b"<b>Author:</b> ", b""))
    assert [review.to_dict() for review in record.reviews] == PAGE_2_REVIEWS


def test_text_review_with_title_and_date_on_separate_lines():
    text = (
        "IMDb > Gaslight (1944) > User Comments\n"
        "2 out of 3 people found the following comment useful:\n"
        "Fog and fear\n"
        "3 March 2010\n"
        "8/10\n"
        "Author: Zoë  from  Göteborg, Sweden\n"
        "*** This review may contain spoilers ***\n"
        "First line\nsecond line of the same paragraph\n"
        "\n"
        "Second paragraph\n"
        "Index 12 reviews in total\n"
    )
    record = parse_text_reviews_page(text)
    assert record.review_count == 12
    assert [review.to_dict() for review in record.reviews] == [
        {
            "title": "Fog and fear",
            "date": "2010-03-03",
            "author": "Zoë",
            "location": "Göteborg, Sweden",
            "helpful": 2,
            "helpful_total": 3,
            "text": "First line\nsecond line of the same paragraph\n\nSecond paragraph",
            "rating": 8,
            "spoiler": True,
            "author_id": None,
        }
    ]
    assert record.unparsed == []


def test_html_header_from_breadcrumb_then_title(test_page_bytes):
    data = test_page_bytes("reviews/gaslight-1944.usercomments-2010.html")
    h1 = b'<h1><a href="/title/tt0036855/">Gaslight</a> <span>(<a href="/year/1944/">1944</a>)</span></h1>'
    crumbs = b'<a href="/">IMDb</a> &gt; <a href="/title/tt0036855/">Gaslight (1944)</a> &gt; <b>User Reviews</b>'
    assert h1 in data and crumbs in data
    without_h1 = data.replace(h1, b"")
    record = parse_html_reviews_page(without_h1)
    assert (record.title, record.year, record.imdb_id, len(record.reviews)) == ("Gaslight", 1944, "tt0036855", 10)
    without_crumbs = without_h1.replace(crumbs, b"").replace(
        b"Gaslight (1944) - User reviews", b"IMDb User Comments for Gaslight (1944)"
    )
    record = parse_html_reviews_page(without_crumbs)
    assert (record.title, record.year, record.imdb_id, len(record.reviews)) == ("Gaslight", 1944, "tt0036855", 10)
    without_canonical = without_crumbs.replace(b"http://www.imdb.com/title/tt0036855/usercomments", b"")
    record = parse_html_reviews_page(without_canonical, url="http://www.imdb.com/title/tt0036855/reviews?start=0")
    assert (record.title, record.imdb_id) == ("Gaslight", "tt0036855")
    assert parse_html_reviews_page(without_canonical).imdb_id is None


def test_review_text_may_start_with_paging_words():
    text = (
        "IMDb > Gaslight (1944) > User Reviews\n"
        "Index 2 reviews in total\n"
        "Cards and clues, 3 March 2010\n"
        "Author: someone from somewhere\n"
        "\n"
        "Index cards on the desk, a page of notes.\n"
        "Page after page of clues.\n"
        "\n"
        "Index 2 reviews in total\n"
        "Page 1 of 1:\n"
    )
    record = parse_text_reviews_page(text)
    assert record.reviews[0].text == "Index cards on the desk, a page of notes.\nPage after page of clues."
    assert record.review_count == 2 and record.unparsed == []


def test_html_rating_on_the_author_line():
    page = (
        b"<html><head><title>Gaslight (1944) - User reviews</title></head><body><div id='tn15content'>"
        b"<div><small>1 out of 2 people found the following review useful:</small><br><b>Short</b><br>"
        b"<b>Author:</b> <a href='/user/ur0000001/'>someone</a> <img alt='7/10'> <small>from Here</small><br>"
        b"<small>1 May 2012</small></div><p>Text.</p><hr></div></body></html>"
    )
    review = parse_html_reviews_page(page).reviews[0]
    assert (review.title, review.author, review.location, review.rating, review.date, review.text) == (
        "Short",
        "someone",
        "Here",
        7,
        "2012-05-01",
        "Text.",
    )


def test_text_page_without_breadcrumb(test_page_bytes):
    text = test_page_bytes("reviews/gaslight-1944.usercomments-2010.txt").decode("utf-8")
    lines = text.split("\n")
    assert lines[0].startswith("IMDb > ") and lines[10] == "Gaslight (1944) More at IMDbPro »"
    no_crumb = "\n".join(lines[1:])
    assert parse_text_reviews_page(no_crumb).title == "Gaslight"
    bare = "Gaslight (1944) - User Reviews\n" + "\n".join(line for line in lines[2:] if "IMDbPro" not in line)
    record = parse_text_reviews_page(bare)
    assert (record.title, record.year, len(record.reviews), record.unparsed) == ("Gaslight", 1944, 10, [])
