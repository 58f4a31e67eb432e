"""The three-way merge that carries a refused save onto the colleague's version."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from guides.editorial.merge import (
    Disagreement,
    conflict_lines,
    merge_contents,
    merge_sequences,
    merge_text,
)
from guides.editorial.revisions import GuideContent

LABELS = {"their_label": "révision 2 de edith", "your_label": "votre version"}
BASE = GuideContent(
    slug="thunderbird",
    title="Configurer Thunderbird",
    summary="En cinq minutes.",
    body="Un.\nDeux.\nTrois.\nQuatre.\nCinq.",
    steps=(("Ouvrir", "Menu."), ("Ajouter", "Compte."), ("Vérifier", "Envoyer.")),
)

lines = st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=8)


@given(base=lines, theirs=lines)
def test_a_side_that_changed_nothing_takes_the_other(base, theirs):
    def merged(chunks):
        assert all(chunk.kind == "kept" for chunk in chunks)
        return [item for chunk in chunks for item in chunk.items]

    assert merged(merge_sequences(base=base, theirs=theirs, yours=base)) == theirs
    assert merged(merge_sequences(base=base, theirs=base, yours=theirs)) == theirs
    assert merged(merge_sequences(base=base, theirs=theirs, yours=theirs)) == theirs


def test_changes_to_different_lines_are_both_kept():
    text, marked = merge_text(
        base=BASE.body,
        theirs=BASE.body.replace("Deux.", "Deux, d'Edith."),
        yours=BASE.body.replace("Cinq.", "Cinq, de Camille.") + "\nSix.",
        **LABELS,
    )
    assert not marked
    assert text == "Un.\nDeux, d'Edith.\nTrois.\nQuatre.\nCinq, de Camille.\nSix."


def test_a_line_changed_on_both_sides_is_kept_twice_between_marks():
    text, marked = merge_text(
        base=BASE.body,
        theirs=BASE.body.replace("Trois.", "Trois selon Edith."),
        yours=BASE.body.replace("Trois.", "Trois selon Camille."),
        **LABELS,
    )
    assert marked
    assert text.splitlines() == [
        "Un.",
        "Deux.",
        "<<<<<<< révision 2 de edith",
        "Trois selon Edith.",
        "=======",
        "Trois selon Camille.",
        ">>>>>>> votre version",
        "Quatre.",
        "Cinq.",
    ]
    assert conflict_lines(text=text) == [3, 7]


def test_one_line_fields_take_the_side_that_changed_and_the_colleague_wins_a_tie():
    merge = merge_contents(
        base=BASE,
        theirs=replace(BASE, title="Thunderbird pas à pas", slug="thunderbird-115"),
        yours=replace(BASE, title="Thunderbird en bref", summary="En trois minutes."),
        **LABELS,
    )
    assert merge.content.title == "Thunderbird pas à pas"
    assert merge.content.slug == "thunderbird-115"
    assert merge.content.summary == "En trois minutes."
    assert merge.disagreements == (Disagreement("title", yours="Thunderbird en bref"),)
    assert not merge.clean


def test_steps_merge_one_by_one_when_both_kept_their_number():
    theirs = replace(BASE, steps=(("Ouvrir", "Menu ≡."), *BASE.steps[1:]))
    yours = replace(BASE, steps=(*BASE.steps[:2], ("Vérifier", "Envoyer un test.")))
    merge = merge_contents(base=BASE, theirs=theirs, yours=yours, **LABELS)
    assert merge.clean
    assert merge.content.steps == (
        ("Ouvrir", "Menu ≡."),
        ("Ajouter", "Compte."),
        ("Vérifier", "Envoyer un test."),
    )

    edith = replace(BASE, steps=(BASE.steps[0], ("Ajouter le compte", "IMAP."), BASE.steps[2]))
    mine = replace(BASE, steps=(BASE.steps[0], ("Ajouter un compte", "POP."), BASE.steps[2]))
    merge = merge_contents(base=BASE, theirs=edith, yours=mine, **LABELS)
    title, text = merge.content.steps[1]
    assert title == "Ajouter le compte"
    assert merge.disagreements == (Disagreement("step 2", yours="Ajouter un compte"),)
    assert merge.marked == ("step 2",)
    assert text.splitlines()[1:4] == ["IMAP.", "=======", "POP."]


def test_steps_added_at_one_place_by_both_are_all_kept_and_reported():
    theirs = replace(BASE, steps=(*BASE.steps, ("Signature", "Ajoutez-la.")))
    yours = replace(BASE, steps=(*BASE.steps, ("Dossiers", "Abonnez-vous.")))
    merge = merge_contents(base=BASE, theirs=theirs, yours=yours, **LABELS)
    assert merge.content.steps == (
        *BASE.steps,
        ("Signature", "Ajoutez-la."),
        ("Dossiers", "Abonnez-vous."),
    )
    assert merge.disagreements == (Disagreement("steps"),)
    assert not merge.marked
