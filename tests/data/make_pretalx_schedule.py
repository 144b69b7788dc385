"""Writes tests/data/pretalx-like-schedule.xml and tests/data/hub-like-schedule-v2.json:
a congress as pretalx publishes its schedule.xml (112 events over four days, Europe/Berlin,
a day change at 04:00, talks after midnight, pretalx's free-text types) and as the CCC hub
publishes a version 2 schedule.json (events under `schedule.events`).

Written with ElementTree and json directly, not with the bot's exporters, so that loading
them tests the importers against the formats themselves. Run it again to regenerate:

    python tests/data/make_pretalx_schedule.py
"""

import json
import random
import uuid
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

CET = timezone(timedelta(hours=1))  # December in Berlin
ROOMS = ["Saal One", "Saal Ground", "Saal Zuse", "Workshop Room"]
TYPES = ["Talk", "Talk 30 min + 10min Q&A", "Lightningtalk", "Workshop", "Podium discussion",
         "devroom", "Meeting"]
TOPICS = ["Matrix", "Tor", "Reproducible builds", "OpenStreetMap", "Rust", "Jitsi", "GTFS",
          "Nextcloud", "LibreOffice", "Debian", "accessibility", "e-voting"]
FIRST = ["Anna", "Ben", "Clara", "Deniz", "Elif", "Felix", "Greta", "Hannes", "Ida", "Jan"]
LAST = ["Müller", "Schmidt", "Yılmaz", "Nowak", "Weber", "Fischer", "Wagner", "Becker"]
NS = uuid.UUID("2f6b0e5c-9c3a-4d4e-8b7a-3c5d2a1e0f00")


def events(rng: random.Random) -> list[dict]:
    found = []
    number = 2000
    for day_index in range(4):
        day = date(2025, 12, 27) + timedelta(days=day_index)
        for room in ROOMS:
            start = datetime(day.year, day.month, day.day, 11, 0, tzinfo=CET)
            for _ in range(7):
                number += 1
                minutes = rng.choice((20, 40, 60))
                kind = "Workshop" if room == "Workshop Room" else rng.choice(TYPES)
                title = f"{rng.choice(TOPICS)} {rng.choice(['unplugged', 'in 2025', 'deep dive', 'for everyone'])}"
                found.append({
                    "id": number, "code": f"X{number:05d}", "guid": str(uuid.uuid5(NS, str(number))),
                    "room": room, "start": start, "minutes": minutes, "type": kind,
                    "title": title, "subtitle": rng.choice(["", f"What {title} means for you"]),
                    "track": rng.choice(["Security", "Ethics, Society & Politics", "Hardware"]),
                    "language": rng.choice(["en", "de"]),
                    "abstract": f"On {title}.",
                    "description": f"First paragraph about {title}.\n\nSecond paragraph,\n"
                                   f"  with an indented line.",
                    "persons": [(number * 10 + i, f"{rng.choice(FIRST)} {rng.choice(LAST)}")
                                for i in range(rng.randint(1, 3))],
                    "links": [(f"https://media.example.org/{number}.pdf", "Slides")],
                })
                start += timedelta(minutes=minutes + 20)
            # the night programme: one session after midnight, still the same congress day
            number += 1
            night = datetime(day.year, day.month, day.day, 0, 30, tzinfo=CET) + timedelta(days=1)
            found.append({
                "id": number, "code": f"X{number:05d}", "guid": str(uuid.uuid5(NS, str(number))),
                "room": room, "start": night, "minutes": 45, "type": "Lightningtalk",
                "title": "Lightning talks", "subtitle": "", "track": "Hardware", "language": "en",
                "abstract": "", "description": "", "persons": [], "links": [],
            })
    return found


