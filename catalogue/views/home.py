from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from catalogue import selectors

from .conditional import catalogue_page


# Its counts read every title's genres and countries: cached by the catalogue stamp.
@catalogue_page("home")
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "catalogue/home.html", selectors.home_page())
