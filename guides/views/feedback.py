"""The "Was this helpful?" form at the end of each guide: a plain POST, enhanced by htmx.
The guide page is shared by every anonymous visitor (and cacheable by a proxy), so the form
holds no CSRF token: the vote is refused when a browser says another site sent it."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from guides.editorial import feedback
from guides.forms.feedback import FeedbackForm
from guides.models import Guide
from guides.templatetags.feedback import FORM_ID, feedback_context
from guides.views import rate_limit
from guides.views.cross_origin import refuse_cross_origin
from guides.views.publication import reads_published_guides


@require_POST
@refuse_cross_origin
@vary_on_headers("HX-Request")
@reads_published_guides
def vote(request, slug):
    try:
        guide = Guide.objects.published().in_language(get_language()).get(slug=slug)
    except Guide.DoesNotExist:
        raise Http404 from None
    visitor = feedback.visitor_from_cookie(request.COOKIES.get(feedback.VISITOR_COOKIE))
    form = FeedbackForm(request.POST, auto_id=FORM_ID)
    status = 200
    if not form.is_valid():
        status = 400
    elif not visitor.has_voted(guide):
        address = rate_limit.client_address(request)
        fingerprint = feedback.address_fingerprint(address)
        if rate_limit.hit(scope="vote", client=fingerprint, limit=feedback.VOTE_RATE).allowed:
            feedback.cast_vote(
                guide=guide,
                visitor=visitor,
                address=address,
                helpful=form.cleaned_data["helpful"],
                comment=form.cleaned_data["comment"],
            )
        else:
            status = 429
    if request.htmx:
        # htmx swaps only 2xx answers: the message is in the fragment itself.
        context = _context(request, guide, visitor, form, status)
        response = render(request, "guides/content/feedback.html#block", context)
    elif status == 200:
        response = redirect(guide.get_absolute_url() + "#feedback")
    else:
        response = render(
            request,
            "guides/content/feedback.html",
            _context(request, guide, visitor, form, status),
            status=status,
        )
    response.set_cookie(
        feedback.VISITOR_COOKIE,
        visitor.cookie_value(),
        max_age=feedback.VISITOR_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def _context(request, guide, visitor, form, status) -> dict:
    context = feedback_context(request=request, guide=guide, visitor=visitor, form=form)
    return context | {"refused": status == 429}
