"""Generated title pages: a record of what the page says, and the page's text.

``generate_page(seed=…, number=…, titles=…)`` builds title ``number`` of a catalogue
of ``titles`` titles: the ``TitleRecord`` a parser should read back from the page, and
the page in the plain-text layout of samples/hiroshima-mon-amour-1959.combined.txt
(with the labelled details and the "Cast" block of the Seven Samurai sample).
Pages only depend on (seed, number, titles): any page can be rebuilt alone.
"""

from __future__ import annotations

import calendar
import math
import random
import re
import unicodedata
from dataclasses import dataclass, field

from catalogue.parsing.record import (
    DEPARTMENT_LABELS,
    DEPARTMENTS,
    Aka,
    Awards,
    CastMember,
    Certificate,
    Connection,
    CrewMember,
    Goof,
    Popularity,
    QuoteLine,
    Rating,
    ReleaseDate,
    Review,
    Runtime,
    SeriesRef,
    TitleRecord,
)

from . import vocabulary as vocab
from .world import PersonPicker, TitleRef, people_count, person, rng, series_for_episode, title_ref

NBSP = "\xa0"
SEE_MORE = f"See more{NBSP}»"
DEPARTMENT_INDEX = {key: index for index, (key, _label) in enumerate(DEPARTMENTS)}
# Departments whose rows print no job: "Name " or "Name (notes)".
JOBLESS = {
    "director",
    "composer",
    "cinematographer",
    "editor",
    "casting_director",
    "production_designer",
    "art_director",
    "set_decorator",
    "costume_designer",
}
WRITER_NOTES = ("screenplay", "novel", "story", "adaptation", "dialogue", "play", "written by")

MIN_CREDITS, MAX_CREDITS = 5, 2000


@dataclass
class GeneratedPage:
    number: int
    record: TitleRecord  # what parse_page(text) must give back
    text: str
    # The (title, year) of each title the run-together recommendations line names, in order.
    recommended: list[tuple[str, int]] = field(default_factory=list)

    @property
    def credit_count(self) -> int:
        return len(self.record.cast) + len(self.record.crew)

    @property
    def path(self) -> str:
        """Where the page goes under the output folder: folders of at most 1,000 pages."""
        return page_path(self.number, self.record.title)


def page_path(number: int, title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title).strip("-")[:40] or "title"
    return f"{number // 1000:04d}/{number:07d}-{slug}.txt"


def credit_total(seed: int, number: int) -> int:
    """How many credits (cast and crew rows) title ``number`` has: long-tailed, most 20–150."""
    random_source = rng(seed, "size", number)
    if random_source.random() < 0.004:
        # Now and then a big production: a few hundred to 2,000 rows.
        return int(math.exp(random_source.uniform(math.log(300), math.log(MAX_CREDITS))))
    return max(MIN_CREDITS, min(MAX_CREDITS, int(random_source.lognormvariate(math.log(30), 0.75))))


# --- the record ---------------------------------------------------------------------------


# A line starting like a connection ("Follows …") would read as one.
_OPENING_WORDS = tuple(word for word in vocab.SENTENCE_WORDS if word not in {"follows"})


def _sentence(r: random.Random, low: int = 6, high: int = 18) -> str:
    words = [r.choice(_OPENING_WORDS)] + [r.choice(vocab.SENTENCE_WORDS) for _ in range(r.randint(low, high) - 1)]
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + "."


def _paragraph(r: random.Random, sentences: int) -> str:
    return " ".join(_sentence(r) for _ in range(sentences))


def _alias(r: random.Random, name: str) -> str:
    parts = name.split(" ")
    if len(parts) == 1:
        return name[:2] if len(name) > 2 else name + "."
    choice = r.randrange(3)
    if choice == 0:
        return f"{parts[0][0]}. {parts[-1]}"
    if choice == 1:
        return parts[-1]
    return " ".join(reversed(parts))


def _character(r: random.Random, culture: str) -> str:
    if r.random() < 0.4:
        return r.choice(vocab.CHARACTER_ROLES)
    given, surnames, _ = vocab.NAME_CULTURES[culture if culture != "kanji" else "japanese"]
    return f"{r.choice(given)} {r.choice(surnames)}"


