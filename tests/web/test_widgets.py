"""catalogue/widgets.py writes, character for character, what Django's widget templates write."""

import pytest
from django import forms

from catalogue import widgets

HOSTILE = '"><script>alert(1)</script>'


@pytest.mark.parametrize("value", [None, "", "samurai", HOSTILE, 1959, "l'été & <b>"])
@pytest.mark.parametrize(
    "attrs", [None, {"inputmode": "numeric", "required": True, "disabled": False, "placeholder": HOSTILE}]
)
@pytest.mark.parametrize(
    "fast, django",
    [
        (widgets.TextInput, forms.TextInput),
        (widgets.NumberInput, forms.NumberInput),
        (widgets.HiddenInput, forms.HiddenInput),
    ],
)
def test_inputs_render_as_djangos_templates(fast, django, value, attrs):
    expected = django(attrs=attrs).render("q", value, attrs={"id": "id_q"})

    assert fast(attrs=attrs).render("q", value, attrs={"id": "id_q"}) == expected
    if value == HOSTILE:
        assert "<script>" not in expected


@pytest.mark.parametrize("value", [None, "", True, False, "on", HOSTILE])
def test_checkbox_renders_as_djangos_template(value):
    expected = forms.CheckboxInput().render("delete", value, attrs={"id": "id_delete"})

    assert widgets.CheckboxInput().render("delete", value, attrs={"id": "id_delete"}) == expected
    assert ("checked" in expected) == (value not in (None, "", False))


def test_the_admin_inlines_swap_every_plain_widget_for_its_python_twin():
    for django_class, python_class in widgets.PYTHON_RENDERED.items():
        assert issubclass(python_class, django_class) and python_class.__module__ == "catalogue.widgets"
    assert set(widgets.PYTHON_RENDERED) == {
        forms.TextInput,
        forms.NumberInput,
        forms.HiddenInput,
        forms.CheckboxInput,
        forms.Select,
    }


CHOICES = [("", "Any genre"), ("Drama", "Drama"), (HOSTILE, HOSTILE), ("Film-Noir", "Film-Noir & <i>co</i>")]
GROUPED = [("", "Any"), ("Europe", [("fr", "France"), ("de", "Germany")]), (HOSTILE, [("x", HOSTILE)])]


@pytest.mark.parametrize("choices", [CHOICES, GROUPED, []])
@pytest.mark.parametrize("value", [None, "", "Drama", HOSTILE, "de", "missing"])
def test_select_renders_as_djangos_templates(choices, value):
    attrs = {"id": "id_genre", "aria-describedby": "id_genre-errors", "required": True}
    expected = forms.Select(choices=choices).render("genre", value, attrs=attrs)

    assert widgets.Select(choices=choices).render("genre", value, attrs=attrs) == expected
    assert "<script>" not in expected and "<i>" not in expected
    if (value, choices) in (("Drama", CHOICES), ("de", GROUPED)):
        assert f'<option value="{value}" selected>' in expected


def _djangos_widget(widget):
    """The widget as Django's own class (catalogue.widgets subclasses it) would render it."""
    django_class = next(cls for cls in type(widget).__mro__ if cls.__module__ == "django.forms.widgets")
    twin = django_class(attrs=widget.attrs)
    if hasattr(widget, "choices"):
        twin.choices = widget.choices
    return twin


@pytest.mark.django_db
def test_search_form_writes_what_djangos_templates_write_for_every_field(client):
    from django.http import QueryDict

    from catalogue.filters import TitleFilter, search_queryset
    from tests import factories as f

    f.add_genre(f.make_title(), "Drama")
    query = "q=samurai&year_min=1950&kind=movie&genre=Drama&sort=-year&person=" + HOSTILE
    html = client.get(f"/search/?{query}").content.decode()
    form = TitleFilter(QueryDict(query), queryset=search_queryset()).form

    for field in form:
        if field.name == "person_id":  # hidden inputs, no label: Django's MultipleHiddenInput
            assert field.is_hidden
            continue
        assert type(field.field.widget).__module__ == "catalogue.widgets"
        assert str(field.label_tag()) in html
        assert field.as_widget(widget=_djangos_widget(field.field.widget)) in html
    assert '<option value="Drama" selected>Drama</option>' in html
    assert "<script>alert(1)</script>" not in html
