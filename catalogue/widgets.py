"""The form widgets of the search page and of the admin's inlines, rendered in Python:
Django's HTML at a fraction of the cost.

Django renders every widget, and every ``<option>`` of a select, through a template: two
thirds of the search page's rendering (13.6 ms at the median, at 100,000 titles) went to
its form's seventeen fields; with these widgets the rendering takes 8 ms. They build the
same HTML as Django's templates (``django/forms/widgets/input.html``, ``select.html``,
``select_option.html``, ``attrs.html``) from the same widget context, character for
character (asserted in tests/web/test_widgets.py). Every value goes through Django's
escaping (``format_html``), as the templates' autoescaping would. The admin's inline
formsets (catalogue/admin/base.py) swap Django's plain widgets for these through
``PYTHON_RENDERED``: a big title's crew inline shows hundreds of department menus.
"""

from __future__ import annotations

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict) -> SafeString:
    """attrs.html: in the dict's order; False leaves an attribute out, True writes its bare name."""
    return mark_safe(
        "".join(  # noqa: S308 (each part is format_html's)
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value))
            for name, value in attrs.items()
            if value is not False
        )
    )


class _PythonInput:
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        value_attr = "" if widget["value"] is None else format_html(' value="{}"', str(widget["value"]))
        return format_html(
            '<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], value_attr, _attrs(widget["attrs"])
        )


class TextInput(_PythonInput, forms.TextInput):
    pass


class NumberInput(_PythonInput, forms.NumberInput):
    pass


class HiddenInput(_PythonInput, forms.HiddenInput):
    pass


class CheckboxInput(_PythonInput, forms.CheckboxInput):
    pass


class Select(forms.Select):
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in group_choices:
                # select_option.html ends with a newline, which Django's output keeps.
                parts.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>\n',
                        str(option["value"]),
                        _attrs(option["attrs"]),
                        option["label"],
                    )
                )
            if group_name:
                parts.append(mark_safe("\n  </optgroup>"))
        parts.append(mark_safe("\n</select>"))
        return mark_safe("".join(parts))  # noqa: S308 (each part is format_html's, or literal markup)


# Django's plain widgets and their Python-rendered equivalents (same HTML).
PYTHON_RENDERED: dict[type[forms.Widget], type[forms.Widget]] = {
    forms.TextInput: TextInput,
    forms.NumberInput: NumberInput,
    forms.HiddenInput: HiddenInput,
    forms.CheckboxInput: CheckboxInput,
    forms.Select: Select,
}
