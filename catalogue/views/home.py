from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from catalogue import selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "catalogue/home.html", selectors.home_page())
