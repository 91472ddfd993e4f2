from wordpress_import.content import convert_body, split_caption, wpautop


def no_rewrite(url):
    return None


def test_wpautop_makes_paragraphs_and_line_breaks():
    text = "Erster Absatz.\nGleicher Absatz.\n\nZweiter Absatz."
    assert wpautop(text) == (
        "<p>Erster Absatz.<br />\nGleicher Absatz.</p>\n<p>Zweiter Absatz.</p>\n"
    )


def test_wpautop_leaves_block_elements_and_pre_alone():
    text = "<h2>Titel</h2>\nText\n<ul>\n<li>Eins</li>\n</ul>\n<pre>a\n\nb</pre>"
    result = wpautop(text)
    assert "<h2>Titel</h2>" in result
    assert "<p>Text</p>" in result
    assert "<p><li>" not in result and "<li>Eins</li>" in result
    assert "<pre>a\n\nb</pre>" in result


def test_wpautop_moves_paragraph_into_blockquote():
    assert wpautop("<blockquote>Zitat</blockquote>") == (
        "<blockquote><p>Zitat</p></blockquote>\n"
    )


def test_block_comments_and_more_are_removed_without_autop():
    content = (
        "<!-- wp:paragraph -->\n<p>Eins\nzwei</p>\n<!-- /wp:paragraph -->\n\n"
        '<!--more-->\n<!-- wp:paragraph {"align":"center"} -->\n<p>Drei</p>\n'
        "<!-- /wp:paragraph -->"
    )
    body = convert_body(content, no_rewrite).body
    assert "wp:" not in body and "more" not in body
    assert "<p>Eins\nzwei</p>" in body  # blocks are not run through wpautop
    assert "<br" not in body


def test_caption_becomes_figure_without_paragraphs_inside():
    content = (
        'Text davor.\n\n[caption id="attachment_1" align="alignleft" width="300"]'
        '<a href="https://alt.example.org/wp-content/uploads/a.jpg">'
        '<img src="https://alt.example.org/wp-content/uploads/a-300x200.jpg" '
        'alt="Alt" /></a> Die Bildunterschrift[/caption]\n\nText danach.'
    )
    body = convert_body(content, no_rewrite).body
    assert (
        '<figure><img src="https://alt.example.org/wp-content/uploads/a-300x200.jpg" '
        'alt="Alt" /><figcaption>Die Bildunterschrift</figcaption></figure>'
    ) in body
    assert body.startswith("<p>Text davor.</p>")
    assert body.endswith("<p>Text danach.</p>")


def test_caption_attribute_is_used_when_given():
    body = convert_body(
        '[caption caption="Oben"]<img src="x.jpg" />[/caption]', no_rewrite
    )
    assert "<figcaption>Oben</figcaption>" in body.body


def test_shortcodes_are_removed_and_counted_but_bracketed_text_stays():
    content = (
        'Siehe [gallery ids="1,2"] und [embed]https://video.example.org[/embed] '
        "[box]Inhalt [b]fett[/b][/box] [sic] [1] [views]"
    )
    conversion = convert_body(content, no_rewrite)
    assert conversion.shortcodes == {
        "gallery": 1,
        "embed": 1,
        "box": 1,
        "b": 1,
        "views": 1,
    }
    assert "[sic]" in conversion.body and "[1]" in conversion.body
    assert "Inhalt fett" in conversion.body
    assert "[gallery" not in conversion.body and "[views]" not in conversion.body


def test_urls_are_rewritten_by_the_callback():
    content = '<p><a href="https://alt.example.org/x.jpg"><img src="https://alt.example.org/x-1x1.jpg"></a></p>'
    body = convert_body(
        content, lambda url: "/media/neu.jpg" if "x-1x1" in url else None
    ).body
    assert 'src="/media/neu.jpg"' in body
    assert 'href="https://alt.example.org/x.jpg"' in body


def test_split_caption_finds_the_credit():
    assert split_caption("Messestand in Hannover. Bild: © Anna Berger") == (
        "Messestand in Hannover.",
        "Anna Berger",
    )
    assert split_caption("Ein Roboter (Foto: dpa)") == ("Ein Roboter", "dpa")
    assert split_caption("Sonnenaufgang © Max Muster") == (
        "Sonnenaufgang",
        "Max Muster",
    )
    assert split_caption("Nur eine Unterschrift") == ("Nur eine Unterschrift", "")
    assert split_caption("<em>Kursiv</em> &amp; mehr") == ("Kursiv & mehr", "")


def test_tables_become_one_paragraph_per_row_and_are_noted():
    content = (
        '<!-- wp:table -->\n<figure class="wp-block-table"><table><thead><tr>'
        "<th>Jahr</th><th>Anteil</th></tr></thead><tbody><tr><td>2023</td>"
        "<td>50 %</td></tr></tbody></table><figcaption>Quelle: BMWK</figcaption>"
        "</figure>\n<!-- /wp:table -->"
    )
    conversion = convert_body(content, no_rewrite)
    assert conversion.body == (
        "<p><strong>Jahr</strong> | <strong>Anteil</strong></p>\n"
        "<p>2023 | 50 %</p><p>Quelle: BMWK</p>"
    )
    assert sum(conversion.notes.values()) == 1


def test_embeds_and_iframes_become_links():
    content = (
        '<!-- wp:embed {"url":"https://youtu.be/x"} -->\n<figure class="wp-block-embed'
        ' is-provider-youtube"><div class="wp-block-embed__wrapper">\n'
        "https://youtu.be/x\n</div><figcaption>Das Video</figcaption></figure>\n"
        "<!-- /wp:embed -->"
    )
    assert convert_body(content, no_rewrite).body == (
        '<p><a href="https://youtu.be/x">https://youtu.be/x</a><br>Das Video</p>'
    )
    classic = 'Text\n\n<iframe src="https://maps.example/?a=1&amp;b=2"></iframe>'
    conversion = convert_body(classic, no_rewrite)
    assert conversion.body == (
        "<p>Text</p>\n<p>"
        '<a href="https://maps.example/?a=1&amp;b=2">https://maps.example/?a=1&amp;b=2</a>'
        "</p>"
    )
    assert list(conversion.notes) == ["embedded frame (iframe) turned into a link"]
    script_frame = '<iframe src="javascript:alert(1)"></iframe>'
    assert convert_body(script_frame, no_rewrite).body == ""


def test_quote_citation_becomes_a_paragraph():
    content = (
        '<blockquote class="wp-block-quote"><p>Zitat</p><cite>Anna</cite></blockquote>'
    )
    body = convert_body(content, no_rewrite).body
    assert body.endswith("<p>Zitat</p>\n<p>– Anna</p></blockquote>")
    assert "<p><p>" not in body
    inline = "Wie es in <cite>Faust</cite> heißt: Zitat."
    assert convert_body(inline, no_rewrite).body == (
        "<p>Wie es in <cite>Faust</cite> heißt: Zitat.</p>"
    )


def test_plain_text_drops_scripts_with_their_content():
    from wordpress_import.content import plain_text

    assert plain_text("A &amp; B<script>alert(1)</script> <b>C</b>") == "A & B C"
