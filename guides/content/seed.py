"""Load the shipped content (guides/content/data/) into an empty database.

Called by the data migration with its historical models, so it works whatever later
migrations change; never run again afterwards, so staff edits are never overwritten.
"""

import datetime
import tomllib
from pathlib import Path

from django.utils import timezone

from guides.content.guide_files import parse_guide_file
from guides.content.markdown import render_markdown
from guides.content.search.query import search_text

CONTENT_DIR = Path(__file__).resolve().parent / "data"
CATEGORIES = [
    ("reference", "Les essentiels", "Essentials", 10),
    ("clients", "Logiciels de messagerie", "Mail apps", 20),
    ("faq", "Questions fréquentes", "Frequently asked questions", 30),
]


def seed_catalogue(apps) -> None:
    data = tomllib.loads((CONTENT_DIR / "catalogue.toml").read_text(encoding="utf-8"))
    endpoint_model = apps.get_model("guides", "ServerEndpoint")
    for order, row in enumerate(data["endpoint"]):
        endpoint_model.objects.create(order=order, **row)
    client_model = apps.get_model("guides", "MailClient")
    for order, row in enumerate(data["client"]):
        client_model.objects.create(order=order * 10, **row)
    limit_model = apps.get_model("guides", "Limit")
    for row in data["limit"]:
        limit_model.objects.create(**row)
    mx_model = apps.get_model("guides", "MxHost")
    for row in data["mx_host"]:
        mx_model.objects.create(**row)


def seed_generations(apps) -> None:
    """The MX Plan generations, the other server names, today's offers and the clients added
    since, added to a catalogue that may already hold staff edits: rows that exist are left
    as they are."""
    data = tomllib.loads((CONTENT_DIR / "catalogue.toml").read_text(encoding="utf-8"))
    generation_model = apps.get_model("guides", "OfferGeneration")
    for order, row in enumerate(data["generation"]):
        generation_model.objects.get_or_create(
            kind=row["kind"], defaults={**row, "order": order * 10}
        )
    host_model = apps.get_model("guides", "AlternativeHost")
    for order, row in enumerate(data["alternative_host"]):
        host_model.objects.get_or_create(
            protocol=row["protocol"], host=row["host"], defaults={**row, "order": order}
        )
    client_model = apps.get_model("guides", "MailClient")
    for order, row in enumerate(data["client"]):
        client_model.objects.get_or_create(slug=row["slug"], defaults={**row, "order": order * 10})
    offer_model = apps.get_model("guides", "Offer")
    limit_model = apps.get_model("guides", "Limit")
    for order, row in enumerate(data["offer"]):
        quota = row.pop("quota_mb", None)
        offer, _created = offer_model.objects.get_or_create(
            slug=row["slug"], defaults={**row, "order": order * 10}
        )
        if quota:
            limit_model.objects.get_or_create(
                kind="quota_max", offer=offer, defaults={"value": quota}
            )
    retired = offer_model.objects.filter(slug__in=data["retired_offers"])
    retired.filter(subscriptions=None, bundled_subscriptions=None).delete()


def seed_guides(apps) -> None:
    category_model = apps.get_model("guides", "Category")
    guide_model = apps.get_model("guides", "Guide")
    step_model = apps.get_model("guides", "Step")
    client_model = apps.get_model("guides", "MailClient")
    categories = {
        kind: category_model.objects.create(kind=kind, name=name, name_en=name_en, order=order)
        for kind, name, name_en, order in CATEGORIES
    }
    clients = {client.slug: client for client in client_model.objects.all()}
    now = timezone.now()
    loaded = []
    for language in ("fr", "en"):
        for path in sorted((CONTENT_DIR / language).glob("*.md")):
            parsed = parse_guide_file(path.read_text(encoding="utf-8"), name=str(path))
            meta = parsed.meta
            guide = guide_model.objects.create(
                language=language,
                key=meta["key"],
                slug=meta["slug"],
                category=categories[meta["category"]],
                client=clients[meta["client"]] if meta.get("client") else None,
                widget=meta.get("widget", ""),
                title=meta["title"],
                summary=meta.get("summary", ""),
                body=parsed.body,
                order=int(meta.get("order", 0)),
                status="published",
                published_at=now,
                updated_at=now,
                review_by=datetime.date.fromisoformat(meta["review_by"])
                if meta.get("review_by")
                else None,
            )
            steps = [
                step_model(guide=guide, order=index, title=title, body=body)
                for index, (title, body) in enumerate(parsed.steps, start=1)
            ]
            step_model.objects.bulk_create(steps)
            loaded.append((guide, steps))
    slugs = {(guide.language, guide.key): guide.slug for guide, _steps in loaded}
    values = {language: placeholder_values(apps, language=language) for language in ("fr", "en")}
    for guide, steps in loaded:
        render_stored(guide, steps, slugs=slugs, values=values[guide.language])


def placeholder_values(apps, *, language: str) -> dict[str, str]:
    """The placeholder values for the search text, from the historical rows copied into
    unsaved current models (which have the properties the computation reads); the generations
    are loaded by a later migration."""
    from guides.content.placeholders import compute_catalogue_values
    from guides.models import Limit, ServerEndpoint

    endpoints = [
        ServerEndpoint(
            protocol=row.protocol,
            host=row.host,
            port=row.port,
            security=row.security,
            order=row.order,
        )
        for row in apps.get_model("guides", "ServerEndpoint").objects.all()
    ]
    limits = [
        Limit(kind=row.kind, value=row.value)
        for row in apps.get_model("guides", "Limit").objects.filter(offer=None)
    ]
    return compute_catalogue_values(
        language=language, endpoints=endpoints, limits=limits, generations=[]
    )


def render_stored(
    guide, steps, *, slugs: dict[tuple[str, str], str], values: dict[str, str]
) -> None:
    """Render with links resolved from `slugs`, as the historical models have no methods."""
    from django.urls import reverse
    from django.utils import translation

    def resolve(key: str) -> str:
        with translation.override(guide.language):
            slug = slugs.get((guide.language, key))
            if slug is None:
                return reverse("guides:guide_by_key", kwargs={"key": key})
            return reverse("guides:guide", kwargs={"slug": slug})

    guide.body_html = render_markdown(guide.body, language=guide.language, resolve=resolve)
    for step in steps:
        step.body_html = render_markdown(step.body, language=guide.language, resolve=resolve)
        step.save(update_fields=["body_html"])
    guide.search_text = search_text(
        body=guide.body, steps=[(step.title, step.body) for step in steps], values=values
    )
    guide.save(update_fields=["body_html", "search_text"])
