"""The words the grammar knows, by what they signal. Folded (no accents, lower case).

Each set is a cue: a message containing one of its words asks for that thing. Words
that only carry the question ('qui', 'quoi', 'the', 'is') are FILLER: what is left once
cues, slots and filler are taken out is the subject (a topic, a person, an organisation).
"""

from __future__ import annotations

from bot.understanding.time_words import MONTHS, PARTS, TODAY, TOMORROW, WEEKDAYS


def _w(text: str) -> list[str]:
    """The words of `text`: lexicons read better as one string than as a list."""
    return text.split()


GREETINGS = frozenset(_w("bonjour salut coucou bonsoir hello hi hey hallo yo bjr"))
THANKS = frozenset(
    _w("merci thanks thank cimer super genial parfait top cool nickel cheers bye goodbye revoir")
)
HELP = frozenset(_w("aide aider aidez help commandes commands commande command assist"))
HELP_WORDS = (frozenset(("coup", "main")), frozenset(("give", "hand")),
              frozenset(("mode", "emploi")))
"""« tu peux me donner un coup de main ? », 'can you give me a hand?': help."""
ABILITY = frozenset(_w("sais peux faire fais do can capable"))
"""'tu sais faire quoi', 'what can you do': with no subject, a help request."""
REMIND = frozenset(
    _w(
        "rappel rappels rappeler rappelle rappelles remind reminder reminders notifier "
        "notification previens prevenir prevenez rappelez avertir avertis avertissez alerte "
        "alert"
    )
)
MINE = frozenset(_w("mes my"))
"""With a reminder word and no subject, the reminders one has: « mes rappels », 'my
reminders'."""
GREETING_PAIRS = (("good", "morning"), ("good", "afternoon"), ("good", "evening"))
"""'Good morning!': a greeting, not the morning's programme."""
FAREWELL_PAIRS = (("bonne", "journee"), ("bonne", "soiree"), ("bonne", "fin"), ("have", "nice"))
"""« Bonne journée ! »: a goodbye, answered as thanks are."""
SMALL_TALK = (("ca", "va"), ("are", "you"), ("vas", "tu"), ("allez", "vous"))
"""« ça va ? », 'how are you?': a greeting, not the way to the venue."""
HOW = frozenset(_w("comment how faut fait faire marche"))

NOW = frozenset(_w("maintenant actuellement now currently ongoing"))
NOW_PAIRS = (("en", "cours"), ("ce", "moment"), ("right", "now"), ("la", "maintenant"))
NEXT = frozenset(
    _w(
        "prochain prochaine prochains prochaines suivant suivante suivants suivantes ensuite "
        "apres reste restent next upcoming later left remaining"
    )
)
NEXT_PAIRS = (("a", "suivre"), ("coming", "up"), ("after", "that"))
AFTER = frozenset(_w("apres after"))
"""With a subject, what follows it: « et après le talk sur Grist ? »."""
PLURAL_NEXT = frozenset(_w("prochains prochaines suivants suivantes"))
EVENTS = frozenset(_w("evenement evenements event events edition editions salon salons"))
PROGRAMME = frozenset(_w("programme program schedule agenda planning"))
WHAT_IS_ON = frozenset(_w("quoi what passe happening happens happen going"))
"""'il y a quoi', 'what's on', 'il se passe quoi': with no subject, the programme."""
BREAKS = frozenset(_w("pause pauses dejeuner dej repas cafe lunch break breaks coffee manger"))
START = frozenset(
    _w(
        "premier premiere first "
        "commence commencent commencer debut debute debutent demarre demarrent ouvre "
        "ouverture start starts begin begins"
    )
)
NAMED_SESSIONS = frozenset(_w("ouverture opening"))
"""Cue words that also name a session: « qui fait l'ouverture ? » asks who opens."""
END = frozenset(
    _w(
        "dernier derniere last jusqu until till "
        "fini finit finissent termine terminent fin finish finishes ends end close closes "
        "ferme fermeture"
    )
)
COUNT = frozenset(_w("combien nombre many number"))
"""'y a combien de talks ?': how many sessions ('combien d'événements' lists the events)."""
TALKS = frozenset(_w("talk conference presentation expose exposes lecture lectures"))
"""Words that name talks, as `tokens` leaves them: 'how many talks?' counts the talks, not
the doors opening, the breaks and the Q&As (elsewhere, 'talks' asks for any session)."""
MATERIALS = frozenset(
    _w(
        "replay replays rediffusion rediffusions enregistrement enregistrements enregistre "
        "enregistree video videos slides slide diapo diapos diaporama diaporamas supports "
        "recording recordings recorded captation"
    )
)
"""'y a un replay ?', 'les slides du talk sur Grist': what sessions left online (and
'revoir', unless it is « au revoir »)."""
SPEAKS = frozenset(_w("qui who parle parlent speaks speak speaking"))
"""'qui parle de vidéo ?' asks for a topic, not for recordings."""
SPEAKER_NOUNS = frozenset(_w(
    "intervenant intervenants intervenante intervenantes speaker speakers orateur orateurs "
    "oratrice oratrices conferencier conferenciers conferenciere conferencieres panelistes "
    "panelists presenters presentateurs presentatrices"))
