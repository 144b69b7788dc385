"""The words talk lines use, in French, English, German, Spanish, Italian and Dutch: what
puts a credit after a title, what labels a credit, and what names a session's kind.

Words are written folded (lower case, no accents) unless a pattern says otherwise; a
space in a word stands for any run of spaces.
"""

from __future__ import annotations

import re

CREDIT_MARKS: dict[str, tuple[str, ...]] = {
    "fr": ("anime par", "animee par", "animes par", "animees par", "presente par",
           "presentee par", "presentes par", "presentees par", "propose par", "proposee par",
           "par", "avec"),
    "en": ("presented by", "hosted by", "led by", "given by", "by", "with"),
    "de": ("von", "mit"),
    "es": ("presentado por", "presentada por", "a cargo de", "por", "con"),
    "it": ("a cura di", "presentato da", "presentata da", "moderato da", "moderata da",
           "coordinato da", "coordinata da", "di", "con"),
    "nl": ("door", "met"),
}
"""Words after which a line names who speaks ('… par Jeanne Dupont', '… by Jane Doe',
'… von Erika Mustermann'), longest first within a language."""

STRICT_MARKS = frozenset(("with", "von", "mit", "di", "con", "met", "por"))
"""Marks that are also everyday words inside titles ('Migration von Linux Servern', 'Fun
with Open Data'): a credit after them is only read after a comma, a dash or a bracket,
and only when names are all that follows."""

CREDIT_LABELS: dict[str, tuple[str, ...]] = {
    "fr": ("intervenant", "intervenante", "intervenants", "intervenantes", "intervenant e s",
           "intervenant es", "orateur", "oratrice", "orateurs", "conferencier",
           "conferenciere", "conferenciers", "animateur", "animatrice", "animateurs",
           "animation", "formateur", "formatrice", "formateurs", "presentateur",
           "presentatrice", "invite", "invitee", "invites", "invitees", "invite e s"),
    "en": ("speaker", "speakers", "speaker s", "presenter", "presenters", "host", "hosts",
           "moderator", "moderators", "facilitator", "facilitators", "instructor",
           "instructors", "lecturer", "lecturers", "chair", "panelists", "panellists"),
    "de": ("referent", "referentin", "referenten", "referentinnen", "referent in",
           "referent innen", "sprecher", "sprecherin", "vortragende", "vortragender",
           "moderation"),
    "es": ("ponente", "ponentes", "orador", "oradora", "oradores", "presentador",
           "presentadora", "presentadores"),
    "it": ("relatore", "relatrice", "relatori", "oratore", "oratori", "moderatore"),
    "nl": ("spreker", "sprekers", "presentator", "presentatoren", "docent"),
}
"""Labels before a credit, ended by a colon ('Speaker(s):', 'Intervenant·e·s :',
'Ponente:', 'Referent:'); a mark inside a word ('(s)', '·e·s', '*innen') reads as a space."""

