import re
from datetime import datetime
from decimal import Decimal

import pytest

from catalogue.models.didyouknow import AlternateVersion, CrazyCredit, FaqQuestion, Soundtrack
from catalogue.models.titles import FilmingLocation

from tests import factories as f

pytestmark = pytest.mark.django_db

URL = "/title/hiroshima-mon-amour-1959/"


def section(html: str, css_class: str) -> str:
    match = re.search(rf'<section class="{css_class}"[^>]*>(.*?)</section>', html, re.S)
    assert match, f"no section {css_class}"
    return match.group(1)


def test_title_page_header_rating_and_links(client, catalogue):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Hiroshima Mon Amour (1959) · Film Catalogue</title>" in html
    assert "Original title: <i>Hiroshima mon amour</i>" in html
    assert '<span class="rating" title="User rating">8.0</span>' in html
    assert "from 21,203 votes" in html
    # The tabs (templates/catalogue/title/_tabs.html) count the credits and the reviews.
    assert (
        'href="/title/hiroshima-mon-amour-1959/fullcredits/">Full cast &amp; crew'
        ' <span class="title-tabs__count">(5)</span>'
    ) in html
    assert 'href="/title/hiroshima-mon-amour-1959/reviews/">Reviews <span class="title-tabs__count">(2)</span>' in html


def test_title_page_details_sections(client, catalogue):
    html = client.get(URL).content.decode()

    details = section(html, "details")
    assert '<a href="/genre/drama/">Drama</a> | <a href="/genre/romance/">Romance</a>' in details
    assert '<a href="/country/france/">France</a> | <a href="/country/japan/">Japan</a>' in details
    assert '<a href="/language/french/">French</a>' in details
    assert "1.37 : 1" in details
    assert "Nominated for Oscar. Another 6 wins &amp; 5 nominations" in html
    keywords = section(html, "keywords")
    # The browse pages of the title's keywords, in the order its page printed them.
    assert keywords.index('<a href="/keyword/nuclear-bomb/">nuclear bomb</a>') < keywords.index(
        '<a href="/keyword/memory/">memory</a>'
    )
    assert "Nevers, Nièvre, France" in section(html, "locations")


def test_title_page_certificates_are_a_table_by_country(client, catalogue):
    certificates = section(client.get(URL).content.decode(), "certificates")

    # One row a country, in the order the page first printed it; a country's ratings together.
    rows = re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', certificates, re.S)
    assert [country for country, _ in rows] == ["UK", "West Germany", "Portugal"]
    ratings = dict(rows)
    assert '<a href="/certificates/UK/X/">X</a>' in ratings["UK"]
    assert '<a href="/certificates/West%20Germany/16/">16</a> <span class="muted">(f)</span>' in ratings["West Germany"]
    assert ratings["Portugal"].index('<a href="/certificates/Portugal/(Banned)/">(Banned)</a>') < ratings[
        "Portugal"
    ].index('<a href="/certificates/Portugal/M/12/">M/12</a> <span class="muted">(re-rating) (1974)</span>')
    # Three countries: short, so the table is shown open.
    assert '<details class="aside-group" open>' in certificates
    assert "(3 countries)" in certificates


def test_title_page_cast_crew_and_companies(client, catalogue):
    html = client.get(URL).content.decode()

    cast = section(html, "cast")
    assert cast.index("Emmanuelle Riva") < cast.index("Eiji Okada")
    assert '<a href="/name/eiji-okada/">Eiji Okada</a> <span class="muted">(as Okada Eiji)</span>' in cast
    crew = section(html, "crew")
    assert "<dt>Directed by</dt>" in crew and '<a href="/name/alain-resnais/">Alain Resnais</a>' in crew
    companies = section(html, "companies")
    assert '<a href="/company/argos-films/">Argos Films</a> <span class="muted">(as Argos)</span>' in companies


def test_title_page_did_you_know_sections(client, catalogue):
    html = client.get(URL).content.decode()

    assert "Resnais was first asked to make a documentary." in section(html, "trivia")
    assert "<strong>Continuity:</strong> After they leave the teahouse" in section(html, "goofs")
    quotes = section(html, "quotes")
    assert "<b>Lui</b>: You saw nothing in Hiroshima. Nothing." in quotes
    assert "<b>Elle</b>: I saw everything. Everything." in quotes
    assert "“Hiroshima, My Love” — International" in section(html, "akas")


