"""The staff area's pages for the message doctor's reply table: the list and the editor.
The doctor reads the table on every request, so a saved change answers the next customer."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from guides.editorial.permissions import Capability, staff_required
from guides.forms.replies import KnownReplyForm
from guides.models import KnownReply


@require_GET
@staff_required(Capability.REPLIES)
def reply_list(request):
    query = request.GET.get("q", "").strip()[:100]
    replies = KnownReply.objects.in_matching_order()
    if query:
        replies = replies.filter(
            Q(key__icontains=query)
            | Q(code__startswith=query)
            | Q(status__startswith=query)
            | Q(title__icontains=query)
            | Q(title_en__icontains=query)
            | Q(phrases__icontains=query)
        )
    return render(request, "staff/replies.html", {"replies": replies, "query": query})


@require_http_methods(["GET", "POST"])
@staff_required(Capability.REPLIES)
def reply_edit(request, pk=None):
    reply = get_object_or_404(KnownReply, pk=pk) if pk else None
    form = KnownReplyForm(request.POST or None, instance=reply)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Réponse « %(key)s » enregistrée.") % {"key": saved.key})
        return redirect("guides:staff_replies")
    return render(request, "staff/reply_form.html", {"form": form, "reply": reply})