def _other_title(r: random.Random, seed: int, titles: int, number: int) -> TitleRef | None:
    """A movie of the catalogue other than ``number``, for connections and recommendations."""
    for _ in range(12):
        candidate = r.randrange(titles)
        if candidate != number:
            ref = title_ref(seed, candidate)
            if ref.kind == "movie":
                return ref
    return None


def _date_text(year: int, month: int, day: int) -> str:
    return f"{day} {calendar.month_name[month]} {year}"


def _people(r: random.Random, picker: PersonPicker, count: int) -> list[str]:
    """``count`` distinct people drawn from the long tail."""
    chosen: list[int] = []
    seen: set[int] = set()
    for _ in range(count):
        for _attempt in range(6):
            number = picker.pick(r)
            if number not in seen:
                break
        seen.add(number)
        chosen.append(number)
    return [person(number)[0] for number in chosen]


def _crew_plan(r: random.Random, total: int) -> tuple[list[str], int]:
    """The department of every crew row (in page order) and the number of cast rows."""
    core: list[str] = ["director"] * (2 if r.random() < 0.08 else 1)
    core += ["writer"] * r.choice((1, 1, 1, 2, 2, 3))
    core += ["producer"] * r.randint(0, 4)
    for department, chance in (
        ("composer", 0.8),
        ("cinematographer", 0.9),
        ("editor", 0.9),
        ("casting_director", 0.4),
        ("production_designer", 0.5),
        ("art_director", 0.4),
        ("set_decorator", 0.4),
        ("costume_designer", 0.5),
    ):
        if r.random() < chance:
            core.append(department)
    core = core[: max(1, total - 1)]
    rest = total - len(core)
    cast_count = round(rest * r.uniform(0.45, 0.8))
    weighted = list(vocab.DEPARTMENT_WEIGHTS)
    weights = list(vocab.DEPARTMENT_WEIGHTS.values())
    departments = core + r.choices(weighted, weights, k=rest - cast_count)
    departments.sort(key=DEPARTMENT_INDEX.__getitem__)
    return departments, cast_count


def _crew(r: random.Random, picker: PersonPicker, departments: list[str]) -> list[CrewMember]:
    rows: list[CrewMember] = []
    start = 0
    while start < len(departments):
        department = departments[start]
        end = start
        while end < len(departments) and departments[end] == department:
            end += 1
        for order, name in enumerate(_people(r, picker, end - start), start=1):
            job, notes, alias = None, [], None
            if department == "writer":
                if r.random() < 0.4:
                    job = "writer"
                else:
                    notes = [r.choice(WRITER_NOTES)]
            elif department not in JOBLESS:
                job = r.choice(vocab.DEPARTMENT_JOBS[department])
            if department != "writer" and r.random() < 0.08:
                notes = [r.choice(vocab.CREW_NOTES)]
            if r.random() < 0.06:
                alias = _alias(r, name)
            rows.append(
                CrewMember(
                    department=department,
                    department_label=DEPARTMENT_LABELS[department],
                    name=name,
                    job=job,
                    credited_as=alias if alias != name else None,
                    notes=notes,
                    order=order,
                )
            )
        start = end
    return rows


def _cast(r: random.Random, picker: PersonPicker, count: int, culture: str) -> list[CastMember]:
    rows = []
    for order, name in enumerate(_people(r, picker, count), start=1):
        alias, notes = None, []
        roll = r.random()
        if roll < 0.07:
            alias = _alias(r, name)
            alias = alias if alias != name else None
        elif roll < 0.12:
            notes = ["uncredited"]
        rows.append(
            CastMember(name=name, character=_character(r, culture), credited_as=alias, notes=notes, order=order)
        )
    return rows


def _certificates(r: random.Random, year: int, votes: int) -> list[Certificate]:
    count = min(len(vocab.CERTIFICATES), int(r.random() * (4 + math.log10(votes + 1) * 4)))
    countries = sorted(r.sample(vocab.CERTIFICATES, count), key=lambda item: item[0])
    certificates = []
    for country, old_ratings, new_ratings in countries:
        if country == "West Germany" and year >= 1990:
            continue
        ratings = new_ratings if year >= 1990 else old_ratings
        certificates.append(Certificate(country=country, rating=r.choice(ratings), notes=[]))
        if r.random() < 0.15:
            # A re-rating, a video release: the same country twice, with notes.
            note = list(r.choice(vocab.CERTIFICATE_NOTES))
            if note == ["re-rating"]:
                note.append(str(r.randint(year + 1, 2015)) if year < 2015 else "2015")
            certificates.append(Certificate(country=country, rating=r.choice(new_ratings), notes=note))
    return certificates


