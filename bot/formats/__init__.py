"""Programme formats of the conference world: iCalendar out, frab schedule.xml and c3voc
schedule.json in and out."""
