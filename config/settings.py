"""Settings for the film catalogue, read from the environment.

Development needs nothing set: ``make run`` exports ``DEBUG=1`` and the site runs on
a SQLite file in the project folder. Production sets at least ``SECRET_KEY`` and
``ALLOWED_HOSTS`` (``DEBUG`` is off unless asked for); see README.md and docs/deploy.md.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Off unless asked for: a forgotten variable must not expose debug pages.
DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment (or DEBUG=1 for local development only)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "catalogue",
]

# Background work (the admin's uploads) runs in a task worker reading its queue from the
# database: no extra server. `manage.py db_worker` (started by `make run`) runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "catalogue.middleware.PublicSiteGuardMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "catalogue.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the site read while an import writes; IMMEDIATE avoids
    # "database is locked" upgrades in write transactions. mmap (up to SQLite's 2 GiB
    # default cap) reads pages without a system call each: ~10% off a first visit to a
    # person page with 3,000 credits at 100,000 titles.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=20000; PRAGMA cache_size=-64000; PRAGMA mmap_size=2147418112;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if DEBUG else DATABASES["default"]["CONN_MAX_AGE"]
    # The covering indexes' INCLUDE columns are for PostgreSQL; SQLite builds the same
    # indexes without them, as intended (models.W040 says so on every migrate).
    SILENCED_SYSTEM_CHECKS = ["models.W040"]

# PostgreSQL: no parallel query for the site's statements. Its pages run short queries
# with a LIMIT; a parallel plan started workers that read far past the page's last row
# (a search by a common surname at 100,000 titles: 150–870 ms against 18–54 ms without)
# on a machine whose cores are busy serving requests anyway. And a random page read
# priced as on SSD or cache (1.1, not the spinning-disk default 4): at the default the
# person page hashed every title from a sequential scan rather than look up its few
# thousand by index (docs/benchmarks.md). DATABASE_PG_OPTIONS overrides these libpq
# startup options ("" for none: behind a pooler that refuses them, set them per role
# instead: ALTER ROLE … SET max_parallel_workers_per_gather = 0; … SET random_page_cost = 1.1).
PG_OPTIONS = os.environ.get("DATABASE_PG_OPTIONS", "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1")

# Read replicas (PostgreSQL streaming replicas of DATABASE_URL): reads go to them, writes
# and migrations to "default" (config/routers.py). In tests they mirror "default".
for _index, _url in enumerate(env_list("DATABASE_REPLICA_URLS")):
    _alias = "replica" if _index == 0 else f"replica_{_index + 1}"
    DATABASES[_alias] = dj_database_url.parse(
        _url, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")), conn_health_checks=True
    )
    DATABASES[_alias]["TEST"] = {"MIRROR": "default"}
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql" and PG_OPTIONS:
        _database.setdefault("OPTIONS", {})["options"] = PG_OPTIONS
DATABASE_ROUTERS = ["config.routers.PrimaryReplicaRouter"] if len(DATABASES) > 1 else []

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Failed admin logins are throttled (django-axes, kept in the database so every worker
# sees them): after AXES_FAILURE_LIMIT failures for one account, or from one address,
# that account or address is refused for AXES_COOLOFF_MINUTES without its password being
# checked. `manage.py axes_reset` lifts every lock (docs/admin.md).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Behind a reverse proxy, the number of proxies in front of Django (docs/deploy.md).
if os.environ.get("AXES_PROXY_COUNT"):
    AXES_IPWARE_PROXY_COUNT = int(os.environ["AXES_PROXY_COUNT"])
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Uploaded files (the admin's imports). Never served: no URL leads here.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "uploads")
# Uploads larger than this go to a temporary file, not memory (crawls are large).
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Where export_dataset writes the downloadable dataset that /data/ serves.
DATASET_ROOT = Path(os.environ.get("DATASET_ROOT") or BASE_DIR / "dataset")

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed, content-hashed files served by whitenoise (needs collectstatic).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

CACHE_BACKENDS = {
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
    "memcached": "django.core.cache.backends.memcached.PyMemcacheCache",
    "pymemcache": "django.core.cache.backends.memcached.PyMemcacheCache",
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "dummy": "django.core.cache.backends.dummy.DummyCache",
}


def cache_from_url(url: str) -> dict:
    """``redis://host:6379/0``, ``memcached://host:11211[,host2:11211]``, ``locmem://``, ``dummy://``."""
    scheme, _, rest = url.partition("://")
    if scheme not in CACHE_BACKENDS:
        raise ImproperlyConfigured(f"CACHE_URL: unknown scheme {scheme!r}; use one of {', '.join(CACHE_BACKENDS)}.")
    backend = CACHE_BACKENDS[scheme]
    if scheme.startswith("redis"):
        location: str | list[str] = url
    elif scheme in ("memcached", "pymemcache"):
        location = [host for host in rest.split(",") if host]
    else:
        location = rest or "film-catalogue"
    return {"BACKEND": backend, "LOCATION": location}


# The default, LocMemCache, needs no server; each worker then keeps its own copy of
# the pages (still correct: cache keys carry the title's stamp, catalogue/caching.py).
# A shared cache: CACHE_URL=redis://127.0.0.1:6379/1 (see docs/deploy.md).
if os.environ.get("CACHE_URL"):
    CACHES = {"default": cache_from_url(os.environ["CACHE_URL"])}
else:
    CACHES = {
        "default": {
            "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
            "LOCATION": os.environ.get("CACHE_LOCATION", "film-catalogue"),
        }
    }
CACHES["default"]["TIMEOUT"] = int(os.environ.get("CACHE_TIMEOUT", "600"))
CACHES["default"]["KEY_PREFIX"] = os.environ.get("CACHE_KEY_PREFIX", "films")

# The top-rated charts' m: a title needs this many votes to be listed, and its weighted
# rating leans towards the chart's mean by that many votes (docs/site.md, "Charts").
CHART_MIN_VOTES = int(os.environ.get("CHART_MIN_VOTES", "25000"))

LOGIN_URL = "admin:login"

# The admin's title page posts every credit row (about nine fields each); a big
# title has several hundred credits, beyond Django's default of 1,000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = int(os.environ.get("DATA_UPLOAD_MAX_NUMBER_FIELDS", "20000"))

# Security: strict in production, relaxed only where plain-HTTP development needs it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"catalogue": {"level": os.environ.get("LOG_LEVEL", "INFO")}},
}

CATALOGUE_SITE_NAME = os.environ.get("SITE_NAME", "Film Catalogue")
