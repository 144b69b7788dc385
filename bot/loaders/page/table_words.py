"""Header words of programme tables in fr, en, de, es, it and nl, folded (lower case, no
accents), by the role they give a column ('Horaire' → time, 'Presenter' → speakers)."""

from __future__ import annotations

import re

from bot.loaders.talks.words import CREDIT_LABELS
from bot.wording.folding import fold

ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "time": (
        "horaire", "horaires", "heure", "heures", "creneau", "creneaux", "quand", "time",
        "times", "when", "hour", "hours", "slot", "timing", "zeit", "uhrzeit", "wann",
        "hora", "horas", "horario", "cuando", "ora", "orario", "quando", "tijd",
        "tijdstip", "wanneer", "h",
    ),
    "start": ("debut", "start", "begin", "beginn", "von", "inicio", "inizio", "dalle",
              "vanaf", "starts"),
    "end": ("fin", "end", "ende", "bis", "final", "fine", "alle", "eind", "tot", "ends"),
    "day": ("date", "dates", "jour", "jours", "day", "days", "datum", "tag", "fecha", "dia",
            "data", "giorno", "dag"),
    "room": (
        "salle", "salles", "lieu", "lieux", "ou", "room", "rooms", "location", "venue",
        "where", "place", "raum", "ort", "saal", "sala", "lugar", "aula", "luogo", "zaal",
        "locatie", "waar", "amphi", "amphitheatre", "auditorium", "visio",
    ),
    "track": ("track", "tracks", "parcours", "filiere", "piste", "stream", "pista",
              "traccia", "spoor"),
    "speakers": (
        *(word for words in CREDIT_LABELS.values() for word in words if " " not in word),
        "who", "qui", "par", "avec", "by", "wer", "quien", "chi", "wie", "teacher", "tutor",
        "tutors", "trainer",
    ),
    "organisation": (
        "organisation", "organisations", "organisme", "structure", "entite",
        "administration", "institution", "affiliation", "org", "organization", "company",
        "employer", "entreprise", "societe", "ministere", "etablissement", "unternehmen",
        "organisacion", "organizacion", "empresa", "entidad", "ente", "azienda",
        "organizzazione", "organisatie", "bedrijf", "instelling",
    ),
    "kind": ("type", "format", "genre", "nature", "kind", "categorie", "category", "art",
             "typ", "tipo", "formato", "categoria", "soort", "vorm"),
    "material": (
        "slides", "supports", "support", "diapos", "diaporama", "video", "videos",
        "enregistrement", "replay", "links", "liens", "lien", "ressources", "resources",
        "materials", "material", "documents", "pdf", "folien", "unterlagen",
        "diapositivas", "materiales", "materiale", "materiali", "issue",
    ),
    "description": (
        "detail", "details", "description", "descriptif", "resume", "abstract",
        "summary", "beschreibung", "descripcion", "descrizione", "beschrijving", "notes",
        "remarques", "comments",
    ),
    "audience": ("public", "audience", "publico", "pubblico", "zielgruppe", "doelgroep",
                 "niveau", "level", "participants"),
}
"""Header words, folded (lower case, no accents), by the role they give a column; a
speakers column is headed by any one-word label of a credit ('Intervenants', 'Ponente'), or
by who asks for it ('Qui', 'By')."""

TITLE_WORDS: tuple[tuple[str, ...], ...] = (
    ("titre", "intitule", "title", "titel", "titulo", "titolo"),
    ("sujet", "sujets", "theme", "themes", "thematique", "topic", "topics", "subject",
     "talk", "talks", "presentation", "presentations", "expose", "conference",
     "intervention", "vortrag", "thema", "tema", "charla", "ponencia", "intervento",
     "argomento", "onderwerp", "lezing", "session", "sessions", "seance", "atelier",
     "ateliers", "workshop", "demo", "demos", "cours", "module"),
    ("activite", "activites", "activity", "programme", "program", "programm",
     "programma", "contenu", "content", "inhalt", "contenido", "contenuto", "inhoud",
     "evenement", "event", "veranstaltung", "evento", "what", "quoi", "was", "que",
     "cosa", "wat", "actividad", "attivita", "activiteit", "item"),
)
"""Header words of a title column, strongest first (« Titre » beats « Session »)."""

_WORD = re.compile(r"[a-z0-9]+")
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]|[#*_:]")
"""Notes in a header ('Time (GMT-5)', 'Issue #') and the marks of a header written as
data ('**Begin**')."""


def header_role(header: str) -> tuple[str, str] | None:
    """(role, word) a header's words give, 'title' with its strength ('title0'…)."""
    words = _WORD.findall(fold(_NOTE.sub(" ", header)))
    for word in words:
        for tier, titles in enumerate(TITLE_WORDS):
            if word in titles:
                return f"title{tier}", word
        for role, names in ROLE_WORDS.items():
            if word in names:
                return role, word
    return None
