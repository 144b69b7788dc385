"""`bluehats-bot programme ...`: check, show and parse programme files from the shell."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import replace
from datetime import UTC, datetime
from itertools import groupby
from pathlib import Path

from bot.commands.catalog import Catalog
from bot.formats import c3voc_json, frab_xml
from bot.formats.ics import calendar
from bot.loaders.explain import explain_text
from bot.loaders.files import load_file, load_paths
from bot.loaders.inputs import file_text
from bot.loaders.page import read_page
from bot.programme.model import Event, Programme, Session
from bot.programme.queries import find_event
from bot.publishing.hold import HoldRule
from bot.publishing.readings import Reading, file_version, read, remote_versions, source_readings
from bot.publishing.readings import whole as whole_reading
from bot.publishing.report import Report, whole
from bot.settings.clock import PARIS
from bot.settings.config import Config, ConfigError, is_url, load_config
from bot.sources.remote import RemoteSources, fetch_once
from bot.wording.i18n import count, format_day, format_span, sentence_case


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `programme` group and its sub-commands to the command line."""
    group = sub.add_parser("programme", help="check, show or parse programme files")
    group_sub = group.add_subparsers(dest="programme_command", required=True, metavar="ACTION")

    check = group_sub.add_parser(
        "check", help="load everything, list events and every problem, and print the reading "
                      "report of each source")
    check.add_argument("paths", nargs="*", metavar="PATH_OR_URL",
                       help="files, folders or URLs (default: configured)")
    _config_option(check)
    _lang_option(check)
    check.set_defaults(run=run_check)

    diff = group_sub.add_parser(
        "diff", help="the reading report of NEW against OLD, as the organisers' room would "
                     "get it (exit status 1 if NEW would be held)")
    diff.add_argument("old", metavar="OLD", help="the version published: file, folder or URL")
    diff.add_argument("new", metavar="NEW", help="the new version: file, folder or URL")
    _config_option(diff)
    _lang_option(diff)
    diff.set_defaults(run=run_diff)

    show = group_sub.add_parser("show", help="print an event's programme")
    show.add_argument("event", nargs="?", help="event id or words of its title (default: latest)")
    _config_option(show)
    show.set_defaults(run=run_show)

    parse = group_sub.add_parser("parse", help="parse one file and print the result")
    parse.add_argument("file", type=Path)
    output = parse.add_mutually_exclusive_group(required=True)
    output.add_argument("--json", action="store_true", help="print JSON")
    output.add_argument(
        "--explain",
        action="store_true",
        help="say, block by block, what was taken as programme and why",
    )
    parse.set_defaults(run=run_parse)

    ics = group_sub.add_parser("ics", help="write an event's programme as an iCalendar file")
    ics.add_argument("event", nargs="?", help="event id or words of its title (default: latest)")
    ics.add_argument("-o", "--output", type=Path, required=True,
                     help="the .ics file to write ('-': standard output)")
    _config_option(ics)
    ics.set_defaults(run=run_ics)

    export = group_sub.add_parser("export", help="write an event as schedule.xml or schedule.json")
    export.add_argument("event", nargs="?", help="event id or words of its title (default: latest)")
    export.add_argument("--format", choices=("xml", "json"), required=True)
    export.add_argument("-o", "--output", type=Path, required=True,
                        help="the file to write ('-': standard output)")
    _config_option(export)
    export.set_defaults(run=run_export)


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="configuration file (default: built-in)")


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("fr", "en"),
                        help="the report's language (default: as configured, `publishing."
                             "language`, else `commands.language`)")


def _config(args: argparse.Namespace) -> Config:
    try:
        return load_config(getattr(args, "config", None))
    except ConfigError as error:
        raise SystemExit(str(error)) from error


