"""Writes tests/data/fosdem-like-schedule.xml: a frab schedule.xml in the real format (as
FOSDEM and the CCC events publish it), 120 events over two days and five rooms.

Written with ElementTree directly, not with the bot's exporter, so that loading it tests
the importer against the format itself. Run it again to regenerate the file:

    python tests/data/make_frab_schedule.py
"""

import random
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

BRUSSELS = timezone(timedelta(hours=1))  # February: CET
ROOMS = ["Janson", "K.1.105 (La Fontaine)", "H.2215 (Ferrer)", "UB2.252A (Lameere)", "AW1.120"]
TRACKS = ["Public Code", "Databases", "Geospatial", "Collaboration", "Open Source Design"]
TOPICS = ["PostgreSQL", "Nextcloud", "OpenStreetMap", "Matrix", "Jitsi", "Debian", "Rust",
          "LibreOffice", "QGIS", "Kubernetes", "Django", "Python", "accessibility", "GTFS"]
FIRST = ["Alice", "Bruno", "Chloé", "Dmitri", "Eva", "Farid", "Greta", "Hugo", "Inès", "Jonas"]
LAST = ["Martin", "Peeters", "Janssens", "Dubois", "Novak", "Rossi", "Schmidt", "Garcia"]
SPECIAL = [  # talks the tests look for
    ("Grist for public administrations", ["Florent Fayolle"], "Collaboration"),
    ("Tchap: Matrix for the French State", ["Marie Bertrand", "Olivier Sinet"], "Collaboration"),
]


def main() -> None:
    rng = random.Random(2025)
    root = ET.Element("schedule")
    ET.SubElement(root, "version").text = "2025-01-28 10:00"
    conference = ET.SubElement(root, "conference")
    for tag, value in (("title", "FOSDEM-like test conference 2025"), ("acronym", "fltc2025"),
                       ("start", "2025-02-01"), ("end", "2025-02-02"), ("days", "2"),
                       ("timeslot_duration", "00:05")):
        ET.SubElement(conference, tag).text = value
    number = 1000
    titles = []
    for _ in range(118):
        titles.append((f"{rng.choice(TOPICS)} {rng.choice(['in practice', 'at scale', 'for beginners', 'internals', 'ten years on', 'and the public sector'])} #{len(titles) + 1}",
                       [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(1, 2))],
                       rng.choice(TRACKS)))
    titles[10:10] = SPECIAL[:1]
    titles[70:70] = SPECIAL[1:]
    per_room = len(titles) // (2 * len(ROOMS))
    index = 0
    for day_index, day in enumerate((date(2025, 2, 1), date(2025, 2, 2)), start=1):
        day_element = ET.SubElement(root, "day", {"index": str(day_index), "date": day.isoformat()})
        for room in ROOMS:
            room_element = ET.SubElement(day_element, "room", {"name": room})
            start = datetime(day.year, day.month, day.day, 9, 0, tzinfo=BRUSSELS)
            count = per_room if index + per_room < len(titles) else len(titles) - index
            for title, persons, track in titles[index:index + count]:
                number += 1
                minutes = rng.choice((25, 30, 40, 50))
                event = ET.SubElement(room_element, "event", {
                    "id": str(number), "guid": f"00000000-0000-4000-8000-{number:012d}"})
                for tag, value in (("date", start.isoformat()), ("start", start.strftime("%H:%M")),
                                   ("duration", f"00:{minutes:02d}"), ("room", room),
                                   ("slug", f"fltc2025-{number}"), ("title", title),
                                   ("subtitle", ""), ("track", track), ("type", "lecture"),
                                   ("language", "en"), ("abstract", f"A talk about {title}."),
                                   ("description", "")):
                    ET.SubElement(event, tag).text = value
                people = ET.SubElement(event, "persons")
                for offset, person in enumerate(persons):
                    ET.SubElement(people, "person", {"id": str(number * 10 + offset)}).text = person
                links = ET.SubElement(event, "links")
                ET.SubElement(links, "link", {"href": f"https://example.org/talks/{number}"}).text = "Slides"
                start += timedelta(minutes=minutes + 5)
            index += count
    ET.indent(root)
    target = Path(__file__).with_name("fosdem-like-schedule.xml")
    target.write_bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))
    print(f"{target}: {number - 1000} events")


if __name__ == "__main__":
    main()
