from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Film catalogue"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_repair_search_indexes, sender=self)


def _repair_search_indexes(sender, using, **kwargs) -> None:
    # A later SQLite migration that rebuilds a table drops its FTS triggers: put them back.
    from django.db import connections

    from catalogue.search_index import repair_sqlite_search_indexes
    from catalogue.text_index import repair_sqlite_text_index

    repair_sqlite_search_indexes(connections[using])
    repair_sqlite_text_index(connections[using])
