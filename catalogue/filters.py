"""The search page's one FilterSet: every GET parameter of /search/ is a filter here."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef

from catalogue import widgets
from catalogue.wordsearch import WordQuery
from catalogue.models import Certificate, Country, Credit, Department, Genre, Language, Person, Title, TitleKind

SORTS = {
    "title": ("title", "year", "id"),
    "-title": ("-title", F("year").desc(nulls_last=True), "id"),
    "year": (F("year").asc(nulls_last=True), "title", "id"),
    "-year": (F("year").desc(nulls_last=True), "title", "id"),
    "-rating": (F("rating").desc(nulls_last=True), F("votes").desc(nulls_last=True), "title", "id"),
    "-votes": (F("votes").desc(nulls_last=True), "title", "id"),
}
SORT_CHOICES = [
    ("title", "Title A–Z"),
    ("-title", "Title Z–A"),
    ("year", "Oldest first"),
    ("-year", "Newest first"),
    ("-rating", "Highest rated"),
    ("-votes", "Most votes"),
]
DEFAULT_ORDER = SORTS["title"]
MAX_PEOPLE_TOGETHER = 5


class PersonIdsField(forms.Field):
    """Repeated ``person_id`` values: the ids of people who must all be credited (at most five)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        try:
            ids = list(dict.fromkeys(int(item) for item in values if str(item).strip()))
        except (TypeError, ValueError):
            raise forms.ValidationError("A person id is a number.") from None
        if len(ids) > MAX_PEOPLE_TOGETHER:
            raise forms.ValidationError(f"At most {MAX_PEOPLE_TOGETHER} people at once.")
        return ids


class PersonIdsFilter(django_filters.Filter):
    field_class = PersonIdsField


class CertificateField(forms.CharField):
    """ "Country:Rating" as printed ("UK:X", "West Germany:16", "Portugal:(Banned)")."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        country, sep, rating = value.partition(":")
        if not sep or not country.strip() or not rating.strip():
            raise forms.ValidationError('Write a certificate as Country:Rating, for example "UK:X".')
        return country.strip(), rating.strip()


class CertificateFilter(django_filters.Filter):
    field_class = CertificateField


class VocabularyChoiceIterator(django_filters.fields.ModelChoiceIterator):
    """A vocabulary's choices (genres, countries, languages) read by one plain query.

    Django reads a ModelChoiceField's choices with ``QuerySet.iterator()``: on PostgreSQL a
    server-side cursor, three round trips for a list of twenty names (the search form's
    three lists: 3.6 ms at 100,000 titles, against 1.1 ms on SQLite). Same choices, in the
    same order, after the empty and null ones.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class VocabularyChoiceField(django_filters.fields.ModelChoiceField):
    iterator = VocabularyChoiceIterator


class VocabularyFilter(django_filters.ModelChoiceFilter):
    field_class = VocabularyChoiceField


def vocabulary_filter(label: str, field_name: str, model: type) -> VocabularyFilter:
    """A select of one vocabulary (genres, countries, languages) by name; distinct, since it is to-many."""
    return VocabularyFilter(
        label=label,
        field_name=field_name,
        lookup_expr="exact",
        queryset=model.objects.order_by("name"),
        to_field_name="name",
        distinct=True,
        empty_label=f"Any {label.lower()}",
        widget=widgets.Select,
    )


# The most people a name's matches are given to the database as ids; more, as a subquery.
PEOPLE_INLINED = 5000
# At most this many people matched: titles by their credits, more: by walking the titles (filter_credits).
PEOPLE_BY_THEIR_TITLES = 500


def _people_named(name: str):
    """The people a name matches, as their ids (one query) when there are not too many:
    the planner then knows how many credits to expect, where a subquery leaves it to guess."""
    people = Person.objects.matching_name(name)
    ids = list(people.order_by().values_list("pk", flat=True)[: PEOPLE_INLINED + 1])
    return ids if len(ids) <= PEOPLE_INLINED else people.values("pk")


