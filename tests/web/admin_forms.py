"""Build the POST data of an admin change form as the browser would send it back."""

from __future__ import annotations

from django import forms


def _form_data(form) -> dict:
    data = {}
    for bound in form:
        value = bound.value()  # already prepared for the widget
        if bound.field.show_hidden_initial:  # fields with a callable default, e.g. default=list
            data[bound.html_initial_name] = "" if value is None else value
        if isinstance(bound.field, forms.BooleanField) and not isinstance(bound.field, forms.NullBooleanField):
            if value:
                data[bound.html_name] = "on"
            continue
        if isinstance(value, (list, tuple)) and isinstance(bound.field, forms.MultipleChoiceField):
            data[bound.html_name] = [str(v) for v in value]
            continue
        data[bound.html_name] = "" if value is None else value
    return data


def change_form_data(response) -> dict:
    """The data of the change page in ``response`` (a GET of the admin change view), unchanged."""
    context = response.context
    data = _form_data(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    return data


def inline_prefix(response, verbose_name_plural: str) -> str:
    """The formset prefix of the inline titled ``verbose_name_plural`` ("cast", "crew", …)."""
    for inline in response.context["inline_admin_formsets"]:
        if str(inline.opts.verbose_name_plural) == verbose_name_plural:
            return inline.formset.prefix
    raise LookupError(verbose_name_plural)


def inline_row(response, verbose_name_plural: str, pk: int) -> str:
    """The field-name prefix ("credits-2-0") of the inline row showing object ``pk``."""
    for inline in response.context["inline_admin_formsets"]:
        if str(inline.opts.verbose_name_plural) != verbose_name_plural:
            continue
        for form in inline.formset.forms:
            if form.instance.pk == pk:
                return form.prefix
    raise LookupError(f"{verbose_name_plural} row {pk}")