def test_connections_show_both_directions(client, catalogue):
    hiroshima = section(client.get(URL).content.decode(), "connections")
    taj_mahal = section(client.get("/title/taj-mahal-2015/").content.decode(), "connections")

    # Stored on Taj Mahal as "Features Hiroshima"; Hiroshima shows the reverse.
    assert '<dt>Featured in</dt>\n    <dd><a href="/title/taj-mahal-2015/">Taj Mahal</a> (2015)</dd>' in hiroshima
    assert "<dd>Unknown Film (1970)</dd>" in hiroshima  # not in the catalogue: plain text
    assert (
        '<dt>Features</dt>\n    <dd><a href="/title/hiroshima-mon-amour-1959/">Hiroshima Mon Amour</a> (1959)</dd>'
        in taj_mahal
    )


def test_a_connection_printed_on_both_pages_shows_once(client, catalogue):
    f.make_connection(catalogue.title, "Featured in", catalogue.other)

    hiroshima = section(client.get(URL).content.decode(), "connections")

    assert hiroshima.count("/title/taj-mahal-2015/") == 1


def test_recommendations_linked_or_as_text(client, catalogue):
    linked = section(client.get(URL).content.decode(), "recommendations")
    assert '<a href="/title/taj-mahal-2015/">Taj Mahal</a>' in linked

    catalogue.title.recommendations.all().delete()
    f.touch(catalogue.title)  # as every write of the importer and the admin does
    text = section(client.get(URL).content.decode(), "recommendations")
    # Shown as the page's run-together list, not as a sentence.
    assert "Titles as the page listed them, run together" in text
    assert "<q>Pearl Harbor The English Patient Atonement</q>" in text


def test_first_reviews_most_helpful_first(client, catalogue):
    for n in range(3):
        f.make_review(catalogue.title, summary=f"Unhelpful {n}", helpful=0, helpful_total=5)

    reviews = section(client.get(URL).content.decode(), "reviews")

    assert reviews.count('<article class="review" id="review-') == 3
    assert reviews.index("Memory and forgetting") < reviews.index("Too slow")
    assert "15 out of 18 people found the following review useful." in reviews
    assert "Unhelpful 2" not in reviews
    assert "All 5 reviews" in reviews


def test_principal_cast_is_first_fifteen_by_order(client, db):
    title = f.make_title("Big Cast", year=2000)
    for order in range(20, 0, -1):
        f.make_credit(
            title, f.make_person(f"Actor {order:02d}"), department="cast", order=order, character=f"Role {order}"
        )

    cast = section(client.get(title.get_absolute_url()).content.decode(), "cast")

    assert cast.count("<tr>") == 15
    assert cast.index("Actor 01") < cast.index("Actor 15")
    assert "Actor 16" not in cast
    assert "See the full cast (20)" in cast


def test_series_lists_episodes_and_episode_links_series(client, db):
    series = f.make_title("The Prisoner", year=1967, kind="tv_series", end_year=1968)
    second = f.make_title("Free for All", year=1967, kind="tv_episode", series=series, season=1, episode=2)
    first = f.make_title("Arrival", year=1967, kind="tv_episode", series=series, season=1, episode=1)
    f.make_title("Fall Out", year=1968, kind="tv_episode", series=series, season=2, episode=1)

    episodes = section(client.get(series.get_absolute_url()).content.decode(), "episodes")
    episode_html = client.get(second.get_absolute_url()).content.decode()

    assert episodes.index("Arrival") < episodes.index("Free for All") < episodes.index("Fall Out")
    assert '<h3 id="season-1">Season 1</h3>' in episodes and '<h3 id="season-2">Season 2</h3>' in episodes
    assert f'href="{first.get_absolute_url()}"' in episodes
    assert f'<a href="{series.get_absolute_url()}">The Prisoner</a> · Season 1, episode 2' in episode_html
    assert "<title>The Prisoner: Free for All (1967) · Film Catalogue</title>" in episode_html
    assert '(<a href="/year/1967/">1967–1968</a>)' in client.get(series.get_absolute_url()).content.decode()


