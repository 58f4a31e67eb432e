"""Settings for ovhportal, read from the environment with safe defaults.

Locally nothing is needed: SQLite in the project folder, a local-memory cache and
a secret key generated once into `.secret_key`. In production set DEBUG=false,
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and REDIS_URL (see the README).
"""

import datetime
import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, *, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, *, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def local_secret_key() -> str:
    """A key kept beside the code for local runs, so sessions survive a restart."""
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG", default=False)
TESTING = env_bool("OVHPORTAL_TESTING", default="pytest" in sys.modules)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. In production, set it in the environment "
            "(see the README's Configuration); on a local checkout, set DEBUG=true."
        )
    SECRET_KEY = local_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default="127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A refused token shows the portal's own page, which keeps what the guide editor sent.
CSRF_FAILURE_VIEW = "guides.views.errors.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "axes",
    "guides",
]

MIDDLEWARE = [
    # First: the customers' autoconfig.* / autodiscover.* names reach the configuration files
    # (and only those) before the host check and the HTTPS redirect see them.
    "guides.views.config_hosts.customer_config_hosts",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A public page this worker has served whole is answered again from here, before the
    # session, locale, CSRF and authentication (guides/views/known_pages.py).
    "guides.views.known_pages.serve_known_pages",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ovhportal.urls"
WSGI_APPLICATION = "ovhportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "guides.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers on one machine: each write transaction takes the write lock when it
    # begins (no "database is locked" when a reader turns writer), waits up to 20 s for it,
    # and readers never block writers (write-ahead log).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters sent apart from the query, so psycopg prepares the queries a connection runs
    # again and again (the listings): PostgreSQL plans them once, not on every page (a page that
    # misses the cache: about 1 ms of 11 saved). A pooler in transaction mode needs PgBouncer
    # 1.21+ with max_prepared_statements, or DATABASE_SERVER_SIDE_BINDING=false.
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = env_bool(
        "DATABASE_SERVER_SIDE_BINDING", default=True
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache; the keys every request reads are kept in each worker's
            # memory until Redis says they changed (ovhportal/redis_cache.py).
            "BACKEND": "ovhportal.redis_cache.KeptKeysRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ovhportal"),
        }
    }
