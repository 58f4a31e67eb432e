"""The "Was this helpful?" form at the end of each guide: a plain POST, enhanced by htmx."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from guides import feedback
from guides.forms.feedback import FeedbackForm
from guides.models import Guide
from guides.rate_limit import client_address
from guides.templatetags.feedback import FORM_ID, feedback_context


@require_POST
@vary_on_headers("HX-Request")
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
        try:
            feedback.cast_vote(
                guide=guide,
                visitor=visitor,
                address=client_address(request),
                helpful=form.cleaned_data["helpful"],
                comment=form.cleaned_data["comment"],
            )
        except feedback.VoteRefused:
            status = 429
    if request.htmx:
        # htmx swaps only 2xx answers: the message is in the fragment itself.
        response = render(
            request, "guides/feedback.html#block", _context(request, guide, visitor, form, status)
        )
    elif status == 200:
        response = redirect(guide.get_absolute_url() + "#feedback")
    else:
        response = render(
            request,
            "guides/feedback.html",
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
