"""Long answers cut to a length a busy room can take, the rest offered in a direct chat.

The cut falls between list items, never inside one, so the HTML stays well formed and the
plain text and the HTML keep the same items. Only `Doc` output is cut: a `Doc` reply knows
where each of its list items starts and ends (`Reply.items`), so cutting is slicing at an
item, without reading the HTML again.
"""

from __future__ import annotations

from bot.wording.i18n import pick
from bot.wording.replies import Doc, Reply


def cap_reply(reply: Reply, max_chars: int, lang: str) -> Reply:
    """`reply` if its plain text fits in `max_chars`, else its first list items that fit,
    followed by "… et N autres : demandez-moi en message direct"."""
    if len(reply.plain) <= max_chars:
        return reply
    cut = next((n for n, item in enumerate(reply.items) if item.plain_end > max_chars), None)
    if cut is None:  # one long paragraph, or items that all fit: nothing to cut between
        return reply
    hidden = len(reply.items) - cut
    first = reply.items[cut]
    note = Doc().italic(pick(lang, f"… et {hidden} autres : demandez-moi en message direct.",
                             f"…and {hidden} more: ask me in a direct chat."))
    plain = reply.plain[: first.plain_start].rstrip("\n")
    markup = reply.html[: first.html_start] + "</ul>"  # lists are not nested in a Doc
    return Reply(f"{plain}\n{note.plain}", markup + note.html, reply.attachment)