KIND_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "panel": {
        "fr": ("table ouverte", "table ronde", "tables rondes", "table-ronde", "debat",
               "debats"),
        "en": ("panel", "panels", "round table", "roundtable", "round-table",
               "ask us anything", "ask me anything"),
        "de": ("podiumsdiskussion", "diskussionsrunde"),
        "es": ("mesa redonda",),
        "it": ("tavola rotonda",),
        "nl": ("paneldiscussie", "panelgesprek", "rondetafel"),
    },
    "workshop": {
        "fr": ("atelier", "ateliers", "un coin", "coaching", "groupe de travail",
               "groupes de travail", "en groupe", "en groupes", "tp", "travaux pratiques",
               "td", "travaux diriges", "tutoriel", "exercice", "exercices",
               "session de travail", "sessions de travail", "session de formation",
               "sessions de formation", "mains sur le clavier"),
        "en": ("workshop", "workshops", "tutorial", "tutorials", "hands on", "exercise",
               "exercises", "working session", "work session"),
        "de": ("workshop", "workshops", "ubung", "ubungen", "tutorium", "praktikum"),
        "es": ("taller", "talleres", "tutorial", "ejercicios"),
        "it": ("laboratorio", "esercitazione", "esercitazioni", "tutorial"),
        "nl": ("werksessie", "practicum", "oefening", "oefeningen", "tutorial"),
    },
    "demo": {
        "fr": ("demo", "demos", "demonstration", "demonstrations", "exposition",
               "expositions", "audition des projets", "audition des equipes"),
        "en": ("demo", "demos", "demonstration", "demonstrations", "team presentations",
               "final pitches", "team pitches", "project pitches"),
        "de": ("vorfuhrung",),
        "es": ("demostracion",),
        "it": ("dimostrazione",),
        "nl": ("demonstratie",),
    },
    "talk": {
        "fr": ("presentation", "presentations", "conference", "conferences", "intervention",
               "interventions"),
        "en": ("talk", "talks", "presentation", "presentations"),
        "de": ("vortrag", "vortrage"),
        "es": ("charla", "charlas", "ponencia", "ponencias"),
        "it": ("intervento", "interventi"),
        "nl": ("lezing", "lezingen"),
    },
}
"""Words that name a kind wherever a title or a heading says them ('Atelier contribuer',
'les démos de La Suite', 'TP1', 'Spark Hands-on'); a talk is the kind of any line that
names none. A hackathon is no kind: it names an event, whose programme holds talks,
meals and a jury as well as its hours of work; its teams shown to all ('Final Team
Pitches', 'Team presentations', « Audition des projets ») are demos, not an organiser's
« Présentation des projets de la saison », and a body that answers anything
asked ('Ask us anything') a panel."""

KIND_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "talk": {
        "fr": ("cours", "expose", "keynote", "talk"),
        "en": ("lecture", "keynote", "talk", "lightning talk", "presentation", "invited talk"),
        "de": ("vortrag", "keynote", "vorlesung"),
        "es": ("charla", "ponencia", "conferencia", "keynote"),
        "it": ("intervento", "relazione", "seminario", "keynote"),
        "nl": ("lezing", "presentatie", "keynote"),
    },
    "workshop": {
        "fr": ("atelier", "tp", "travaux pratiques", "td"),
        "en": ("lab", "workshop", "hands-on", "tutorial", "practical"),
        "de": ("workshop", "ubung"),
        "es": ("taller",),
        "it": ("laboratorio", "esercitazione"),
        "nl": ("werkgroep", "practicum"),
    },
    "panel": {
        "fr": ("table ronde", "table-ronde", "debat"),
        "en": ("panel", "round table", "roundtable", "panel discussion"),
        "de": ("podiumsdiskussion", "podium"),
        "es": ("mesa redonda", "debate"),
        "it": ("tavola rotonda", "dibattito"),
        "nl": ("paneldiscussie", "debat"),
    },
    "demo": {
        "fr": ("demo", "demonstration"),
        "en": ("demo", "demonstration", "showcase"),
        "de": ("demo", "vorfuhrung"),
        "es": ("demo", "demostracion"),
        "it": ("demo", "dimostrazione"),
        "nl": ("demo", "demonstratie"),
    },
}
"""Words that give a line's kind as a label before a colon ('Lecture: Title', 'Lab:',
'Atelier :', 'Taller:', 'Vortrag:', 'Talk 2:'): the label is not part of the title."""

