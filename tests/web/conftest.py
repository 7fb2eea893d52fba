"""A catalogue built with the factories: Hiroshima Mon Amour and its neighbours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import pytest

from catalogue.models import Title
from catalogue.models.titles import FilmingLocation
from tests import factories as f


@dataclass
class Catalogue:
    title: Title
    other: Title
    resnais: object
    marcus: object
    riva: object
    company: object


@pytest.fixture
def catalogue(db) -> Catalogue:
    title = f.make_title(
        "Hiroshima Mon Amour",
        year=1959,
        slug="hiroshima-mon-amour-1959",
        imdb_id="tt0052893",
        original_title="Hiroshima mon amour",
        rating=Decimal("8.0"),
        rating_best=10,
        votes=21203,
        plot="A French actress filming an anti-war film in Hiroshima has an affair with a married Japanese architect.",
        aspect_ratio="1.37 : 1",
        awards_text="Nominated for Oscar. Another 6 wins & 5 nominations",
        recommendations_text="Pearl Harbor The English Patient Atonement",
        review_count=99,
    )
    f.make_text_row(title, FilmingLocation, "Nevers, Nièvre, France")
    other = f.make_title("Taj Mahal", year=2015, slug="taj-mahal-2015", rating=Decimal("6.1"), votes=900)
    f.add_genre(title, "Drama", 0)
    f.add_genre(title, "Romance", 1)
    f.add_country(title, "France", 0)
    f.add_country(title, "Japan", 1)
    f.add_language(title, "French", 0)
    f.add_keyword(title, "nuclear bomb", 0)
    f.add_keyword(title, "memory", 1)
    f.add_genre(other, "Drama", 0)
    f.add_country(other, "France", 0)

    resnais = f.make_person("Alain Resnais", slug="alain-resnais", imdb_id="nm0720778")
    marcus = f.make_person("Éliane Marcus", slug="eliane-marcus")
    riva = f.make_person("Emmanuelle Riva", slug="emmanuelle-riva")
    okada = f.make_person("Eiji Okada", slug="eiji-okada")
    f.make_credit(title, resnais, department="director", department_label="Directed by", order=1)
    f.make_credit(title, riva, department="cast", character="Elle", order=1)
    f.make_credit(title, okada, department="cast", character="Lui", order=2, credited_as="Okada Eiji")
    f.make_credit(
        title,
        marcus,
        department="makeup",
        department_label="Makeup Department",
        job="makeup artist",
        credited_as="E. Marcus",
    )
    f.make_credit(title, resnais, department="mystery_unit", department_label="Mystery Unit", job="observer")
    f.make_credit(other, resnais, department="thanks", department_label="Thanks", job="homage")

    f.make_certificate(title, "UK", "X", position=0)
    f.make_certificate(title, "West Germany", "16", notes=["f"], position=1)
    f.make_certificate(title, "Portugal", "(Banned)", notes=["original rating"], position=2)
    f.make_certificate(title, "Portugal", "M/12", notes=["re-rating", "1974"], position=3)
    f.make_certificate(other, "UK", "X")
    f.make_aka(title, "Hiroshima, My Love", country="International", notes=["English title"])
    f.make_aka(title, "Hiroshima, mein Liebe", country="West Germany", position=1)
    f.make_trivia(title, "Resnais was first asked to make a documentary.")
    f.make_goof(title, "After they leave the teahouse, the table changes.", "Continuity")
    f.make_quote(title, [("Lui", "You saw nothing in Hiroshima. Nothing."), ("Elle", "I saw everything. Everything.")])
    f.make_connection(other, "Features", title)  # Taj Mahal's page says it features Hiroshima
    f.make_connection(title, "Referenced in", None, target_title="Unknown Film", target_year=1970)
    f.make_recommendation(title, other)
    company = f.make_company("Argos Films", slug="argos-films")
    f.make_title_company(title, company, kind="production", notes=["as Argos"])
    f.make_title_company(other, company, kind="distributor")
    f.make_review(
        title,
        summary="Memory and forgetting",
        author="chaos-rampant",
        location="Greece",
        helpful=15,
        helpful_total=18,
        date=date(2011, 5, 10),
        text="A landmark.",
    )
    f.make_review(title, summary="Too slow", author="viewer2", helpful=2, helpful_total=10, date=date(2013, 1, 2))
    f.make_capture(title, datetime(2010, 1, 1), Decimal("7.9"), 15000)
    f.make_capture(title, datetime(2015, 6, 1), Decimal("8.0"), 21203)
    return Catalogue(title=title, other=other, resnais=resnais, marcus=marcus, riva=riva, company=company)
