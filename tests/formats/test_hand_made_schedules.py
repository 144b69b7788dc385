"""Schedules written by a site's own template rather than by frab or pretalx: a 'Z' after
local hours, and several speakers in one person field. Written from the shape of a Jekyll
site's schedule.xml (a one-day conference in Germany)."""

import json

from bot.loaders.files import load_paths

XML = """<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>Tag der Daten</title><start>2019-05-22</start><end>2019-05-22</end>
  </conference>
  <day date="2019-05-22" start="2019-05-22" end="2019-05-22" index="1">
    <room name="Main Track">
      <event id="101">
        <title>Begrüßung</title><date>2019-05-22T09:00:00Z</date><start>09:00</start>
        <duration>00:10</duration><person>Dr. Erika Muster, Max Mustermann</person>
      </event>
      <event id="102">
        <title>Real UTC</title><date>2019-05-22T08:30:00Z</date><start>10:30</start>
        <duration>00:20</duration><person>Lovelace, Ada</person>
      </event>
    </room>
  </day>
</schedule>
"""


def test_a_template_z_after_local_hours_is_read_as_local_time(tmp_path) -> None:
    (tmp_path / "schedule.xml").write_text(XML, encoding="utf-8")
    (tmp_path / "schedule.json").write_text(json.dumps({"schedule": {"version": "x",
        "conference": {"acronym": "tdd", "title": "Tag der Daten JSON", "start": "2019-05-23",
                       "end": "2019-05-23", "days": [{"index": 1, "date": "2019-05-23",
            "rooms": {"Main": [{"id": 7, "title": "Keynote", "date": "2019-05-23T14:00:00Z",
                                "start": "14:00", "duration": "0:45"}]}}]}}}),
        encoding="utf-8")
    programme = load_paths([tmp_path])
    assert programme.problems == ()
    found = {s.title: (s.day.isoformat(), s.start.isoformat(), s.end.isoformat())
             for s in programme.sessions}
    assert found == {  # the files say 09:00 and 14:00 in Germany; 08:30 UTC is 10:30 there
        "Begrüßung": ("2019-05-22", "09:00:00", "09:10:00"),
        "Real UTC": ("2019-05-22", "10:30:00", "10:50:00"),
        "Keynote": ("2019-05-23", "14:00:00", "14:45:00"),
    }


def test_one_person_field_naming_several_people_gives_each(tmp_path) -> None:
    (tmp_path / "schedule.xml").write_text(XML, encoding="utf-8")
    speakers = {s.title: s.speaker_names for s in load_paths([tmp_path]).sessions}
    assert speakers == {"Begrüßung": ("Dr. Erika Muster", "Max Mustermann"),
                        "Real UTC": ("Lovelace, Ada",)}


def test_with_no_type_the_track_or_the_title_says_the_kind(tmp_path) -> None:
    """No <type>: a track that names a kind gives it ('Pause', 'Tutorial'), a track that is
    only a subject does not; a word that merely contains 'formation' is no training."""
    events = "".join(
        f"<event id='{n}'><title>{title}</title><date>2019-05-22T{10 + n}:00:00+02:00</date>"
        f"<start>{10 + n}:00</start><duration>00:20</duration><track>{track}</track></event>"
        for n, (title, track) in enumerate([
            ("Coffee and posters", "Pause"), ("Jekyll für alle", "Tutorial"),
            ("Netz des Informationsmanagements", "Data Networks"),
            ("Hands-on Linked Data", "Data Networks")]))
    (tmp_path / "schedule.xml").write_text(
        "<?xml version='1.0'?><schedule><conference><title>T</title><start>2019-05-22</start>"
        "<end>2019-05-22</end></conference><day date='2019-05-22' index='1'>"
        f"<room name='A'>{events}</room></day></schedule>", encoding="utf-8")
    kinds = {s.title: s.kind for s in load_paths([tmp_path]).sessions}
    assert kinds == {"Coffee and posters": "break", "Jekyll für alle": "workshop",
                     "Netz des Informationsmanagements": "talk",
                     "Hands-on Linked Data": "workshop"}