def _awards(r: random.Random) -> Awards:
    oscar_wins = oscar_nominations = 0
    roll = r.random()
    parts = []
    if roll < 0.1:
        oscar_wins = r.randint(1, 5)
        parts.append("Won Oscar." if oscar_wins == 1 else f"Won {oscar_wins} Oscars.")
    elif roll < 0.3:
        oscar_nominations = r.randint(1, 6)
        parts.append("Nominated for Oscar." if oscar_nominations == 1 else f"Nominated for {oscar_nominations} Oscars.")
    wins, nominations = r.randint(0, 30), r.randint(0, 30)
    if not parts and not wins and not nominations:
        wins = 1
    counts = []
    if wins:
        counts.append("1 win" if wins == 1 else f"{wins} wins")
    if nominations:
        counts.append("1 nomination" if nominations == 1 else f"{nominations} nominations")
    if counts:
        parts.append(("Another " if parts else "") + " & ".join(counts))
    return Awards(
        text=" ".join(parts),
        oscar_wins=oscar_wins,
        oscar_nominations=oscar_nominations,
        wins=wins,
        nominations=nominations,
    )


def _reviews(r: random.Random, year: int) -> list[Review]:
    count = min(20, int(r.expovariate(1 / 2.5))) if r.random() < 0.75 else 0
    reviews = []
    for _ in range(count):
        review_year = r.randint(max(year, 1998), 2015)
        month, day = r.randint(1, 12), r.randint(1, 28)
        total = r.randint(1, 400)
        title = _sentence(r, 2, 7)[:-1]
        if r.random() < 0.05:
            title += ", " + r.choice(("again", "indeed", "but flawed", "and yet"))
        author = "-".join(r.sample(vocab.REVIEWER_WORDS, r.randint(1, 2))) + (
            str(r.randint(1, 999)) if r.random() < 0.5 else ""
        )
        reviews.append(
            Review(
                title=title,
                date=f"{review_year:04d}-{month:02d}-{day:02d}",
                author=author,
                location=r.choice(vocab.REVIEW_LOCATIONS) if r.random() < 0.85 else None,
                helpful=r.randint(0, total),
                helpful_total=total,
                text="\n\n".join(_paragraph(r, r.randint(2, 6)) for _ in range(r.randint(1, 5))),
            )
        )
    return reviews