class TitleFilter(django_filters.FilterSet):
    # Every field names its widget from catalogue/widgets.py: Django's HTML, rendered in
    # Python (through templates the form was a fifth of a search page's time).
    q = django_filters.CharFilter(label="Title, AKA or person", method="filter_text", widget=widgets.TextInput)
    person = django_filters.CharFilter(label="Person", method="filter_credits", widget=widgets.TextInput)
    # "Worked together": titles crediting every one of these people (the search page names them).
    person_id = PersonIdsFilter(label="Person", method="filter_credits")
    department = django_filters.ChoiceFilter(
        label="Department",
        choices=Department.choices,
        method="filter_credits",
        empty_label="Any department",
        widget=widgets.Select,
    )
    job = django_filters.CharFilter(label="Job", method="filter_credits", widget=widgets.TextInput)
    certificate = CertificateFilter(
        label="Certificate (Country:Rating)", method="filter_certificate", widget=widgets.TextInput
    )
    cert_country = django_filters.CharFilter(
        label="Certificate country", method="filter_certificate_parts", widget=widgets.TextInput
    )
    cert_rating = django_filters.CharFilter(
        label="Certificate rating", method="filter_certificate_parts", widget=widgets.TextInput
    )
    kind = django_filters.ChoiceFilter(
        label="Kind",
        field_name="kind",
        lookup_expr="exact",
        choices=TitleKind.choices,
        empty_label="Any kind",
        widget=widgets.Select,
    )
    genre = vocabulary_filter("Genre", "genres", Genre)
    country = vocabulary_filter("Country", "countries", Country)
    language = vocabulary_filter("Language", "languages", Language)
    year_min = django_filters.NumberFilter(
        label="From year", field_name="year", lookup_expr="gte", widget=widgets.NumberInput
    )
    year_max = django_filters.NumberFilter(
        label="To year", field_name="year", lookup_expr="lte", widget=widgets.NumberInput
    )
    rating_min = django_filters.NumberFilter(
        label="Rating at least", field_name="rating", lookup_expr="gte", widget=widgets.NumberInput
    )
    votes_min = django_filters.NumberFilter(
        label="Votes at least", field_name="votes", lookup_expr="gte", widget=widgets.NumberInput
    )
    sort = django_filters.ChoiceFilter(
        label="Sort", choices=SORT_CHOICES, method="sort_by", empty_label="Title A–Z", widget=widgets.Select
    )

    class Meta:
        model = Title
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._applied: set[str] = set()
        self.word_query: WordQuery | None = None
        # The credits a person-name search reads (filter_credits), for credit_title_count.
        self._credits_searched = None
        # A text query is ranked by relevance unless a sort is chosen.
        if (self.data.get("q") or "").strip():
            self.form.fields["sort"].empty_label = "Relevance"
            self.form.fields["sort"].choices = SORT_CHOICES  # re-read with the new empty label
        for name in ("year_min", "year_max", "rating_min", "votes_min"):
            self.form.fields[name].widget.attrs.setdefault("inputmode", "numeric")

    def filter_text(self, queryset, name, value):
        # The indexes give the candidates; selectors.search_titles checks the word rule and ranks.
        self.word_query = WordQuery.parse(value)
        if not self.word_query:
            return queryset.none()
        return queryset.matching_words(self.word_query)

    @property
    def explicit_sort(self) -> str:
        return self.form.cleaned_data.get("sort") or "" if self.is_bound and hasattr(self.form, "cleaned_data") else ""

    def filter_credits(self, queryset, name, value):
        # person, department and job describe one credit: applied together, once.
        if "credits" in self._applied:
            return queryset
        self._applied.add("credits")
        data = self.form.cleaned_data
        credits = Credit.objects.all()
        if data.get("department"):
            credits = credits.filter(department=data["department"])
        if data.get("job"):
            credits = credits.filter(job__icontains=data["job"])
        person_ids = data.get("person_id") or []
        if data.get("person") or not person_ids:
            one = credits
            people = _people_named(data["person"]) if data.get("person") else None
            if people is not None:
                one = one.filter(person__in=people)
            if isinstance(people, list) and len(people) <= PEOPLE_BY_THEIR_TITLES:
                # A few people: their few titles, read from their credits. Walking the titles
                # in the page's order (the EXISTS below) would probe the credits of every
                # title before the page fills: SQLite read all 100,000 for one rare name.
                queryset = queryset.filter(pk__in=one.values("title_id"))
            else:
                # EXISTS, not IN: with many people ("Smith"), the database walks the titles in
                # the page's order and stops at the page's last row.
                queryset = queryset.filter(Exists(one.filter(title_id=OuterRef("pk"))))
            if data.get("person") and not person_ids:
                self._credits_searched = one
        # Each id its own credit: titles crediting all of them. Department and job, given
        # without a person name, hold for each of them ("directed together").
        each = Credit.objects.all() if data.get("person") else credits
        for person_id in person_ids:
            queryset = queryset.filter(pk__in=each.filter(person_id=person_id).values("title_id"))
        return queryset

    def credit_title_count(self) -> int | None:
        """The number of titles found, counted from the credits alone, when a person's name
        (with a department or job) is the whole search; else None (count the titles).

        The same number as counting the titles (every credit has its title), without
        reading a title row per match: a common surname matches thousands of titles.
        """
        if self._credits_searched is None:
            return None
        others = {name for name, value in self.form.cleaned_data.items() if value not in (None, "", [], ())}
        if others - {"person", "department", "job", "sort"}:
            return None
        # DISTINCT in a subquery: PostgreSQL hashes it, where COUNT(DISTINCT) sorts.
        return self._credits_searched.order_by().values("title_id").distinct().count()

    def filter_certificate(self, queryset, name, value):
        country, rating = value
        certificates = Certificate.objects.filter(country__iexact=country, rating__iexact=rating)
        return queryset.filter(pk__in=certificates.values("title_id"))

    def filter_certificate_parts(self, queryset, name, value):
        # cert_country and cert_rating match the same certificate row.
        if "certificate_parts" in self._applied:
            return queryset
        self._applied.add("certificate_parts")
        data = self.form.cleaned_data
        certificates = Certificate.objects.all()
        if data.get("cert_country"):
            certificates = certificates.filter(country__iexact=data["cert_country"])
        if data.get("cert_rating"):
            certificates = certificates.filter(rating__iexact=data["cert_rating"])
        return queryset.filter(pk__in=certificates.values("title_id"))

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SORTS[value])

    # -- for the form's display --------------------------------------------------------

    def active_filters(self) -> list[dict]:
        """The filters in use, each with the query string that removes it (and resets the page)."""
        active = []
        for name, field in self.form.fields.items():
            if name == "person_id":
                active.extend(self._person_chips(field))
                continue
            value = (self.data.get(name) or "").strip()
            if not value:
                continue
            remaining = self.data.copy()
            remaining.pop(name, None)
            remaining.pop("page", None)
            display = value
            if name in ("sort", "kind", "department"):  # the choice's label, not its key
                display = dict(field.choices).get(value, value)
            remove_url = "?" + remaining.urlencode()
            active.append({"name": name, "label": field.label, "value": display, "remove_url": remove_url})
        return active

    def person_ids(self) -> list[int]:
        if not self.is_bound or not self.is_valid():
            return []
        return self.form.cleaned_data.get("person_id") or []

    def _person_chips(self, field) -> list[dict]:
        """One chip per person id, named (one query), each removing only that id."""
        ids = self.person_ids()
        if not ids:
            return []
        names = dict(Person.objects.filter(pk__in=ids).values_list("pk", "name"))
        chips = []
        for person_id in ids:
            remaining = self.data.copy()
            remaining.setlist("person_id", [str(other) for other in ids if other != person_id])
            remaining.pop("page", None)
            chips.append(
                {
                    "name": "person_id",
                    "label": field.label,
                    "value": names.get(person_id, f"#{person_id}"),
                    "remove_url": "?" + remaining.urlencode(),
                }
            )
        return chips

    def without_text(self):
        """The titles every filter but the text query allows (the search box adds its exact names to them)."""
        data = self.data.copy()
        data.pop("q", None)
        return type(self)(data, queryset=self.queryset).qs

    def uses_more_filters(self) -> bool:
        """Whether a filter beyond the free-text ones is in use or wrong (the form unfolds them)."""
        names = set(self.form.fields) - {"q", "person", "person_id"}
        return any(self.data.get(name) for name in names) or any(name in self.form.errors for name in names)


def search_queryset():
    return Title.objects.for_listing().order_by(*DEFAULT_ORDER)
