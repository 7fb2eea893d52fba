"""The "editors" staff group: who may correct the catalogue by hand.

Called from a data migration (catalogue/migrations/0002_editors_group.py) with the
migration's historical models; safe to run again (it sets the group's permissions).
"""

from __future__ import annotations

EDITORS_GROUP = "editors"

# Models editors may change, as "app_label.model_name".
EDITORS_CHANGE = [
    "catalogue.credit",
    "catalogue.person",
    "catalogue.title",
    "catalogue.alternatetitle",
    "catalogue.certificate",
    "catalogue.releasedate",
    "catalogue.tagline",
    "catalogue.review",
    "catalogue.company",
    "catalogue.titlecompany",
]
# Rows editors may add and delete (inline on the title page).
EDITORS_ADD_DELETE = ["catalogue.credit"]
# Besides every catalogue model, editors see the change history.
EDITORS_VIEW_EXTRA = ["admin.logentry"]


def editors_group_codenames(catalogue_models: list[str]) -> set[tuple[str, str]]:
    """(app_label, codename) of every permission the editors group holds."""
    wanted = {(label.split(".")[0], f"view_{label.split('.')[1]}") for label in catalogue_models + EDITORS_VIEW_EXTRA}
    wanted |= {(label.split(".")[0], f"change_{label.split('.')[1]}") for label in EDITORS_CHANGE}
    for label in EDITORS_ADD_DELETE:
        app_label, model = label.split(".")
        wanted |= {(app_label, f"add_{model}"), (app_label, f"delete_{model}")}
    return wanted


def editors_group_ensure(apps, schema_editor=None) -> None:
    """Create (or reset) the editors group with its permissions."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    if apps is not global_apps:
        # In a migration, permissions of a fresh database are not created yet (that
        # happens after migrate): create them now from the migration's models.
        for app_config in apps.get_app_configs():
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    catalogue_models = [
        f"catalogue.{model._meta.model_name}" for model in apps.get_app_config("catalogue").get_models()
    ]
    wanted = editors_group_codenames(catalogue_models)
    permissions = [
        permission
        for permission in Permission.objects.select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(permissions)


def editors_group_remove(apps, schema_editor=None) -> None:
    apps.get_model("auth", "Group").objects.filter(name=EDITORS_GROUP).delete()


def sees_staff_links(request) -> bool:
    """Whether the public pages show this visitor the staff's "Edit in admin" links.

    Only a signed-in, active staff user. A request with no session cookie is never one:
    it is answered without reading the session (no query, no ``Vary: Cookie``), which
    keeps the anonymous pages the ones the page cache shares (catalogue/caching.py
    never caches or serves a request carrying a session cookie).
    """
    from django.conf import settings

    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    memo = request.__dict__
    if "_catalogue_sees_staff_links" not in memo:
        user = getattr(request, "user", None)
        memo["_catalogue_sees_staff_links"] = bool(user is not None and user.is_active and user.is_staff)
    return memo["_catalogue_sees_staff_links"]
