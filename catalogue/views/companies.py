from django.shortcuts import get_object_or_404, render

from catalogue import selectors
from catalogue.models import Company


def company_detail(request, slug: str):
    company = get_object_or_404(Company, slug=slug)
    context = {
        "company": company,
        "roles": selectors.company_roles(company),
        "canonical_url": request.build_absolute_uri(company.get_absolute_url()),
    }
    return render(request, "catalogue/company/detail.html", context)
