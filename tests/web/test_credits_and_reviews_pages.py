import re
from datetime import date

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_full_credits_cast_with_characters_as_names_and_notes(client, db):
    title = f.make_title("Gaslight", year=1944)
    f.make_credit(title, f.make_person("Charles Boyer"), character="Gregory Anton", order=1)
    f.make_credit(
        title,
        f.make_person("Ingrid Bergman"),
        character="Paula Alquist",
        order=2,
        credited_as="Miss Bergman",
        notes=["uncredited"],
    )

    html = client.get(f"/title/{title.slug}/fullcredits/").content.decode()

    assert "<title>Gaslight (1944) – Full cast and crew · Film Catalogue</title>" in html
    assert html.index("Charles Boyer") < html.index("Ingrid Bergman")
    assert 'Paula Alquist <span class="muted">(as Miss Bergman)</span> <span class="muted">(uncredited)</span>' in html


def test_full_credits_departments_in_old_layout_order_unknown_last_by_label(client, db):
    title = f.make_title("Ordered", year=1960)
    # Created out of order on purpose.
    f.make_credit(title, f.make_person("Zed Unknown"), department="zebra_unit", department_label="Zebra Unit", job="z")
    f.make_credit(title, f.make_person("Al Unknown"), department="alpha_unit", department_label="Alpha Unit", job="a")
    f.make_credit(title, f.make_person("Thanks Person"), department="thanks", department_label="Thanks")
    f.make_credit(title, f.make_person("Writer Person"), department="writer", department_label="Writing credits")
    f.make_credit(title, f.make_person("Director Person"), department="director", department_label="Directed by")
    f.make_credit(
        title,
        f.make_person("Makeup Person"),
        department="makeup",
        department_label="Makeup Department",
        job="key makeup artist",
        credited_as="M. Person",
    )

    html = client.get(f"/title/{title.slug}/fullcredits/").content.decode()
    headings = re.findall(r'<section class="crew-department" id="([^"]+)">\s*<h2>([^<]+?) <', html)

    assert headings == [
        ("director", "Directed by"),
        ("writer", "Writing credits"),
        ("makeup", "Makeup Department"),
        ("thanks", "Thanks"),
        ("alpha_unit", "Alpha Unit"),
        ("zebra_unit", "Zebra Unit"),
    ]
    assert 'key makeup artist <span class="muted">(as M. Person)</span>' in html


def test_reviews_page_sorts_by_helpfulness_and_date(client, db):
    title = f.make_title("Reviewed", year=1970)
    f.make_review(title, summary="Old and helpful", helpful=50, helpful_total=60, date=date(2001, 1, 1))
    f.make_review(title, summary="New and unhelpful", helpful=1, helpful_total=9, date=date(2014, 1, 1))
    f.make_review(title, summary="Middle", helpful=10, helpful_total=20, date=date(2008, 1, 1))
    url = f"/title/{title.slug}/reviews/"

    def order(html):
        return re.findall(r'<h3 class="review__summary">([^<]+)', html)

    assert order(client.get(url).content.decode()) == ["Old and helpful", "Middle", "New and unhelpful"]
    assert order(client.get(url + "?sort=helpful").content.decode()) == [
        "Old and helpful",
        "Middle",
        "New and unhelpful",
    ]
    assert order(client.get(url + "?sort=date").content.decode()) == ["New and unhelpful", "Middle", "Old and helpful"]


def test_reviews_page_is_paginated_by_twenty_and_keeps_the_sort(client, db):
    title = f.make_title("Many reviews", year=1980)
    for n in range(45):
        f.make_review(title, summary=f"Review {n:02d}", helpful=n, helpful_total=50, date=date(2000 + n % 15, 1, 1))
    url = f"/title/{title.slug}/reviews/"

    first = client.get(url + "?sort=helpful").content.decode()
    third = client.get(url + "?sort=helpful&page=3").content.decode()

    assert first.count('<article class="review" id="review-') == 20
    assert "Review 44" in first and "Review 24" not in first
    assert "Page 1 of 3" in first
    assert 'href="?sort=helpful&amp;page=2"' in first
    assert third.count('<article class="review" id="review-') == 5
    assert "Review 00" in third
    # A page number past the end shows the last page, never an error.
    assert client.get(url + "?page=99").status_code == 200
    assert client.get(url + "?page=abc").status_code == 200


def test_review_text_is_escaped_never_markup(client, db):
    title = f.make_title("Escaped", year=1990)
    f.make_review(
        title,
        summary="<b>bold claim</b>",
        author="<img src=x onerror=alert(1)>",
        text="<script>alert('x')</script> & more",
        helpful=1,
        helpful_total=1,
    )
    f.make_trivia(title, "<script>document.cookie</script>")
    f.make_quote(title, [("<i>Bob</i>", "<a href='evil'>click</a>")])

    for url in [title.get_absolute_url(), f"/title/{title.slug}/reviews/"]:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in html
        assert "&lt;b&gt;bold claim&lt;/b&gt;" in html
        assert "<img src=x" not in html
    title_html = client.get(title.get_absolute_url()).content.decode()
    assert "&lt;script&gt;document.cookie&lt;/script&gt;" in title_html
    assert "<b>&lt;i&gt;Bob&lt;/i&gt;</b>: &lt;a href=&#x27;evil&#x27;&gt;click&lt;/a&gt;" in title_html


def test_reviews_canonical_keeps_the_page_not_the_sort(client, db):
    title = f.make_title("Canonical", year=1999)
    for n in range(25):
        f.make_review(title, summary=f"R{n}")
    url = f"/title/{title.slug}/reviews/"

    assert f'<link rel="canonical" href="http://testserver{url}">' in client.get(url + "?sort=date").content.decode()
    second = client.get(url + "?sort=date&page=2").content.decode()
    assert f'<link rel="canonical" href="http://testserver{url}?page=2">' in second
