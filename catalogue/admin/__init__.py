"""The catalogue's admin: one module per area; importing them registers the admins."""

from django.conf import settings
from django.contrib import admin

from . import companies, credits, didyouknow, history, people, releases, sources, titles, uploads  # noqa: F401

admin.site.site_header = settings.CATALOGUE_SITE_NAME
admin.site.site_title = settings.CATALOGUE_SITE_NAME
admin.site.index_title = "Catalogue administration"
