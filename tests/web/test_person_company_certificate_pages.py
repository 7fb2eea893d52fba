import re

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_person_page_filmography_by_department_and_job_newest_first(client, db):
    person = f.make_person("Marguerite Duras", slug="marguerite-duras")
    old = f.make_title("Hiroshima Mon Amour", year=1959)
    new = f.make_title("India Song", year=1975)
    mid = f.make_title("Moderato Cantabile", year=1960)
    f.make_credit(old, person, department="writer", department_label="Writing credits", job="screenplay")
    f.make_credit(new, person, department="writer", department_label="Writing credits", job="screenplay")
    f.make_credit(mid, person, department="writer", department_label="Writing credits", job="novel")
    f.make_credit(new, person, department="director", department_label="Directed by")
    f.make_credit(mid, person, department="cast", character="Herself", credited_as="M. Duras")

    html = client.get("/name/marguerite-duras/").content.decode()
    sections = re.findall(
        r'<section class="filmography" id="([^"]+)">\s*<h2>([^<]+?) <span class="muted">\((\d+)\)', html
    )

    assert sections == [("cast", "Actor", "1"), ("director", "Director", "1"), ("writer", "Writer", "3")]
    writer = html[html.index('id="writer"') :]
    assert "<h3>Screenplay</h3>" in writer and "<h3>Novel</h3>" in writer
    screenplay = writer[writer.index("<h3>Screenplay</h3>") : writer.index("<h3>Novel</h3>")]
    assert screenplay.index("India Song") < screenplay.index("Hiroshima Mon Amour")  # newest first
    assert '… Herself</span> <span class="muted">(as M. Duras)</span>' in html
    # Counts per department and the credited-as names.
    assert '<a href="#writer">Writer</a> <span class="count">3</span>' in html
    aliases = html[html.index('id="credited-as"') :]
    assert "<dt>M. Duras</dt>" in aliases and "Moderato Cantabile" in aliases
    assert "5 credits on 3 titles" in html


def test_person_page_chart_of_titles_per_year(client, catalogue):
    html = client.get("/name/alain-resnais/").content.decode()

    chart = html[html.index('<figure class="chart chart--years">') : html.index("</figure>")]
    assert chart.count('<rect class="chart__bar"') == 2
    assert "<title>1959: 1 title</title>" in chart and "<title>2015: 1 title</title>" in chart
    assert "Titles per year, 1959–2015" in chart


def test_person_page_unknown_department_uses_its_printed_label(client, catalogue):
    html = client.get("/name/alain-resnais/").content.decode()

    assert '<section class="filmography" id="mystery_unit">' in html
    assert "<h2>Mystery Unit" in html


def test_merged_person_redirects_permanently(client, catalogue):
    f.make_person_redirect("alain-resnais-2", catalogue.resnais)

    response = client.get("/name/alain-resnais-2/")

    assert response.status_code == 301
    assert response["Location"] == "/name/alain-resnais/"


def test_person_imdb_id_redirects_or_404s(client, catalogue):
    response = client.get("/name/nm0720778/")
    assert response.status_code == 301
    assert response["Location"] == "/name/alain-resnais/"
    assert client.get("/name/nm0000000/").status_code == 404


def test_unknown_person_and_company_are_helpful_404s(client, db):
    for url in ["/name/nobody-here/", "/company/no-company/"]:
        response = client.get(url)
        assert response.status_code == 404
        assert 'id="notfound-search"' in response.content.decode()


def test_company_page_titles_by_role_with_notes(client, catalogue):
    f.make_title_company(f.make_title("Muriel", year=1963), catalogue.company, kind="special_effects")

    html = client.get("/company/argos-films/").content.decode()
    roles = re.findall(r"<h2>([^<]+?) <span", html)

    assert roles == ["Production companies", "Distributors", "Special effects"]
    assert '<a href="/title/hiroshima-mon-amour-1959/">Hiroshima Mon Amour</a>' in html
    assert "(as Argos)" in html
    assert html.index("Distributors") < html.index("Taj Mahal") < html.index("Special effects")


