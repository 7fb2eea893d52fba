"""Hand-written title records for tests and examples: every section filled, or almost none.

The random, realistic catalogues come from ``generate_record`` (pages.py); these are the
fixed records the import tests start from (``full_record`` is modelled on the
Hiroshima sample). Pure Python, like the rest of the package.
"""

from __future__ import annotations

import json

from catalogue.parsing.record import (
    Aka,
    Awards,
    CastMember,
    Certificate,
    Company,
    Connection,
    CrewMember,
    Goof,
    Popularity,
    QuoteLine,
    Rating,
    Recommendation,
    ReleaseDate,
    Review,
    Runtime,
    TitleRecord,
)


def full_record(**overrides) -> TitleRecord:
    """A title page record with every section filled (modelled on the Hiroshima sample)."""
    record = TitleRecord(
        title="Hiroshima Mon Amour",
        year=1959,
        kind="movie",
        original_title="Hiroshima mon amour",
        rating=Rating(value=8.0, best=10, votes=21203),
        popularity=Popularity(rank=None, text="Up 1% in popularity this week."),
        release_date=ReleaseDate(date="1960-05-16", text="16 May 1960", country="USA"),
        taglines=["...from the measureless depths of a woman's emotions..."],
        plot="A French actress and a Japanese architect share a brief affair.",
        genres=["Drama", "Romance"],
        countries=["France", "Japan"],
        languages=["French", "Japanese", "English"],
        colors=["Black and White"],
        sound_mixes=["Mono"],
        runtimes=[Runtime(minutes=90), Runtime(minutes=86, country="Argentina")],
        aspect_ratio="1.37 : 1",
        awards=Awards(
            text="Nominated for Oscar. Another 6 wins & 5 nominations", oscar_nominations=1, wins=6, nominations=5
        ),
        photo_count=18,
        news="The new restoration opens October 17.",
        cast=[
            CastMember(name="Emmanuelle Riva", character="Elle", order=1),
            CastMember(name="Eiji Okada", character="Lui", order=2),
            CastMember(name="Stella Dassas", character="Mother", credited_as="Stella Dassas (II)", order=3),
        ],
        cast_complete=True,
        crew=[
            CrewMember(department="director", department_label="Directed by", name="Alain Resnais", order=1),
            CrewMember(
                department="writer", department_label="Writing credits", name="Marguerite Duras", job="writer", order=1
            ),
            CrewMember(
                department="producer", department_label="Produced by", name="Anatole Dauman", job="producer", order=1
            ),
            CrewMember(
                department="cinematographer",
                department_label="Cinematography by",
                name="Michio Takahashi",
                credited_as="Takahashi Michio",
                notes=["Japan"],
                order=1,
            ),
            CrewMember(
                department="makeup",
                department_label="Makeup Department",
                name="Alexandre Marcus",
                job="key makeup artist",
                credited_as="A. Marcus",
                order=1,
            ),
            CrewMember(
                department="makeup",
                department_label="Makeup Department",
                name="Éliane Marcus",
                job="makeup artist",
                order=2,
            ),
        ],
        companies=[
            Company(kind="production", name="Argos Films"),
            Company(kind="production", name="Daiei Studios"),
            Company(kind="distributor", name="Zenith International Films", notes=["1960", "USA", "theatrical"]),
        ],
        akas=[
            Aka(title="Hiroshima, My Love", country="International", notes=["English title", "imdb display title"]),
            Aka(title="Nijuuyojikan no jouji", country="Japan"),
        ],
        certificates=[
            Certificate(country="Italy", rating="T", notes=["re-rating", "1974"]),
            Certificate(country="Portugal", rating="(Banned)", notes=["original rating"]),
            Certificate(country="West Germany", rating="16", notes=["f"]),
        ],
        trivia=["The film was shot in Hiroshima and Nevers."],
        goofs=[Goof(category="Continuity", text="After they leave the teahouse, the cup moves.")],
        quotes=[
            [
                QuoteLine(character="Lui", text="You saw nothing in Hiroshima. Nothing."),
                QuoteLine(character="Elle", text="I saw everything. Everything."),
            ]
        ],
        connections=[Connection(type="Featured in", title="Taj Mahal", year=2015)],
        review_count=99,
        reviews=[
            Review(
                title="The beginnings of the inland empire",
                date="2011-05-10",
                author="chaos-rampant",
                location="Greece",
                helpful=15,
                helpful_total=18,
                text="First paragraph.\n\nSecond paragraph.",
            )
        ],
        recommendations_text="Pearl Harbor The English Patient Atonement Marcel Proust's Time Regained Isadora",
        recommendation_count=5,
        faq_count=0,
        warnings=["a warning the parser gave"],
        unparsed=["a line no section took"],
        source_format="json",
    )
    for key, value in overrides.items():
        setattr(record, key, value)
    return record


def small_record(title: str, year: int | None = 2000, **overrides) -> TitleRecord:
    record = TitleRecord(title=title, year=year, source_format="json")
    for key, value in overrides.items():
        setattr(record, key, value)
    return record


def crew(n: int, *, prefix: str = "Crew Person") -> list[CrewMember]:
    return [
        CrewMember(
            department="art_department", department_label="Art Department", name=f"{prefix} {i}", job="painter", order=i
        )
        for i in range(1, n + 1)
    ]


def record_bytes(record: TitleRecord) -> bytes:
    return json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")


def recommendation(title: str, year: int | None = None) -> Recommendation:
    return Recommendation(title=title, year=year)
