"""URL converters."""

from django.urls import register_converter


class UnicodeSlugConverter:
    """A slug of any script's letters (``slugify(allow_unicode=True)``), as well as ASCII ones.

    Names with no Latin letters get slugs in their own script (catalogue.text.base_slug);
    Django's ``<slug:>`` only takes [-a-zA-Z0-9_].
    """

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(UnicodeSlugConverter, "uslug")
