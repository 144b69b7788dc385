"""The words of what people do together at an event besides listening, in French, English,
German, Spanish, Italian and Dutch: meeting, mingling, being served. Written folded, as in
`bot.loaders.talks.words`."""

from __future__ import annotations

SOCIAL_ANYWHERE: dict[str, tuple[str, ...]] = {
    "fr": ("soiree", "fete", "diner de gala", "cocktail dinatoire", "excursion", "croisiere",
           "reception"),
    "en": ("party", "reception", "mingle", "mingling", "cruise", "excursion", "gala",
           "conference dinner", "gala dinner", "working dinner", "social dinner",
           "social event", "social programme", "social program"),
    "de": ("party", "feier", "empfang", "ausflug", "abendveranstaltung"),
    "es": ("fiesta", "recepcion", "excursion", "cena de gala"),
    "it": ("festa", "ricevimento", "gita", "escursione", "cena sociale", "cena di gala"),
    "nl": ("feest", "receptie", "excursie", "borrel"),
}
"""Words that make a short line a social event wherever they stand in it, even over a meal
it names ('Opening reception', 'Party de Noël', 'Conference dinner', 'Dinner and Cruise'):
the evening people spend together, not the pause in a day of sessions."""

MEETINGS_ANYWHERE: dict[str, tuple[str, ...]] = {
    "fr": ("reunions", "discussion", "discussions"),
    "en": ("meeting", "meetings", "breakout", "breakouts", "ad hoc", "happy hour",
           "happy half hour", "birds of a feather", "unconference", "discussion",
           "discussions"),
    "de": ("besprechung", "diskussion"),
    "es": ("reuniones", "discusion"),
    "it": ("riunione", "riunioni", "discussione"),
    "nl": ("vergadering", "overleg", "discussie"),
}
"""Words that make a line a meeting of those present rather than a talk given to them
('jQuery Core Contributors Meeting', 'AMP Analytics Breakout', 'Ad Hoc Room 1', 'MDN Web
Docs Discussion', 'AMP Happy Half-Hour'), unless its words name another kind ('Panel
discussion'). Not the singular « réunion »: it is an island too (« La Réunion »)."""

MEETING_AS_VERB = ("the", "a", "an", "our", "your", "their", "its", "user", "users",
                   "people", "needs", "new", "customer", "customers", "citizens")
"""What follows 'meeting' when it is a verb ('Meeting the needs of …', 'Meeting users
where they are'): a subject, not a meeting."""

SERVED: dict[str, tuple[str, ...]] = {
    "fr": ("servi", "servie", "servis", "servies", "offert", "offerte", "offerts"),
    "en": ("served", "provided"),
    "de": ("serviert",),
    "es": ("servido", "servida", "servidos"),
    "it": ("servito", "servita", "serviti", "offerto"),
    "nl": ("geserveerd",),
}
"""Words that say food or drink is served: a short line that says so is a break ('Fronana
Served', 'Beer and pizza will be provided', 'Lunch Served: Papa John's Pizza')."""

COURSE_MARKS: dict[str, tuple[str, ...]] = {
    "fr": ("commence", "commencent", "se termine", "se terminent", "ferme", "ouvre"),
    "en": ("starts", "begins", "begin", "ends", "closes", "opens"),
    "de": ("beginnt", "endet", "schliesst", "offnet"),
    "es": ("comienza", "empieza", "termina", "cierra", "abre"),
    "it": ("inizia", "comincia", "termina", "chiude", "apre"),
    "nl": ("begint", "eindigt", "sluit", "opent"),
}
"""Verbs that end a short line marking the event's course ('Day Pass Starts', 'Paralelni
Polis Closes', 'Installs begin (event start)', 'Let the Hacking Begin!'): a marker in the
schedule, not a session anyone gives."""
