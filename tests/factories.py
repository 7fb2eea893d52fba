"""Small factories for the catalogue's models: sensible defaults, unique slugs.

Each function saves one row (so the models fill their ``*_folded`` fields) and takes
any model field as a keyword to override the default.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from datetime import date, datetime, timezone

from catalogue.models import (
    AlternateTitle,
    Certificate,
    Company,
    Connection,
    Country,
    Credit,
    Genre,
    Goof,
    Keyword,
    Language,
    Person,
    PersonRedirect,
    Quote,
    QuoteLine,
    RatingCapture,
    ReleaseDate,
    Runtime,
    Tagline,
    TitleColour,
    TitleSoundMix,
    Colour,
    SoundMix,
    Recommendation,
    Review,
    Title,
    TitleCompany,
    TitleCountry,
    TitleGenre,
    TitleKeyword,
    TitleLanguage,
    Trivia,
)
from catalogue.importing.counts import links_changed
from catalogue.text import base_slug
from django.utils import timezone as django_timezone


def touch(title: Title) -> None:
    """Bump the title's last-change stamp, which keys its conditional GET and page cache."""
    Title.objects.filter(pk=title.pk).update(updated_at=django_timezone.now())


def touches_title(factory):
    """As the importer and the admin do, a write to a title's rows bumps its last-change stamp."""

    @functools.wraps(factory)
    def wrapper(title: Title, *args, **kwargs):
        result = factory(title, *args, **kwargs)
        touch(title)
        return result

    return wrapper


_counter = itertools.count(1)


def _unique_slug(text: str) -> str:
    return f"{base_slug(text, fallback='item')}-{next(_counter)}"


def make_title(title: str = "Hiroshima Mon Amour", *, year: int | None = 1959, **fields) -> Title:
    fields.setdefault("slug", _unique_slug(f"{title} {year or ''}"))
    return Title.objects.create(title=title, year=year, **fields)


def make_person(name: str = "Alain Resnais", **fields) -> Person:
    fields.setdefault("slug", _unique_slug(name))
    return Person.objects.create(name=name, **fields)


@touches_title
def make_credit(title: Title, person: Person | None = None, *, department: str = "cast", **fields) -> Credit:
    person = person or make_person(f"Person {next(_counter)}")
    fields.setdefault("department_label", "Cast" if department == "cast" else department.replace("_", " ").title())
    fields.setdefault("order", Credit.objects.filter(title=title, department=department).count() + 1)
    return Credit.objects.create(title=title, person=person, department=department, **fields)


@touches_title
def make_review(title: Title, **fields) -> Review:
    fields.setdefault("summary", "A quiet masterpiece")
    fields.setdefault("author", "chaos-rampant")
    fields.setdefault("text", "Resnais builds memory out of images.")
    fields.setdefault("date", date(2011, 5, 10))
    fields.setdefault("fingerprint", hashlib.sha256(f"review-{next(_counter)}".encode()).hexdigest())
    return Review.objects.create(title=title, **fields)


@touches_title
def make_certificate(title: Title, country: str = "UK", rating: str = "X", **fields) -> Certificate:
    from catalogue.importing import counts

    before = counts.title_certificate_keys(title.pk)
    certificate = Certificate.objects.create(title=title, country=country, rating=rating, **fields)
    counts.certificates_changed(added=counts.title_certificate_keys(title.pk) - before)  # as the importer does
    return certificate


@touches_title
def make_aka(title: Title, aka: str = "Hiroshima, My Love", **fields) -> AlternateTitle:
    return AlternateTitle.objects.create(title=title, aka=aka, **fields)


def make_company(name: str = "Argos Films", **fields) -> Company:
    fields.setdefault("slug", _unique_slug(name))
    return Company.objects.create(name=name, **fields)


@touches_title
def make_title_company(title: Title, company: Company | None = None, *, kind: str = "production", **fields):
    company = company or make_company(f"Company {next(_counter)}")
    return TitleCompany.objects.create(title=title, company=company, kind=kind, **fields)


# The link factories keep the vocabularies' stored title counts as the importer does.
def _vocabulary(model, name: str):
    obj, _ = model.objects.get_or_create(name=name, defaults={"slug": base_slug(name, fallback="v")})
    return obj