def test_certificates_index_lists_countries_ratings_and_counts(client, catalogue):
    html = client.get("/certificates/").content.decode()

    assert (
        html.index('<h2><a href="/certificates/Portugal/">Portugal</a></h2>')
        < html.index('<h2><a href="/certificates/UK/">UK</a></h2>')
        < html.index('<h2><a href="/certificates/West%20Germany/">West Germany</a></h2>')
    )
    assert '<a href="/certificates/UK/X/">X</a> <span class="count">2</span>' in html
    assert '<a href="/certificates/Portugal/M/12/">M/12</a> <span class="count">1</span>' in html


@pytest.mark.parametrize(
    "url, heading, note",
    [
        ("/certificates/West%20Germany/16/", "West Germany: 16", "(f)"),
        ("/certificates/Portugal/M/12/", "Portugal: M/12", "(re-rating) (1974)"),
        ("/certificates/Portugal/(Banned)/", "Portugal: (Banned)", "(original rating)"),
        ("/certificates/Portugal/%28Banned%29/", "Portugal: (Banned)", "(original rating)"),
    ],
)
def test_certificate_page_handles_spaces_slashes_and_brackets(client, catalogue, url, heading, note):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert '<a href="/title/hiroshima-mon-amour-1959/">Hiroshima Mon Amour</a>' in html
    assert f'<span class="muted">{note}</span>' in html


def test_certificate_page_lists_every_title_with_it(client, catalogue):
    html = client.get("/certificates/UK/X/").content.decode()

    assert "Hiroshima Mon Amour" in html and "Taj Mahal" in html
    assert "2 certificates" in html


def test_unknown_certificate_is_404(client, catalogue):
    assert client.get("/certificates/UK/ZZ/").status_code == 404


def test_person_page_links_to_a_search_of_their_titles(client, catalogue):
    html = client.get("/name/eliane-marcus/").content.decode()

    marcus = catalogue.marcus.pk
    assert f'<a href="/search/?person_id={marcus}">Search and filter their titles</a>' in html
    results = client.get(f"/search/?person_id={marcus}").content.decode()
    assert '<a href="/title/hiroshima-mon-amour-1959/">Hiroshima Mon Amour</a>' in results
    assert "Taj Mahal" not in results
    assert "Person: <strong>Éliane Marcus</strong>" in results  # the filter, by name


@pytest.mark.django_db
def test_a_person_left_without_credits_has_no_page(client, catalogue):
    from tests import factories as f

    f.make_person("Nobody Credited", slug="nobody-credited")
    assert client.get("/name/nobody-credited/").status_code == 404
    assert client.get("/name/eliane-marcus/").status_code == 200


def test_frequent_collaborators_count_shared_titles_once_and_keep_the_top_by_count_then_name():
    from catalogue.selectors import frequent_collaborators

    me = f.make_person("Me Myself")
    films = [f.make_title(f"Film {i}", year=2000 + i, votes=1000 - i) for i in range(4)]
    for film in films:
        f.make_credit(film, me, department="director")
    # Zed shares 4 titles (two credits on one of them: counted once); Amy and Bob 2 each; Cy 1.
    zed, bob, amy, cy = (f.make_person(name) for name in ("Zed Zulu", "Bob Brown", "Amy Adams", "Cy Coleman"))
    for film in films:
        f.make_credit(film, zed, department="writer")
    f.make_credit(films[0], zed, department="producer")
    for person in (amy, bob):
        f.make_credit(films[1], person, department="cast", character="x")
        f.make_credit(films[2], person, department="cast", character="y")
    f.make_credit(films[3], cy, department="cast", character="z")

    found = [(c.name, c.shared) for c in frequent_collaborators(me.pk)]

    assert found == [("Zed Zulu", 4), ("Amy Adams", 2), ("Bob Brown", 2)]
    # At the cut, a tie goes to the older person (lower id): "Bob Brown" was made before "Amy Adams".
    assert [(c.name, c.shared) for c in frequent_collaborators(me.pk, limit=2)] == [("Zed Zulu", 4), ("Bob Brown", 2)]
