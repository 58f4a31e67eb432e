"""{% feedback_block guide %}: the "Was this helpful?" form, or the thanks once answered.

Whether the visitor already answered comes from their signed cookie: no query on the page.
"""

from django import template

from guides.editorial.feedback import VISITOR_COOKIE, Visitor, visitor_from_cookie
from guides.forms.feedback import FeedbackForm

register = template.Library()
FORM_ID = "feedback-%s"


def feedback_context(*, request, guide, visitor: Visitor | None = None, form=None) -> dict:
    if visitor is None:
        visitor = visitor_from_cookie(request.COOKIES.get(VISITOR_COOKIE))
    return {
        "guide": guide,
        "voted": visitor.has_voted(guide),
        "form": form or FeedbackForm(auto_id=FORM_ID),
    }


@register.inclusion_tag("guides/content/feedback.html#block", takes_context=True)
def feedback_block(context, guide) -> dict:
    return feedback_context(request=context["request"], guide=guide) | {
        "csrf_token": context.get("csrf_token")
    }