SHORT_ITEMS: dict[str, dict[str, tuple[str, ...]]] = {
    "workshop": {
        "fr": ("sprint", "sprints", "sprint de code", "hackathon"),
        "en": ("sprint", "sprints", "code sprint", "hackathon"),
        "de": ("sprint", "sprints", "hackathon"), "es": ("sprint", "sprints", "hackathon"),
        "it": ("sprint", "sprints", "hackathon"), "nl": ("sprint", "sprints", "hackathon"),
    },
    "break": {
        "fr": ("pause", "dejeuner", "repas", "cafe", "cocktail", "moment festif", "gouter",
               "petit dejeuner", "petit-dejeuner", "diner", "buffet", "collation",
               "accueil petit dejeuner", "accueil petit-dejeuner", "accueil dejeuner"),
        "en": ("break", "coffee", "lunch", "breakfast", "dinner", "tea break", "snack",
               "welcome breakfast"),
        "de": ("pause", "kaffeepause", "mittagessen", "mittagspause", "fruhstuck",
               "abendessen", "kaffee"),
        "es": ("pausa", "descanso", "almuerzo", "comida", "desayuno", "cena", "cafe"),
        "it": ("pausa", "pranzo", "colazione", "cena", "coffee break"),
        "nl": ("pauze", "lunch", "koffie", "koffiepauze", "lunchpauze", "diner", "ontbijt"),
    },
    "other": {
        "fr": ("accueil", "ouverture", "cloture", "conclusion", "conclusions",
               "mot d accueil", "mots d accueil", "mot d ouverture", "mots d ouverture",
               "mot d'accueil", "mots d'accueil", "mot d'ouverture", "mots d'ouverture",
               "discours", "introduction", "networking", "apero", "question", "questions",
               "presentation de la journee", "propos liminaires", "mot de bienvenue",
               "mots de bienvenue", "bienvenue", "afterwork", "after work", "after-work",
               "discussion", "discussions", "annonce", "annonces", "arrivee", "depart",
               "fin", "pot", "aperitif", "rendu", "rendus", "finalisation",
               "restitution", "point d etape", "point d avancement", "pitch", "pitchs",
               "visite", "interlude", "hacking"),
        "en": ("welcome", "welcoming", "opening", "closing", "wrap up", "wrap-up",
               "registration", "registrations", "check in", "check-in", "networking", "q&a",
               "q & a", "introduction", "afterwork", "after work", "after-work",
               "get together", "get-together", "discussion", "discussions", "announcements",
               "arrival", "departure", "end of", "kick off", "kickoff", "brainstorming",
               "pitch", "pitching", "visit", "guided tour", "interlude", "hacking",
               "socializing", "socialising", "hang out"),
        "de": ("begrussung", "eroffnung", "abschluss", "einlass", "anmeldung", "diskussion",
               "ankunft", "ende", "besichtigung"),
        "es": ("bienvenida", "apertura", "clausura", "cierre", "registro", "acreditacion",
               "inauguracion", "discusion", "llegada", "fin", "visita"),
        "it": ("benvenuto", "apertura", "chiusura", "registrazione", "accoglienza",
               "discussione", "saluto", "saluti", "arrivo", "visita"),
        "nl": ("welkom", "opening", "afsluiting", "registratie", "ontvangst", "discussie",
               "aankomst", "einde", "rondleiding", "bezoek"),
    },
}
"""Words a short line starts with that make it a workshop (the hours of work of a 'Sprint'
or a 'Hackathon'), a break ('Pause déjeuner', 'Mittagessen', 'Almuerzo', 'Pranzo') or a
housekeeping item ('Accueil', 'Welcome', 'Clausura', an open 'Discussion', the review of
the work, « Restitution », its hours of 'Hacking', a 'Visit', the 'Pitch' of
ideas teams form around), as the truth conventions count them; a title that only starts
alike ('Ouverture de code de …') is longer. A meal is a break, even at the welcome
('Accueil petit-déjeuner'), but the coffee of the welcome ('Accueil café') is the
participants' arrival."""


HOUSEKEEPING_ANYWHERE: dict[str, tuple[str, ...]] = {
    "fr": ("jury", "remise des prix", "annonce des resultats", "constitution des equipes",
           "formation des equipes", "formation des groupes", "finalisation des equipes",
           "soumission des projets", "ouverture des portes", "tour de table", "temps libre",
           "mot de bienvenue", "mots de bienvenue", "discours de cloture"),
    "en": ("jury", "awards", "prizes", "award ceremony", "team formation", "team building",
           "submission deadline", "doors open", "doors close", "free time", "help desk",
           "info desk", "opening remarks", "closing remarks", "concluding remarks",
           "get together", "social programme", "social program"),
    "de": ("jury", "preisverleihung", "siegerehrung", "freizeit"),
    "es": ("jurado", "entrega de premios", "tiempo libre", "despedida"),
    "it": ("giuria", "premiazione", "tempo libero"),
    "nl": ("jury", "prijsuitreiking", "vrije tijd"),
}
"""Words that make a line of a few words a housekeeping item wherever they stand in it: the
event's own course (its jury, its prizes, its teams being formed, its doors opening, free
time), not a subject someone speaks on ('Délibération des membres du jury', 'Project
Submission Deadline', 'Doors open, time for snacks and networking')."""