@touches_title
def add_genre(title: Title, name: str, position: int = 0) -> Genre:
    genre = _vocabulary(Genre, name)
    TitleGenre.objects.create(title=title, genre=genre, position=position)
    links_changed(Genre, added=[genre.pk])
    return genre


@touches_title
def add_country(title: Title, name: str, position: int = 0) -> Country:
    country = _vocabulary(Country, name)
    TitleCountry.objects.create(title=title, country=country, position=position)
    links_changed(Country, added=[country.pk])
    return country


@touches_title
def add_language(title: Title, name: str, position: int = 0) -> Language:
    language = _vocabulary(Language, name)
    TitleLanguage.objects.create(title=title, language=language, position=position)
    links_changed(Language, added=[language.pk])
    return language


@touches_title
def make_connection(title: Title, type: str = "Featured in", target: Title | None = None, **fields) -> Connection:
    fields.setdefault("target_title", target.title if target else "Taj Mahal")
    fields.setdefault("target_year", target.year if target else 2015)
    return Connection.objects.create(title=title, type=type, target=target, **fields)


@touches_title
def make_recommendation(title: Title, target: Title | None = None, **fields) -> Recommendation:
    fields.setdefault("target_title", target.title if target else "Isadora")
    fields.setdefault("target_year", target.year if target else None)
    return Recommendation.objects.create(title=title, target=target, **fields)


@touches_title
def make_quote(title: Title, lines: list[tuple[str, str]], position: int = 0) -> Quote:
    quote = Quote.objects.create(title=title, position=position)
    for index, (character, text) in enumerate(lines):
        QuoteLine.objects.create(quote=quote, character=character, text=text, position=index)
    return quote


@touches_title
def make_trivia(title: Title, text: str = "Shot in Hiroshima and Nevers.", **fields) -> Trivia:
    return Trivia.objects.create(title=title, text=text, **fields)


@touches_title
def make_goof(title: Title, text: str = "The teahouse sign changes.", category: str = "Continuity", **fields) -> Goof:
    return Goof.objects.create(title=title, text=text, category=category, **fields)


@touches_title
def make_capture(title: Title, when: datetime, rating: float | None, votes: int | None) -> RatingCapture:
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return RatingCapture.objects.create(title=title, captured_at=when, rating=rating, votes=votes)


def make_person_redirect(old_slug: str, person: Person) -> PersonRedirect:
    return PersonRedirect.objects.create(old_slug=old_slug, person=person)


@touches_title
def add_colour(title: Title, name: str = "Black and White", position: int = 0) -> Colour:
    colour = _vocabulary(Colour, name)
    TitleColour.objects.create(title=title, colour=colour, position=position)
    links_changed(Colour, added=[colour.pk])
    return colour


@touches_title
def add_sound_mix(title: Title, name: str = "Mono", position: int = 0) -> SoundMix:
    sound_mix = _vocabulary(SoundMix, name)
    TitleSoundMix.objects.create(title=title, sound_mix=sound_mix, position=position)
    links_changed(SoundMix, added=[sound_mix.pk])
    return sound_mix


@touches_title
def add_keyword(title: Title, name: str, position: int = 0) -> Keyword:
    keyword = _vocabulary(Keyword, name)
    TitleKeyword.objects.create(title=title, keyword=keyword, position=position)
    links_changed(Keyword, added=[keyword.pk])
    return keyword


@touches_title
def make_runtime(title: Title, minutes: int = 90, **fields) -> Runtime:
    return Runtime.objects.create(title=title, minutes=minutes, **fields)


@touches_title
def make_release_date(title: Title, text: str = "16 May 1960", **fields) -> ReleaseDate:
    fields.setdefault("date", "1960-05-16")
    fields.setdefault("country", "USA")
    return ReleaseDate.objects.create(title=title, text=text, **fields)


@touches_title
def make_text_row(title: Title, model, text: str, **fields):
    """A row of a list section whose items are text alone (a filming location, a song…), last in its list."""
    fields.setdefault("position", model.objects.filter(title=title).count() + 1)
    return model.objects.create(title=title, text=text, **fields)


@touches_title
def make_tagline(title: Title, text: str = "...from the measureless depths of a woman's emotions...", **fields):
    return Tagline.objects.create(title=title, text=text, **fields)
