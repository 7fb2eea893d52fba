from django.urls import path, re_path

from catalogue import converters  # noqa: F401  (registers <uslug:>)

from catalogue.views import (
    browse,
    certificates,
    companies,
    data,
    dataset,
    home,
    people,
    robots,
    search,
    sitemaps,
    text_search,
    titles,
)

app_name = "catalogue"

urlpatterns = [
    path("", home.home, name="home"),
    path("search/", search.search, name="search"),
    path("data/", dataset.dataset_index, name="dataset"),
    path("data/<str:name>", dataset.dataset_file, name="dataset_file"),
    path("search/csv/", search.search_csv, name="search_csv"),
    path("search/text/", text_search.text_search_page, name="text_search"),
    path("certificates/", certificates.certificate_index, name="certificates"),
    path("certificates/<str:country>/", certificates.certificate_country, name="certificate_country"),
    # Ratings are printed as they are ("M/12", "(Banned)"): the rating is the rest of the path.
    path("certificates/<str:country>/<path:rating>/", certificates.certificate_detail, name="certificate"),
    re_path(r"^title/(?P<imdb_id>tt\d{7,8})/$", titles.title_by_imdb_id, name="title_imdb"),
    path("title/<uslug:slug>/", titles.title_detail, name="title"),
    path("title/<uslug:slug>.json", data.title_json, name="title_json"),
    path("title/<uslug:slug>/fullcredits/", titles.full_credits, name="fullcredits"),
    path("title/<uslug:slug>/reviews/", titles.reviews, name="reviews"),
    path("title/<uslug:slug>/sources/", titles.sources, name="sources"),
    re_path(r"^name/(?P<imdb_id>nm\d{7,8})/$", people.person_by_imdb_id, name="person_imdb"),
    path("name/<uslug:slug>/", people.person_detail, name="person"),
    path("name/<uslug:slug>.json", data.person_json, name="person_json"),
    path("name/<uslug:slug>/collaborators/", people.person_collaborators, name="person_collaborators"),
    path("company/<uslug:slug>/", companies.company_detail, name="company"),
    path("company/<uslug:slug>.json", data.company_json, name="company_json"),
    # Browse pages (views/browse.py): crawlable, unlike /search/.
    path("browse/", browse.overview, name="browse"),
    path("year/<int:year>/", browse.year, name="year"),
    re_path(r"^decade/(?P<decade>\d{3}0)s/$", browse.decade, name="decade"),
    path("genres/", browse.genre_index, name="genre_index"),
    path("genre/<uslug:slug>/", browse.genre, name="genre"),
    path("countries/", browse.country_index, name="country_index"),
    path("country/<uslug:slug>/", browse.country, name="country"),
    path("languages/", browse.language_index, name="language_index"),
    path("language/<uslug:slug>/", browse.language, name="language"),
    path("keywords/", browse.keyword_index, name="keyword_index"),
    path("keyword/<uslug:slug>/", browse.keyword, name="keyword"),
    path("chart/top/", browse.chart_top, name="chart_top"),
    re_path(r"^chart/top/(?P<decade>\d{3}0)s/$", browse.chart_top_decade, name="chart_top_decade"),
    path("chart/top/genre/<uslug:slug>/", browse.chart_top_genre, name="chart_top_genre"),
    # An index of per-section sitemaps, each page one range of ids (catalogue/sitemaps.py).
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("robots.txt", robots.robots_txt, name="robots"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
]