BREAKS_ANYWHERE: dict[str, tuple[str, ...]] = {
    "fr": ("pause", "pause cafe", "dejeuner", "petit dejeuner", "diner", "repas", "gouter"),
    "en": ("break", "coffee break", "tea break", "morning tea", "afternoon tea", "breakfast",
           "lunch", "dinner", "snack", "pizza"),
    "de": ("pause", "kaffeepause", "fruhstuck", "mittagessen", "abendessen"),
    "es": ("pausa", "descanso", "intervalo", "receso", "desayuno", "almuerzo", "cena"),
    "it": ("pausa", "intervallo", "colazione", "pranzo", "cena"),
    "nl": ("pauze", "ontbijt", "lunch"),
}
"""Words that make a short line a break wherever they stand in it ('Morning Break',
'Kurze Pause', 'Continental Breakfast Served', 'Course dinner', 'Afternoon tea')."""

REFRESHMENTS: dict[str, tuple[str, ...]] = {
    "fr": ("cafe", "cocktail", "apero", "aperitif", "collation", "viennoiseries"),
    "en": ("coffee", "tea", "drinks", "refreshments"), "de": ("kaffee", "getranke"),
    "es": ("cafe", "refrigerio"), "it": ("caffe", "aperitivo", "rinfresco"),
    "nl": ("koffie", "thee", "borrel"),
}
"""What a short line offers to drink or nibble, whatever its kind ('Accueil café', a
participants' arrival, 'Welcome coffee'): where a question about the breaks looks too."""


LANGUAGES: dict[str, tuple[str, ...]] = {
    "fr": ("francais", "anglais", "allemand", "espagnol", "italien", "neerlandais"),
    "en": ("english", "french", "german", "spanish", "italian", "dutch"),
    "de": ("deutsch", "englisch"), "es": ("ingles", "frances", "aleman"),
    "it": ("inglese", "italiano", "francese"), "nl": ("engels", "nederlands", "frans"),
}
"""The languages a talk is said to be given in ('(Présentation en anglais)', '(in English)')."""


NOBODY = ("all", "tous", "toutes", "tout le monde", "everyone", "everybody", "alle", "todos",
          "todas", "tutti", "iedereen")
"""What a speakers cell says when it names nobody in particular ('All')."""


def alternation(table: dict[str, tuple[str, ...]], skip: frozenset[str] = frozenset()) -> str:
    """A regex alternation of the words of every language of `table` but `skip`, longest
    first. An 'e' or a 'c' matches its accented forms too (the words are folded, the text
    may not be); a space, hyphen, apostrophe or mark inside a word ('intervenant·e·s',
    'speaker(s)') matches any run of them."""
    words = {w for words in table.values() for w in words} - skip
    body = "|".join(_loose(word) for word in sorted(words, key=lambda w: (-len(w), w)))
    return f"{_first_letter(words)}(?:{body})" if body else body


def _first_letter(words: set[str]) -> str:
    """A look-ahead for the letters the words start with: at each place of a text where
    none stands, one test, and not one try of each of a hundred words ('' when a word
    starts with a joiner, which may match nothing)."""
    if any(word[0] in _JOINED for word in words):
        return ""
    letters = sorted({letter for word in words for letter in _ACCENTS.get(word[0], word[0])})
    return f"(?=[{''.join(re.escape(letter) for letter in letters)}])"


def _loose(word: str) -> str:
    out = []
    for char in word:
        if char in _JOINED:
            if not out or out[-1] != _JOINER:
                out.append(_JOINER)
        else:
            out.append(_ACCENTED.get(char, re.escape(char)))
    return "".join(out)


_JOINED = " -'"
"""The characters of a word that a run of joiners stands for."""
_JOINER = r"[-\s'’.·()*/]*"
_ACCENTS = {"e": "eéèêë", "c": "cç"}
_ACCENTED = {letter: f"[{forms}]" for letter, forms in _ACCENTS.items()}
"""The accents the words' own spellings put back ('présenté par', 'conférencier',
'Begrüßung' is folded before it is compared); not every letter's: 'Pär Engström' is no
'par'."""