def generate_record(*, seed: int, number: int, titles: int) -> tuple[TitleRecord, list[tuple[str, int]]]:
    """The record of title ``number`` and the (title, year) its recommendations name."""
    ref = title_ref(seed, number)
    r = rng(seed, "page", number)
    picker = PersonPicker(people_count(titles))
    kind, year, end_year = ref.kind, ref.year, ref.end_year
    series = None
    if kind == "tv_episode":
        parent = series_for_episode(seed, number, titles)
        if parent is None:
            kind = "movie"
        else:
            year = max(year, parent.year)
            series = SeriesRef(title=parent.title, year=parent.year, season=r.randint(1, 8), episode=r.randint(1, 24))

    votes = int(r.lognormvariate(math.log(900), 2.0)) + 5
    record = TitleRecord(
        title=ref.title,
        year=year,
        end_year=end_year,
        kind=kind,
        original_title=ref.original_title,
        series=series,
        rating=Rating(value=round(min(9.9, max(1.0, r.gauss(6.4, 1.1))), 1), best=10, votes=votes),
        faq_count=0,
    )
    if r.random() < 0.7:
        direction = r.choice(("Up", "Down"))
        record.popularity = Popularity(rank=None, text=f"{direction} {r.randint(1, 90)}% in popularity this week.")
    month, day = r.randint(1, 12), r.randint(1, 28)
    country = vocab.PRODUCTION_COUNTRIES[ref.culture][0]
    if kind == "tv_episode":
        record.release_date = ReleaseDate(
            date=f"{year:04d}-{month:02d}-{day:02d}", text=_date_text(year, month, day), country=None, note=None
        )
    elif r.random() < 0.9:
        release_year = year + (1 if r.random() < 0.2 else 0)
        if r.random() < 0.1:
            record.release_date = ReleaseDate(
                date=f"{release_year:04d}-{month:02d}",
                text=f"{calendar.month_name[month]} {release_year}",
                country=country,
            )
        else:
            record.release_date = ReleaseDate(
                date=f"{release_year:04d}-{month:02d}-{day:02d}",
                text=_date_text(release_year, month, day),
                country=country,
            )
    record.genres = r.sample(vocab.GENRES, r.randint(1, 3))
    record.countries = [country] + ([r.choice(vocab.AKA_COUNTRIES[1:])] if r.random() < 0.2 else [])
    record.countries = list(dict.fromkeys(record.countries))
    language = vocab.CULTURE_LANGUAGE[ref.culture]
    record.languages = list(dict.fromkeys([language] + ([r.choice(vocab.LANGUAGES)] if r.random() < 0.3 else [])))
    record.colors = ["Black and White" if year < 1960 and r.random() < 0.8 else "Color"]
    if year >= 1950 and r.random() < 0.6:
        record.sound_mixes = ["Mono"] if year < 1975 else r.sample(vocab.SOUND_MIXES[1:], r.randint(1, 2))
    minutes = r.randint(22, 60) if kind in ("tv_episode", "tv_series") else r.randint(70, 190)
    record.runtimes = [Runtime(minutes=minutes)]
    if r.random() < 0.7:
        record.aspect_ratio = r.choice(vocab.ASPECT_RATIOS)
    if r.random() < 0.5:
        record.taglines = [_sentence(r, 4, 10)[:-1] + r.choice(("...", "!", "."))]
    if r.random() < 0.9:
        record.plot = _paragraph(r, r.randint(1, 3))
    if r.random() < 0.3:
        record.awards = _awards(r)
    if r.random() < 0.6:
        record.photo_count = r.randint(1, 400)
        if r.random() < 0.15:
            record.news = f"{ref.title} -- {_paragraph(r, 2)}"

    departments, cast_count = _crew_plan(r, credit_total(seed, number))
    record.crew = _crew(r, picker, departments)
    record.cast = _cast(r, picker, cast_count, ref.culture)
    record.cast_complete = True if record.cast else None

    aka_count = min(6, int(r.expovariate(1 / 1.5)))
    if ref.original_title:
        record.akas.append(Aka(title=ref.original_title, country="France", notes=["original title"]))
    for _ in range(aka_count):
        other = title_ref(seed, r.randrange(titles)).title
        record.akas.append(
            Aka(title=other, country=r.choice(vocab.AKA_COUNTRIES), notes=list(r.choice(vocab.AKA_NOTES)))
        )
    record.certificates = _certificates(r, year, votes)

    if r.random() < 0.6:
        record.trivia = [_paragraph(r, r.randint(1, 3))]
    if r.random() < 0.4:
        record.goofs = [Goof(category=r.choice(vocab.GOOF_CATEGORIES), text=_paragraph(r, r.randint(1, 2)))]
    if record.cast and r.random() < 0.4:
        speakers = [member.character for member in record.cast[:4]]
        lines = [QuoteLine(character=r.choice(speakers), text=_sentence(r)) for _ in range(r.randint(1, 3))]
        if r.random() < 0.3:
            lines[0].text = "[First lines] " + lines[0].text
        record.quotes = [lines]
    if r.random() < 0.35:
        target = _other_title(r, seed, titles, number)
        if target is not None:
            record.connections = [
                Connection(type=r.choice(vocab.CONNECTION_TYPES), title=target.title, year=target.year)
            ]

    record.reviews = _reviews(r, year)
    if record.reviews:
        record.review_count = len(record.reviews) + int(r.expovariate(1 / 30))

    recommended: list[tuple[str, int]] = []
    if titles > 5 and r.random() < 0.7:
        for _ in range(5):
            target = _other_title(r, seed, titles, number)
            if target is not None and (target.title, target.year) not in recommended:
                recommended.append((target.title, target.year))
        if recommended:
            record.recommendations_text = " ".join(title for title, _year in recommended)
            record.recommendation_count = len(recommended)
    return record, recommended


# --- the text -----------------------------------------------------------------------------

NAVIGATION = """Top Links
trailers and videosfull cast and crewtriviaofficial sitesmemorable quotes
main detailscombined detailsfull cast and crewcompany credits
Awards & Reviews
user reviewsexternal reviewsawardsuser ratingsparents guide
Plot & Quotes
plot summarysynopsisplot keywordsmemorable quotes
Did You Know?
triviagoofssoundtrack listingcrazy creditsalternate versionsmovie connectionsFAQ
Other Info
box office/businessrelease datesfilming locationstechnical specsliterature listingsNewsDesk
taglines trailers and videos posters photo gallery
External Links
showtimesofficial sitesmiscellaneousphotographssound clipsvideo clips"""

