"""Vocabularies of the catalogue: title kinds, credit departments, company roles, link types."""

from django.db import models

from catalogue.parsing.record import DEPARTMENTS


class TitleKind(models.TextChoices):
    MOVIE = "movie", "Movie"
    TV_MOVIE = "tv_movie", "TV movie"
    TV_SERIES = "tv_series", "TV series"
    TV_MINI_SERIES = "tv_mini_series", "TV mini-series"
    TV_EPISODE = "tv_episode", "TV episode"
    VIDEO = "video", "Video"
    VIDEO_GAME = "video_game", "Video game"
    SHORT = "short", "Short"
    TV_SPECIAL = "tv_special", "TV special"


# Cast first, then the old layout's crew headings in page order.
Department = models.TextChoices(
    "Department",
    [("CAST", ("cast", "Cast"))] + [(key.upper(), (key, label)) for key, label in DEPARTMENTS],
)
DEPARTMENT_ORDER = {value: index for index, value in enumerate(Department.values)}


class CompanyKind(models.TextChoices):
    PRODUCTION = "production", "Production companies"
    DISTRIBUTOR = "distributor", "Distributors"
    SPECIAL_EFFECTS = "special_effects", "Special effects"
    OTHER = "other", "Other companies"


class ConnectionType(models.TextChoices):
    """Link types of "Movie Connections", keyed by the label as printed."""

    FOLLOWS = "Follows"
    FOLLOWED_BY = "Followed by"
    REMAKE_OF = "Remake of"
    REMADE_AS = "Remade as"
    VERSION_OF = "Version of"
    SPIN_OFF_FROM = "Spin off from"
    SPIN_OFF = "Spin off"
    REFERENCES = "References"
    REFERENCED_IN = "Referenced in"
    FEATURES = "Features"
    FEATURED_IN = "Featured in"
    SPOOFS = "Spoofs"
    SPOOFED_IN = "Spoofed in"
    EDITED_FROM = "Edited from"
    EDITED_INTO = "Edited into"
    ALTERNATE_LANGUAGE_VERSION_OF = "Alternate language version of"


# How a link reads from its target's side ("Featured in" X shows on X as "Features").
CONNECTION_REVERSE = {
    "Follows": "Followed by",
    "Followed by": "Follows",
    "Remake of": "Remade as",
    "Remade as": "Remake of",
    "Version of": "Version of",
    "Spin off from": "Spin off",
    "Spin off": "Spin off from",
    "References": "Referenced in",
    "Referenced in": "References",
    "Features": "Featured in",
    "Featured in": "Features",
    "Spoofs": "Spoofed in",
    "Spoofed in": "Spoofs",
    "Edited from": "Edited into",
    "Edited into": "Edited from",
    "Alternate language version of": "Alternate language version of",
}


class SourceFormat(models.TextChoices):
    TEXT = "text", "Plain text"
    HTML = "html", "HTML"
    JSON = "json", "JSON record"


class PageType(models.TextChoices):
    TITLE = "title", "Title page"
    REVIEWS = "reviews", "User reviews page"
    FULLCREDITS = "fullcredits", "Full cast and crew page"
