"""The reply builder: plain and HTML say the same, and data never becomes markup."""

from html.parser import HTMLParser

from bot.wording.replies import Doc, safe_url, say


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)


def tags_of(html: str) -> list[str]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_text_is_escaped_in_html_and_kept_in_plain() -> None:
    reply = Doc().text("<script>alert(1)</script> & co").reply()
    assert reply.plain == "<script>alert(1)</script> & co"
    assert reply.html == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    assert tags_of(reply.html) == []


def test_markup_comes_only_from_the_builder() -> None:
    reply = Doc().bold("<b>x</b>").text(" ").italic("<i>").text(" ").code("<img>").reply()
    assert tags_of(reply.html) == ["b", "i", "code"]
    assert reply.plain == "<b>x</b> <i> <img>"


def test_links_keep_label_and_url_and_refuse_other_schemes() -> None:
    doc = Doc().link("Grist", "https://grist.numerique.gouv.fr/").text(" ")
    doc.link("x", "javascript:alert(1)")
    reply = doc.reply()
    assert reply.html == '<a href="https://grist.numerique.gouv.fr/">Grist</a> x'
    assert reply.plain == "Grist (https://grist.numerique.gouv.fr/) x"
    assert safe_url("mailto:contact@code.gouv.fr") == "mailto:contact@code.gouv.fr"
    assert safe_url("data:text/html,hi") is None


def test_link_label_equal_to_url_is_not_repeated_in_plain() -> None:
    assert Doc().link("https://code.gouv.fr", "https://code.gouv.fr").plain == "https://code.gouv.fr"
    # the address written without its scheme, 'www.' or final slash is the address too
    assert Doc().link("francetravail.io", "https://francetravail.io/").plain == "francetravail.io"
    assert Doc().link("www.ign.fr", "https://www.ign.fr").plain == "www.ign.fr"
    assert Doc().link("ign.fr", "https://ign.fr/carte").plain == "ign.fr (https://ign.fr/carte)"


def test_quotes_in_urls_cannot_break_out_of_the_attribute() -> None:
    html = Doc().link("a", 'https://x.fr/"onmouseover="alert(1)').html
    assert '"onmouseover' not in html
    assert "&quot;onmouseover=&quot;" in html


def test_items_make_a_list_in_both_forms() -> None:
    reply = Doc().bold("Programme").items([Doc().text("a"), Doc().text("<b>")]).reply()
    assert reply.plain == "Programme\n• a\n• <b>"
    assert reply.html == "<b>Programme</b><ul><li>a</li><li>&lt;b&gt;</li></ul>"


def test_line_breaks_and_say() -> None:
    reply = Doc().text("un").br().text("deux").br().reply()
    assert reply.plain == "un\ndeux"
    assert reply.html == "un<br>deux"
    assert say("ok") == Doc().text("ok").reply()