elif CACHE_DIR := os.environ.get(
    "OVHPORTAL_CACHE_DIR", "" if TESTING else str(BASE_DIR / "var" / "cache")
):
    # One machine without Redis: a cache on disk that every worker process shares, so rate
    # limits, report slots and invalidations count once, not once per worker.
    CACHES = {
        "default": {
            "BACKEND": "ovhportal.disk_cache.KeptOpenDiskCache",
            "LOCATION": CACHE_DIR,
            "OPTIONS": {"size_limit": 2**28},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # Hashing a password costs about 0.3 s by design; tests sign in hundreds of times.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "login"
# Sign-in guessing: django-axes counts failures per account and per address (in the
# database, so every worker and server sees them) and locks either out for a while; staff
# unlock from the admin (Access attempts) or with `manage.py axes_reset_username NAME`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("OVHPORTAL_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("OVHPORTAL_LOGIN_LOCKOUT_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
# The same client address as the portal's rate limits (trusted proxies, IPv6 /64).
AXES_CLIENT_IP_CALLABLE = "guides.views.rate_limit.sign_in_address"
LOGIN_REDIRECT_URL = "guides:home"
LOGOUT_REDIRECT_URL = "guides:home"

LANGUAGE_CODE = "fr"
# Each language named in itself, so a visitor finds their own in the switcher.
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Images staff upload for guides (guides/editorial/images.py), through the default storage:
# files here by default, any object storage by setting STORAGES["default"].
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("OVHPORTAL_MEDIA_ROOT", str(BASE_DIR / "media"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000

# Everything the portal shows comes from the portal: no inline script or style.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# HTTPS hardening: on by default in production, off for local runs and tests.
HTTPS = env_bool("OVHPORTAL_HTTPS", default=not (DEBUG or TESTING))
SECURE_SSL_REDIRECT = HTTPS
# Mail clients fetch their configuration over plain HTTP where no certificate exists for the
# customer's name; these files hold no secret.
# The paths of the configuration files, without the leading slash, in any case (Outlook
# varies it); guides.views.config_hosts lets the customers' names reach them.
OVHPORTAL_CONFIG_PATHS = (
    r"(?i)^(mail/config-v1\.1\.xml|\.well-known/autoconfig/mail/config-v1\.1\.xml"
    r"|autodiscover/autodiscover\.(xml|json)(/.*)?)$"
)
SECURE_REDIRECT_EXEMPT = [OVHPORTAL_CONFIG_PATHS]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes logs each failed sign-in at INFO; lock-outs at WARNING are what matter.
    "loggers": {"django.db.backends": {"level": "INFO"}, "axes": {"level": "WARNING"}},
}

# Portal settings.
OVHPORTAL_DNS_TIMEOUT = float(os.environ.get("OVHPORTAL_DNS_TIMEOUT", "5"))
# How long one attempt waits for one name server before the next is asked.
OVHPORTAL_DNS_ATTEMPT_TIMEOUT = float(os.environ.get("OVHPORTAL_DNS_ATTEMPT_TIMEOUT", "1.5"))
OVHPORTAL_DNS_NAMESERVERS = env_list("OVHPORTAL_DNS_NAMESERVERS")
# The host that serves the autoconfig/Autodiscover files the customers' DNS records point to:
# the hoster's own by default; a portal that serves them itself names its public host here.
OVHPORTAL_AUTOCONFIG_HOST = os.environ.get("OVHPORTAL_AUTOCONFIG_HOST", "mailconfig.ovh.net")
# On-demand TLS for the customers' autoconfig.* / autodiscover.* names (see the README): who
# may ask /tls/ask/ (the reverse proxy), how often, and whether any domain may get one.
OVHPORTAL_TLS_ASK_FROM = env_list("OVHPORTAL_TLS_ASK_FROM", default="127.0.0.1,::1")
OVHPORTAL_TLS_ASK_RATE = int(os.environ.get("OVHPORTAL_TLS_ASK_RATE", "600"))
OVHPORTAL_TLS_ANY_DOMAIN = env_bool("OVHPORTAL_TLS_ANY_DOMAIN", default=False)
OVHPORTAL_DIAGNOSTIC_RATE = int(os.environ.get("OVHPORTAL_DIAGNOSTIC_RATE", "20"))
# Reports waiting on DNS at once: in one process (below its worker threads, so pages are
# still served) and across every app server; past either, "busy, try again" (503).
OVHPORTAL_DIAGNOSTICS_PER_PROCESS = int(os.environ.get("OVHPORTAL_DIAGNOSTICS_PER_PROCESS", "4"))
OVHPORTAL_DIAGNOSTICS_IN_FLIGHT = int(os.environ.get("OVHPORTAL_DIAGNOSTICS_IN_FLIGHT", "8"))
# How many reverse proxies in front of the portal append to X-Forwarded-For (0: none, the
# client is REMOTE_ADDR); the diagnostic's rate limit counts per client address.
OVHPORTAL_TRUSTED_PROXIES = int(os.environ.get("OVHPORTAL_TRUSTED_PROXIES", "0"))
# How long searches are kept for the staff dashboard (`manage.py prune_search_log` deletes
# older ones), and how many searches of one client a minute are logged (searching goes on).
OVHPORTAL_SEARCH_LOG_DAYS = int(os.environ.get("OVHPORTAL_SEARCH_LOG_DAYS", "180"))
OVHPORTAL_SEARCH_LOG_RATE = int(os.environ.get("OVHPORTAL_SEARCH_LOG_RATE", "30"))
# How long a public page stays in the page cache at most (edits forget it at once; 0: off).
OVHPORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("OVHPORTAL_PAGE_CACHE_SECONDS", "300"))
# Memory each worker process gives the pages it served last (a hit then reads only the
# page cache's version from the shared cache).
OVHPORTAL_PAGE_MEMORY_BYTES = int(os.environ.get("OVHPORTAL_PAGE_MEMORY_MB", "32")) * 2**20
# How long a browser, a reverse proxy or a CDN may keep a public page (an edit reaches them
# within this time), and serve it stale while it asks for a fresh copy.
OVHPORTAL_HTTP_MAX_AGE = int(os.environ.get("OVHPORTAL_HTTP_MAX_AGE", "60"))
OVHPORTAL_HTTP_STALE_SECONDS = int(os.environ.get("OVHPORTAL_HTTP_STALE_SECONDS", "300"))
OVHPORTAL_CONTENT_CACHE_SECONDS = int(os.environ.get("OVHPORTAL_CONTENT_CACHE_SECONDS", "300"))

# Review notifications to staff (guides/editorial/review.py): printed on the console in
# development (DEBUG, `make run`), sent by SMTP otherwise, to EMAIL_HOST (EMAIL_PORT,
# EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS), all read from the environment.
if DEBUG and "EMAIL_HOST" not in os.environ:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", "25")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", default=False),
            },
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portail-aide@localhost")