"""« qui sont les intervenants ? », 'who are the speakers?': the persons of a programme."""
WHO_SPEAKS_PAIRS = (("qui", "intervient"), ("qui", "interviennent"), ("qui", "parle"),
                    ("qui", "parlent"), ("qui", "presente"), ("qui", "presentent"),
                    ("who", "speaks"), ("is", "speaking"), ("are", "speaking"),
                    ("s", "speaking"), ("who", "presents"))
"""« qui intervient demain ? », 'who is speaking on Friday?', with no subject."""
ABOUT_SESSIONS = SPEAKS | frozenset(
    _w(
        "talk conference presentation session intervention expose atelier workshop demo sujet "
        "sujets theme themes intervenant intervenants speaker speakers"
    )
)
"""Words that ask for sessions or speakers, as `tokens` leaves them ('confs', 'talks',
'ateliers' come respelled as 'conference', 'talk', 'atelier')."""
HOSTS = frozenset(_w("anime animent animera animer teach teaches teaching host hosts hosting "
                    "moderate moderates modere moderent"))
"""Verbs of who leads a session: « qui anime la table ronde ? », 'what does X teach?'."""
ASKS_SESSIONS = (ABOUT_SESSIONS - {"qui", "who"}) | HOSTS | frozenset(
    _w("chose choses truc trucs something anything qqch quelque parle parlent parler speaks "
       "present presente presentent presents track devroom")
)
"""Words of a question about sessions (« des trucs sur … », 'anything on …'): a search that
finds nothing says nobody speaks of it, where another question gets what the bot does."""
OFF_PROGRAMME = frozenset(
    _w("meteo weather forecast pluie pleut rain soleil restaurant restaurants recette recettes "
       "recipe recipes blague blagues joke jokes")
)
OFF_PROGRAMME_PAIRS = (("quel", "temps"), ("fait", "beau"), ("fait", "froid"), ("fait", "chaud"))
"""Questions about something else entirely (« il fait quel temps ? », 'a good restaurant?'):
what the bot answers about, not a search."""
CAN = frozenset(_w("peut peux pourra pourrai possible disponible can could available"))
ASKING_THE_BOT = (("tu", "peux"), ("peux", "tu"), ("pouvez", "vous"), ("vous", "pouvez"),
                  ("can", "you"), ("could", "you"))
"""« tu peux me réserver un taxi ? », 'can you book me a cab?': the bot asked to do
something, not whether the event allows it (« on peut manger sur place ? »)."""
THERE_IS_PAIRS = (("y", "a"), ("is", "there"), ("are", "there"))
"""With no word asking for sessions, 'y a du wifi ?', 'on peut manger sur place ?', 'is
there a cloakroom?' are practical questions the event's information may answer."""
WHEN = frozenset(_w("quand when heure heures time date dates"))
WHEN_PAIRS = (("quel", "jour"), ("quels", "jours"), ("what", "day"), ("which", "day"))