def test_rating_history_chart_needs_two_captures(client, db):
    title = f.make_title("Charted", year=1990)
    f.make_capture(title, datetime(2009, 3, 1), Decimal("7.1"), 1000)
    assert "rating-history" not in client.get(title.get_absolute_url()).content.decode()

    f.make_capture(title, datetime(2012, 3, 1), Decimal("7.4"), 4000)
    chart = section(client.get(title.get_absolute_url()).content.decode(), "rating-history")

    assert "<svg" in chart and "<polyline" in chart
    assert "<title>2009-03-01: 1,000 votes</title>" in chart
    assert "<title>2012-03-01: rated 7.4</title>" in chart
    assert "votes 1,000 → 4,000, rating 7.1 → 7.4" in chart
    # The newest capture holds the most votes: it sits at the top of the plot.
    assert 'cy="14.0" r="2.5"><title>2012-03-01: 4,000 votes' in chart


def test_unknown_title_is_a_helpful_404(client, db):
    for url in ["/title/no-such-film/", "/title/no-such-film/fullcredits/", "/title/no-such-film/reviews/"]:
        response = client.get(url)
        assert response.status_code == 404
        assert 'id="notfound-search"' in response.content.decode()


def test_imdb_id_redirects_permanently_to_the_slug(client, catalogue):
    response = client.get("/title/tt0052893/")

    assert response.status_code == 301
    assert response["Location"] == "/title/hiroshima-mon-amour-1959/"
    assert client.get("/title/tt9999999/").status_code == 404


def test_title_whose_slug_is_its_imdb_id_is_served_not_looped(client, db):
    f.make_title("東京物語", year=1953, slug="tt0046438", imdb_id="tt0046438")

    response = client.get("/title/tt0046438/")

    assert response.status_code == 200
    assert "東京物語" in response.content.decode()


def test_title_page_release_runtime_colour_sound_and_taglines(client, catalogue):
    title = catalogue.title
    f.make_release_date(title, position=0)
    f.make_release_date(title, "10 June 1959", date="1959-06-10", country="France", note="(Cannes)", position=1)
    f.make_runtime(title, 90)
    f.make_runtime(title, 87, country="Argentina", position=1)
    f.add_colour(title, "Black and White")
    f.add_sound_mix(title, "Mono")
    f.make_tagline(title)

    html = client.get(URL).content.decode()
    details = section(html, "details")

    assert "<strong>Release date:</strong> 16 May 1960 (USA)" in html
    assert '<li>France: 10 June 1959 <span class="muted">(Cannes)</span></li>' in details
    assert "<dd>90 min | Argentina:87 min</dd>" in details
    assert "<dt>Colour</dt><dd>Black and White</dd>" in details
    assert "<dt>Sound mix</dt><dd>Mono</dd>" in details
    assert "<li>...from the measureless depths of a woman&#x27;s emotions...</li>" in html


def test_title_without_details_has_no_empty_details_section(client, db):
    title = f.make_title("Bare", year=None)

    html = client.get(title.get_absolute_url()).content.decode()

    assert 'id="details"' not in html
    assert "<h1>Bare</h1>" in html


def test_same_name_companies_are_told_apart(client, catalogue):
    first = f.make_company("Warner Home Video", slug="warner-home-video", imdb_id="co0051111")
    second = f.make_company("Warner Home Video", slug="warner-home-video-2", imdb_id="co0052222")
    f.make_title_company(catalogue.title, first, kind="distributor", notes=["2003", "USA", "DVD"])
    f.make_title_company(catalogue.title, second, kind="distributor", notes=["2004", "Japan", "DVD"], position=1)
    f.touch(catalogue.title)

    companies = section(client.get(URL).content.decode(), "companies")

    assert (
        '<a href="/company/warner-home-video/">Warner Home Video</a> <span class="muted company-id">[co0051111]</span>'
        in companies
    )
    assert (
        '<a href="/company/warner-home-video-2/">Warner Home Video</a> <span class="muted company-id">[co0052222]</span>'
        in companies
    )
    assert companies.count("company-id") == 2  # a company whose name is not repeated shows none
    assert "IMDb company id co0052222" in client.get("/company/warner-home-video-2/").content.decode()


# -- the featured reviews as excerpts, the long asides collapsed ----------------------------

LONG_REVIEW = "\n\n".join(
    " ".join(f"w{paragraph}x{n}" for n in range(30)) for paragraph in range(4)
)  # 120 words in four paragraphs: w0x0 … w3x29


