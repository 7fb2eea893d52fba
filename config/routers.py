"""Primary/replica database routing: writes to "default", reads spread over the replicas.

Replicas come from ``DATABASE_REPLICA_URLS`` (config/settings.py names them "replica",
"replica_2", …). Reads stay on the primary where a replica could lag behind in a way
a visitor would notice: inside a transaction on the primary (an import, an admin
save reading back what it wrote) and for sign-in and sessions.
"""

from __future__ import annotations

import random

from django.conf import settings
from django.db import connections

PRIMARY = "default"
# Read from the primary: a session or password written a moment ago must be seen.
PRIMARY_ONLY_APPS = {"auth", "sessions", "admin"}


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias == "replica" or alias.startswith("replica_")]


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if not replicas or model._meta.app_label in PRIMARY_ONLY_APPS:
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY  # read your own uncommitted writes
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        pool = {PRIMARY, *replica_aliases()}
        return obj1._state.db in pool and obj2._state.db in pool

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY
