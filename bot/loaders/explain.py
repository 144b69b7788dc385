"""What `programme parse FILE --explain` prints: each stage of the page pipeline, in words.

The header read (dialect, fields with their lines), how the page was rendered and
parsed, its blocks with their lines, then each candidate block taken as programme or
not with the evidence for and against, each session kept with the line it comes from
and what gave its day, time, room and kind, and every problem with its line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.loaders.page import scoring
from bot.loaders.page.outline import describe
from bot.loaders.page.values import Block, Decision, EventFrame, Note
from bot.programme.model import Event, Problem

if TYPE_CHECKING:
    from bot.loaders.page import Reading

_SHOWN = 60
"""Characters of a block's text shown in the outline."""


def explain_text(events: list[Event], problems: list[Problem], reading: Reading | None) -> str:
    """The report, as plain text lines."""
    out: list[str] = []
    for event in events:
        days = event.start.isoformat() + (
            f" – {event.end.isoformat()}" if event.end != event.start else ""
        )
        out.append(f"event {event.id!r}: {event.title} ({days}), {len(event.sessions)} sessions")
    if reading is not None:
        out.extend(_stages(reading))
    if problems:
        out.append("")
        out.append("problems:")
        out.extend(f"  {problem}" for problem in problems)
    return "\n".join(out)


def _stages(reading: Reading) -> list[str]:
    meta = reading.metadata
    where = f", lines {meta.lines[0]}-{meta.lines[1]}" if meta.lines else ""
    out = ["", f"metadata: {meta.dialect}{where}"]
    out.extend(f"  line {f.line}: {f.key}: {_short(str(f.value))}" for f in meta.fields)
    out.extend(f"  line {line}: {message}" for line, message in meta.warnings)
    if reading.frame is not None:
        out += ["", *_frame(reading.frame)]
    bridged = ", ".join(map(str, reading.rendered.bridged))
    out += ["", f"render: {reading.rendered.renderer}; dom: {reading.parser}"
            + (f"; blank lines bridged inside HTML tables: {bridged}" if bridged else "")]
    out += ["", "blocks:"]
    out.extend(_outline(reading.blocks, 1))
    if reading.outline is not None:
        out += ["", "outline:"]
        out.extend(f"  {line}" for line in describe(reading.outline) or ["(no heading)"])
    if reading.frame is not None:
        out += ["", "candidate blocks:"]
        out.extend(f"  {line}" for said in reading.decisions for line in _decision(said))
        if not reading.decisions:
            out.append("  (no candidate block)")
        out += ["", "sessions:"]
        for row in reading.rows:
            span = f"{row.start:%H:%M}" if row.start else "--:--"
            span += f"-{row.end:%H:%M}" if row.end else ""
            out.append(f"  line {row.line}: {span} {row.talk.title!r} ({row.kind})")
            out.append("    " + "; ".join(f"{key}: {value}" for key, value in row.why.items()))
    return out


def _decision(said: Decision | Note) -> list[str]:
    """A candidate block taken or left out with each candidate's evidence, or a note."""
    if isinstance(said, Note):
        return [f"line {said.line}: {said.text}"]
    verdict = "taken as programme" if said.taken else "not a programme"
    return [f"line {said.line}: {len(said.candidates)} candidate(s) under {said.where!r}: "
            f"{verdict} (score {said.score:.1f})",
            *(f"    line {c.line}: {c.title!r}: {scoring.describe(c.evidence)}"
              for c in said.candidates)]


def _frame(frame: EventFrame) -> list[str]:
    """The event's frame: title, year and days, and where each comes from."""
    days = ", ".join(day.isoformat() for day in frame.days[:7]) or "none"
    if len(frame.days) > 7:
        days += f", … ({len(frame.days)} days)"
    out = [
        "frame:",
        f"  title: {frame.title!r} (from {frame.title_from}, line {frame.title_line})",
        f"  year: {frame.year or 'none'}" + (f" (from {frame.year_from})" if frame.year else ""),
        f"  days: {days}" + (f" (from {frame.days_from})" if frame.days else ""),
    ]
    if frame.published:
        out.append(f"  days without a year placed near {frame.published.isoformat()}")
    if frame.lang or frame.order:
        out.append(f"  language: {frame.lang or 'unknown'}; numeric days: {frame.order or '-'}")
    out.extend(f"  line {line}: {message}" for line, message in frame.warnings)
    return out


def _outline(blocks: tuple[Block, ...], depth: int) -> list[str]:
    """One line a block, nested blocks indented; table rows counted."""
    out = []
    for block in blocks:
        what = block.kind + (f" {block.level}" if block.kind == "heading" else "")
        if block.kind == "table":
            what += f", {len(block.rows)} rows"
        if block.origin != "markdown":
            what += f" ({block.origin})"
        text = f": {_short(block.text)}" if block.text else ""
        out.append(f"{'  ' * depth}line {block.line}: {what}{text}")
        out.extend(_outline(block.children, depth + 1))
    return out


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