FACETS: dict[str, frozenset[str]] = {
    "price": frozenset(
        _w(
            "gratuit gratuite payant payante payer paye prix tarif tarifs cout coute free price "
            "cost costs charge fee fees "
            "paid ticket billet"
        )
    ),
    "registration": frozenset(
        _w(
            "inscrire inscription inscriptions inscrit inscris badge register registration signup "
            "enregistrer sign"
        )
    ),
    "contact": frozenset(
        _w(
            "contact contacter mail email joindre ecrire organisateur organisateurs organisers "
            "organise organisee organisent organize organizes organizer organizers organising "
            "organizing organises organisatrice organisatrices"
        )
    ),
    "hours": frozenset(
        _w("horaires horaire ouverture ouvert ouverte ouvre opening hours dure durent duree")
    ),
    "stand": frozenset(_w("stand stands booth")),
    "rooms": frozenset(_w("salle salles room rooms")),
    "access": frozenset(
        _w(
            "acces access metro rer bus transport transports aller venir rendre itineraire "
            "directions"
        )
    ),
    "venue": frozenset(_w("ou where lieu adresse address venue endroit located etage floor")),
    "online": frozenset(_w("distance remote remotely online streaming retransmis retransmise "
                           "retransmission livestream presentiel hybride hybrid")),
    "website": frozenset(_w("site website web url")),
    "audience": frozenset(_w("public audience cible destine destinee intended")),
}
"""Practical questions, answered from the event's information and text."""
AUDIENCE_WORDS = frozenset(("who", "for"))
AUDIENCE_PAIRS = (("pour", "qui"),)
"""'who is it for?', « c'est pour qui ? »: the audience, not a person."""
NOT_FACET_PAIRS = (("stand", "for"), ("stands", "for"))
"""'what does FAIR stand for?' asks what a name means, not for a stand."""
PRICE_PAIRS = (("c", "combien"), ("est", "combien"), ("ca", "coute"), ("how", "much"))
"""« c'est combien ? », 'how much?': the price, not a count."""
ONLINE_PAIRS = (("en", "ligne"), ("in", "person"), ("en", "visio"))
"""« on peut suivre en ligne ? », « c'est en visio ? », 'is it in person?': whether it is
online or on site (« des confs sur la visio ? » asks for a topic)."""
KINDS = {
    "demo": "demo", "demonstration": "demo", "demonstrations": "demo",
    "atelier": "workshop", "workshop": "workshop", "tp": "workshop", "tutorial": "workshop",
    "tutorials": "workshop", "tutoriel": "workshop", "tutoriels": "workshop",
    "table": "panel", "ronde": "panel", "panel": "panel", "panels": "panel", "debat": "panel",
    "debats": "panel",
    "keynote": "keynote", "keynotes": "keynote", "pleniere": "keynote", "plenieres": "keynote",
    "plenary": "keynote", "plenaries": "keynote",
    "lightning": "lightning", "eclair": "lightning", "eclairs": "lightning",
    "bof": "bof", "bofs": "bof",
}
"""Words naming a kind of session (bot.programme.model.KINDS), in both languages: « les
présentations éclair » are the lightning talks, « plénières » the keynotes."""
PAST = frozenset(
    _w(
        "loupe loupes loupee loupees rate rates ratee ratees manque manques manquee manquees "
        "missed miss"
    )
)
"""« j'ai loupé quoi ? », 'what did I miss?': what has already ended."""
AUXILIARY = (("j", "ai"), ("t", "as"))
"""« j'ai loupé quoi ? »: 'ai' after « j' » is a verb, not the topic AI."""
FOLLOW_UP = frozenset(_w("et and sinon plutot instead also aussi puis then"))
"""Words that start a follow-up: « et demain ? », 'and in room B?'."""
FOLLOW_UP_SMALL = FOLLOW_UP | frozenset(
    _w("a au aux en dans le la les l d de du des pour sur in at on the for of to about ce cet "
       "cette this what how")
)
"""Words a follow-up may hold beside its slots (« l'après-midi ? », 'what about Friday?')."""
TRACK_CUES = frozenset(_w("devroom devrooms track tracks filiere filieres parcours thematique"))
"""Words that name a track (a schedule's devroom, a page's parcours) next to its name."""
STOPWORDS = frozenset(_w("de du des d la le les l a au aux en et of the and for"))
"""Small words a subject keeps between its words ('ville de paris', 'forge des communs')."""
GENERIC = frozenset(
    _w(
        "journee journees jour jours day days intervenant intervenants intervenante "
        "intervenantes speaker speakers orateur oratrice personne personnes gens people person "
        "talk conference presentation session intervention expose sujet sujets theme themes "
        "chose choses truc trucs quelque something anything thing things"
    )
)