FOOTER = (
    "You may report errors and omissions on this page to the IMDb database managers. They will be examined "
    "and if approved will be included in a future update. Clicking the 'Edit page' button will take you "
    "through a step-by-step process."
)


def _headings(record: TitleRecord) -> tuple[str, str]:
    """The "IMDb > …" breadcrumb and the title heading, by kind."""
    if record.kind == "tv_series":
        years = f"{record.year}–{record.end_year}" if record.end_year else f"{record.year}– "
        text = f'"{record.title}" (TV Series {years})'
        return text, text
    if record.kind == "tv_episode" and record.series:
        series = f'"{record.series.title}" ({record.series.year})'
        return f"{series} > {record.title} ({record.year})", f'"{record.series.title}" {record.title} ({record.year})'
    if record.kind == "tv_movie":
        text = f"{record.title} (TV {record.year})"
        return text, text
    text = f"{record.title} ({record.year})"
    return text, text


def _crew_row(member: CrewMember) -> str:
    extras = "".join(f" ({note})" for note in member.notes)
    alias = f" (as {member.credited_as})" if member.credited_as else ""
    if member.job and member.department != "writer":
        return f"{member.name} .... {member.job}{extras}{alias}"
    if member.job:  # "Marguerite Duras  writer"
        return f"{member.name}{NBSP} {member.job}{extras}{alias}"
    if member.notes:  # "Michio Takahashi (Japan) (as Takahashi Michio)"
        return f"{member.name}{NBSP}{extras.lstrip()}{alias}"
    if alias:  # "Minoru Esaka  (as Esaka)"
        return f"{member.name}{NBSP}{alias}"
    return f"{member.name}{NBSP}"


def _cast_row(member: CastMember) -> str:
    extras = "".join(f" ({note})" for note in member.notes)
    alias = f" (as {member.credited_as})" if member.credited_as else ""
    return f"{member.name} ... {member.character}{alias}{extras}"


def _review_lines(review: Review) -> list[str]:
    day = int(review.date[8:10])
    month = int(review.date[5:7])
    author = f"Author: {review.author}" + (f" from {review.location}" if review.location else "")
    lines = [
        f"{review.helpful} out of {review.helpful_total} people found the following review useful.",
        f"{review.title}, {_date_text(int(review.date[:4]), month, day)}",
        author,
        "",
    ]
    for paragraph in review.text.split("\n\n"):
        lines += [paragraph, ""]
    lines.append("Was the above review useful to you?")
    return lines


