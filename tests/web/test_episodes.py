"""Series and episodes: season lists, an episode's previous and next, episode credits on a person page."""

import re

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def nav(html: str) -> str:
    match = re.search(r'<nav class="episode-nav"[^>]*>(.*?)</nav>', html, re.S)
    assert match, "no episode navigation"
    return match.group(1)


def section(html: str, css_class: str) -> str:
    match = re.search(rf'<section class="{css_class}"[^>]*>(.*?)</section>', html, re.S)
    assert match, f"no section {css_class}"
    return match.group(1)


@pytest.fixture
def prisoner(db):
    series = f.make_title("The Prisoner", year=1967, kind="tv_series", end_year=1968)
    # Made out of order: the page orders by season and episode number, not by id.
    episodes = {
        "fall_out": f.make_title("Fall Out", year=1968, kind="tv_episode", series=series, season=2, episode=1),
        "free": f.make_title("Free for All", year=1967, kind="tv_episode", series=series, season=1, episode=2),
        "arrival": f.make_title("Arrival", year=1967, kind="tv_episode", series=series, season=1, episode=1),
        "chimes": f.make_title(
            "The Chimes of Big Ben", year=1967, kind="tv_episode", series=series, season=1, episode=3
        ),
        # No number: after the numbered ones.
        "pilot": f.make_title("Unaired <Pilot>", year=1966, kind="tv_episode", series=series),
    }
    return series, episodes


def test_series_page_lists_its_seasons_with_anchors_and_episode_numbers(client, prisoner):
    series, episodes = prisoner
    html = section(client.get(series.get_absolute_url()).content.decode(), "episodes")

    links = re.findall(r'<a href="#([\w-]+)">([^<]+)</a> <span class="muted">\((\d+)\)</span>', html)
    assert links == [
        ("season-1", "Season 1", "3"),
        ("season-2", "Season 2", "1"),
        ("other-episodes", "Other episodes", "1"),
    ]
    for anchor, _label, _count in links:
        assert f'<h3 id="{anchor}">' in html
    season_1 = html[html.index('id="season-1"') : html.index('id="season-2"')]
    assert re.findall(r'<span class="muted">(\d+)\.</span> <a href="[^"]+">([^<]+)</a>', season_1) == [
        ("1", "Arrival"),
        ("2", "Free for All"),
        ("3", "The Chimes of Big Ben"),
    ]
    assert "Unaired &lt;Pilot&gt;" in html[html.index('id="other-episodes"') :]


def test_episode_page_links_previous_and_next_episode_series_and_season(client, prisoner):
    series, episodes = prisoner
    html = nav(client.get(episodes["free"].get_absolute_url()).content.decode())

    assert f'<a href="{series.get_absolute_url()}">The Prisoner</a>' in html
    assert f'<a href="{series.get_absolute_url()}#season-1">Season 1</a>' in html
    previous = re.search(r'<a href="([^"]+)" rel="prev">(.*?)</a>', html, re.S)
    following = re.search(r'<a href="([^"]+)" rel="next">(.*?)</a>', html, re.S)
    assert previous.group(1) == episodes["arrival"].get_absolute_url()
    assert re.sub(r"<[^>]+>", "", previous.group(2)).split() == ["←", "Previous:", "S1.E1", "Arrival"]
    assert following.group(1) == episodes["chimes"].get_absolute_url()
    assert "S1.E3</span> The Chimes of Big Ben" in following.group(2)