def _read_everything(args: argparse.Namespace) -> tuple[Config, Programme, RemoteSources | None]:
    """The configuration, the programme from the paths and URLs given on the command line
    (else configured), and the sources fetched by URL; a source that fails is an error
    problem."""
    config = _config(args)
    given = getattr(args, "paths", None)
    paths = [Path(p) for p in given if not is_url(p)] if given else config.programme.paths
    urls = [p for p in given if is_url(p)] if given else config.programme.urls
    if not urls:
        return config, load_paths(paths, config.programme.tz), None
    sources = asyncio.run(fetch_once(config.programme, urls))
    programme = load_paths(paths, config.programme.tz, sources.documents())
    return config, replace(programme, problems=(*sources.problems(), *programme.problems)), \
        sources


def configured_programme(args: argparse.Namespace) -> Programme:
    """The programme from the paths and URLs given on the command line, else from the
    configuration; URLs are fetched now, and a source that fails is an error problem."""
    return _read_everything(args)[1]


def _lang(args: argparse.Namespace, config: Config) -> str:
    return args.lang or config.publishing.language or config.commands.language


def run_check(args: argparse.Namespace) -> int:
    config, programme, remote = _read_everything(args)
    print(f"{count(len(programme.events), 'event')}, "
          f"{count(len(programme.sessions), 'session')}")
    for event in programme.events:
        days = event.start.isoformat() + (
            f" – {event.end.isoformat()}" if event.end != event.start else ""
        )
        sessions = count(len(event.sessions), "session")
        print(f"  {event.id}  {days}  {sessions:>12}  {event.title}")
    for reading in source_readings(programme, remote, config.programme.tz):
        report = Report("current", reading.source, reading)
        print(f"\n{whole(report, _lang(args, config), shell=True).plain}")
    for problem in programme.problems:
        print(f"{problem}", file=sys.stderr)
    errors = sum(1 for p in programme.problems if p.severity == "error")
    warnings = len(programme.problems) - errors
    print(f"{count(errors, 'error')}, {count(warnings, 'warning')}")
    return 1 if errors else 0


def run_diff(args: argparse.Namespace) -> int:
    """`programme diff OLD NEW`: what the organisers' room would be told of NEW."""
    config = _config(args)
    old, new = _reading(args.old, config), _reading(args.new, config)
    reasons = HoldRule.from_config(config.publishing).reasons(old, new)
    lang = _lang(args, config)
    word = "publier" if lang == "fr" else "publish"
    report = Report("held" if reasons else "changed", args.new, new, old, reasons,
                    f"{config.commands.prefix}{word} {Path(args.new).name}")
    print(whole(report, lang, shell=True).plain)
    return 1 if reasons else 0


def _reading(given: str, config: Config) -> Reading:
    """A file, a folder or a URL, read as one version."""
    tz = config.programme.tz
    if is_url(given):
        sources = asyncio.run(fetch_once(config.programme, [given]))
        fetched = remote_versions(sources).get(given)
        return read(fetched, tz) if fetched else Reading(given, (), tuple(sources.problems()))
    if not Path(given).exists():
        raise SystemExit(f"{given}: no such file or folder")
    if Path(given).is_dir():
        return whole_reading(given, load_paths([Path(given)], tz))
    return read(file_version(given), tz)


def run_show(args: argparse.Namespace) -> int:
    programme = configured_programme(args)
    event = _event(programme, args.event)
    if event is None:
        return 1
    print(f"{event.title}")
    where = ", ".join(x for x in (event.venue, event.address) if x)
    if where:
        print(where)
    for day, sessions in groupby(event.sessions, key=lambda s: s.day):
        print(f"\n{sentence_case(format_day(day, 'fr', with_year=True))}")
        for session in sessions:
            print("  " + _line(session))
    if not event.sessions:
        print("\n(programme pas encore publié)")
    return 0


def _line(session: Session) -> str:
    span = format_span(session.start, session.end, "fr") or "—"
    who = ", ".join(session.speaker_names) or ", ".join(session.organisations)
    room = f" [{session.room}]" if session.room else ""
    return f"{span:<16} {session.title}" + (f" — {who}" if who else "") + room + f"  ({session.id})"