def render_page(record: TitleRecord, r: random.Random) -> str:
    """The page's text: header, overview, cast and crew, details, "Did You Know?", reviews."""
    breadcrumb, heading = _headings(record)
    out: list[str] = [f"IMDb > {breadcrumb}", record.original_title or record.title, NAVIGATION, ""]
    out.append(
        f"{heading} More at IMDbPro{NBSP}»"
        + (f"{record.original_title} (original title)" if record.original_title else "")
    )
    out.append("")
    if record.photo_count is not None:
        out.append(f"Photos (See all {record.photo_count} | slideshow)" + (" Videos" if record.news else ""))
    if record.news:
        out.append(record.news)
    out += ["", ""]
    if record.rating:
        out += ["User Rating:", f"{record.rating.value:.1f}/10 {NBSP}{NBSP}{record.rating.votes:,} votes{NBSP}»"]
    out += [
        "Your Rating:",
        "Saving vote...",
        "Deleting vote...",
        f"/10 {NBSP}{NBSP}(delete | history)",
        "Sorry, there was a problem",
    ]
    if record.popularity:
        out += ["Popularity: ?", f"{record.popularity.text} See why on IMDbPro."]
    out.append(f"View company contact information for {record.title} on IMDbPro.")
    if record.release_date:
        if record.kind == "tv_episode" and record.series:
            series = record.series
            out += [
                "Original Air Date:",
                f"{record.release_date.text} (Season {series.season}, Episode {series.episode})",
            ]
        else:
            country = f" ({record.release_date.country})" if record.release_date.country else ""
            out += ["Release Date:", f"{record.release_date.text}{country} {SEE_MORE}"]
    if record.genres:
        out += ["Genre:", " | ".join(record.genres) + f" {SEE_MORE}"]
    for tagline in record.taglines:
        out += ["Tagline:", f"{tagline} {SEE_MORE}"]
    if record.plot:
        out += ["Plot:", f"{record.plot} Full summary{NBSP}» | Add synopsis{NBSP}»"]
    if record.awards:
        out += ["Awards:", f"{record.awards.text} {SEE_MORE}"]
    if record.reviews:
        out += ["User Reviews:", f"{record.reviews[0].title} See more ({record.review_count} total){NBSP}»"]
    out += ["", ""]

    if record.cast:
        out += ["Cast", "", "  (in credits order) (verified as complete)", ""]
        for index, member in enumerate(record.cast):
            out.append(_cast_row(member))
            if index == 0 and r.random() < 0.3:
                out.append("")  # as in the Seven Samurai sample
        out.append("")
    department = None
    for member in record.crew:
        if member.department != department:
            department = member.department
            out.append(member.department_label)
            if department == "writer" and sum(1 for m in record.crew if m.department == "writer") > 1:
                out.append("(in alphabetical order)")
        out.append(_crew_row(member))
    out += ["", "Production CompaniesDistributors", "", "Additional Details", ""]

    if record.akas:
        out.append("Also Known As:")
        for aka in record.akas:
            notes = "".join(f" ({note})" for note in aka.notes)
            out.append(f'"{aka.title}"{NBSP}- {aka.country}{notes}')
        out.append(SEE_MORE)
    if record.runtimes:
        out += ["Runtime:", " | ".join(f"{runtime.minutes} min" for runtime in record.runtimes)]
    if record.countries:
        out += ["Country:", " | ".join(record.countries)]
    if record.languages:
        out += ["Language:", " | ".join(record.languages)]
    if record.colors:
        out += ["Color:", " | ".join(record.colors)]
    if record.aspect_ratio:
        out += ["Aspect Ratio:", f"{record.aspect_ratio} {SEE_MORE}"]
    if record.sound_mixes:
        out += ["Sound Mix:", " | ".join(record.sound_mixes)]
    if record.certificates:
        rows = [f"{c.country}:{c.rating}" + "".join(f" ({note})" for note in c.notes) for c in record.certificates]
        out += ["Certification:", " | ".join(rows)]
    out += ["", "Did You Know?", ""]
    for trivia in record.trivia:
        out.append(f"{trivia}{SEE_MORE}")
    for goof in record.goofs:
        out.append(f"{goof.category}: {goof.text}{SEE_MORE}")
    for quote in record.quotes:
        out += [f"{line.character}:{line.text}" for line in quote]
        out.append(SEE_MORE)
    if record.connections:
        out.append("Movie Connections:")
        out += [f"{c.type} {c.title} ({c.year})" for c in record.connections[:-1]]
        last = record.connections[-1]
        out.append(f"{last.type} {last.title} ({last.year}){SEE_MORE}")
    out += ["", "", "This FAQ is empty. Add the first question."]
    for index, review in enumerate(record.reviews):
        if index:
            out.append("")
        out += _review_lines(review)
    if record.reviews:
        out.append(f"See more ({record.review_count} total){NBSP}»")
    out += ["", ""]
    if record.recommendation_count:
        out += [
            "If you enjoyed this title, our database also recommends:",
            " ".join(["-"] * record.recommendation_count),
            record.recommendations_text or "",
        ]
        out += ["IMDb User Rating:"] * record.recommendation_count
        out.append("Show more recommendations")
    genre = record.genres[0] if record.genres else "Drama"
    country = record.countries[0] if record.countries else "USA"
    out += [
        "",
        "Related Links",
        "",
        "Full cast and crew Company credits External reviews",
        f"News articles IMDb {genre} section IMDb {country} section",
        "",
        FOOTER,
    ]
    return "\n".join(out)


def generate_page(*, seed: int, number: int, titles: int) -> GeneratedPage:
    """Title ``number`` of a generated catalogue of ``titles`` titles: its record and text."""
    record, recommended = generate_record(seed=seed, number=number, titles=titles)
    text = render_page(record, rng(seed, "layout", number))
    return GeneratedPage(number=number, record=record, text=text, recommended=recommended)
