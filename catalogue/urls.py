from django.urls import path, re_path

from catalogue.views import certificates, companies, home, people, robots, search, sitemaps, text_search, titles

app_name = "catalogue"

urlpatterns = [
    path("", home.home, name="home"),
    path("search/", search.search, name="search"),
    path("search/text/", text_search.text_search_page, name="text_search"),
    path("certificates/", certificates.certificate_index, name="certificates"),
    # Ratings are printed as they are ("M/12", "(Banned)"): the rating is the rest of the path.
    path("certificates/<str:country>/<path:rating>/", certificates.certificate_detail, name="certificate"),
    re_path(r"^title/(?P<imdb_id>tt\d{7,8})/$", titles.title_by_imdb_id, name="title_imdb"),
    path("title/<slug:slug>/", titles.title_detail, name="title"),
    path("title/<slug:slug>/fullcredits/", titles.full_credits, name="fullcredits"),
    path("title/<slug:slug>/reviews/", titles.reviews, name="reviews"),
    re_path(r"^name/(?P<imdb_id>nm\d{7,8})/$", people.person_by_imdb_id, name="person_imdb"),
    path("name/<slug:slug>/", people.person_detail, name="person"),
    path("company/<slug:slug>/", companies.company_detail, name="company"),
    # An index of per-section sitemaps, each page one range of ids (catalogue/sitemaps.py).
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("robots.txt", robots.robots_txt, name="robots"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
]
