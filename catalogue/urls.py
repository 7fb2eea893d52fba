from django.urls import path

from catalogue.views import home, placeholders

app_name = "catalogue"

urlpatterns = [
    path("", home.home, name="home"),
    path("search/", placeholders.search, name="search"),
    path("certificates/", placeholders.certificates, name="certificates"),
    path("title/<slug:slug>/", placeholders.title, name="title"),
    path("name/<slug:slug>/", placeholders.person, name="person"),
    path("company/<slug:slug>/", placeholders.company, name="company"),
]