def write_xml(items: list[dict], target: Path) -> None:
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", {"name": "pretalx", "version": "2025.1.0"})
    ET.SubElement(root, "version").text = "0.7"
    conference = ET.SubElement(root, "conference")
    for tag, value in (("acronym", "ptc2025"), ("title", "Pretalx-like test congress"),
                       ("start", "2025-12-27"), ("end", "2025-12-30"), ("days", "4"),
                       ("timeslot_duration", "00:05"), ("base_url", "https://events.example.org/"),
                       ("time_zone_name", "Europe/Berlin")):
        ET.SubElement(conference, tag).text = value
    for index in range(4):
        day = date(2025, 12, 27) + timedelta(days=index)
        start = datetime(day.year, day.month, day.day, 4, 0, tzinfo=CET)
        day_element = ET.SubElement(root, "day", {
            "index": str(index + 1), "date": day.isoformat(), "start": start.isoformat(),
            "end": (start + timedelta(hours=23, minutes=59)).isoformat()})
        for room in ROOMS:
            room_element = ET.SubElement(day_element, "room", {
                "name": room, "guid": str(uuid.uuid5(NS, room))})
            for item in items:
                if item["room"] != room or not start <= item["start"] < start + timedelta(days=1):
                    continue
                event = ET.SubElement(room_element, "event", {
                    "guid": item["guid"], "id": str(item["id"]), "code": item["code"]})
                slug = f"ptc2025-{item['id']}-{item['title'].lower().replace(' ', '-')}"
                for tag, value in (("room", room), ("title", item["title"]),
                                   ("subtitle", item["subtitle"]), ("type", item["type"]),
                                   ("date", item["start"].isoformat()),
                                   ("start", item["start"].strftime("%H:%M")),
                                   ("duration", f"{item['minutes'] // 60:02d}:{item['minutes'] % 60:02d}"),
                                   ("abstract", item["abstract"]), ("slug", slug),
                                   ("track", item["track"]), ("language", item["language"])):
                    ET.SubElement(event, tag).text = value
                people = ET.SubElement(event, "persons")
                for number, name in item["persons"]:
                    ET.SubElement(people, "person", {"id": str(number)}).text = name
                # pretalx writes the description as the XML is indented around it
                ET.SubElement(event, "description").text = "\n" + "\n".join(
                    "                " + line if line else "" for line in item["description"].splitlines()
                ) + "\n            "
                recording = ET.SubElement(event, "recording")
                ET.SubElement(recording, "license").text = ""
                ET.SubElement(recording, "optout").text = "false"
                links = ET.SubElement(event, "links")
                for href, text in item["links"]:
                    ET.SubElement(links, "link", {"href": href}).text = text
                ET.SubElement(event, "url").text = f"https://events.example.org/ptc2025/talk/{item['code']}/"
    ET.indent(root)
    target.write_bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def write_v2(items: list[dict], target: Path) -> None:
    kinds = {"Talk": "TALK", "Talk 30 min + 10min Q&A": "TALK", "Lightningtalk": "LIGHTNING_TALK",
             "Workshop": "WORKSHOP", "Podium discussion": "DISCUSSION", "devroom": "OTHER",
             "Meeting": "MEETING"}
    document = {
        "$schema": "https://c3voc.de/schedule/schema2.json",
        "generator": {"name": "hub", "version": "2"},
        "schedule": {
            "version": "2.0",
            "conference": {
                "acronym": "ptc2025", "title": "Pretalx-like test congress",
                "start": "2025-12-27T04:00:00+01:00", "end": "2025-12-31T03:59:00+01:00",
                "time_zone_name": "Europe/Berlin",
                "days": [{"index": i + 1, "date": (date(2025, 12, 27) + timedelta(days=i)).isoformat(),
                          "start": f"2025-12-{27 + i}T04:00:00+01:00",
                          "end": f"2025-12-{28 + i}T03:59:00+01:00"} for i in range(4)],
                "rooms": [{"name": room, "guid": str(uuid.uuid5(NS, room))} for room in ROOMS],
            },
            "events": [{
                "guid": item["guid"], "title": item["title"], "subtitle": item["subtitle"],
                "start": item["start"].isoformat(),
                "end": (item["start"] + timedelta(minutes=item["minutes"])).isoformat(),
                "room": {"name": item["room"], "guid": str(uuid.uuid5(NS, item["room"]))},
                "slug": f"ptc2025-{item['id']}",
                "url": f"https://events.example.org/ptc2025/talk/{item['code']}/",
                "track": {"slug": item["track"].lower().replace(" ", "-").replace(",", "").replace("&", "and"),
                          "name": item["track"]},
                "type": kinds[item["type"]], "language": item["language"],
                "abstract": {"en": item["abstract"]} if item["abstract"] else None,
                "description": item["description"],
                "participants": [{"name": name, "guid": str(uuid.uuid5(NS, name))}
                                 for _, name in item["persons"]],
                "links": [{"url": href, "title": text, "type": "SLIDES"} for href, text in item["links"]],
            } for item in items],
        },
    }
    target.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")


def main() -> None:
    items = events(random.Random(2025))
    folder = Path(__file__).parent
    write_xml(items, folder / "pretalx-like-schedule.xml")
    write_v2(items, folder / "hub-like-schedule-v2.json")
    print(f"{len(items)} events")


if __name__ == "__main__":
    main()
