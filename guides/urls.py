from django.urls import path

from guides.views import browse, diagnostic, feedback, messages, setup
from guides.views.staff import editor as staff_editor
from guides.views.staff import lists as staff_lists
from guides.views.staff import publishing as staff_publishing
from guides.views.staff import replies as staff_replies
from guides.views.staff import together as staff_together

app_name = "guides"
urlpatterns = [
    path("", browse.home, name="home"),
    path("guides/<slug:slug>/", browse.guide_detail, name="guide"),
    path("guides/k/<slug:key>/", browse.guide_by_key, name="guide_by_key"),
    path("clients/", browse.client_index, name="clients"),
    path("faq/", browse.faq_index, name="faq"),
    path("search/", browse.search, name="search"),
    path("setup/", setup.setup, name="setup"),
    path("setup/guide/", setup.setup_guide, name="setup_guide"),
    path("setup/dns/", setup.setup_dns, name="setup_dns"),
    path("diagnostic/", diagnostic.diagnostic, name="diagnostic"),
    path("diagnostic/history/", diagnostic.history, name="diagnostic_history"),
    path("messages/", messages.doctor, name="messages"),
    path("guides/<slug:slug>/feedback/", feedback.vote, name="feedback"),
    path("staff/", staff_lists.dashboard, name="staff_dashboard"),
    path("staff/searches.csv", staff_lists.failed_searches_csv, name="staff_searches_csv"),
    path("staff/scheduled/", staff_lists.scheduled, name="staff_scheduled"),
    path("staff/guides/", staff_lists.guide_list, name="staff_guides"),
    path("staff/guides/bulk/", staff_publishing.bulk_action, name="staff_bulk"),
    path("staff/guides/new/", staff_editor.guide_new, name="staff_guide_new"),
    path("staff/guides/<int:pk>/", staff_editor.guide_edit, name="staff_guide_edit"),
    path("staff/guides/<int:pk>/history/", staff_editor.history, name="staff_history"),
    path("staff/guides/<int:pk>/submit/", staff_publishing.submit, name="staff_submit"),
    path("staff/guides/<int:pk>/publish/", staff_publishing.publish, name="staff_publish"),
    path(
        "staff/guides/<int:pk>/publish/confirm/",
        staff_publishing.confirm_publish,
        name="staff_publish_confirm",
    ),
    path(
        "staff/guides/<int:pk>/publish-now/", staff_publishing.publish_now, name="staff_publish_now"
    ),
    path("staff/guides/<int:pk>/unschedule/", staff_publishing.unschedule, name="staff_unschedule"),
    path("staff/guides/<int:pk>/restore/", staff_publishing.restore, name="staff_restore"),
    path("staff/guides/<int:pk>/reviewed/", staff_publishing.reviewed, name="staff_reviewed"),
    path("staff/guides/<int:pk>/withdraw/", staff_publishing.withdraw_guide, name="staff_withdraw"),
    path("staff/guides/<int:pk>/answer/", staff_publishing.answer, name="staff_answer"),
    path("staff/guides/<int:pk>/presence/", staff_together.presence_beat, name="staff_presence"),
    path("staff/guides/<int:pk>/images/", staff_publishing.upload_image, name="staff_image"),
    path("staff/preview/", staff_editor.preview, name="staff_preview"),
    path("staff/submissions/", staff_lists.submissions, name="staff_submissions"),
    path("staff/review-dates/", staff_lists.review_due, name="staff_review_due"),
    path("staff/translations/", staff_lists.translations, name="staff_translations"),
    path("staff/audit/", staff_lists.audit_log, name="staff_audit"),
    path("staff/replies/", staff_replies.reply_list, name="staff_replies"),
    path("staff/replies/new/", staff_replies.reply_edit, name="staff_reply_new"),
    path("staff/replies/<int:pk>/", staff_replies.reply_edit, name="staff_reply_edit"),
]
