"""MX Plan's generations read as values: the one public pages show, the one a signed-in
customer's domain has, and what a page says about its webmail."""

from dataclasses import dataclass

from guides.models import Domain, OfferGeneration


@dataclass(frozen=True)
class Webmail:
    """The webmail a page names: its address in the page's language, and its name when the
    generation is known."""

    url: str
    name: str = ""


def public_webmail(*, language: str, generations: list[OfferGeneration] | None = None) -> Webmail:
    """The webmail address every page shows (OVHcloud's login page, which opens the right
    webmail for each generation); no name, as a public page does not know the generation."""
    generations = list(OfferGeneration.objects.all()) if generations is None else generations
    if not generations:
        return Webmail(url="")
    return Webmail(url=generations[0].webmail_link(language))


def generation_webmail(generation: OfferGeneration, *, language: str) -> Webmail:
    return Webmail(url=generation.webmail_link(language), name=generation.webmail_name)


def customer_generation(*, user_id: int | None, domain: str) -> OfferGeneration | None:
    """The generation of a signed-in customer's MX Plan on `domain`, when staff recorded it."""
    if user_id is None:
        return None
    row = Domain.objects.filter(name=domain).owned_by(user_id).with_subscriptions().first()
    subscription = row.current_subscription() if row is not None else None
    return subscription.generation if subscription is not None else None
