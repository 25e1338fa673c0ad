"""The seed vocabularies, loaded by data migrations so every installation starts with them."""

CATEGORIES = [
    ("kinder-jugend", "Kinder & Jugend"),
    ("senioren", "Senior:innen"),
    ("sport", "Sport & Bewegung"),
    ("kultur", "Kultur & Musik"),
    ("umwelt-natur", "Umwelt & Natur"),
    ("soziales", "Soziales"),
    ("flucht-integration", "Flucht & Integration"),
    ("bildung", "Bildung"),
    ("gesundheit-pflege", "Gesundheit & Pflege"),
    ("tierschutz", "Tierschutz"),
    ("rettung", "Rettung & Katastrophenschutz"),
    ("nachbarschaftshilfe", "Nachbarschaftshilfe"),
]

ACTIVITIES = [
    ("begleiten", "Begleiten & Besuchen"),
    ("betreuen", "Betreuen"),
    ("unterrichten", "Lernen & Unterrichten"),
    ("organisieren", "Organisieren & Planen"),
    ("handwerk", "Handwerk & Reparieren"),
    ("fahrdienst", "Fahren & Transport"),
    ("beraten", "Beraten"),
    ("oeffentlichkeitsarbeit", "Öffentlichkeitsarbeit & Medien"),
    ("digitales", "Digitales & IT"),
    ("kochen", "Kochen & Bewirten"),
    ("uebersetzen", "Übersetzen & Dolmetschen"),
    ("sport-anleiten", "Sport anleiten"),
    ("gaertnern", "Gärtnern & Pflegen"),
    ("verwaltung", "Verwaltung & Finanzen"),
]

TARGET_GROUPS = [
    ("kinder", "Kinder"),
    ("jugendliche", "Jugendliche"),
    ("familien", "Familien"),
    ("senioren", "Senior:innen"),
    ("menschen-mit-behinderung", "Menschen mit Behinderung"),
    ("gefluechtete", "Geflüchtete"),
    ("kranke", "Kranke & Pflegebedürftige"),
    ("tiere", "Tiere"),
    ("alle", "Alle"),
]

SUITABILITIES = [
    ("familien", "Familien"),
    ("menschen-mit-behinderung", "Menschen mit Behinderung"),
    ("einsteiger", "Einsteiger:innen"),
    ("jugendliche", "Jugendliche ab 14"),
    ("senioren", "Ältere Menschen"),
    ("gruppen", "Gruppen & Firmenteams"),
]

# English names of the seed terms (by German name), used under /en/; administrators edit them in the admin.
ENGLISH_NAMES = {
    "Kinder & Jugend": "Children & young people",
    "Senior:innen": "Older people",
    "Sport & Bewegung": "Sport & exercise",
    "Kultur & Musik": "Culture & music",
    "Umwelt & Natur": "Environment & nature",
    "Soziales": "Social welfare",
    "Flucht & Integration": "Refugees & integration",
    "Bildung": "Education",
    "Gesundheit & Pflege": "Health & care",
    "Tierschutz": "Animal welfare",
    "Rettung & Katastrophenschutz": "Rescue & disaster relief",
    "Nachbarschaftshilfe": "Neighbourly help",
    "Begleiten & Besuchen": "Accompanying & visiting",
    "Betreuen": "Looking after people",
    "Lernen & Unterrichten": "Learning & teaching",
    "Organisieren & Planen": "Organising & planning",
    "Handwerk & Reparieren": "Crafts & repairs",
    "Fahren & Transport": "Driving & transport",
    "Beraten": "Advising",
    "Öffentlichkeitsarbeit & Medien": "Public relations & media",
    "Digitales & IT": "Digital & IT",
    "Kochen & Bewirten": "Cooking & catering",
    "Übersetzen & Dolmetschen": "Translating & interpreting",
    "Sport anleiten": "Coaching sport",
    "Gärtnern & Pflegen": "Gardening & upkeep",
    "Verwaltung & Finanzen": "Administration & finance",
    "Kinder": "Children",
    "Jugendliche": "Young people",
    "Familien": "Families",
    "Menschen mit Behinderung": "People with disabilities",
    "Geflüchtete": "Refugees",
    "Kranke & Pflegebedürftige": "The sick & people in need of care",
    "Tiere": "Animals",
    "Alle": "Everyone",
    "Einsteiger:innen": "Newcomers",
    "Jugendliche ab 14": "Young people from 14",
    "Ältere Menschen": "Older people",
    "Gruppen & Firmenteams": "Groups & company teams",
}

VOCABULARIES = {
    "Category": CATEGORIES,
    "Activity": ACTIVITIES,
    "TargetGroup": TARGET_GROUPS,
    "Suitability": SUITABILITIES,
}
