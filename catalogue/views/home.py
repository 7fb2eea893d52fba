from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from catalogue.models import Person, Title


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "title_count": Title.objects.count(),
        "person_count": Person.objects.count(),
        "recent_titles": Title.objects.recently_imported()[:10],
        "top_titles": Title.objects.top_rated()[:10],
    }
    return render(request, "catalogue/home.html", context)