def session_json(session: Session) -> dict:
    """A session as the `programme parse --json` output writes it."""
    return {
        "id": session.id,
        "day": session.day.isoformat(),
        "start": session.start.strftime("%H:%M") if session.start else None,
        "end": session.end.strftime("%H:%M") if session.end else None,
        "title": session.title,
        "speakers": list(session.speaker_names),
        "organisations": list(session.organisations),
        "speaker_details": [
            {"name": s.name, "organisation": s.organisation} for s in session.speakers
        ],
        "room": session.room,
        "kind": session.kind,
        "section": session.section,
        "block_end": session.block_end.strftime("%H:%M") if session.block_end else None,
        "links": [{"text": link.text, "url": link.url} for link in session.links],
        "source": str(session.source) if session.source else None,
    }


def event_json(event: Event) -> dict:
    """An event and its sessions as JSON-ready data."""
    return {
        "event": {
            "id": event.id,
            "title": event.title,
            "start": event.start.isoformat(),
            "end": event.end.isoformat(),
            "location": ", ".join(x for x in (event.venue, event.address) if x) or None,
            "venue": event.venue,
            "address": event.address,
            "info": [{"label": i.label, "text": i.text, "url": i.url} for i in event.info],
            "source": event.source,
        },
        "sessions": [session_json(s) for s in event.sessions],
    }


def run_parse(args: argparse.Namespace) -> int:
    if args.explain:
        return run_explain(args.file)
    events, problems, _ = load_file(args.file)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not events:
        print(f"{args.file}: no event could be read", file=sys.stderr)
        return 1
    output = event_json(events[0]) if len(events) == 1 else [event_json(e) for e in events]
    print(json.dumps(output, ensure_ascii=False, indent=2))
    return 1 if any(p.severity == "error" for p in problems) else 0


def run_explain(path: Path) -> int:
    """`programme parse FILE --explain`: the loader's decisions, for an organiser."""
    text, error = file_text(path)
    if text is None:
        print(f"{path}: cannot read the file: {error}", file=sys.stderr)
        return 1
    events, problems, reader = read_page(path, text, PARIS)
    print(explain_text(events, problems, reader))
    return 1 if not events or any(p.severity == "error" for p in problems) else 0


def _event(programme: Programme, query: str | None) -> Event | None:
    """The event named on the command line (the latest one without a name), or None after
    saying which events exist."""
    event = find_event(programme, query) if query else (programme.events or (None,))[-1]
    if event is None:
        known = ", ".join(e.id for e in programme.events) or "none"
        print(f"No event matches {query!r}. Known events: {known}", file=sys.stderr)
    return event


def _catalog(args: argparse.Namespace, programme: Programme) -> Catalog:
    return Catalog(programme, load_config(getattr(args, "config", None)).programme)


def run_ics(args: argparse.Namespace) -> int:
    programme = configured_programme(args)
    event = _event(programme, args.event)
    if event is None:
        return 1
    stamp = datetime.now(UTC)
    _write(args.output, calendar([event], _catalog(args, programme).agenda, stamp))
    print(f"{args.output}: {len(event.sessions)} sessions of {event.title}", file=_report(args))
    return 0


def _write(output: Path, data: bytes) -> None:
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        output.write_bytes(data)


def _report(args: argparse.Namespace):
    """Where the one-line summary goes: standard error when the file goes to standard output."""
    return sys.stderr if str(args.output) == "-" else sys.stdout


def run_export(args: argparse.Namespace) -> int:
    programme = configured_programme(args)
    event = _event(programme, args.event)
    if event is None:
        return 1
    exporter = frab_xml.export if args.format == "xml" else c3voc_json.export
    data, untimed = exporter(event, _catalog(args, programme).agenda)
    _write(args.output, data)
    print(f"{args.output}: {len(event.sessions) - len(untimed)} sessions of {event.title}",
          file=_report(args))
    for session in untimed:
        print(
            f"left out (no time, which schedule files cannot hold): {session.title} ({session.id})",
            file=sys.stderr,
        )
    return 0
