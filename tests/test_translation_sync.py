"""What changed in the French since a translation was made, side by side: the French it was
made from beside the French of today, the changed words marked."""

import pytest
from django.urls import reverse

from guides.editorial import translation_sync, workflow
from guides.editorial.revisions import GuideContent
from guides.editorial.translation_sync import Part, Row, side_by_side, word_changes
from guides.models import Guide


def same(line: str) -> Row:
    return Row("same", (Part(line, False),), (Part(line, False),))


def test_the_same_text_has_no_rows():
    assert side_by_side("a\nb", "a\nb") == []


def test_a_rewritten_line_marks_only_the_words_that_changed():
    old, new = word_changes("Cliquez sur Suivant puis OK.", "Cliquez sur Continuer puis OK.")
    assert old == (Part("Cliquez sur ", False), Part("Suivant", True), Part(" puis OK.", False))
    assert new == (Part("Cliquez sur ", False), Part("Continuer", True), Part(" puis OK.", False))
    assert "".join(part.text for part in new) == "Cliquez sur Continuer puis OK."


def test_lines_only_on_one_side_face_nothing():
    rows = side_by_side("titre\nun\ndeux", "titre\nun\ntrois\nquatre")
    assert rows == [
        same("titre"),
        same("un"),
        Row("changed", (Part("deux", True),), (Part("trois", True),)),
        Row("added", None, (Part("quatre", True),)),
    ]
    assert side_by_side("a\nb", "a")[-1] == Row("removed", (Part("b", True),), None)


def test_distant_changes_keep_some_context_and_a_gap_between_them():
    old = "\n".join(f"ligne {n}" for n in range(1, 21))
    new = old.replace("ligne 2\n", "ligne deux\n").replace("ligne 19", "ligne dix-neuf")
    rows = side_by_side(old, new, context=1)
    kinds = [row.kind for row in rows]
    assert kinds == ["same", "changed", "same", "gap", "same", "changed", "same"]
    assert rows[0] == same("ligne 1") and rows[-1] == same("ligne 20")


@pytest.mark.django_db
def test_the_translation_editor_shows_the_french_side_by_side(editor, editor_client):
    french = Guide.objects.get(language="fr", key="thunderbird")
    content = workflow.editable_content(french, workflow.head_revision(french))
    revision = workflow.save_draft(
        guide=french,
        content=GuideContent(
            **content.revision_fields() | {"title": "Configurer Mozilla Thunderbird"}
        ),
        author=editor,
        base_number=0,
    )
    workflow.publish(guide=french, revision=revision, author=editor)
    french.refresh_from_db()
    english = Guide.objects.get(language="en", key="thunderbird")
    changes = translation_sync.source_changes(source=french, made_from=english.updated_at)
    assert [row.kind for row in changes.rows].count("changed") == 1
    assert (changes.made_from, changes.current) == (english.updated_at, french.updated_at)

    page = editor_client.get(reverse("guides:staff_guide_edit", kwargs={"pk": english.pk}))
    html = page.content.decode()
    table = html[html.index('class="stack side-by-side"') : html.index("</table>")]
    assert 'lang="fr" class="cell-prose">title: Configurer Thunderbird</td>' in table
    assert "title: Configurer <ins>Mozilla</ins> Thunderbird</td>" in table
    assert "Avant (le français du " in table and "Aujourd'hui (le français du " in table


@pytest.mark.django_db
def test_nothing_is_shown_when_the_french_has_not_changed(editor_client):
    english = Guide.objects.get(language="en", key="thunderbird")
    html = editor_client.get(reverse("guides:staff_guide_edit", kwargs={"pk": english.pk}))
    assert "side-by-side" not in html.content.decode()
    french = Guide.objects.get(language="fr", key="thunderbird")
    assert translation_sync.source_changes(source=french, made_from=None) is None


def test_a_rewritten_sentence_is_one_change_not_a_word_salad():
    old, new = word_changes("Ce guide sert à tout.", "Un changement passager.")
    assert old == (Part("Ce guide sert à tout.", True),)
    assert new == (Part("Un changement passager.", True),)
    _old, new = word_changes("Cliquez sur Suivant puis OK.", "Cliquez sur Continuer puis Valider.")
    assert new == (
        Part("Cliquez sur ", False),
        Part("Continuer", True),
        Part(" puis ", False),
        Part("Valider.", True),
    )