def test_a_long_review_is_an_excerpt_with_read_more_to_its_place_on_the_reviews_page(client, catalogue):
    long = f.make_review(
        catalogue.title,
        summary="<b>Long</b> & winding",
        helpful=99,
        helpful_total=100,
        text="<script>alert(1)</script> " + LONG_REVIEW,
        rating=9,
    )

    reviews = section(client.get(URL).content.decode(), "reviews")

    article = reviews[reviews.index(f'id="review-{long.pk}"') :]
    article = article[: article.index("</article>")]
    assert "&lt;b&gt;Long&lt;/b&gt; &amp; winding" in article and '<span class="rating">9/10</span>' in article
    assert "by chaos-rampant" in article and "10 May 2011" in article
    # The first 60 words, cut after a whole word, the paragraphs kept, the page text escaped.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article and "<script>" not in article
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt; w0x0 w0x1" in article and "<p>w1x0" in article
    assert "w1x28…</p>" in article  # "<script>alert(1)</script>" is a word: w1x28 is the 60th
    assert "w1x29" not in article and "w2x0" not in article
    href = f"/title/hiroshima-mon-amour-1959/reviews/#review-{long.pk}"
    assert (
        f'<a href="{href}">Read more<span class="visually-hidden"> of “&lt;b&gt;Long&lt;/b&gt; &amp; winding”</span></a>'
        in article
    )
    # The reviews page has the anchor, and the whole review under it.
    whole = client.get(href.split("#")[0]).content.decode()
    assert f'<article class="review" id="review-{long.pk}">' in whole
    assert "w3x29" in whole


def test_a_short_review_is_shown_whole_without_read_more(client, catalogue):
    text = " ".join(f"word{n}" for n in range(75))  # within the excerpt's slack: not worth cutting
    short = f.make_review(catalogue.title, summary="Short enough", helpful=99, helpful_total=100, text=text)

    reviews = section(client.get(URL).content.decode(), "reviews")

    article = reviews[reviews.index(f'id="review-{short.pk}"') :]
    article = article[: article.index("</article>")]
    assert "word74</p>" in article and "…" not in article
    assert "Read more" not in reviews  # the catalogue fixture's reviews are short too


def test_excerpt_cuts_after_a_whole_word():
    from catalogue.text import excerpt

    assert excerpt("one two,  three four", words=2, slack=1) == ("one two…", True)  # the comma goes
    assert excerpt("one two three", words=2, slack=1) == ("one two three", False)
    assert excerpt("", words=2, slack=1) == ("", False)
    assert excerpt(None) == ("", False)


def test_companies_are_grouped_by_kind_and_a_long_group_is_collapsed(client, catalogue):
    for n in range(9):
        f.make_title_company(catalogue.title, f.make_company(f"Distributor {n}"), kind="distributor", position=n)

    companies = section(client.get(URL).content.decode(), "companies")

    groups = re.findall(
        r'<details class="aside-group"( open)?>\s*<summary><span class="aside-group__label">(.*?)</span>'
        r' <span class="count">\((\d+)\)</span></summary>(.*?)</details>',
        companies,
        re.S,
    )
    assert [(label, int(count), bool(is_open)) for is_open, label, count, _ in groups] == [
        ("Production companies", 1, True),
        ("Distributors", 9, False),
    ]
    assert groups[1][3].count("<li>") == 9 and "Distributor 8" in groups[1][3]  # all there, only folded


def test_certificates_of_many_countries_are_collapsed(client, catalogue):
    for n in range(6):
        f.make_certificate(catalogue.title, f"Country {n}", "PG", position=10 + n)

    certificates = section(client.get(URL).content.decode(), "certificates")

    assert "(9 countries)" in certificates
    assert '<details class="aside-group">' in certificates and " open>" not in certificates
    assert certificates.count('<tr><th scope="row">') == 9


