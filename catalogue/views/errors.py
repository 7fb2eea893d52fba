from django.http import HttpRequest, HttpResponseNotFound
from django.template import loader


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponseNotFound:
    """A 404 that helps: it says what was not found and offers the search box."""
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"path": request.path}, request))
