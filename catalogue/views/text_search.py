"""/search/text/: full-text search of plot, taglines, trivia, goofs, quotes and reviews."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from catalogue.selectors.text_search import text_search
from catalogue.text_index import SECTIONS

RESULTS_PER_PAGE = 25


class TextSearchForm(forms.Form):
    q = forms.CharField(label="Words", required=False, max_length=500)
    section = forms.ChoiceField(
        label="Section", required=False, choices=[("", "All sections")] + list(SECTIONS.values())
    )


def text_search_page(request: HttpRequest) -> HttpResponse:
    form = TextSearchForm(request.GET or None)
    query = section = ""
    if form.is_bound:
        # An invalid section is reported on the form and not applied; the words still are.
        query = (request.GET.get("q") or "")[:500].strip()
        section = form.cleaned_data.get("section", "") if form.is_valid() else ""
    results = text_search(query, section)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page")) if results.words else None
    total, more = results.total() if results.words else (0, False)
    context = {
        "form": form,
        "query": query,
        "page_obj": page,
        "section": section,
        "total": total,
        "more": more,
        "candidates": results.candidates,
        # Past the bound the sections' counts are of the first matches found: "at least".
        "counts_at_least": results.more if results.words else False,
        "section_counts": [(name, label, results.counts().get(name, 0)) for name, label in SECTIONS.values()]
        if results.words
        else [],
    }
    return render(request, "catalogue/search/text.html", context)
