"""Reads for the browsable pages: each page's data in a constant number of queries.

Views call one function here and render what it returns; grouping and ordering that
SQL cannot express cheaply happens here, in Python, on rows already fetched. One module
per page family: ``titles``, ``people``, ``browse`` (companies, certificates, home, the
search page's people), and what they share in ``common``.
"""

from catalogue.selectors.browse import (
    CertificateCountry,
    certificate_countries,
    certificate_titles,
    company_roles,
    home_page,
)
from catalogue.selectors.common import (
    DepartmentGroup,
    PageStamp,
    department_label,
    department_sort_key,
    group_credits_by_department,
    slug_url,
    slug_url_maker,
)
from catalogue.selectors.people import (
    COLLABORATION_TITLES,
    FilmographyRow,
    PersonPage,
    filmography_query,
    frequent_collaborators,
    person_page,
    person_redirect_target,
    person_stamp,
    resolve_person_slug,
)
from catalogue.selectors.search import (
    PersonHit,
    Suggestion,
    TitleResults,
    best_known_titles,
    did_you_mean,
    people_named,
    search_people,
    search_titles,
    search_titles_all,
)
from catalogue.selectors.titles import (
    FullCredits,
    TabCounts,
    TitleCredit,
    TitlePage,
    full_credits,
    title_with_tab_counts,
    title_page,
    title_reviews,
    title_stamp,
)

__all__ = [
    "CertificateCountry",
    "DepartmentGroup",
    "FilmographyRow",
    "FullCredits",
    "PageStamp",
    "PersonHit",
    "TabCounts",
    "PersonPage",
    "Suggestion",
    "TitleResults",
    "TitleCredit",
    "TitlePage",
    "best_known_titles",
    "certificate_countries",
    "certificate_titles",
    "company_roles",
    "department_label",
    "department_sort_key",
    "did_you_mean",
    "filmography_query",
    "frequent_collaborators",
    "COLLABORATION_TITLES",
    "full_credits",
    "group_credits_by_department",
    "home_page",
    "people_named",
    "person_page",
    "person_redirect_target",
    "person_stamp",
    "resolve_person_slug",
    "search_people",
    "search_titles",
    "search_titles_all",
    "slug_url",
    "slug_url_maker",
    "title_page",
    "title_reviews",
    "title_stamp",
    "title_with_tab_counts",
]
