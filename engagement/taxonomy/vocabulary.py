"""The seed vocabularies, loaded by a data migration so every installation starts with them."""

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

VOCABULARIES = {
    "Category": CATEGORIES,
    "Activity": ACTIVITIES,
    "TargetGroup": TARGET_GROUPS,
    "Suitability": SUITABILITIES,
}
