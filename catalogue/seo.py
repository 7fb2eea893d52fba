"""Structured data (schema.org JSON-LD) and Open Graph values for title and person pages."""

from __future__ import annotations

from typing import Callable

from catalogue.models import TitleKind

SCHEMA_TYPES = {
    TitleKind.TV_SERIES: "TVSeries",
    TitleKind.TV_MINI_SERIES: "TVSeries",
    TitleKind.TV_EPISODE: "TVEpisode",
    TitleKind.VIDEO_GAME: "VideoGame",
}
OG_TYPES = {
    TitleKind.TV_SERIES: "video.tv_show",
    TitleKind.TV_MINI_SERIES: "video.tv_show",
    TitleKind.TV_EPISODE: "video.episode",
}


def _person(credit, absolute: Callable[[str], str]) -> dict:
    """A selectors.TitleCredit's person."""
    return {"@type": "Person", "name": credit.person_name, "url": absolute(credit.person_url)}


def title_json_ld(page, absolute: Callable[[str], str]) -> dict:
    """schema.org Movie / TVSeries / TVEpisode for a selectors.TitlePage."""
    title = page.title
    data: dict = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(title.kind, "Movie"),
        "name": title.title,
        "url": absolute(title.get_absolute_url()),
    }
    if title.original_title and title.original_title != title.title:
        data["alternateName"] = title.original_title
    if title.year:
        data["datePublished"] = str(title.year)
    if title.plot:
        data["description"] = title.plot
    genres = [genre.name for genre in page.genres]
    if genres:
        data["genre"] = genres
    if title.rating is not None and title.votes:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": str(title.rating),
            "bestRating": str(title.rating_best or 10),
            "worstRating": "1",
            "ratingCount": title.votes,
        }
    if page.directors:
        data["director"] = [_person(credit, absolute) for credit in page.directors]
    if page.cast:
        data["actor"] = [_person(credit, absolute) for credit in page.cast]
    if title.kind == TitleKind.TV_EPISODE and title.series_id:
        data["partOfSeries"] = {
            "@type": "TVSeries",
            "name": title.series.title,
            "url": absolute(title.series.get_absolute_url()),
        }
        if title.episode:
            data["episodeNumber"] = title.episode
    reviews = []
    for review in page.reviews:
        item = {"@type": "Review", "author": {"@type": "Person", "name": review.author or "anonymous"}}
        if review.summary:
            item["name"] = review.summary
        if review.text:
            item["reviewBody"] = review.text
        if review.date:
            item["datePublished"] = review.date.isoformat()
        if review.rating:
            item["reviewRating"] = {"@type": "Rating", "ratingValue": review.rating, "bestRating": 10}
        reviews.append(item)
    if reviews:
        data["review"] = reviews
    return data


def person_json_ld(page, absolute: Callable[[str], str]) -> dict:
    person = page.person
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": absolute(person.get_absolute_url()),
    }
    if person.imdb_id:
        data["identifier"] = person.imdb_id
    headings = [department.heading for department in page.departments]
    if headings:
        data["jobTitle"] = headings
    return data


def og_type(title) -> str:
    return OG_TYPES.get(title.kind, "video.movie")
