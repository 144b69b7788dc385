"""Every proposal as a CSV file organisers open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from bot.proposals.proposal import Proposal, speakers_text
from bot.wording.replies import Attachment

COLUMNS = ("id", "event", "status", "title", "format", "minutes", "speakers",
           "organisations", "proposer", "submitted_at", "score_average", "score_count",
           "abstract")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading quote."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(proposals: list[Proposal], scores: dict[int, dict[str, int]]) -> bytes:
    """The CSV bytes: UTF-8 with a byte-order mark, so spreadsheets read the accents."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for p in proposals:
        given = scores.get(p.id, {})
        mean = f"{sum(given.values()) / len(given):.2f}" if given else ""
        organisations = ", ".join(dict.fromkeys(s.organisation for s in p.speakers
                                                if s.organisation))
        # Only what users wrote is guarded: Matrix ids legitimately start with '@'.
        writer.writerow([
            p.id, p.event_id, p.status, _cell(p.title), p.format, p.minutes,
            _cell(speakers_text(p.speakers)), _cell(organisations), p.proposer,
            p.submitted_at.isoformat(), mean, len(given), _cell(p.abstract)])
    return out.getvalue().encode("utf-8-sig")


def attachment(proposals: list[Proposal], scores: dict[int, dict[str, int]],
               stamp: str) -> Attachment:
    return Attachment(f"propositions-{stamp}.csv", "text/csv", to_csv(proposals, scores))
