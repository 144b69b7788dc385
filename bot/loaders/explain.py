"""What `programme parse FILE --explain` prints: the loader's decisions on a page, in words.

For each candidate block: taken as programme or not, and the evidence for and against;
for each session kept: the line it comes from and what gave its day, time, room and kind;
then every problem with its line.
"""

from __future__ import annotations

from bot.loaders.programme_reader import ProgrammeReader
from bot.programme.model import Event, Problem


def explain_text(
    events: list[Event], problems: list[Problem], reader: ProgrammeReader | None
) -> str:
    """The report, as plain text lines."""
    out: list[str] = []
    for event in events:
        days = event.start.isoformat() + (
            f" – {event.end.isoformat()}" if event.end != event.start else ""
        )
        out.append(f"event {event.id!r}: {event.title} ({days}), {len(event.sessions)} sessions")
    if reader is not None:
        out.append("")
        out.append("blocks:")
        out.extend(f"  {line}" for line in reader.explain or ["(no candidate block)"])
        out.append("")
        out.append("sessions:")
        for row in reader.rows:
            span = f"{row.start:%H:%M}" if row.start else "--:--"
            span += f"-{row.end:%H:%M}" if row.end else ""
            out.append(f"  line {row.line}: {span} {row.talk.title!r} ({row.kind})")
            out.append("    " + "; ".join(f"{key}: {value}" for key, value in row.why.items()))
    if problems:
        out.append("")
        out.append("problems:")
        out.extend(f"  {problem}" for problem in problems)
    return "\n".join(out)
