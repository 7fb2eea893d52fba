"""Placeholders until the browsable pages land (issue 5)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render


def search(request: HttpRequest) -> HttpResponse:
    return render(request, "catalogue/home.html", {})


def certificates(request: HttpRequest) -> HttpResponse:
    return render(request, "catalogue/home.html", {})


def title(request: HttpRequest, slug: str) -> HttpResponse:
    raise Http404


def person(request: HttpRequest, slug: str) -> HttpResponse:
    raise Http404


def company(request: HttpRequest, slug: str) -> HttpResponse:
    raise Http404