@pytest.mark.parametrize("sample", ["gaslight-1944.combined-2010.html", "gaslight-1944.combined-2010.extracted.txt"])
def test_soundtrack_and_faq_questions_from_a_real_page_are_shown(client, db, sample):
    from catalogue.importing.pages import paths_import
    from tests.conftest import SAMPLES

    assert paths_import([SAMPLES / sample]).imported == 1
    html = client.get("/title/gaslight-1944/").content.decode()

    assert "<li>Waltz</li>" in section(html, "soundtrack")
    faq = section(html, "faq")
    assert "<li>What were the two piano pieces that were played at Lady Dalroy&#x27;s party?</li>" in faq
    assert "<li>To what does the title &quot;Gaslight&quot; refer?</li>" in faq
    # Connections, then soundtrack, then FAQ, as the old page printed them.
    assert html.index('id="connections"') < html.index('id="soundtrack"') < html.index('id="faq"')


def test_soundtrack_and_faq_are_escaped_and_absent_when_empty(client, db):
    loud = f.make_title("Loud", year=2001, slug="loud-2001", faq_count=5)
    Soundtrack.objects.create(title=loud, text="<script>alert(1)</script> Song", position=1)
    f.make_text_row(loud, FaqQuestion, "Is <b>this</b> bold?")
    f.make_title("Quiet", year=2002, slug="quiet-2002")

    loud = client.get("/title/loud-2001/").content.decode()
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt; Song</li>" in section(loud, "soundtrack")
    faq = section(loud, "faq")
    assert "Is &lt;b&gt;this&lt;/b&gt; bold?" in faq and "1 of the page’s 5 questions." in faq
    quiet = client.get("/title/quiet-2002/").content.decode()
    assert 'id="soundtrack"' not in quiet and 'id="faq"' not in quiet


@pytest.mark.parametrize("sample", ["gaslight-1944.combined-2010.html", "gaslight-1944.combined-2010.extracted.txt"])
def test_filming_locations_from_a_real_page_are_shown(client, db, sample):
    from catalogue.importing.pages import paths_import
    from tests.conftest import SAMPLES

    assert paths_import([SAMPLES / sample]).imported == 1
    locations = section(client.get("/title/gaslight-1944/").content.decode(), "locations")

    assert "<li>Metro-Goldwyn-Mayer Studios - 10202 W. Washington Blvd., Culver City, California, USA</li>" in locations


def test_filming_locations_are_escaped_in_printed_order_and_absent_when_empty(client, db):
    odd = f.make_title("Odd", year=2003, slug="odd-2003")
    f.make_text_row(odd, FilmingLocation, "Stage <b>7</b> & the lot", position=2)
    f.make_text_row(odd, FilmingLocation, "Nevers, Nièvre, France", position=1)
    f.make_title("Quiet", year=2002, slug="quiet-2002")

    locations = section(client.get("/title/odd-2003/").content.decode(), "locations")
    assert "<li>Nevers, Nièvre, France</li><li>Stage &lt;b&gt;7&lt;/b&gt; &amp; the lot</li>" in locations
    assert 'id="locations"' not in client.get("/title/quiet-2002/").content.decode()


def test_the_mpaa_line_of_a_real_page_is_in_the_details(client, db):
    from pathlib import Path

    from catalogue.importing.pages import paths_import

    page = Path(__file__).resolve().parents[1] / "corpus" / "html" / "the_patriot_2000_maindetails_2008.html"
    assert paths_import([page]).imported == 1
    from catalogue.models import Title

    title = Title.objects.get()
    html = client.get(title.get_absolute_url()).content.decode()

    assert "<dt>MPAA</dt><dd>Rated R for strong war violence.</dd>" in section(html, "details")


def test_crazy_credits_and_alternate_versions_are_shown_escaped(client, db):
    odd = f.make_title("Odd", year=2003, slug="odd-2003")
    f.make_text_row(odd, CrazyCredit, "The <i>cat</i> is credited.\nTwice.")
    f.make_text_row(odd, AlternateVersion, "A cut & a longer cut.")

    html = client.get("/title/odd-2003/").content.decode()

    assert "<li>The &lt;i&gt;cat&lt;/i&gt; is credited.<br>Twice.</li>" in section(html, "crazy-credits")
    assert "<li>A cut &amp; a longer cut.</li>" in section(html, "alternate-versions")
    assert html.index('id="crazy-credits"') < html.index('id="alternate-versions"')
    quiet = client.get(f.make_title("Quiet", year=2002, slug="quiet-2002").get_absolute_url()).content.decode()
    assert 'id="crazy-credits"' not in quiet and 'id="alternate-versions"' not in quiet
