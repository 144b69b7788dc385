"""Every session of every shipped seed page, as a reader of the page writes it down.

Each row: (day, start, end, title, speakers, organisations, room, kind). The expected values
were written from reading the pages in data/, not from the loader's output.
"""

from datetime import date, time
from pathlib import Path

import pytest

from bot.loaders.files import load_file, load_paths
from tests.support.paths import DATA, FIXTURES

SUPERSEDED_2023 = FIXTURES / "superseded" / "001_33512652ad60df2e.txt"
"""The 2023 page as first published, programme under construction: not shipped in data/."""

MENJ = "ministère de l'Education Nationale et de la Jeunesse"
DINUM_LONG = "Direction interministérielle du numérique"


def t(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def rows_of(path: Path) -> list[tuple]:
    events, problems, _ = load_file(path)
    assert [p for p in problems if p.severity == "error"] == []
    assert len(events) == 1
    return [
        (
            s.day,
            s.start,
            s.end,
            s.title,
            list(s.speaker_names),
            list(s.organisations),
            s.room,
            s.kind,
        )
        for s in events[0].sessions
    ]


def expected(rows: list[tuple]) -> list[tuple]:
    return [
        (d, t(a), t(b), title, sp, org, room, kind) for d, a, b, title, sp, org, room, kind in rows
    ]


D2023_1, D2023_2 = date(2023, 12, 6), date(2023, 12, 7)
OSXP_2023 = [
    (
        D2023_1,
        "14:00",
        None,
        "EOLE³ : la distribution qui propulse apps.education.fr",
        ["Daniel Dehennin"],
        [MENJ],
        None,
        "talk",
    ),
    (
        D2023_1,
        "14:00",
        None,
        "MIM-LIBRE : une communauté et ses services",
        ["Nicolas Schont"],
        [MENJ],
        None,
        "talk",
    ),
    (
        D2023_1,
        "14:00",
        None,
        "Superset pour restituer des indicateurs à destination des chefs "
        "d’établissement et des directeurs d’école",
        ["Richard Thibert"],
        [MENJ],
        None,
        "talk",
    ),
    (
        D2023_1,
        "15:00",
        None,
        "Geotrek et GeoNature, 10 ans de construction et d'animation de communautés Open source",
        ["Camille Monchicourt"],
        ["Parc national des Ecrins"],
        None,
        "talk",
    ),
    (
        D2023_1,
        "15:00",
        None,
        "Open Source et packaging de communs sur kubernetes : un exemple en datascience",
        ["Frédéric Comte"],
        ["Insee"],
        None,
        "talk",
    ),
    (
        D2023_1,
        "15:00",
        None,
        "Le Ministère de l’Intérieur ouvre une plateforme DevSecOps open-source",
        ["Thibault Colin"],
        ["ministère de l'Intérieur et des Outre-mer"],
        None,
        "talk",
    ),
    (
        D2023_1,
        "16:00",
        None,
        "Deux réalisations de la fabrique numérique : Dashlord et e2esdk",
        ["Julien Bouquillon"],
        ["ministères sociaux"],
        None,
        "talk",
    ),
    (
        D2023_1,
        "16:00",
        None,
        "GnuCOBOL et autres alternatives libres pour COBOL",
        ["Fabrice Le Fessant"],
        ["OcamlPro"],
        None,
        "talk",
    ),
    (
        D2023_1,
        "16:00",
        None,
        "Madis : Un outil opensource adapté au DPO mutualisé",
        ["Michael Edlich"],
        ["Soluris"],
        None,
        "talk",
    ),
    (
        D2023_1,
        "17:00",
        None,
        "Présentation de l'Accélérateur d'initiatives citoyennes",
        ["Virgile Deville"],
        [DINUM_LONG],
        None,
        "talk",
    ),
    (
        D2023_1,
        "17:00",
        None,
        "PrimTux : la distribution éducative libre pour le primaire",
        ["Marc Hépiègne"],
        ["Primtux"],
        None,
        "talk",
    ),
    (
        D2023_1,
        "17:00",
        None,
        "uMap un outil libre de cartographie en ligne massivement utilisé par les agents publics",
        ["Yohan Boniface"],
        ["uMap"],
        None,
        "talk",
    ),
    (
        D2023_1,
        "17:00",
        None,
        "Comment créer les conditions de collaboration entre l'Etat et les communs logiciels ?",
        ["L'équipe AIC"],
        [DINUM_LONG],
        None,
        "talk",
    ),
    (
        D2023_2,
        "14:00",
        None,
        "SituLearn, un projet de la forge des communs numériques éducatifs",
        ["Iza Marfisi", "Alexis Kauffmann"],
        [MENJ],
        None,
        "talk",
    ),
    (
        D2023_2,
        "14:00",
        None,
        "SWMB, un logiciel libre et modulaire pour sécuriser votre parc Windows",
        ["Gabriel Moreau"],
        ["LEGI (CNRS)"],
        None,
        "talk",
    ),
    (
        D2023_2,
        "14:00",
        None,
        "React-Dsfr : l'implémentation React du système de design de l'État",
        ["Joseph Garrone"],
        ["indépendant"],
        None,
        "talk",
    ),
    (
        D2023_2,
        "15:00",
        None,
        "Présentation de l'initiative du label Territoire Numérique Libre",
        ["Camille Tillatte"],
        ["Adullact"],
        None,
        "talk",
    ),
    (
        D2023_2,
        "15:00",
        None,
        "Assistant RGAA: une extension de navigateur libre pour vérifier les "
        "critères d'accessibilité numérique d'un site web",
        ["Antoine Cao"],
        [DINUM_LONG],
        None,
        "talk",
    ),
    (
        D2023_2,
        "15:00",
        None,
        "90000 noms de domaine du secteur public, 1 liste pour les gouverner tous",
        ["Matthieu Faure"],
        ["Adullact"],
        None,
        "talk",
    ),
    (
        D2023_2,
        "16:00",
        None,
        "Interopérer les logiciels des SAMU : une approche ouverte sur l’écosystème et le code",
        ["Romain Fouilland"],
        ["Agence du Numérique en Santé"],
        None,
        "talk",
    ),
    (
        D2023_2,
        "16:00",
        None,
        "Contribuer plutôt que de développer : l’exemple du tableur collaboratif Grist",
        ["Ariane Rose", "Florent Fayolle"],
        ["Agence Nationale de la Cohésion des Territoires"],
        None,
        "talk",
    ),
    (
        D2023_2,
        "17:00",
        None,
        "LLaMandement : Grands modèles de langue pour la synthèse de "
        "propositions législatives parlementaires",
        ["Joseph Gesnouin"],
        ["Direction générale des Finances publiques"],
        None,
        "talk",
    ),
    (
        D2023_2,
        "17:00",
        None,
        "La stratégie Open Source derrière Albert",
        ["Pierre-Etienne Devineau"],
        [DINUM_LONG],
        None,
        "talk",
    ),
    (
        D2023_2,
        "17:00",
        None,
        "Présentation des actualités de la mission logiciels libres",
        ["Hélène Jonin", "Bastien Guerry"],
        [DINUM_LONG],
        None,
        "talk",
    ),
]

D2022 = date(2022, 11, 8)
OSXP_2022 = [
    (
        D2022,
        "09:30",
        "10:30",
        "La collaboration interministérielle autour de Jitsi",
        ["Samuel Paccoud"],
        ["FUN"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "09:30",
        "10:30",
        "Pour de la visioconférence à grande échelle avec BigBlueButton",
        ["Nicolas Schont"],
        ["MENJS"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "09:30",
        "10:30",
        "Esup-Pod : la plateforme vidéo de l'enseignement supérieur",
        ["Nicolas Can"],
        ["Esup-Portail"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "10:40",
        "11:40",
        "Capytale : un studio de création pour l'apprentissage de la programmation",
        ["Nicolas Poulain"],
        ["MENJS"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "10:40",
        "11:40",
        "Que la forge soit avec toi ! et L'AMDAC-vador contre-attaque",
        ["Alexis Kauffmann", "Philippe Ajuelos"],
        ["MENJS"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "10:40",
        "11:40",
        "Trajectoire des mobilités numériques ouvertes à Grenoble",
        ["Frederick Petit"],
        ["Grenoble Alpes Métropole"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "11:50",
        "12:50",
        "Portage d'AWX sous Debian : cas d'usage à l'éducation nationale (PHM)",
        ["Stéphane Paillet", "Jérémy Lal"],
        ["MENJS", "Debian"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "11:50",
        "12:50",
        "GROBID : digérer les publications savantes, muscler les communautés scientifiques",
        ["Anne L'Hôte"],
        ["MESR"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "11:50",
        "12:50",
        "GNU Guix, vers la reproductibilité computationnelle",
        ["Simon Tournier"],
        ["MESR"],
        "252B",
        "talk",
    ),
    (D2022, "12:50", "14:00", "Pause déjeuner", [], [], "252B", "break"),
    (
        D2022,
        "14:00",
        "15:00",
        "Catalogue de métadonnées en santé : la dynamique européenne et française",
        ["Lorien Benda"],
        ["Health Data Hub"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "14:00",
        "15:00",
        "Présentation de l'utilisation de Nextcloud aux Arts Décos",
        ["Olivier Bienz"],
        ["Les Arts Décoratifs"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "14:00",
        "15:00",
        "BlueHats Semester Of Code : les contributions des étudiants de CentraleSupélec",
        ["Les BlueHats"],
        ["DINUM", "CentraleSupélec"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "15:10",
        "16:10",
        "Le logiciel libre au sein des agglomérations",
        ["Christophe Hugon"],
        ["Ville de Marseille"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "15:10",
        "16:10",
        "Observatoire de l'accessibilité web, quel constat un an après ?",
        ["Matthieu Faure"],
        ["ADULLACT"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "15:10",
        "16:10",
        "DSI, unissons-nous !",
        ["Nicolas Vivant"],
        ["Ville d’Échirolles"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "16:20",
        "17:20",
        "Ouverture de code de l'orchestrateur DevSevOps Cloud Native au MI",
        ["Eric Tiquet", "Thibault Colin", "Yoann Arthaud"],
        ["DNUM MI"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "16:20",
        "17:20",
        "Le « Dites-le nous une fois » européen et l'open source",
        ["Jonathan J. Attia"],
        ["DINUM", "Etalab"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "16:20",
        "17:20",
        "Démarches simplifiées : un commun numérique pas si commun !",
        ["Philippe Vrignaud"],
        ["DINUM"],
        "252B",
        "talk",
    ),
    (
        D2022,
        "17:30",
        "18:00",
        "Plan d'action logiciels libres et communs numériques : un an plus tard",
        ["pôle logiciels libres", "mission LABEL"],
        ["DINUM"],
        "252B",
        "talk",
    ),
]

D2024 = date(2024, 12, 4)
ADA = "Ada Lovelace"
OSXP_2024 = [
    # The morning demos: no time for each demo, the block's hours from its heading
    # "4/12 de 10h à 12h30 : démos de La Suite".
    (D2024, "10:00", "12:30", "Et vous, ça Tchap ?", ["R. Allouche"], [], ADA, "demo"),
    (
        D2024,
        "10:00",
        "12:30",
        "Grist: the spreadsheet that goes beyond the grid!",
        ["V. Viers", "A. Conception"],
        [],
        ADA,
        "demo",
    ),
    (
        D2024,
        "10:00",
        "12:30",
        "Docs : la prise de notes collaborative qui vous aide à rester concentré sur l'essentiel",
        ["V. Deville"],
        [],
        ADA,
        "demo",
    ),
    (
        D2024,
        "10:00",
        "12:30",
        "Démarches Simplifiées : un commun numérique au service de la "
        "dématérialisation des démarches",
        ["P. Vrignaud"],
        [],
        ADA,
        "demo",
    ),
    (
        D2024,
        "10:00",
        "12:30",
        "OpenDesk & La Suite : how 2 countries contribute to the same digital "
        "common for collaborative work",
        ["S. Paccoud", "A. Smolianiski"],
        [],
        ADA,
        "demo",
    ),
    (
        D2024,
        "10:00",
        "12:30",
        "Building the Next-Gen Visio: How LiveKit and AI Transform Collaboration",
        ["A. Robin"],
        [],
        ADA,
        "demo",
    ),
    (
        D2024,
        "10:00",
        "12:30",
        "ProConnect: Redefining Government Interoperability with SSO",
        ["A. Robin"],
        [],
        ADA,
        "demo",
    ),
    (
        D2024,
        "13:40",
        "14:00",
        "OpenNebula: un hyperviseur alternatif libre, 10 années d'usage au PCLL",
        ["G. Grandgérard", "D. Dehennin"],
        ["PCLL (MENJS)"],
        ADA,
        "talk",
    ),
    (
        D2024,
        "14:00",
        "14:20",
        "De TradEmploi vers TradOpen",
        ["A. Kourlaiev", "E. Disdero", "S. Chaize"],
        ["France Travail"],
        ADA,
        "talk",
    ),
    (
        D2024,
        "14:20",
        "14:40",
        "Grist, votre compagnon open-source pour la donnée et pour réaliser des apps en low-code",
        ["R. Serdoun", "V. Viers"],
        ["ANCT", "DINUM"],
        ADA,
        "talk",
    ),
    (
        D2024,
        "15:00",
        "15:20",
        "Des logiciels libres utiles à tous conçus dans la forge des communs "
        "numériques de apps.education.fr",
        ["A. Kauffmann", "B. Piedallu"],
        ["DNE (MENJS)"],
        ADA,
        "talk",
    ),
    (
        D2024,
        "15:20",
        "15:40",
        "De Lutece à CiteLibre, l'engagement de la Ville de Paris continue",
        ["P. Bareille"],
        ["OSPO de la Ville de Paris"],
        ADA,
        "talk",
    ),
    (
        D2024,
        "15:40",
        "16:00",
        "Usage de la chaîne éditoriale scenari pour produire un document académique",
        ["J.-S. Barboteu"],
        ["DRANE IDF, site de Versailles"],
        ADA,
        "talk",
    ),
    (
        D2024,
        "16:20",
        "17:00",
        "iTowns / Panoramax / cartes.gouv.fr / Géoplateforme / Cartes IGN (mobile)",
        [],
        ["IGN"],
        ADA,
        "talk",
    ),
    (
        D2024,
        "17:00",
        "17:20",
        "Les nouveautés de code.gouv.fr",
        ["B. Guerry"],
        ["code.gouv.fr (DINUM)"],
        ADA,
        "talk",
    ),
]

D2019 = date(2019, 12, 11)
P1, P3 = "PLATEAU 1", "PLATEAU 3"
SUMMIT_2019 = [
    (D2019, "09:00", "09:30", "Accueil", [], [], P1, "other"),
    (D2019, "09:00", "09:30", "Accueil", [], [], P3, "other"),
    (D2019, "09:30", "11:00", "Présentations courtes", [], [], P1, "talk"),
    (
        D2019,
        "09:30",
        "12:30",
        "Un coin « datascience » et un autre « Géo »",
        [],
        [],
        P3,
        "workshop",
    ),
    (D2019, "11:00", "12:30", "Table ouverte sur la souveraineté numérique", [], [], P1, "panel"),
    (D2019, "12:30", "13:30", "Pause repas", [], [], P1, "break"),
    (D2019, "12:30", "13:30", "Pause repas", [], [], P3, "break"),
    (D2019, "13:30", "14:30", "Table ouverte avec les acteurs du Libre", [], [], P1, "panel"),
    (D2019, "13:30", "16:30", "Un coin DEV (back/front) et un autre OPS", [], [], P3, "workshop"),
    (D2019, "14:30", "16:00", "Présentations courtes", [], [], P1, "talk"),
    (D2019, "16:00", "17:00", "Table ouverte sur les communs numériques", [], [], P1, "panel"),
    (D2019, "16:30", "18:00", "Conclusions", [], [], P3, "other"),
    (D2019, "17:00", "18:00", "Conclusions", [], [], P1, "other"),
]


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("000_e68f776c91cd8b0e.txt", OSXP_2023),
        ("002_8a05a9ab32e6ec5a.txt", OSXP_2022),
        ("003_8c8e5e0df82fe57d.txt", OSXP_2024),
        ("004_5b5c8c9ef45a9dec.txt", SUMMIT_2019),
    ],
)
def test_every_session_of_each_seed_page(name: str, rows: list[tuple]) -> None:
    assert rows_of(DATA / name) == expected(rows)


def test_the_page_under_construction_is_an_event_with_no_sessions() -> None:
    events, problems, _ = load_file(SUPERSEDED_2023)
    assert problems == []
    (event,) = events
    assert (event.start, event.end, event.sessions) == (D2023_1, D2023_2, ())


def test_event_fields_from_both_front_matter_styles() -> None:
    (summit,), _, _ = load_file(DATA / "004_5b5c8c9ef45a9dec.txt")
    assert (summit.start, summit.end) == (D2019, D2019)
    assert summit.venue == "Paris Open Source Summit au dock Pullmann"
    assert summit.address == "87, avenue des magasins généraux, 93300 Aubervilliers"
    assert [(i.label, i.text) for i in summit.info] == [
        ("Horaires", "de 9h00 à 18h00"),
        ("Modalités", "Inscription obligatoire"),
    ]
    assert summit.registration_url.startswith("https://framaforms.org/participation-a-levenement")
    # The plain style: days found in the description, "les 4 et 5 décembre 2024".
    (osxp,), _, _ = load_file(DATA / "003_8c8e5e0df82fe57d.txt")
    assert (osxp.start, osxp.end) == (date(2024, 12, 4), date(2024, 12, 5))
    assert osxp.registration_url.startswith(
        "https://www.opensource-experience.com/creer-mon-badge/"
    )


def test_links_in_titles_keep_their_urls() -> None:
    (event,), _, _ = load_file(DATA / "002_8a05a9ab32e6ec5a.txt")
    jitsi = event.sessions[0]
    assert (jitsi.links[0].text, jitsi.links[1].text) == ("Jitsi", "FUN")
    assert jitsi.links[0].url.startswith("https://www.centralesupelec.fr/fr/jitsi-box")


def test_all_of_data_gives_four_events_and_no_problem() -> None:
    programme = load_paths([DATA])
    assert [(e.start, len(e.sessions)) for e in programme.events] == [
        (D2019, 13),
        (D2022, 20),
        (D2023_1, 24),
        (D2024, 15),
    ]
    assert programme.problems == ()


def test_two_versions_of_the_2023_page_merge_into_the_fuller_one() -> None:
    programme = load_paths([DATA, SUPERSEDED_2023])
    assert [len(e.sessions) for e in programme.events] == [13, 20, 24, 15]
    (merge,) = programme.problems
    assert merge.severity == "warning" and "2 versions" in merge.message
    osxp_2024 = programme.events[-1]
    assert osxp_2024.venue == "Palais des congrès de Paris"  # from bot/data/osxp-2024-infos.yaml
    assert osxp_2024.address == "2 Place de la Porte Maillot, 75017 Paris"


def test_session_ids_are_unique_and_stable() -> None:
    first, second = load_paths([DATA]), load_paths([DATA])
    ids = [s.id for s in first.sessions]
    assert len(ids) == len(set(ids)) == 72
    assert ids == [s.id for s in second.sessions]