def test_episode_neighbours_cross_seasons_and_end_at_the_ends(client, prisoner):
    _series, episodes = prisoner
    last_of_season_1 = nav(client.get(episodes["chimes"].get_absolute_url()).content.decode())
    first = nav(client.get(episodes["arrival"].get_absolute_url()).content.decode())
    unnumbered = nav(client.get(episodes["pilot"].get_absolute_url()).content.decode())

    assert re.search(r'href="([^"]+)" rel="next"', last_of_season_1).group(1) == episodes["fall_out"].get_absolute_url()
    assert 'rel="prev"' not in first and 'rel="next"' in first
    # The unnumbered episode comes last; its previous is the last numbered one.
    assert re.search(r'href="([^"]+)" rel="prev"', unnumbered).group(1) == episodes["fall_out"].get_absolute_url()
    assert 'rel="next"' not in unnumbered
    assert '#episodes">All episodes</a>' in unnumbered
    assert "Unaired &lt;Pilot&gt;" in nav(client.get(episodes["fall_out"].get_absolute_url()).content.decode())


def test_a_film_has_no_episode_navigation(client, db):
    film = f.make_title("Arrival", year=2016)
    assert 'class="episode-nav"' not in client.get(film.get_absolute_url()).content.decode()


def test_person_page_names_the_episode_with_its_series_and_number(client, prisoner):
    series, episodes = prisoner
    actor = f.make_person("Patrick McGoohan", slug="patrick-mcgoohan")
    f.make_credit(episodes["free"], actor, character="Number Six")
    f.make_credit(episodes["pilot"], actor)
    # An episode whose series is not in the catalogue is named by its page's series title.
    orphan = f.make_title("The Gift", year=1960, kind="tv_episode", series_title="Danger Man", season=1, episode=3)
    f.make_credit(orphan, actor)
    f.make_credit(f.make_title("Ice Station Zebra", year=1968), actor)

    html = client.get("/name/patrick-mcgoohan/").content.decode()
    items = {re.sub(r"<[^>]+>", "", item).split(" … ")[0]: item for item in re.findall(r"<li>(.*?)</li>", html)}

    assert "1967 The Prisoner: Free for All (S1.E2)" in items
    assert (
        f'<a href="{series.get_absolute_url()}">The Prisoner</a>: '
        f'<a href="{episodes["free"].get_absolute_url()}">Free for All</a>'
    ) in items["1967 The Prisoner: Free for All (S1.E2)"]
    assert "1966 The Prisoner: Unaired &lt;Pilot&gt; (TV episode)" in items
    assert "1960 Danger Man: The Gift (S1.E3)" in items
    assert "1968 Ice Station Zebra" in items


def _series_with(episodes: int):
    series = f.make_title(f"Series of {episodes}", year=2000, kind="tv_series")
    made = [
        f.make_title(
            f"Episode {n}", year=2000, kind="tv_episode", series=series, season=1 + n // 10, episode=n % 10 + 1
        )
        for n in range(episodes)
    ]
    return series, made


def test_series_and_episode_pages_cost_the_same_for_3_and_30_episodes(client, db, django_assert_num_queries):
    small, small_episodes = _series_with(3)
    big, big_episodes = _series_with(30)

    # A series: the film's nine and its episodes (one query, however many).
    for series, count in ((small, 3), (big, 30)):
        with django_assert_num_queries(10):
            html = client.get(series.get_absolute_url()).content.decode()
        assert f'Episodes <span class="muted">({count})</span>' in html
    # An episode: the film's nine and its neighbours (one query over its series).
    for episode in (small_episodes[1], big_episodes[15]):
        with django_assert_num_queries(10):
            html = client.get(episode.get_absolute_url()).content.decode()
        assert 'rel="prev"' in html and 'rel="next"' in html


def test_person_page_costs_the_same_for_1_and_10_episode_credits(client, db, django_assert_num_queries):
    _series, episodes = _series_with(10)
    one = f.make_person("One Episode", slug="one-episode")
    ten = f.make_person("Ten Episodes", slug="ten-episodes")
    f.make_credit(episodes[0], one)
    for episode in episodes:
        f.make_credit(episode, ten)

    for slug, count in (("one-episode", 1), ("ten-episodes", 10)):
        with django_assert_num_queries(3):
            html = client.get(f"/name/{slug}/").content.decode()
        assert html.count("Series of 10</a>: <a") == count
