"""The page record: what a parsed title page yields (docs/page-record.md).

Plain dataclasses, no Django. ``TitleRecord.to_dict()`` gives the contract's JSON
(every key present, absent facts ``None`` or ``[]``); ``TitleRecord.from_dict()``
reads it back, so records round-trip through JSON (export, the JSON input format).

Keys the project adds to the contract (allowed: it may add, never rename or drop):
``page_type``, ``source_format``, ``imdb_id`` on people/companies/links (HTML pages
carry them), ``seasons``, ``plot_keywords``, ``filming_locations``, ``soundtrack``,
``faq_questions``, ``top_rank``, reviewer ``rating`` and ``spoiler``, ``videos``,
``video_count``, ``mpaa``, ``crazy_credits``, ``alternate_versions``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar

# Bumped when the parser reads pages differently; `manage.py reparse` brings stored
# pages up to it. 2: episode titles, series headers, main-details AKAs, certificates
# with parentheses, 2006-2008 forms, per-line decoding (issue 15).
PARSER_VERSION = "2"

KINDS = (
    "movie",
    "tv_movie",
    "tv_series",
    "tv_mini_series",
    "tv_episode",
    "video",
    "video_game",
    "short",
    "tv_special",
)

# The old layout's crew headings, in page order, with their stable keys.
DEPARTMENTS: tuple[tuple[str, str], ...] = (
    # A series' creators ("Creator:", "Creators:", "Creator(s):" in the overview).
    ("creator", "Created by"),
    ("director", "Directed by"),
    ("writer", "Writing credits"),
    ("producer", "Produced by"),
    ("composer", "Original Music by"),
    ("cinematographer", "Cinematography by"),
    ("editor", "Film Editing by"),
    ("casting_director", "Casting by"),
    ("production_designer", "Production Design by"),
    ("art_director", "Art Direction by"),
    ("set_decorator", "Set Decoration by"),
    ("costume_designer", "Costume Design by"),
    ("makeup", "Makeup Department"),
    ("production_manager", "Production Management"),
    ("assistant_director", "Second Unit Director or Assistant Director"),
    ("art_department", "Art Department"),
    ("sound", "Sound Department"),
    ("special_effects", "Special Effects by"),
    ("visual_effects", "Visual Effects by"),
    ("stunts", "Stunts"),
    ("camera", "Camera and Electrical Department"),
    ("animation", "Animation Department"),
    ("casting", "Casting Department"),
    ("costume", "Costume and Wardrobe Department"),
    ("editorial", "Editorial Department"),
    ("music", "Music Department"),
    ("transportation", "Transportation Department"),
    ("miscellaneous", "Other crew"),
    ("thanks", "Thanks"),
)
DEPARTMENT_KEYS = {label: key for key, label in DEPARTMENTS}
DEPARTMENT_LABELS = dict(DEPARTMENTS)

COMPANY_KINDS = ("production", "distributor", "special_effects", "other")
PAGE_TYPES = ("title", "reviews", "fullcredits")


class PageError(ValueError):
    """The input is not a page this parser can read (empty, binary, another site…).

    The message is one clear sentence for a person; ``line`` is the 1-based line
    the problem was found at, when there is one.
    """

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class _Record:
    """Shared to_dict/from_dict for the record's dataclasses."""

    # Nested dataclass types by field name, for from_dict.
    _nested: ClassVar[dict[str, type]] = {}
    _nested_lists: ClassVar[dict[str, type]] = {}

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _to_json(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        kwargs: dict[str, Any] = {}
        names = {f.name for f in dataclasses.fields(cls)}
        for name, value in data.items():
            if name not in names:
                continue
            if value is not None and name in cls._nested:
                value = cls._nested[name].from_dict(value)
            elif name in cls._nested_lists:
                item_type = cls._nested_lists[name]
                value = [item_type.from_dict(item) if isinstance(item, dict) else item for item in value or []]
            kwargs[name] = value
        return cls(**kwargs)


def _to_json(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_to_json(item) for item in value]
    return value


@dataclass
class Rating(_Record):
    value: float
    best: int = 10
    votes: int = 0


@dataclass
class Popularity(_Record):
    rank: int | None = None
    text: str | None = None


@dataclass
class ReleaseDate(_Record):
    date: str | None = None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    text: str | None = None  # as printed: "16 May 1960"
    country: str | None = None
    note: str | None = None


@dataclass
class Runtime(_Record):
    minutes: int
    country: str | None = None
    note: str | None = None


@dataclass
class Awards(_Record):
    text: str
    oscar_wins: int = 0
    oscar_nominations: int = 0
    wins: int = 0
    nominations: int = 0


@dataclass
class SeriesRef(_Record):
    title: str
    year: int | None = None
    season: int | None = None
    episode: int | None = None
    imdb_id: str | None = None


@dataclass
class CastMember(_Record):
    name: str
    character: str | None = None
    credited_as: str | None = None
    notes: list[str] = field(default_factory=list)
    order: int = 0
    imdb_id: str | None = None  # nm… (HTML pages)
    character_id: str | None = None  # ch… (HTML pages)


@dataclass
class CrewMember(_Record):
    department: str
    department_label: str
    name: str
    job: str | None = None
    credited_as: str | None = None
    notes: list[str] = field(default_factory=list)
    order: int = 0
    imdb_id: str | None = None


@dataclass
class Company(_Record):
    kind: str  # one of COMPANY_KINDS
    name: str
    notes: list[str] = field(default_factory=list)
    imdb_id: str | None = None  # co…


@dataclass
class Aka(_Record):
    title: str
    country: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Certificate(_Record):
    country: str
    rating: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Goof(_Record):
    category: str | None
    text: str


@dataclass
class QuoteLine(_Record):
    character: str | None
    text: str


@dataclass
class Connection(_Record):
    type: str  # as printed: "Featured in", "References", "Remake of"…
    title: str
    year: int | None = None
    note: str | None = None  # e.g. "TV", "V"
    imdb_id: str | None = None


@dataclass
class Review(_Record):
    title: str | None
    date: str | None  # "YYYY-MM-DD"
    author: str | None
    location: str | None = None
    helpful: int | None = None
    helpful_total: int | None = None
    text: str = ""
    rating: int | None = None  # the reviewer's own rating, out of 10, when shown
    spoiler: bool = False
    author_id: str | None = None  # ur… (HTML pages)


@dataclass
class Recommendation(_Record):
    title: str
    year: int | None = None
    imdb_id: str | None = None


@dataclass
class TitleRecord(_Record):
    title: str
    year: int | None = None
    end_year: int | None = None
    kind: str = "movie"
    original_title: str | None = None
    series: SeriesRef | None = None
    imdb_id: str | None = None
    rating: Rating | None = None
    popularity: Popularity | None = None
    release_date: ReleaseDate | None = None
    taglines: list[str] = field(default_factory=list)
    plot: str | None = None
    genres: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    colors: list[str] = field(default_factory=list)
    sound_mixes: list[str] = field(default_factory=list)
    runtimes: list[Runtime] = field(default_factory=list)
    aspect_ratio: str | None = None
    awards: Awards | None = None
    photo_count: int | None = None
    news: str | None = None
    cast: list[CastMember] = field(default_factory=list)
    cast_complete: bool | None = None
    # The order of the first cast member after "rest of cast listed alphabetically" (None: no such line).
    cast_alphabetical_from: int | None = None
    crew: list[CrewMember] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)
    akas: list[Aka] = field(default_factory=list)
    certificates: list[Certificate] = field(default_factory=list)
    trivia: list[str] = field(default_factory=list)
    goofs: list[Goof] = field(default_factory=list)
    quotes: list[list[QuoteLine]] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    review_count: int | None = None
    reviews: list[Review] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    recommendations_text: str | None = None
    recommendation_count: int | None = None
    faq_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    # Added by the project (see the module docstring).
    page_type: str = "title"
    source_format: str = "text"
    seasons: list[int] = field(default_factory=list)
    plot_keywords: list[str] = field(default_factory=list)
    filming_locations: list[str] = field(default_factory=list)
    soundtrack: list[str] = field(default_factory=list)
    faq_questions: list[str] = field(default_factory=list)
    top_rank: int | None = None
    videos: list[str] = field(default_factory=list)
    video_count: int | None = None
    mpaa: str | None = None
    crazy_credits: list[str] = field(default_factory=list)
    alternate_versions: list[str] = field(default_factory=list)

    _nested: ClassVar[dict[str, type]] = {
        "series": SeriesRef,
        "rating": Rating,
        "popularity": Popularity,
        "release_date": ReleaseDate,
        "awards": Awards,
    }
    _nested_lists: ClassVar[dict[str, type]] = {
        "runtimes": Runtime,
        "cast": CastMember,
        "crew": CrewMember,
        "companies": Company,
        "akas": Aka,
        "certificates": Certificate,
        "goofs": Goof,
        "connections": Connection,
        "reviews": Review,
        "recommendations": Recommendation,
    }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TitleRecord:
        record = super().from_dict(data)
        record.quotes = [
            [line if isinstance(line, QuoteLine) else QuoteLine.from_dict(line) for line in quote]
            for quote in (data.get("quotes") or [])
        ]
        return record