FILLER = frozenset(
    _w(
        "qui quoi que qu quel quelle quels quelles quand comment combien pourquoi lequel "
        "laquelle est c ce ca cela ceci il ils elle elles on y a as avoir sont etait "
        "etaient sera seront se s t m n l d j le la les un une des du de au aux en et ou sur "
        "pour par avec dans chez vers cet cette ces ceux celui celle je tu vous nous me moi "
        "te toi lui leur mon ma mes ton ta tes votre vos notre nos parle parlent parler "
        "parlera parlait parleront presente presentent presenter presentera presentait "
        "intervient interviennent intervenir interviendra passe passent passer passera voir "
        "vois savoir sais dire dis donne donner montre montrer liste lister cherche chercher "
        "trouve trouver connais connait faut fait veux voudrais aimerais peux pourrais bot "
        "robot svp please merci stp hein alors donc bien bon ok okay euh ben bah ya il-y-a "
        "quoi-de-neuf neuf tout tous toute toutes autre autres encore aussi deja oui non pas "
        "beaucoup bcp much very lot get vient viennent viens venu venus sans quelqu "
        "required needed necessary mandatory obligatoire obligatoires besoin need pourriez "
        "pouvez pourrait peut pouvons savez sauriez dites indiquer connaitre souhaite "
        "souhaiterais aborde abordes abordees traite traites complet complete entier full "
        "whole juste exactement temps numero num one ones up go goes past passes anciens long "
        "avait avaient eu ete happened doing running giving taking part avons avez "
        "anime animent animera animer teach teaches teaching host hosts hosting moderate "
        "moderates modere moderent "
        "reunit reunissent reunira retrouve retrouvent retrouvera tient tiennent tiendra meet "
        "meets "
        "ont total attend attending participer participe assister all everyone everybody folks "
        "have has had suivre suit follow watch regarder "
        "good bonne "
        "previous precedents "
        "ne plus rien va vais allez avant what who whom whose when where which how is are was "
        "were be been will would do does did the a an of or on in at to for by with about from "
        "this that these those there here it its s me my i you your we our us they them he "
        "she his her speaks speak speaking talks talking talk presents presenting present "
        "give gives giving gave hold holds holding tell show list find any some can could "
        "please thanks is-there"
    )
)

ENGLISH = frozenset(
    _w(
        "what who whom when where which how is are was were the of on in at to for by with "
        "about speaks speak speaking talks talking presents presenting tomorrow today tonight "
        "yesterday morning afternoon evening next now right program schedule hello hi hey "
        "thanks thank you free do does did get there room rooms lunch break breaks coffee start "
        "starts begin begins end ends help can anything something upcoming currently happening "
        "it please tell me show register registration price cost address venue booth tell whats "
        "opening hours any there talk by lot cheers bye goodbye fee events event past miss "
        "missed sessions session keynotes keynote lightning recordings recording slides "
        "workshops meetings meeting track tracks devroom devrooms and or much many i my we "
        "our your go going doing will would should could have has had this that these those "
        "monday tuesday wednesday thursday friday saturday sunday january february march "
        "april june july august september october november december"
    )
)
FRENCH = frozenset(
    _w(
        "qui quoi quel quelle quels quelles quand ou est c ce ca le la les de du des il elle "
        "y a demain aujourdhui aujourd maintenant prochain prochaine prochains prochaines "
        "bonjour salut merci gratuit salle parle presente intervient pause dejeuner commence "
        "fini aide sur pour une un et en je tu on vous faire sais quelque chose conference "
        "comment va apresmidi matin soir programme lieu adresse inscrire inscription horaires "
        "passe coucou bonsoir moment cours suivre ensuite lundi mardi mercredi jeudi vendredi "
        "samedi dimanche qu hier loupe rate manque ai avait etait ateliers atelier plenieres "
        "eclair salles intervenants intervenant mes rappel rappels combien "
        "janvier fevrier avril juin juillet aout septembre octobre novembre decembre "
        "truc trucs dans avec sans mais donc alors aussi encore tout tous toutes"
    )
)

VOCABULARY = frozenset(
    GREETINGS
    | THANKS
    | HELP
    | REMIND
    | NOW
    | NEXT
    | EVENTS
    | PROGRAMME
    | BREAKS
    | START
    | END
    | MATERIALS
    | OFF_PROGRAMME
    | set().union(*FACETS.values())
    | set(KINDS)
    | GENERIC
    | TODAY
    | TOMORROW
    | set(PARTS)
    | {w for w in WEEKDAYS if len(w) > 3}
    | {m for m in MONTHS if len(m) > 4}
    | {"maintenant", "conference", "presentation", "intervient", "interventions"}
)
"""Words a typo is corrected towards (only those: a name in the programme stays as typed)."""
