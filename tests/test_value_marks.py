"""Values quoted in a sentence shown as code that breaks only at sensible places."""

from guides.content.value_marks import breakable, mark_values

NBSP = "\u202f"


def test_a_value_is_code_with_break_points_after_its_dots():
    html = mark_values(text="Ajoutez _dmarc.exemple.fr ici", values=["_dmarc.exemple.fr"])
    assert html == (
        'Ajoutez <span class="glue"><code class="value wraps">'
        '<span class="term">_dmarc.<wbr>exemple.<wbr>fr</span></code></span> ici'
    )


def test_the_punctuation_around_a_value_is_glued_to_it():
    html = mark_values(
        text=f"Votre SPF est invalide{NBSP}: «{NBSP}include:_spf.x.test{NBSP}» renvoie ailleurs.",
        values=["include:_spf.x.test"],
    )
    assert f'<span class="glue">«{NBSP}<code class="value wraps">' in html
    assert '<span class="term glued">include:_spf.<wbr>x.<wbr>test</span>' in html
    assert f"</code>{NBSP}»</span> renvoie ailleurs." in html


def test_a_record_breaks_between_its_terms_and_its_full_stop_stays():
    html = mark_values(
        text="Remplacez-le par v=spf1 include:mx.ovh.com ~all. Votre zone",
        values=["v=spf1 include:mx.ovh.com ~all"],
    )
    assert (
        '<span class="term">v=spf1</span><span class="gap"> </span>'
        '<span class="term">include:mx.<wbr>ovh.<wbr>com</span><span class="gap"> </span>'
        '<span class="term glued">~all</span></code>.</span> Votre zone'
    ) in html


def test_a_value_inside_a_longer_name_or_address_is_left_alone():
    text = "Écrivez à postmaster@mixed.test au nom _dmarc.mixed.test ou à mixed.test."
    html = mark_values(text=text, values=["mixed.test"])
    assert html.count("<code") == 1
    assert "postmaster@mixed.test au nom _dmarc.mixed.test ou à" in html
    assert '<span class="term glued">mixed.<wbr>test</span></code>.</span>' in html


def test_the_longest_value_wins_and_the_text_is_escaped():
    html = mark_values(
        text="<b>mx0.mail.ovh.net</b> et mx0.ovh.net", values=["mx0.ovh.net", "mx0.mail.ovh.net"]
    )
    assert html.startswith("&lt;b&gt;")
    assert html.count("<code") == 2
    assert "mx0.<wbr>mail.<wbr>ovh.<wbr>net" in html


def test_without_values_the_text_is_only_escaped():
    assert mark_values(text="a < b", values=["", " "]) == "a &lt; b"


def test_a_web_address_breaks_after_its_slashes_and_dots_never_inside_https():
    assert breakable(value="https://www.ovhcloud.com/fr/mail/?a=<b>") == (
        "https://<wbr>www.<wbr>ovhcloud.<wbr>com/<wbr>fr/<wbr>mail/<wbr>?a=&lt;b&gt;"
    )


def test_a_guide_code_of_one_word_keeps_its_punctuation_on_its_line():
    from guides.content.placeholders import expand

    html = expand(f"<p>l'API (<code>/email/dkim</code>). Tapez <code>a.b</code>{NBSP}:</p>", {})
    assert html == (
        '<p>l\'API <span class="glue">(<code class="value wraps"><span class="term glued">'
        "/<wbr>email/<wbr>dkim</span></code>).</span> Tapez "
        '<span class="glue"><code class="value wraps"><span class="term glued">a.<wbr>b</span>'
        f"</code>{NBSP}:</span></p>"
    )
