"""Fictional demo content for ``manage.py load_demo``.

Three cities, their organisations and engagement opportunities. All names, addresses, phone numbers and
e-mail addresses are invented. Every date is given in days relative to the day of loading (negative numbers
lie in the past), so a freshly loaded demo always looks current.
"""

CITIES = [
    {
        "slug": "baden-baden",
        "name": "Baden-Baden",
        "postcodes": ["76530", "76532", "76534"],
        "intro": (
            "Willkommen bei Engagement vernetzt Baden-Baden! Hier finden Sie Vereine, Initiativen und "
            "Einrichtungen, die Unterstützung suchen – von Lichtental bis Sandweier. Schauen Sie sich um: "
            "Vielleicht passt schon eine Stunde pro Woche zu Ihnen."
        ),
        "contact_name": "Dorothee Rheinländer",
        "contact_role": "Ehrenamtsbeauftragte der Stadt Baden-Baden",
        "contact_phone": "07221 0815-100",
        "contact_email": "ehrenamt@baden-baden.example.org",
        "accent_color": "#7a1f2b",
    },
    {
        "slug": "bretten",
        "name": "Bretten",
        "postcodes": ["75015"],
        "intro": (
            "Schön, dass Sie da sind! In Bretten und in allen Stadtteilen packen viele Menschen mit an. Hier "
            "sehen Sie, wo gerade Hilfe gebraucht wird – einmalig, regelmäßig oder ganz flexibel."
        ),
        "contact_name": "Matthias Kollmer",
        "contact_role": "Ehrenamtsbeauftragter der Stadt Bretten",
        "contact_phone": "07252 0815-100",
        "contact_email": "ehrenamt@bretten.example.org",
        "accent_color": "#0b5394",
    },
    {
        "slug": "ettlingen",
        "name": "Ettlingen",
        "postcodes": ["76275"],
        "intro": (
            "Herzlich willkommen bei Engagement vernetzt Ettlingen! Ob in der Kernstadt, in Bruchhausen oder "
            "in Schöllbronn: Hier finden Sie Angebote, bei denen Sie mitmachen können. Bei Fragen helfen wir "
            "Ihnen gern weiter."
        ),
        "contact_name": "Selin Aydoğan",
        "contact_role": "Ehrenamtsbeauftragte der Stadt Ettlingen",
        "contact_phone": "07243 0815-100",
        "contact_email": "ehrenamt@ettlingen.example.org",
        "accent_color": "#1e5631",
    },
]

ORGANISATIONS = [
    {
        "key": "bb-tafel",
        "name": "Gemeinsam satt Baden-Baden e.V.",
        "city": "baden-baden",
        "kind": "verein",
        "description": (
            "Wir retten Lebensmittel, die sonst im Müll landen würden. Jede Woche holen wir Brot, Obst und "
            "Gemüse bei Geschäften ab. In unserem Laden in der Weststadt geben wir alles günstig an Menschen "
            "mit wenig Geld weiter. Dazu gehört auch eine kleine Kleiderkammer. Bei uns helfen über 60 "
            "Freiwillige mit."
        ),
        "website": "https://gemeinsam-satt-baden-baden.example.org",
        "email": "kontakt@gemeinsam-satt-baden-baden.example.org",
        "phone": "07221 0815-210",
        "street": "Rheinstraße 120",
        "postcode": "76532",
        "place": "Baden-Baden-Weststadt",
        "verification_state": "verified",
    },
    {
        "key": "bb-nachbarn",
        "name": "Nachbarschaftsnetz Lichtental & Geroldsau",
        "city": "baden-baden",
        "kind": "initiative",
        "description": (
            "Wir sind Nachbarinnen und Nachbarn, die sich gegenseitig helfen. Wir kaufen ein, besuchen "
            "ältere Menschen und reparieren gemeinsam kaputte Dinge. Niemand soll im Stadtteil allein "
            "bleiben. Jede und jeder kann mitmachen – auch mit wenig Zeit."
        ),
        "website": "https://nachbarnetz-lichtental.example.org",
        "email": "hallo@nachbarnetz-lichtental.example.org",
        "phone": "07221 0815-220",
        "street": "Hauptstraße 48",
        "postcode": "76534",
        "place": "Baden-Baden-Lichtental",
        "verification_state": "verified",
    },
    {
        "key": "bb-kultur",
        "name": "Kulturkreis Lichtentaler Allee e.V.",
        "city": "baden-baden",
        "kind": "verein",
        "description": (
            "Wir holen Musik, Lesungen und kleine Ausstellungen in die Stadt. Unsere Veranstaltungen sollen "
            "für alle offen sein, auch für Menschen mit wenig Geld. Dafür brauchen wir Menschen, die Gäste "
            "begrüßen, Stühle stellen und mit anpacken. Ohne unsere Freiwilligen gäbe es kein einziges "
            "Konzert."
        ),
        "website": "https://kulturkreis-allee.example.org",
        "email": "info@kulturkreis-allee.example.org",
        "phone": "07221 0815-230",
        "street": "Sophienstraße 17",
        "postcode": "76530",
        "place": "Baden-Baden",
        "verification_state": "verified",
    },
    {
        "key": "bb-familien",
        "name": "Familien- und Begegnungszentrum Oosaue",
        "city": "baden-baden",
        "kind": "social_institution",
        "description": (
            "Das Familienzentrum ist ein offener Treffpunkt für Familien aus Oos und der Weststadt. Es gibt "
            "Elternkurse, Spielgruppen, ein Sprachcafé und Hilfe bei den Hausaufgaben. Hauptamtliche und "
            "Freiwillige arbeiten hier Hand in Hand. Alle Angebote sind kostenlos."
        ),
        "website": "https://fbz-oosaue.example.org",
        "email": "team@fbz-oosaue.example.org",
        "phone": "07221 0815-240",
        "street": "Sinzheimer Straße 34",
        "postcode": "76532",
        "place": "Baden-Baden-Oos",
        "verification_state": "verified",
    },
    {
        "key": "bb-rebhang",
        "name": "Stiftung Rebhänge Neuweier",
        "city": "baden-baden",
        "kind": "foundation",
        "description": (
            "Die Stiftung kümmert sich um alte Weinberg-Terrassen und Trockenmauern rund um Neuweier. Dort "
            "leben seltene Eidechsen, Schmetterlinge und Wildkräuter. Wir wollen diese Landschaft erhalten "
            "und planen Arbeitseinsätze mit Freiwilligen."
        ),
        "website": "https://rebhaenge-neuweier.example.org",
        "email": "stiftung@rebhaenge-neuweier.example.org",
        "phone": "07221 0815-250",
        "street": "Mauerbergstraße 9",
        "postcode": "76534",
        "place": "Baden-Baden-Neuweier",
        "verification_state": "pending",
    },
    {
        "key": "bb-boerse",
        "name": "Hilfebörse Weststadt",
        "city": "baden-baden",
        "kind": "initiative",
        "description": (
            "Die Hilfebörse bringt Menschen zusammen, die Hilfe brauchen, und Menschen, die Hilfe geben "
            "möchten. Es geht um kleine Dinge im Alltag: eine Lampe anbringen, einen Brief lesen, den Hund "
            "ausführen. Wir treffen uns einmal im Monat im Stadtteil."
        ),
        "website": "",
        "email": "info@hilfeboerse-weststadt.example.org",
        "phone": "07221 0815-260",
        "street": "Rheinstraße 58",
        "postcode": "76532",
        "place": "Baden-Baden-Weststadt",
        "verification_state": "suspended",
    },
    {
        "key": "br-rettung",
        "name": "Rettungsverein Saalbachtal e.V.",
        "city": "bretten",
        "kind": "verein",
        "description": (
            "Wir sind da, wenn es ernst wird: bei Unfällen, bei Unwetter und bei großen Festen. Unsere "
            "Mitglieder machen Sanitätsdienste, üben den Katastrophenschutz und geben Erste-Hilfe-Kurse. In "
            "der Jugendrettungsgruppe lernen Kinder und Jugendliche, wie man anderen hilft. Wir freuen uns "
            "über jede helfende Hand – mit und ohne Vorkenntnisse."
        ),
        "website": "https://rettungsverein-saalbachtal.example.org",
        "email": "kontakt@rettungsverein-saalbachtal.example.org",
        "phone": "07252 0815-310",
        "street": "Weißhofer Straße 60",
        "postcode": "75015",
        "place": "Bretten",
        "verification_state": "verified",
    },
    {
        "key": "br-laden",
        "name": "Ökumenisches Ladencafé Brückenschlag",
        "city": "bretten",
        "kind": "church",
        "description": (
            "Das Ladencafé ist ein Projekt der evangelischen und katholischen Gemeinden in Bretten. Hier "
            "gibt es günstige Lebensmittel, einen warmen Mittagstisch und Kleidung für Kinder. Im Café "
            "kommen Menschen ins Gespräch, die sich sonst nie treffen würden. Wir helfen auch geflüchteten "
            "Familien beim Ankommen."
        ),
        "website": "https://brueckenschlag-bretten.example.org",
        "email": "laden@brueckenschlag-bretten.example.org",
        "phone": "07252 0815-320",
        "street": "Pforzheimer Straße 31",
        "postcode": "75015",
        "place": "Bretten",
        "verification_state": "verified",
    },
    {
        "key": "br-tiere",
        "name": "Pfotenhof Bretten-Rinklingen e.V.",
        "city": "bretten",
        "kind": "verein",
        "description": (
            "Der Pfotenhof ist ein kleines Tierheim am Ortsrand von Rinklingen. Wir versorgen Hunde, Katzen "
            "und Kleintiere, die kein Zuhause mehr haben. Unser Ziel ist, für jedes Tier eine neue Familie "
            "zu finden. Bis dahin brauchen die Tiere viel Zuwendung – und dafür brauchen wir Sie."
        ),
        "website": "https://pfotenhof-bretten.example.org",
        "email": "gassi@pfotenhof-bretten.example.org",
        "phone": "07252 0815-330",
        "street": "Talweg 12",
        "postcode": "75015",
        "place": "Bretten-Rinklingen",
        "verification_state": "verified",
    },
    {
        "key": "br-senioren",
        "name": "Seniorenbüro der Stadt Bretten",
        "city": "bretten",
        "kind": "public_body",
        "description": (
            "Das Seniorenbüro ist die Anlaufstelle für ältere Menschen und ihre Angehörigen in Bretten. Wir "
            "beraten, vermitteln Hilfen und organisieren Treffen, Ausflüge und Bewegungsangebote. Viele "
            "unserer Angebote gibt es nur, weil Freiwillige sie möglich machen."
        ),
        "website": "https://seniorenbuero.bretten.example.org",
        "email": "seniorenbuero@bretten.example.org",
        "phone": "07252 0815-340",
        "street": "Melanchthonstraße 3",
        "postcode": "75015",
        "place": "Bretten",
        "verification_state": "verified",
    },
    {
        "key": "br-streuobst",
        "name": "Streuobstfreunde Diedelsheim",
        "city": "bretten",
        "kind": "initiative",
        "description": (
            "Wir sind eine kleine Gruppe, die alte Obstwiesen rund um Diedelsheim pflegt. Wir schneiden "
            "Bäume, mähen die Wiesen und ernten im Herbst gemeinsam. Aus den Äpfeln pressen wir Saft für "
            "alle, die mitgeholfen haben."
        ),
        "website": "",
        "email": "obstwiese@streuobst-diedelsheim.example.org",
        "phone": "07252 0815-350",
        "street": "Schulstraße 5",
        "postcode": "75015",
        "place": "Bretten-Diedelsheim",
        "verification_state": "pending",
    },
    {
        "key": "br-musik",
        "name": "Stiftung Junge Musik Kraichgau",
        "city": "bretten",
        "kind": "foundation",
        "description": (
            "Die Stiftung fördert junge Musikerinnen und Musiker aus Bretten und Umgebung. Sie vergibt "
            "kleine Stipendien für Instrumente und Unterricht. Einmal im Jahr organisiert sie ein Konzert, "
            "bei dem die Jugendlichen auftreten."
        ),
        "website": "https://junge-musik-kraichgau.example.org",
        "email": "stiftung@junge-musik-kraichgau.example.org",
        "phone": "07252 0815-360",
        "street": "Sporgasse 2",
        "postcode": "75015",
        "place": "Bretten",
        "verification_state": "suspended",
    },
    {
        "key": "et-sport",
        "name": "Sportfreunde Albaue Ettlingen e.V.",
        "city": "ettlingen",
        "kind": "verein",
        "description": (
            "Wir sind ein Sportverein für alle Generationen mit Turnen, Laufen, Schwimmen und Ballsport. Bei "
            "uns trainieren Kinder ab drei Jahren genauso wie Menschen über 80. Auch Menschen mit "
            "Behinderung sind in vielen Gruppen dabei. Ohne ehrenamtliche Trainer:innen und Helfer:innen "
            "ginge das nicht."
        ),
        "website": "https://sf-albaue.example.org",
        "email": "info@sf-albaue.example.org",
        "phone": "07243 0815-410",
        "street": "Rastatter Straße 80",
        "postcode": "76275",
        "place": "Ettlingen",
        "verification_state": "verified",
    },
    {
        "key": "et-kirche",
        "name": "Ökumenischer Hospiz- und Besuchsdienst Ettlingen",
        "city": "ettlingen",
        "kind": "church",
        "description": (
            "Wir begleiten schwer kranke und sterbende Menschen und ihre Angehörigen. Wir besuchen Menschen "
            "zu Hause, im Pflegeheim und im Krankenhaus. Außerdem gibt es ein Trauercafé und einen "
            "Kinderchor in der Gemeinde. Getragen wird der Dienst von den Kirchengemeinden in Ettlingen."
        ),
        "website": "https://hospizdienst-ettlingen.example.org",
        "email": "kontakt@hospizdienst-ettlingen.example.org",
        "phone": "07243 0815-420",
        "street": "Leopoldstraße 12",
        "postcode": "76275",
        "place": "Ettlingen",
        "verification_state": "verified",
    },
    {
        "key": "et-natur",
        "name": "NaturWerk Albtal",
        "city": "ettlingen",
        "kind": "initiative",
        "description": (
            "Das NaturWerk ist eine offene Gruppe für alle, die draußen etwas für die Natur tun wollen. Wir "
            "räumen Bachufer auf, pflegen Streuobstwiesen und helfen Kröten über die Straße. In unserem "
            "Repair-Café reparieren wir gemeinsam Geräte. Vorkenntnisse braucht niemand."
        ),
        "website": "https://naturwerk-albtal.example.org",
        "email": "mitmachen@naturwerk-albtal.example.org",
        "phone": "07243 0815-430",
        "street": "Schöllbronner Straße 51",
        "postcode": "76275",
        "place": "Ettlingen",
        "verification_state": "verified",
    },
    {
        "key": "et-kaleidoskop",
        "name": "Begegnungshaus Kaleidoskop",
        "city": "ettlingen",
        "kind": "social_institution",
        "description": (
            "Im Begegnungshaus treffen sich Menschen aus über 30 Ländern. Es gibt Deutschkurse, Beratung, "
            "eine Kindergruppe und viele Feste. Wir helfen Geflüchteten und Zugewanderten, in Ettlingen "
            "anzukommen. Freiwillige sind bei uns Lernpat:innen, Übersetzer:innen und Gastgeber:innen."
        ),
        "website": "https://kaleidoskop-ettlingen.example.org",
        "email": "hallo@kaleidoskop-ettlingen.example.org",
        "phone": "07243 0815-440",
        "street": "Hertzstraße 14",
        "postcode": "76275",
        "place": "Ettlingen-West",
        "verification_state": "verified",
    },
    {
        "key": "et-spessart",
        "name": "Stadtteiltreff Spessart",
        "city": "ettlingen",
        "kind": "public_body",
        "description": (
            "Der Stadtteiltreff ist ein Raum der Ortsverwaltung für alle im Höhenstadtteil Spessart. Hier "
            "gibt es einen Mittagstisch, Spielenachmittage und Vorträge. Wir möchten das Programm gemeinsam "
            "mit Freiwilligen aus dem Ort erweitern."
        ),
        "website": "",
        "email": "treff-spessart@ettlingen.example.org",
        "phone": "07243 0815-450",
        "street": "Ettlinger Straße 4",
        "postcode": "76275",
        "place": "Ettlingen-Spessart",
        "verification_state": "pending",
    },
    {
        "key": "et-geschichte",
        "name": "Geschichtswerkstatt Schluttenbach e.V.",
        "city": "ettlingen",
        "kind": "verein",
        "description": (
            "Wir sammeln alte Fotos, Briefe und Erinnerungen aus Schluttenbach und den Nachbarorten. Daraus "
            "entstehen kleine Ausstellungen und Dorfrundgänge. Wer gern in alten Dingen stöbert, ist bei uns "
            "richtig."
        ),
        "website": "https://geschichtswerkstatt-schluttenbach.example.org",
        "email": "info@geschichtswerkstatt-schluttenbach.example.org",
        "phone": "07243 0815-460",
        "street": "Talstraße 7",
        "postcode": "76275",
        "place": "Ettlingen-Schluttenbach",
        "verification_state": "suspended",
    },
]

OPPORTUNITIES = [
    {
        "organisation": "bb-tafel",
        "title": "Helfer:in bei der Lebensmittelausgabe",
        "teaser": (
            "Sie geben Lebensmittel an Menschen mit wenig Geld aus und sorgen für eine freundliche "
            "Atmosphäre im Laden."
        ),
        "description": [
            (
                "Zweimal in der Woche öffnet unser Laden in der Weststadt. Sie räumen Obst, Gemüse und Brot "
                "in die Regale, beraten an der Theke und achten darauf, dass alle fair etwas bekommen. Oft "
                "reicht schon ein Lächeln, damit sich unsere Kundinnen und Kunden willkommen fühlen."
            ),
            (
                "Sie brauchen keine Vorkenntnisse. Wichtig sind Freundlichkeit, etwas Geduld und die "
                "Bereitschaft, auch mal eine Kiste zu tragen. Sie arbeiten immer im Team mit erfahrenen "
                "Helfer:innen."
            ),
            (
                "Sie bekommen eine Einarbeitung, sind über uns versichert und erhalten auf Wunsch einen "
                "Ehrenamtsnachweis. Einmal im Jahr feiern wir gemeinsam ein Helferfest."
            ),
        ],
        "categories": ["soziales"],
        "activities": ["betreuen", "organisieren"],
        "target_groups": ["familien", "alle"],
        "suitable_for": ["einsteiger", "senioren"],
        "schedule": "regular",
        "rhythm": "wöchentlich, dienstags oder freitags 13–16 Uhr",
        "hours_per_week": 3,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Rheinstraße 120",
        "postcode": "76532",
        "place": "Baden-Baden-Weststadt",
        "volunteers_needed": 8,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "Ebenerdiger Eingang, barrierefreie Toilette vorhanden.",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Renate Vogelsang",
        "contact_phone": "07221 0815-211",
        "contact_email": "freiwillige@gemeinsam-satt-baden-baden.example.org",
    },
    {
        "organisation": "bb-tafel",
        "title": "Fahrer:in für Abholtouren bei Supermärkten",
        "teaser": "Mit unserem Kühlwagen holen Sie gespendete Lebensmittel bei Geschäften in Baden-Baden ab.",
        "description": [
            (
                "Jeden Morgen fahren wir eine feste Runde zu Bäckereien und Supermärkten. Dort laden Sie "
                "Kisten mit Lebensmitteln ein und bringen sie zu unserem Laden. Eine Tour dauert etwa drei "
                "Stunden."
            ),
            (
                "Sie haben einen Führerschein der Klasse B und fahren sicher. Sie können Kisten bis etwa 15 "
                "Kilo heben. Eine feste Tour pro Woche wäre ideal."
            ),
            (
                "Der Wagen wird gestellt, Sie sind während der Fahrt versichert. Sie lernen viele Menschen "
                "in der Stadt kennen und retten jede Woche mehrere hundert Kilo Lebensmittel."
            ),
        ],
        "categories": ["soziales", "umwelt-natur"],
        "activities": ["fahrdienst"],
        "target_groups": ["alle"],
        "suitable_for": [],
        "schedule": "regular",
        "rhythm": "wöchentlich, ein Vormittag nach Wahl (Montag bis Samstag, 8–11 Uhr)",
        "hours_per_week": 3,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Rheinstraße 120",
        "postcode": "76532",
        "place": "Baden-Baden-Weststadt",
        "volunteers_needed": 2,
        "recruitment_status": "few_places",
        "minimum_age": 21,
        "requires_extended_certificate": False,
        "requires_driving_licence": True,
        "language_requirements": "",
        "other_requirements": "Sie sollten Kisten bis etwa 15 kg heben können.",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Renate Vogelsang",
        "contact_phone": "07221 0815-211",
        "contact_email": "freiwillige@gemeinsam-satt-baden-baden.example.org",
    },
    {
        "organisation": "bb-tafel",
        "title": "Kleiderkammer: Sortieren und Ausgeben",
        "teaser": (
            "In unserer kleinen Kleiderkammer sortieren Sie gespendete Kleidung und helfen bei der Ausgabe."
        ),
        "description": [
            (
                "Jede Woche bringen Menschen Kleidung vorbei. Sie schauen, was noch gut ist, und sortieren "
                "nach Größen. Am Samstag helfen Sie Familien, passende Sachen zu finden – zum Beispiel "
                "Winterjacken für Kinder."
            ),
            (
                "Sie haben ein Auge für Ordnung und gehen offen auf Menschen zu. Sprachkenntnisse in "
                "Ukrainisch, Arabisch oder Türkisch sind schön, aber kein Muss."
            ),
            (
                "Sie arbeiten in einem netten Team und können sich die Termine einteilen. Auch Gruppen, zum "
                "Beispiel aus Firmen, sind für einen Sortiertag willkommen."
            ),
        ],
        "categories": ["soziales", "flucht-integration"],
        "activities": ["organisieren", "betreuen"],
        "target_groups": ["familien", "gefluechtete"],
        "suitable_for": ["einsteiger", "gruppen", "senioren"],
        "schedule": "regular",
        "rhythm": "zweimal im Monat, samstags 10–13 Uhr",
        "hours_per_week": 1.5,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Rheinstraße 120",
        "postcode": "76532",
        "place": "Baden-Baden-Weststadt",
        "volunteers_needed": 5,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "Ukrainisch, Arabisch oder Türkisch hilfreich, aber keine Bedingung",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Renate Vogelsang",
        "contact_phone": "07221 0815-211",
        "contact_email": "freiwillige@gemeinsam-satt-baden-baden.example.org",
    },
    {
        "organisation": "bb-tafel",
        "title": "Großer Sortiertag nach der Kleidersammlung",
        "teaser": (
            "Einen Samstag lang sortieren wir gemeinsam Berge von Kleiderspenden – ideal für Gruppen und "
            "Familien."
        ),
        "description": [
            (
                "Nach unserer Sammelaktion stapeln sich über hundert Säcke mit Kleidung. An einem Tag wollen "
                "wir alles sortieren: Was ist gut erhalten? Was passt in die Kleiderkammer? Was geht ins "
                "Recycling?"
            ),
            (
                "Sie brauchen nur gute Laune und bequeme Kleidung. Jugendliche ab 14 Jahren können "
                "mitmachen, Kinder in Begleitung ihrer Eltern auch."
            ),
            (
                "Für Getränke, belegte Brötchen und Kuchen ist gesorgt. Am Ende des Tages sehen Sie, was Sie "
                "gemeinsam geschafft haben."
            ),
        ],
        "categories": ["soziales"],
        "activities": ["organisieren"],
        "target_groups": ["familien"],
        "suitable_for": ["gruppen", "jugendliche", "familien"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 12,
        "event_start": "09:00",
        "event_hours": 5,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": 9,
        "remote": False,
        "street": "Rheinstraße 120",
        "postcode": "76532",
        "place": "Baden-Baden-Weststadt",
        "volunteers_needed": 15,
        "recruitment_status": "open",
        "minimum_age": 14,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "Alles findet im Erdgeschoss statt.",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "Verpflegung für alle Helfer:innen",
        "contact_name": "Renate Vogelsang",
        "contact_phone": "07221 0815-211",
        "contact_email": "freiwillige@gemeinsam-satt-baden-baden.example.org",
    },
    {
        "organisation": "bb-tafel",
        "title": "Aktionstag „Essen retten“ in der Fußgängerzone",
        "teaser": "Am Infostand zeigen Sie, wie man Lebensmittel rettet, und verteilen leckere Kostproben.",
        "description": [
            (
                "Einen Tag lang stehen wir mit einem Stand in der Innenstadt. Wir kochen Suppe aus "
                "gerettetem Gemüse und erklären, wie jede und jeder weniger wegwerfen kann."
            ),
            (
                "Sie helfen beim Schnippeln, beim Ausschenken oder im Gespräch mit Passant:innen. Sie müssen "
                "nichts wissen – wir geben Ihnen vorher ein kurzes Infoblatt."
            ),
        ],
        "categories": ["soziales", "umwelt-natur"],
        "activities": ["kochen", "oeffentlichkeitsarbeit"],
        "target_groups": ["alle"],
        "suitable_for": ["einsteiger", "gruppen"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": -20,
        "event_start": "10:00",
        "event_hours": 6,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Lange Straße 1",
        "postcode": "76530",
        "place": "Baden-Baden",
        "volunteers_needed": 10,
        "recruitment_status": "filled",
        "waiting_list": True,
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Renate Vogelsang",
        "contact_phone": "07221 0815-211",
        "contact_email": "freiwillige@gemeinsam-satt-baden-baden.example.org",
    },
    {
        "organisation": "bb-tafel",
        "title": "Social-Media-Hilfe: Fotos und kurze Texte von zu Hause",
        "teaser": (
            "Sie erzählen online, was bei uns passiert, und helfen so, neue Spender:innen und Freiwillige zu "
            "finden."
        ),
        "description": [
            (
                "Unser Team schickt Ihnen Fotos und ein paar Stichworte. Daraus machen Sie kurze, "
                "freundliche Beiträge für unsere Webseite und unseren Kanal in den sozialen Medien. Das geht "
                "bequem von zu Hause aus."
            ),
            (
                "Sie schreiben gern und kennen sich ein wenig mit dem Smartphone oder Computer aus. Ein bis "
                "zwei Stunden pro Woche reichen völlig."
            ),
            "Sie bestimmen selbst, wann Sie arbeiten. Einmal im Monat treffen wir uns kurz per Videoanruf.",
        ],
        "categories": ["soziales"],
        "activities": ["oeffentlichkeitsarbeit", "digitales"],
        "target_groups": ["alle"],
        "suitable_for": ["menschen-mit-behinderung", "einsteiger"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": True,
        "street": "",
        "postcode": "",
        "place": "",
        "volunteers_needed": 2,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "Eigener Computer oder eigenes Smartphone mit Internet",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Renate Vogelsang",
        "contact_phone": "07221 0815-211",
        "contact_email": "freiwillige@gemeinsam-satt-baden-baden.example.org",
    },
    {
        "organisation": "bb-nachbarn",
        "title": "Einkaufshilfe für ältere Nachbar:innen in Lichtental",
        "teaser": (
            "Sie erledigen Einkäufe für Menschen, die nicht mehr gut zu Fuß sind – wann es Ihnen passt."
        ),
        "description": [
            (
                "Einige ältere Menschen in Lichtental und Geroldsau schaffen den Weg zum Supermarkt nicht "
                "mehr. Sie bekommen einen Einkaufszettel, kaufen ein und bringen die Sachen vorbei. Oft "
                "bleibt noch Zeit für einen kurzen Plausch."
            ),
            (
                "Sie wohnen in der Nähe und haben ab und zu eine Stunde Zeit. Ein Auto brauchen Sie nicht, "
                "ein Fahrradkorb oder ein Rucksack reicht meistens."
            ),
            (
                "Wir vermitteln Ihnen feste Nachbar:innen, damit Vertrauen wachsen kann. Das Geld für den "
                "Einkauf bekommen Sie natürlich sofort zurück."
            ),
        ],
        "categories": ["nachbarschaftshilfe", "senioren"],
        "activities": ["begleiten"],
        "target_groups": ["senioren"],
        "suitable_for": ["einsteiger", "jugendliche"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Hauptstraße 48",
        "postcode": "76534",
        "place": "Baden-Baden-Lichtental",
        "volunteers_needed": 6,
        "recruitment_status": "few_places",
        "minimum_age": 16,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Jonas Brenneisen",
        "contact_phone": "07221 0815-221",
        "contact_email": "hallo@nachbarnetz-lichtental.example.org",
    },
    {
        "organisation": "bb-nachbarn",
        "title": "Besuchsdienst: Zeit schenken bei Senior:innen zu Hause",
        "teaser": (
            "Einmal pro Woche besuchen Sie einen älteren Menschen, trinken Kaffee, gehen spazieren oder "
            "spielen."
        ),
        "description": [
            (
                "Manche Menschen bekommen tagelang keinen Besuch. Sie kommen regelmäßig vorbei und bringen "
                "etwas Abwechslung in den Alltag. Was Sie zusammen machen, entscheiden Sie gemeinsam."
            ),
            (
                "Sie hören gern zu und sind zuverlässig. Sie sollten sich für mindestens ein halbes Jahr "
                "binden können, denn Vertrauen braucht Zeit."
            ),
            (
                "Vor dem ersten Besuch gibt es ein Kennenlern-Gespräch und einen kurzen Kurs. Alle zwei "
                "Monate treffen sich die Besucher:innen zum Austausch."
            ),
        ],
        "categories": ["senioren"],
        "activities": ["begleiten"],
        "target_groups": ["senioren"],
        "suitable_for": ["einsteiger", "senioren"],
        "schedule": "regular",
        "rhythm": "einmal pro Woche, Tag und Uhrzeit nach Absprache",
        "hours_per_week": 2,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Hauptstraße 48",
        "postcode": "76534",
        "place": "Baden-Baden-Lichtental",
        "volunteers_needed": 8,
        "recruitment_status": "open",
        "minimum_age": 18,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Jonas Brenneisen",
        "contact_phone": "07221 0815-221",
        "contact_email": "hallo@nachbarnetz-lichtental.example.org",
    },
    {
        "organisation": "bb-nachbarn",
        "title": "Digitalsprechstunde für Senior:innen: Smartphone-Fragen klären",
        "teaser": (
            "Sie erklären älteren Menschen in Ruhe, wie WhatsApp, Fotos oder Online-Banking auf dem "
            "Smartphone funktionieren."
        ),
        "description": [
            (
                "Jeden Mittwoch kommen ältere Menschen mit ihren Fragen in unseren Treffpunkt. Wie schicke "
                "ich ein Foto an meine Enkelin? Wie mache ich einen Videoanruf? Sie setzen sich dazu und "
                "helfen Schritt für Schritt."
            ),
            (
                "Sie kennen sich mit Smartphones aus und können gut erklären – ohne Fachwörter. Geduld ist "
                "wichtiger als Technikwissen. Auch Jugendliche ab 15 Jahren sind herzlich willkommen."
            ),
            (
                "Sie bekommen einen Ehrenamtsnachweis, der sich gut im Lebenslauf macht. Kaffee und Kekse "
                "gibt es gratis dazu."
            ),
        ],
        "categories": ["senioren", "bildung"],
        "activities": ["digitales", "beraten"],
        "target_groups": ["senioren"],
        "suitable_for": ["jugendliche", "einsteiger"],
        "schedule": "regular",
        "rhythm": "wöchentlich, mittwochs 10–12 Uhr",
        "hours_per_week": 2,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Hauptstraße 48",
        "postcode": "76534",
        "place": "Baden-Baden-Lichtental",
        "volunteers_needed": 4,
        "recruitment_status": "open",
        "minimum_age": 15,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "Treffpunkt im Erdgeschoss, stufenloser Zugang.",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Jonas Brenneisen",
        "contact_phone": "07221 0815-221",
        "contact_email": "hallo@nachbarnetz-lichtental.example.org",
    },
    {
        "organisation": "bb-nachbarn",
        "title": "Telefonpat:in gegen Einsamkeit",
        "teaser": (
            "Sie rufen regelmäßig einen älteren Menschen an und haben ein offenes Ohr – ganz bequem von zu "
            "Hause."
        ),
        "description": [
            (
                "Nicht alle möchten Besuch, aber viele freuen sich über einen Anruf. Sie telefonieren ein- "
                "bis zweimal pro Woche mit Ihrer Telefonpartnerin oder Ihrem Telefonpartner. Sie sprechen "
                "über den Alltag, über Erinnerungen oder das Wetter."
            ),
            (
                "Sie brauchen nur ein Telefon, Zeit und Freude am Gespräch. Das Engagement passt auch gut, "
                "wenn Sie selbst nicht mehr so mobil sind."
            ),
            "Wir bereiten Sie in einem kurzen Gespräch vor und sind bei Fragen immer für Sie da.",
        ],
        "categories": ["senioren", "nachbarschaftshilfe"],
        "activities": ["begleiten"],
        "target_groups": ["senioren"],
        "suitable_for": ["menschen-mit-behinderung", "senioren", "einsteiger"],
        "schedule": "regular",
        "rhythm": "ein- bis zweimal pro Woche, Uhrzeit nach Absprache",
        "hours_per_week": 1,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": True,
        "street": "",
        "postcode": "",
        "place": "",
        "volunteers_needed": 10,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Jonas Brenneisen",
        "contact_phone": "07221 0815-221",
        "contact_email": "hallo@nachbarnetz-lichtental.example.org",
    },
    {
        "organisation": "bb-nachbarn",
        "title": "Repair-Café Lichtental: Toaster, Lampen und Fahrräder retten",
        "teaser": "Im Repair-Café reparieren Sie mit Besucher:innen kaputte Geräte, Kleidung oder Fahrräder.",
        "description": [
            (
                "Einmal im Monat wird unser Gemeindesaal zur Werkstatt. Menschen bringen kaputte Dinge mit, "
                "und gemeinsam schauen wir, ob sie sich reparieren lassen. Das spart Geld und Müll."
            ),
            (
                "Sie können gut mit Werkzeug umgehen, nähen oder Fahrräder flicken. Auch wer nicht "
                "reparieren kann, ist willkommen: am Empfang oder beim Kaffeeausschank."
            ),
            (
                "Werkzeug und Material sind vorhanden. Sie sind bei den Reparaturen versichert und lernen "
                "jedes Mal etwas Neues."
            ),
        ],
        "categories": ["umwelt-natur", "nachbarschaftshilfe"],
        "activities": ["handwerk"],
        "target_groups": ["alle"],
        "suitable_for": ["senioren", "einsteiger"],
        "schedule": "regular",
        "rhythm": "monatlich, am ersten Samstag 14–17 Uhr",
        "hours_per_week": 1,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Maximilianstraße 80",
        "postcode": "76534",
        "place": "Baden-Baden-Lichtental",
        "volunteers_needed": 6,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Jonas Brenneisen",
        "contact_phone": "07221 0815-221",
        "contact_email": "hallo@nachbarnetz-lichtental.example.org",
    },
    {
        "organisation": "bb-nachbarn",
        "title": "Herbstputz in Gärten älterer Nachbar:innen",
        "teaser": (
            "Laub rechen, Hecken schneiden, Beete winterfest machen – für Menschen, die es allein nicht mehr "
            "schaffen."
        ),
        "description": [
            (
                "Im Herbst haben wir mit kleinen Teams Gärten in Lichtental und Geroldsau aufgeräumt. Die "
                "Einsätze dauerten meist zwei bis drei Stunden."
            ),
            (
                "Die Aktion ist für dieses Jahr beendet. Im nächsten Herbst geht es wieder los – schauen Sie "
                "gern wieder vorbei."
            ),
        ],
        "categories": ["nachbarschaftshilfe", "senioren"],
        "activities": ["gaertnern"],
        "target_groups": ["senioren"],
        "suitable_for": ["gruppen", "familien", "jugendliche"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": -75,
        "ends_in_days": -12,
        "deadline_in_days": None,
        "remote": False,
        "street": "Geroldsauer Straße 40",
        "postcode": "76534",
        "place": "Baden-Baden-Geroldsau",
        "volunteers_needed": 12,
        "recruitment_status": "closed",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Jonas Brenneisen",
        "contact_phone": "07221 0815-221",
        "contact_email": "hallo@nachbarnetz-lichtental.example.org",
    },
    {
        "organisation": "bb-kultur",
        "title": "Einlassdienst bei Kammerkonzerten",
        "teaser": "Sie begrüßen Gäste, kontrollieren Karten und zeigen den Weg zu den Plätzen.",
        "description": [
            (
                "Etwa zweimal im Monat veranstalten wir Konzerte mit kleinen Ensembles. Sie stehen am "
                "Eingang, scannen Eintrittskarten und helfen Gästen, ihren Platz zu finden. Während des "
                "Konzerts können Sie meist zuhören."
            ),
            (
                "Sie sind freundlich, pünktlich und mögen Musik. Sie tragen sich in einen Dienstplan ein und "
                "kommen nur, wenn es Ihnen passt."
            ),
            "Als Dankeschön bekommen Sie eine Freikarte für ein Konzert Ihrer Wahl.",
        ],
        "categories": ["kultur"],
        "activities": ["organisieren"],
        "target_groups": ["alle"],
        "suitable_for": ["senioren", "einsteiger"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Sophienstraße 17",
        "postcode": "76530",
        "place": "Baden-Baden",
        "volunteers_needed": 10,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "Der Saal hat einen Aufzug und Plätze für Rollstühle.",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "Freikarte für ein Konzert Ihrer Wahl",
        "contact_name": "Claudia Weißenberger",
        "contact_phone": "07221 0815-231",
        "contact_email": "helfen@kulturkreis-allee.example.org",
    },
    {
        "organisation": "bb-kultur",
        "title": "Aufsicht und Begrüßung in der Ausstellung „Bäderzeit“",
        "teaser": (
            "In unserer Ausstellung über die Geschichte der Bäder begrüßen Sie Gäste und beantworten "
            "einfache Fragen."
        ),
        "description": [
            (
                "Unsere kleine Ausstellung zeigt alte Fotos, Plakate und Badekostüme. Sie sind "
                "Ansprechperson für die Gäste, achten auf die Ausstellungsstücke und geben Tipps für den "
                "Rundgang."
            ),
            (
                "Sie interessieren sich für Geschichte und reden gern mit Menschen. Vorwissen brauchen Sie "
                "nicht – es gibt eine Einführung mit allen wichtigen Infos."
            ),
            "Sie wählen Ihre Schichten selbst. Eine Schicht dauert vier Stunden, am Wochenende.",
        ],
        "categories": ["kultur"],
        "activities": ["betreuen"],
        "target_groups": ["alle"],
        "suitable_for": ["senioren", "menschen-mit-behinderung"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": 7,
        "ends_in_days": 120,
        "deadline_in_days": None,
        "remote": False,
        "street": "Lichtentaler Allee 8",
        "postcode": "76530",
        "place": "Baden-Baden",
        "volunteers_needed": 6,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": (
            "Ausstellungsräume sind stufenlos erreichbar. Sitzplätze für die Aufsicht vorhanden."
        ),
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Claudia Weißenberger",
        "contact_phone": "07221 0815-231",
        "contact_email": "helfen@kulturkreis-allee.example.org",
    },
    {
        "organisation": "bb-kultur",
        "title": "Aufbau-Team für das Sommerfest an der Oos: Bierbänke und Zelte",
        "teaser": (
            "Wir bauen Bierbänke, Zelte und die Bühne für unser Sommerfest auf. Starke Arme und gute Laune "
            "gesucht!"
        ),
        "description": [
            (
                "Am Tag vor dem Fest verwandeln wir eine Wiese an der Oos in einen Festplatz. Sie tragen "
                "Bierbänke und Tische, bauen Pavillons auf und hängen Lichterketten."
            ),
            (
                "Sie sind mindestens 16 Jahre alt und können mit anpacken. Arbeitshandschuhe bringen Sie am "
                "besten mit. Gruppen von Freund:innen oder Kolleg:innen sind sehr willkommen."
            ),
            (
                "Zum Abschluss gibt es ein gemeinsames Vesper. Außerdem bekommen alle Helfer:innen zwei "
                "Getränkemarken für das Fest."
            ),
        ],
        "categories": ["kultur"],
        "activities": ["organisieren", "handwerk"],
        "target_groups": ["alle"],
        "suitable_for": ["gruppen", "jugendliche"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 45,
        "event_start": "08:00",
        "event_hours": 5,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": 38,
        "remote": False,
        "street": "Lichtentaler Allee 1",
        "postcode": "76530",
        "place": "Baden-Baden",
        "volunteers_needed": 20,
        "recruitment_status": "open",
        "minimum_age": 16,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "Vesper und zwei Getränkemarken für das Fest",
        "contact_name": "Claudia Weißenberger",
        "contact_phone": "07221 0815-231",
        "contact_email": "helfen@kulturkreis-allee.example.org",
    },
    {
        "organisation": "bb-kultur",
        "title": "Chorhelfer:in für den offenen Generationenchor",
        "teaser": (
            "Sie singen mit und helfen bei Noten, Anwesenheitsliste und der Organisation unserer Auftritte."
        ),
        "description": [
            (
                "In unserem Generationenchor singen Menschen von 12 bis 90 Jahren zusammen. Neben dem Singen "
                "gibt es viel zu tun: Noten kopieren, neue Mitglieder begrüßen, Auftritte planen."
            ),
            (
                "Sie singen gern – Notenkenntnisse sind nicht nötig. Sie haben Freude daran, Dinge zu "
                "organisieren, und sind meistens donnerstags dabei."
            ),
            "Sie werden Teil einer fröhlichen Gemeinschaft. Zweimal im Jahr treten wir öffentlich auf.",
        ],
        "categories": ["kultur", "senioren"],
        "activities": ["organisieren", "oeffentlichkeitsarbeit"],
        "target_groups": ["alle"],
        "suitable_for": ["senioren", "einsteiger"],
        "schedule": "regular",
        "rhythm": "wöchentlich, donnerstags 18:30–20 Uhr",
        "hours_per_week": 1.5,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Lichtentaler Straße 27",
        "postcode": "76530",
        "place": "Baden-Baden",
        "volunteers_needed": 2,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Claudia Weißenberger",
        "contact_phone": "07221 0815-231",
        "contact_email": "helfen@kulturkreis-allee.example.org",
    },
    {
        "organisation": "bb-kultur",
        "title": "Lesung im Park: Stühle stellen und Gäste begrüßen",
        "teaser": (
            "Für eine Abendlesung unter Bäumen haben wir Helfer:innen für Aufbau, Einlass und Abbau gesucht."
        ),
        "description": [
            (
                "An einem Sommerabend haben wir eine Lesung im Park veranstaltet. Die Helfer:innen haben "
                "Stühle gestellt, Gäste begrüßt und danach gemeinsam aufgeräumt."
            ),
            "Die Veranstaltung ist vorbei. Vielen Dank an alle, die dabei waren!",
        ],
        "categories": ["kultur"],
        "activities": ["organisieren"],
        "target_groups": ["alle"],
        "suitable_for": ["einsteiger"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": -8,
        "event_start": "18:00",
        "event_hours": 4,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Lichtentaler Allee 8",
        "postcode": "76530",
        "place": "Baden-Baden",
        "volunteers_needed": 6,
        "recruitment_status": "closed",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Claudia Weißenberger",
        "contact_phone": "07221 0815-231",
        "contact_email": "helfen@kulturkreis-allee.example.org",
    },
    {
        "organisation": "bb-familien",
        "title": "Kinderbetreuung während der Elternkurse",
        "teaser": "Während die Eltern im Kurs sind, spielen Sie mit ihren Kindern im Spielzimmer.",
        "description": [
            (
                "Jeden Montag treffen sich Eltern zum Kurs „Gut durch den Familienalltag“. Damit sie in Ruhe "
                "zuhören können, betreuen Sie die Kinder von einem bis sechs Jahren. Sie spielen, basteln "
                "und singen mit ihnen."
            ),
            (
                "Sie haben Erfahrung mit kleinen Kindern, zum Beispiel als Eltern, Großeltern oder "
                "Babysitter. Sie sind mindestens 18 Jahre alt und legen ein erweitertes Führungszeugnis vor."
            ),
            (
                "Sie arbeiten immer zusammen mit einer pädagogischen Fachkraft. Die Kosten für das "
                "Führungszeugnis übernehmen wir."
            ),
        ],
        "categories": ["kinder-jugend", "bildung"],
        "activities": ["betreuen"],
        "target_groups": ["kinder", "familien"],
        "suitable_for": ["senioren"],
        "schedule": "regular",
        "rhythm": "wöchentlich, montags 9–11:30 Uhr",
        "hours_per_week": 2.5,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Sinzheimer Straße 34",
        "postcode": "76532",
        "place": "Baden-Baden-Oos",
        "volunteers_needed": 2,
        "recruitment_status": "filled",
        "minimum_age": 18,
        "requires_extended_certificate": True,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "Erfahrung mit Kleinkindern",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Aylin Demir",
        "contact_phone": "07221 0815-241",
        "contact_email": "a.demir@fbz-oosaue.example.org",
    },
    {
        "organisation": "bb-familien",
        "title": "Hausaufgabenhilfe für Grundschulkinder in Oos",
        "teaser": "Sie helfen Kindern der Klassen 1 bis 4 bei den Hausaufgaben und beim Lesen üben.",
        "description": [
            (
                "Nach der Schule kommen Kinder aus der Nachbarschaft zu uns. Viele haben zu Hause niemanden, "
                "der bei den Hausaufgaben hilft. Sie setzen sich mit zwei oder drei Kindern an einen Tisch, "
                "erklären Aufgaben und lesen zusammen."
            ),
            (
                "Sie können gut Deutsch und haben Geduld. Sie müssen keine Lehrkraft sein. Für die Arbeit "
                "mit Kindern brauchen wir ein erweitertes Führungszeugnis."
            ),
            (
                "Sie bekommen eine Einführung und Material zum Üben. Die Kinder freuen sich sehr, wenn "
                "jemand regelmäßig kommt."
            ),
        ],
        "categories": ["kinder-jugend", "bildung"],
        "activities": ["unterrichten"],
        "target_groups": ["kinder"],
        "suitable_for": ["senioren", "jugendliche"],
        "schedule": "regular",
        "rhythm": "mindestens einmal pro Woche, montags bis donnerstags 14–16 Uhr",
        "hours_per_week": 2,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Sinzheimer Straße 34",
        "postcode": "76532",
        "place": "Baden-Baden-Oos",
        "volunteers_needed": 6,
        "recruitment_status": "open",
        "minimum_age": 16,
        "requires_extended_certificate": True,
        "requires_driving_licence": False,
        "language_requirements": "Gute Deutschkenntnisse",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Aylin Demir",
        "contact_phone": "07221 0815-241",
        "contact_email": "a.demir@fbz-oosaue.example.org",
    },
    {
        "organisation": "bb-familien",
        "title": "Sprachcafé: Deutsch sprechen bei Kaffee und Kuchen",
        "teaser": (
            "Im Sprachcafé unterhalten Sie sich mit Menschen, die Deutsch lernen – ganz ohne Unterricht."
        ),
        "description": [
            (
                "Im Sprachcafé sitzen Menschen aus vielen Ländern an kleinen Tischen. Sie sprechen über "
                "Alltag, Familie, Essen oder Arbeit. So können die Gäste üben, was sie im Kurs gelernt "
                "haben."
            ),
            (
                "Sie sprechen gut Deutsch und sind neugierig auf andere Menschen. Sie müssen nicht "
                "unterrichten, nur reden und zuhören."
            ),
            "Sie lernen Menschen aus aller Welt kennen. Kaffee und Kuchen gibt es natürlich auch für Sie.",
        ],
        "categories": ["flucht-integration", "bildung"],
        "activities": ["unterrichten"],
        "target_groups": ["gefluechtete"],
        "suitable_for": ["einsteiger", "senioren"],
        "schedule": "regular",
        "rhythm": "wöchentlich, freitags 16–18 Uhr",
        "hours_per_week": 2,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Sinzheimer Straße 34",
        "postcode": "76532",
        "place": "Baden-Baden-Oos",
        "volunteers_needed": 5,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "Gute Deutschkenntnisse",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "Café im Erdgeschoss, barrierefreie Toilette.",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Aylin Demir",
        "contact_phone": "07221 0815-241",
        "contact_email": "a.demir@fbz-oosaue.example.org",
    },
    {
        "organisation": "bb-familien",
        "title": "Online-Lernhilfe Mathe für Jugendliche",
        "teaser": "Per Videoanruf helfen Sie Jugendlichen ab Klasse 7, Mathe besser zu verstehen.",
        "description": [
            (
                "Manche Jugendliche brauchen vor einer Klassenarbeit etwas Unterstützung. Sie treffen sich "
                "mit einer Schülerin oder einem Schüler online und gehen Aufgaben gemeinsam durch."
            ),
            (
                "Sie können Mathe gut erklären, zum Beispiel als Studentin, als Rentner oder aus dem Beruf. "
                "Sie haben einen Computer mit Kamera. Wir brauchen ein erweitertes Führungszeugnis."
            ),
            "Sie legen die Termine direkt mit den Jugendlichen fest. Wir vermitteln und begleiten Sie.",
        ],
        "categories": ["bildung", "kinder-jugend"],
        "activities": ["unterrichten", "digitales"],
        "target_groups": ["jugendliche"],
        "suitable_for": [],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": True,
        "street": "",
        "postcode": "",
        "place": "",
        "volunteers_needed": 4,
        "recruitment_status": "open",
        "minimum_age": 18,
        "requires_extended_certificate": True,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "Computer mit Kamera und stabiles Internet",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Aylin Demir",
        "contact_phone": "07221 0815-241",
        "contact_email": "a.demir@fbz-oosaue.example.org",
    },
    {
        "organisation": "bb-familien",
        "title": "Kinderschminken und Spielstationen beim Familienfest",
        "teaser": "Beim Familienfest im Hof betreuen Sie eine Spielstation oder schminken Kinder.",
        "description": [
            (
                "Einmal im Jahr feiert das Familienzentrum mit der ganzen Nachbarschaft. Es gibt "
                "Spielstationen, eine Hüpfburg und Kinderschminken. Sie übernehmen eine Station für zwei "
                "Stunden oder länger."
            ),
            (
                "Sie haben Spaß mit Kindern. Schminken können Sie vorher bei uns üben. Jugendliche können "
                "gern zu zweit eine Station betreuen."
            ),
            "Es gibt Essen und Getränke für alle Helfer:innen – und ganz viele fröhliche Kindergesichter.",
        ],
        "categories": ["kinder-jugend"],
        "activities": ["betreuen"],
        "target_groups": ["kinder", "familien"],
        "suitable_for": ["jugendliche", "familien", "gruppen"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 30,
        "event_start": "14:00",
        "event_hours": 4,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": 25,
        "remote": False,
        "street": "Sinzheimer Straße 34",
        "postcode": "76532",
        "place": "Baden-Baden-Oos",
        "volunteers_needed": 12,
        "recruitment_status": "open",
        "minimum_age": 14,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "Essen und Getränke beim Fest",
        "contact_name": "Aylin Demir",
        "contact_phone": "07221 0815-241",
        "contact_email": "a.demir@fbz-oosaue.example.org",
    },
    {
        "organisation": "br-rettung",
        "title": "Betreuer:in für die Jugendrettungsgruppe (10–16 Jahre)",
        "teaser": (
            "Sie zeigen Kindern und Jugendlichen, wie Erste Hilfe und Rettung funktionieren – mit viel Spiel "
            "und Teamgeist."
        ),
        "description": [
            (
                "In unserer Jugendrettungsgruppe lernen junge Menschen Erste Hilfe, Funken und den Umgang "
                "mit Rettungsgeräten – ähnlich wie in einer Jugendfeuerwehr. Sie planen die Gruppenstunden "
                "mit und fahren auch mal mit ins Zeltlager."
            ),
            (
                "Sie sind mindestens 18 Jahre alt und haben Freude an der Arbeit mit Jugendlichen. "
                "Vorkenntnisse im Rettungsdienst sind hilfreich, aber nicht nötig. Wir brauchen ein "
                "erweitertes Führungszeugnis."
            ),
            "Sie können bei uns die Jugendleiter-Card (Juleica) machen. Die Kosten übernimmt der Verein.",
        ],
        "categories": ["rettung", "kinder-jugend"],
        "activities": ["betreuen", "unterrichten"],
        "target_groups": ["jugendliche"],
        "suitable_for": [],
        "schedule": "regular",
        "rhythm": "wöchentlich, freitags 17:30–19:30 Uhr",
        "hours_per_week": 2,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Weißhofer Straße 60",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 3,
        "recruitment_status": "open",
        "minimum_age": 18,
        "requires_extended_certificate": True,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": True,
        "offers_certificate": True,
        "benefits_note": "Jugendleiter-Card (Juleica) wird bezahlt",
        "contact_name": "Tobias Kraft",
        "contact_phone": "07252 0815-311",
        "contact_email": "t.kraft@rettungsverein-saalbachtal.example.org",
    },
    {
        "organisation": "br-rettung",
        "title": "Sanitätsdienst beim Altstadtsommer",
        "teaser": (
            "Beim großen Fest in der Altstadt versorgen Sie kleine Verletzungen und sind für Notfälle da."
        ),
        "description": [
            (
                "Beim Altstadtsommer sind tausende Menschen unterwegs. Unser Sanitätsteam betreut eine "
                "Station am Marktplatz und geht auch über das Festgelände. Meistens geht es um Pflaster, "
                "Sonnenstich oder einen verstauchten Fuß."
            ),
            (
                "Sie haben eine Sanitätsausbildung oder eine medizinische Ausbildung. Sie arbeiten immer mit "
                "erfahrenen Kolleg:innen zusammen."
            ),
            "Sie bekommen Verpflegung und eine Aufwandsentschädigung. Schutzkleidung stellen wir.",
        ],
        "categories": ["rettung", "gesundheit-pflege"],
        "activities": ["betreuen"],
        "target_groups": ["alle"],
        "suitable_for": [],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 40,
        "event_start": "10:00",
        "event_hours": 8,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": 30,
        "remote": False,
        "street": "Marktplatz 1",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 4,
        "recruitment_status": "few_places",
        "minimum_age": 18,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "Abgeschlossene Sanitätsausbildung oder medizinische Ausbildung",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": True,
        "offers_certificate": True,
        "benefits_note": "Verpflegung und Schutzkleidung",
        "contact_name": "Tobias Kraft",
        "contact_phone": "07252 0815-311",
        "contact_email": "t.kraft@rettungsverein-saalbachtal.example.org",
    },
    {
        "organisation": "br-rettung",
        "title": "Bierbänke aufbauen für den Altstadtsommer",
        "teaser": "Am Abend vor dem Fest bauen wir gemeinsam Bierbänke, Tische und Absperrungen auf.",
        "description": [
            (
                "Damit der Altstadtsommer starten kann, müssen über 200 Bierbänke und Tische an ihren Platz. "
                "Sie tragen, stellen auf und helfen beim Aufbau der Absperrgitter."
            ),
            (
                "Sie sind mindestens 16 Jahre alt und können mit anpacken. Feste Schuhe und Handschuhe sind "
                "gut. Kommen Sie gern mit Freund:innen, dem Sportverein oder Ihrem Team von der Arbeit."
            ),
            "Nach getaner Arbeit gibt es Pizza für alle.",
        ],
        "categories": ["kultur"],
        "activities": ["handwerk", "organisieren"],
        "target_groups": ["alle"],
        "suitable_for": ["gruppen", "jugendliche"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 39,
        "event_start": "17:00",
        "event_hours": 4,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Marktplatz 1",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 25,
        "recruitment_status": "open",
        "minimum_age": 16,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "Pizza für alle Helfer:innen",
        "contact_name": "Tobias Kraft",
        "contact_phone": "07252 0815-311",
        "contact_email": "t.kraft@rettungsverein-saalbachtal.example.org",
    },
    {
        "organisation": "br-rettung",
        "title": "Helfer:in beim Blutspendetermin: Empfang und Imbiss",
        "teaser": (
            "Sie begrüßen Spender:innen, helfen bei der Anmeldung und kümmern sich um den Imbiss danach."
        ),
        "description": [
            (
                "Beim Blutspendetermin in der Stadthalle kommen über 150 Menschen. Sie sitzen am Empfang, "
                "teilen Fragebögen aus oder schmieren Brötchen für die Stärkung nach der Spende."
            ),
            (
                "Sie brauchen keine medizinischen Kenntnisse. Wichtig ist, dass Sie freundlich sind und den "
                "Überblick behalten."
            ),
            "Der Termin dauert einen Nachmittag. Sie können auch nur einen Teil der Zeit helfen.",
        ],
        "categories": ["gesundheit-pflege"],
        "activities": ["kochen", "organisieren"],
        "target_groups": ["alle"],
        "suitable_for": ["einsteiger", "senioren"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 18,
        "event_start": "14:30",
        "event_hours": 5,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Wilhelmstraße 10",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 6,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "Stadthalle mit Aufzug und barrierefreier Toilette.",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Tobias Kraft",
        "contact_phone": "07252 0815-311",
        "contact_email": "t.kraft@rettungsverein-saalbachtal.example.org",
    },
    {
        "organisation": "br-rettung",
        "title": "Unfalldarsteller:in für unsere Katastrophenschutz-Übung",
        "teaser": (
            "Für eine große Übung haben wir Menschen gesucht, die sich schminken lassen und Verletzte "
            "spielen."
        ),
        "description": [
            (
                "Bei der Übung haben Einsatzkräfte einen Busunfall geprobt. Die Darsteller:innen wurden "
                "realistisch geschminkt und spielten Verletzte."
            ),
            "Die Übung hat stattgefunden, alle Plätze waren besetzt. Danke an alle, die mitgespielt haben!",
        ],
        "categories": ["rettung"],
        "activities": ["organisieren"],
        "target_groups": ["alle"],
        "suitable_for": ["jugendliche", "gruppen"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": -25,
        "event_start": "09:00",
        "event_hours": 5,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Gölshausener Straße 2",
        "postcode": "75015",
        "place": "Bretten-Gölshausen",
        "volunteers_needed": 20,
        "recruitment_status": "filled",
        "minimum_age": 14,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Tobias Kraft",
        "contact_phone": "07252 0815-311",
        "contact_email": "t.kraft@rettungsverein-saalbachtal.example.org",
    },
    {
        "organisation": "br-rettung",
        "title": "Erste-Hilfe-Kurse organisieren und Räume vorbereiten",
        "teaser": (
            "Sie kümmern sich um Anmeldungen, Teilnahmelisten und den Aufbau für unsere Erste-Hilfe-Kurse."
        ),
        "description": [
            (
                "Jeden Monat bieten wir Erste-Hilfe-Kurse an, zum Beispiel für den Führerschein. Sie "
                "beantworten Anfragen, führen Listen und bereiten den Kursraum vor."
            ),
            (
                "Sie arbeiten gern am Computer und sind gut organisiert. Die meisten Aufgaben können Sie "
                "sich frei einteilen."
            ),
            "Natürlich dürfen Sie selbst kostenlos an einem Erste-Hilfe-Kurs teilnehmen.",
        ],
        "categories": ["rettung", "bildung"],
        "activities": ["organisieren", "verwaltung"],
        "target_groups": ["alle"],
        "suitable_for": ["senioren", "einsteiger"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Weißhofer Straße 60",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 2,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "Kostenloser Erste-Hilfe-Kurs",
        "contact_name": "Tobias Kraft",
        "contact_phone": "07252 0815-311",
        "contact_email": "t.kraft@rettungsverein-saalbachtal.example.org",
    },
    {
        "organisation": "br-laden",
        "title": "Verkauf im Ladencafé: Kasse, Regale und ein offenes Ohr",
        "teaser": "Sie verkaufen günstige Lebensmittel, füllen Regale auf und haben Zeit für ein Gespräch.",
        "description": [
            (
                "Unser Ladencafé ist zweimal pro Woche geöffnet. Sie kassieren, räumen Ware ein und achten "
                "darauf, dass alles ordentlich aussieht. Im Café daneben schenken Sie Kaffee aus."
            ),
            (
                "Sie brauchen keine Erfahrung im Verkauf. Wir zeigen Ihnen alles. Auch Menschen mit "
                "Behinderung sind in unserem Team herzlich willkommen."
            ),
            (
                "Sie arbeiten in einem bunten Team aus allen Altersgruppen. Wir sind über die "
                "Kirchengemeinden versichert."
            ),
        ],
        "categories": ["soziales"],
        "activities": ["betreuen", "organisieren"],
        "target_groups": ["familien", "alle"],
        "suitable_for": ["einsteiger", "senioren", "menschen-mit-behinderung"],
        "schedule": "regular",
        "rhythm": "wöchentlich, mittwochs oder samstags 9–12:30 Uhr",
        "hours_per_week": 3.5,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Pforzheimer Straße 31",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 6,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "Laden und Café sind ebenerdig erreichbar.",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Gabriele Fuchs",
        "contact_phone": "07252 0815-321",
        "contact_email": "laden@brueckenschlag-bretten.example.org",
    },
    {
        "organisation": "br-laden",
        "title": "Mittagstisch kochen: gemeinsam für 40 Gäste",
        "teaser": (
            "Im Küchenteam kochen Sie ein einfaches, warmes Mittagessen für Menschen aus der Nachbarschaft."
        ),
        "description": [
            (
                "Alle zwei Wochen gibt es bei uns einen Mittagstisch für drei Euro. Sie schnippeln, kochen "
                "und geben das Essen aus. Danach essen wir gemeinsam mit den Gästen."
            ),
            (
                "Sie kochen gern und auch mal für viele Menschen. Für die Arbeit in der Küche brauchen Sie "
                "eine Belehrung nach dem Infektionsschutzgesetz. Wir helfen Ihnen dabei."
            ),
            "Das Essen ist für Sie natürlich kostenlos. Rezepte teilen wir gern.",
        ],
        "categories": ["soziales", "nachbarschaftshilfe"],
        "activities": ["kochen"],
        "target_groups": ["alle"],
        "suitable_for": ["senioren", "einsteiger"],
        "schedule": "regular",
        "rhythm": "alle zwei Wochen, donnerstags 9–13:30 Uhr",
        "hours_per_week": 2,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Pforzheimer Straße 31",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 4,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "Belehrung nach dem Infektionsschutzgesetz (wir unterstützen Sie dabei)",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "Kostenloses Mittagessen",
        "contact_name": "Gabriele Fuchs",
        "contact_phone": "07252 0815-321",
        "contact_email": "laden@brueckenschlag-bretten.example.org",
    },
    {
        "organisation": "br-laden",
        "title": "Hausaufgabenhilfe für Schulkinder der Klassen 3 bis 7",
        "teaser": "Sie helfen Kindern aus geflüchteten Familien bei den Hausaufgaben im Ladencafé.",
        "description": [
            (
                "Zweimal in der Woche wird das Café zum Lernraum. Kinder bringen ihre Hausaufgaben mit, und "
                "Sie helfen beim Rechnen, Lesen und Schreiben."
            ),
            (
                "Sie können gut Deutsch und erklären gern. Für die Arbeit mit Kindern brauchen wir ein "
                "erweitertes Führungszeugnis."
            ),
            "Im Moment ist unser Team vollständig. Sie können sich aber gern für die Warteliste melden.",
        ],
        "categories": ["kinder-jugend", "bildung"],
        "activities": ["unterrichten"],
        "target_groups": ["kinder", "gefluechtete"],
        "suitable_for": ["senioren"],
        "schedule": "regular",
        "rhythm": "dienstags und donnerstags 14:30–16 Uhr",
        "hours_per_week": 1.5,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Pforzheimer Straße 31",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 4,
        "recruitment_status": "filled",
        "minimum_age": 16,
        "requires_extended_certificate": True,
        "requires_driving_licence": False,
        "language_requirements": "Gute Deutschkenntnisse",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Gabriele Fuchs",
        "contact_phone": "07252 0815-321",
        "contact_email": "laden@brueckenschlag-bretten.example.org",
    },
    {
        "organisation": "br-laden",
        "title": "Dolmetschen bei Behördengängen: Arabisch, Ukrainisch oder Türkisch",
        "teaser": "Sie begleiten geflüchtete Menschen zu Ämtern oder Ärzt:innen und übersetzen im Gespräch.",
        "description": [
            (
                "Ein Brief vom Amt oder ein Termin beim Kinderarzt ist schwer, wenn man die Sprache noch "
                "nicht gut kann. Sie gehen mit und übersetzen. Die Termine sprechen Sie direkt mit uns ab."
            ),
            (
                "Sie sprechen gut Deutsch und Arabisch, Ukrainisch oder Türkisch. Sie gehen vertraulich mit "
                "allem um, was Sie hören."
            ),
            "Fahrtkosten erstatten wir. Einmal im Jahr gibt es eine Schulung zum Thema Dolmetschen.",
        ],
        "categories": ["flucht-integration"],
        "activities": ["uebersetzen", "begleiten"],
        "target_groups": ["gefluechtete"],
        "suitable_for": [],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Pforzheimer Straße 31",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 5,
        "recruitment_status": "open",
        "minimum_age": 18,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "Gute Deutschkenntnisse und Arabisch, Ukrainisch oder Türkisch",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": True,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Gabriele Fuchs",
        "contact_phone": "07252 0815-321",
        "contact_email": "laden@brueckenschlag-bretten.example.org",
    },
    {
        "organisation": "br-laden",
        "title": "Kinderkleider-Basar: Tische aufbauen und verkaufen",
        "teaser": "Beim Basar im Gemeindehaus helfen Sie beim Aufbau, an der Kasse oder im Kuchencafé.",
        "description": [
            (
                "Zweimal im Jahr verkaufen wir gut erhaltene Kinderkleidung und Spielsachen. Der Erlös geht "
                "an das Ladencafé. Sie bauen Tische auf, sortieren Kleidung oder verkaufen Kuchen."
            ),
            "Jede helfende Hand zählt. Auch Familien mit Kindern können gemeinsam eine Schicht übernehmen.",
            "Helfer:innen dürfen schon vor Beginn des Basars stöbern.",
        ],
        "categories": ["soziales"],
        "activities": ["organisieren", "kochen"],
        "target_groups": ["familien"],
        "suitable_for": ["familien", "gruppen", "jugendliche"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 25,
        "event_start": "08:30",
        "event_hours": 6,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": 20,
        "remote": False,
        "street": "Engelsberg 4",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 12,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "Früher Einkauf beim Basar",
        "contact_name": "Gabriele Fuchs",
        "contact_phone": "07252 0815-321",
        "contact_email": "laden@brueckenschlag-bretten.example.org",
    },
    {
        "organisation": "br-laden",
        "title": "Umzugshilfe für eine geflüchtete Familie: Möbel tragen",
        "teaser": (
            "Eine Familie zieht in ihre erste eigene Wohnung. Wir suchen kräftige Hände für einen Vormittag."
        ),
        "description": [
            (
                "Eine Familie aus der Ukraine hat endlich eine Wohnung gefunden. Gespendete Möbel müssen "
                "abgeholt, getragen und aufgebaut werden."
            ),
            (
                "Sie können schwer tragen oder gut Möbel aufbauen. Wer einen Transporter fahren kann, ist "
                "besonders willkommen – ein Führerschein ist aber keine Bedingung."
            ),
            "Die Familie lädt alle Helfer:innen zum Mittagessen ein.",
        ],
        "categories": ["flucht-integration", "nachbarschaftshilfe"],
        "activities": ["handwerk", "fahrdienst"],
        "target_groups": ["gefluechtete", "familien"],
        "suitable_for": ["gruppen"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 9,
        "event_start": "10:00",
        "event_hours": 4,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Heilbronner Straße 22",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 5,
        "recruitment_status": "few_places",
        "minimum_age": 18,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Gabriele Fuchs",
        "contact_phone": "07252 0815-321",
        "contact_email": "laden@brueckenschlag-bretten.example.org",
    },
    {
        "organisation": "br-tiere",
        "title": "Gassigeher:in für Tierheim-Hunde",
        "teaser": "Sie gehen mit unseren Hunden spazieren und schenken ihnen Bewegung und Zuwendung.",
        "description": [
            (
                "Unsere Hunde warten jeden Tag auf einen Spaziergang. Sie kommen während der Öffnungszeiten "
                "vorbei und gehen eine Runde durch die Felder rund um Rinklingen."
            ),
            (
                "Sie sind mindestens 16 Jahre alt und mögen Hunde. Vor dem ersten Spaziergang gibt es eine "
                "Einführung. Danach bekommen Sie Hunde, die zu Ihnen passen."
            ),
            "Sie kommen, wann Sie möchten – am Vormittag oder am Nachmittag.",
        ],
        "categories": ["tierschutz"],
        "activities": ["betreuen"],
        "target_groups": ["tiere"],
        "suitable_for": ["einsteiger", "senioren"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Talweg 12",
        "postcode": "75015",
        "place": "Bretten-Rinklingen",
        "volunteers_needed": 20,
        "recruitment_status": "open",
        "minimum_age": 16,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "Feste Schuhe und wetterfeste Kleidung",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Sven Oberle",
        "contact_phone": "07252 0815-331",
        "contact_email": "gassi@pfotenhof-bretten.example.org",
    },
    {
        "organisation": "br-tiere",
        "title": "Hundebetreuung am Wochenende: Füttern, Putzen und Spielen",
        "teaser": "Am Wochenende helfen Sie im Hundehaus beim Füttern, beim Saubermachen und beim Spielen.",
        "description": [
            (
                "Am Wochenende ist unser festes Team klein. Sie füttern die Hunde, machen die Zwinger sauber "
                "und spielen mit den Tieren im Auslauf."
            ),
            (
                "Sie packen gern mit an und haben keine Angst vor großen Hunden. Sie können alle zwei Wochen "
                "einen Dienst übernehmen."
            ),
            "Sie lernen viel über Hundeverhalten. Arbeitskleidung stellen wir.",
        ],
        "categories": ["tierschutz"],
        "activities": ["betreuen"],
        "target_groups": ["tiere"],
        "suitable_for": ["einsteiger"],
        "schedule": "regular",
        "rhythm": "alle zwei Wochen, samstags oder sonntags 8–11 Uhr",
        "hours_per_week": 1.5,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Talweg 12",
        "postcode": "75015",
        "place": "Bretten-Rinklingen",
        "volunteers_needed": 3,
        "recruitment_status": "few_places",
        "minimum_age": 16,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Sven Oberle",
        "contact_phone": "07252 0815-331",
        "contact_email": "gassi@pfotenhof-bretten.example.org",
    },
    {
        "organisation": "br-tiere",
        "title": "Katzenkuscheln: Zeit für scheue Katzen",
        "teaser": (
            "Scheue Katzen brauchen Menschen, die einfach ruhig bei ihnen sitzen, vorlesen oder spielen."
        ),
        "description": [
            (
                "Manche unserer Katzen haben Angst vor Menschen. Sie setzen sich in das Katzenzimmer, lesen "
                "leise vor oder spielen vorsichtig mit den Tieren. So lernen die Katzen, Menschen wieder zu "
                "vertrauen."
            ),
            (
                "Sie sind ruhig und geduldig. Das Engagement passt gut für Menschen, die nicht viel laufen "
                "können."
            ),
            "Im Moment haben wir genug Katzenfreund:innen. Schauen Sie gern später wieder vorbei.",
        ],
        "categories": ["tierschutz"],
        "activities": ["betreuen"],
        "target_groups": ["tiere"],
        "suitable_for": ["senioren", "menschen-mit-behinderung"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Talweg 12",
        "postcode": "75015",
        "place": "Bretten-Rinklingen",
        "volunteers_needed": 6,
        "recruitment_status": "filled",
        "minimum_age": 12,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "Kinder unter 16 Jahren nur in Begleitung eines Erwachsenen",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Sven Oberle",
        "contact_phone": "07252 0815-331",
        "contact_email": "gassi@pfotenhof-bretten.example.org",
    },
    {
        "organisation": "br-tiere",
        "title": "Zaunbau am Hundeauslauf: Handwerker:innen gesucht",
        "teaser": "An einem Samstag erneuern wir den Zaun am großen Auslauf – mit Ihrer Hilfe.",
        "description": [
            (
                "Der Zaun an unserem Hundeauslauf ist alt und hat Lücken. Wir setzen neue Pfosten und "
                "spannen Drahtgitter. Das Material ist schon da."
            ),
            (
                "Sie können mit Werkzeug umgehen oder packen einfach kräftig mit an. Handschuhe und feste "
                "Schuhe sind Pflicht."
            ),
            "Mittags grillen wir gemeinsam. Auch Teams von Firmen sind willkommen.",
        ],
        "categories": ["tierschutz"],
        "activities": ["handwerk"],
        "target_groups": ["tiere"],
        "suitable_for": ["gruppen"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 21,
        "event_start": "09:00",
        "event_hours": 6,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": 17,
        "remote": False,
        "street": "Talweg 12",
        "postcode": "75015",
        "place": "Bretten-Rinklingen",
        "volunteers_needed": 8,
        "recruitment_status": "open",
        "minimum_age": 16,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "Mittagessen vom Grill",
        "contact_name": "Sven Oberle",
        "contact_phone": "07252 0815-331",
        "contact_email": "gassi@pfotenhof-bretten.example.org",
    },
    {
        "organisation": "br-tiere",
        "title": "Tierfotos und Steckbriefe für unsere Webseite",
        "teaser": "Sie bearbeiten Fotos unserer Tiere und schreiben kurze Steckbriefe – von zu Hause aus.",
        "description": [
            (
                "Gute Fotos helfen unseren Tieren, schneller ein neues Zuhause zu finden. Wir schicken Ihnen "
                "Bilder und Infos. Sie bearbeiten die Fotos und schreiben einen freundlichen, ehrlichen "
                "Text."
            ),
            "Sie können mit einem Bildprogramm umgehen und schreiben gern. Ein eigener Computer ist nötig.",
            (
                "Sie arbeiten, wann es Ihnen passt. Mit jedem vermittelten Tier sehen Sie, was Ihre Arbeit "
                "bewirkt."
            ),
        ],
        "categories": ["tierschutz"],
        "activities": ["digitales", "oeffentlichkeitsarbeit"],
        "target_groups": ["tiere"],
        "suitable_for": ["menschen-mit-behinderung", "jugendliche"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": True,
        "street": "",
        "postcode": "",
        "place": "",
        "volunteers_needed": 2,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "Eigener Computer mit Bildbearbeitung",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Sven Oberle",
        "contact_phone": "07252 0815-331",
        "contact_email": "gassi@pfotenhof-bretten.example.org",
    },
    {
        "organisation": "br-senioren",
        "title": "Fahrdienst für Senior:innen zum Arzt und zum Einkaufen",
        "teaser": (
            "Mit Ihrem eigenen Auto bringen Sie ältere Menschen zu Arztterminen, zum Einkaufen oder zum "
            "Friedhof."
        ),
        "description": [
            (
                "Viele ältere Menschen in den Stadtteilen haben kein Auto mehr. Der Bus fährt selten. Sie "
                "holen sie zu Hause ab, bringen sie zum Termin und wieder zurück."
            ),
            (
                "Sie haben einen Führerschein, ein eigenes Auto und etwas Zeit am Vormittag. Sie helfen beim "
                "Ein- und Aussteigen."
            ),
            (
                "Sie bekommen Kilometergeld und sind über die Stadt versichert. Die Fahrten vermittelt das "
                "Seniorenbüro."
            ),
        ],
        "categories": ["senioren", "nachbarschaftshilfe"],
        "activities": ["fahrdienst", "begleiten"],
        "target_groups": ["senioren"],
        "suitable_for": ["senioren"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Melanchthonstraße 3",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 8,
        "recruitment_status": "open",
        "minimum_age": 21,
        "requires_extended_certificate": False,
        "requires_driving_licence": True,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": True,
        "offers_certificate": True,
        "benefits_note": "Kilometergeld für jede Fahrt",
        "contact_name": "Petra Hummel",
        "contact_phone": "07252 0815-341",
        "contact_email": "seniorenbuero@bretten.example.org",
    },
    {
        "organisation": "br-senioren",
        "title": "Lesepat:in für Kinder der ersten Klasse",
        "teaser": (
            "Einmal pro Woche lesen Sie in einer Grundschule mit Erstklässler:innen und wecken Freude an "
            "Büchern."
        ),
        "description": [
            (
                "Lesen lernen ist schwer. Sie kommen einmal pro Woche in eine Grundschule und lesen mit "
                "einzelnen Kindern. Sie hören zu, loben und lesen auch mal vor."
            ),
            (
                "Sie lesen selbst gern und haben Geduld. Das Angebot ist besonders für ältere Menschen "
                "gedacht – so kommen Jung und Alt zusammen. Wir brauchen ein erweitertes Führungszeugnis."
            ),
            "Das Seniorenbüro begleitet Sie und lädt zweimal im Jahr zum Austausch ein.",
        ],
        "categories": ["bildung", "kinder-jugend"],
        "activities": ["unterrichten"],
        "target_groups": ["kinder"],
        "suitable_for": ["senioren", "einsteiger"],
        "schedule": "regular",
        "rhythm": "wöchentlich, ein Vormittag nach Absprache mit der Schule",
        "hours_per_week": 1,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Georg-Wörner-Straße 7",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 6,
        "recruitment_status": "open",
        "minimum_age": 18,
        "requires_extended_certificate": True,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Petra Hummel",
        "contact_phone": "07252 0815-341",
        "contact_email": "seniorenbuero@bretten.example.org",
    },
    {
        "organisation": "br-senioren",
        "title": "Bewegungstreff im Park: Sitzgymnastik anleiten",
        "teaser": (
            "Sie leiten eine kleine Gruppe älterer Menschen bei leichten Übungen im Sitzen und Stehen an."
        ),
        "description": [
            (
                "Jeden Montag treffen sich Senior:innen zu einer Stunde Bewegung, im Sommer im Park, im "
                "Winter im Saal. Sie zeigen einfache Übungen für Arme, Beine und Gleichgewicht."
            ),
            (
                "Sie bewegen sich gern und können eine Gruppe motivieren. Eine Übungsleiter-Lizenz ist nicht "
                "nötig. Wir bezahlen Ihnen einen Kurs dafür."
            ),
            "Sie bekommen eine kleine Aufwandsentschädigung und viel Dankbarkeit.",
        ],
        "categories": ["sport", "senioren"],
        "activities": ["sport-anleiten"],
        "target_groups": ["senioren"],
        "suitable_for": ["senioren"],
        "schedule": "regular",
        "rhythm": "wöchentlich, montags 10–11 Uhr",
        "hours_per_week": 1.5,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Melanchthonstraße 3",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 2,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "Saal und Park sind mit Rollator und Rollstuhl erreichbar.",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": True,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Petra Hummel",
        "contact_phone": "07252 0815-341",
        "contact_email": "seniorenbuero@bretten.example.org",
    },
    {
        "organisation": "br-senioren",
        "title": "Digitale Seniorenzeitung: Texte schreiben und gestalten",
        "teaser": "Sie schreiben Texte für unsere Online-Zeitung von und für ältere Menschen in Bretten.",
        "description": [
            (
                "Viermal im Jahr erscheint unsere Seniorenzeitung im Internet. Es gibt Berichte über "
                "Ausflüge, Tipps für den Alltag und Erinnerungen an das alte Bretten. Sie schreiben Texte "
                "oder gestalten die Seiten."
            ),
            (
                "Sie schreiben gern oder kennen sich mit einfachen Programmen zur Gestaltung aus. Sie "
                "arbeiten von zu Hause aus."
            ),
            "Die Redaktion trifft sich einmal im Monat per Video. Ihr Name steht natürlich im Impressum.",
        ],
        "categories": ["senioren", "kultur"],
        "activities": ["oeffentlichkeitsarbeit", "digitales"],
        "target_groups": ["senioren"],
        "suitable_for": ["senioren", "menschen-mit-behinderung"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": True,
        "street": "",
        "postcode": "",
        "place": "",
        "volunteers_needed": 3,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Petra Hummel",
        "contact_phone": "07252 0815-341",
        "contact_email": "seniorenbuero@bretten.example.org",
    },
    {
        "organisation": "br-senioren",
        "title": "Herbstausflug begleiten: Rollstühle schieben und dabei sein",
        "teaser": (
            "Für den Ausflug des Seniorenbüros haben wir Begleiter:innen für Menschen im Rollstuhl gesucht."
        ),
        "description": [
            (
                "Mit dem Bus ging es für einen Tag in den Kraichgau. Die Begleiter:innen haben Rollstühle "
                "geschoben, beim Essen geholfen und für gute Stimmung gesorgt."
            ),
            (
                "Der Ausflug ist vorbei. Der nächste Ausflug steht schon in Planung – fragen Sie gern beim "
                "Seniorenbüro nach."
            ),
        ],
        "categories": ["senioren"],
        "activities": ["begleiten"],
        "target_groups": ["senioren", "menschen-mit-behinderung"],
        "suitable_for": ["einsteiger"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": -14,
        "event_start": "08:30",
        "event_hours": 9,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Melanchthonstraße 3",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 6,
        "recruitment_status": "closed",
        "minimum_age": 18,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Petra Hummel",
        "contact_phone": "07252 0815-341",
        "contact_email": "seniorenbuero@bretten.example.org",
    },
    {
        "organisation": "et-sport",
        "title": "Übungsleiter:in für Kinderturnen (4 bis 6 Jahre)",
        "teaser": (
            "Sie leiten eine fröhliche Turngruppe für Kindergartenkinder mit Spielen, Klettern und "
            "Balancieren."
        ),
        "description": [
            (
                "Jeden Mittwoch toben bis zu 15 Kinder durch unsere Halle. Sie bauen mit ihnen "
                "Bewegungslandschaften auf, spielen Fangspiele und üben Purzelbäume. Eine zweite Person "
                "hilft Ihnen dabei."
            ),
            (
                "Sie sind mindestens 16 Jahre alt und haben Freude an Bewegung mit Kindern. Eine Lizenz "
                "brauchen Sie am Anfang nicht – die Ausbildung bezahlt der Verein. Wir brauchen ein "
                "erweitertes Führungszeugnis."
            ),
            "Sie bekommen die Übungsleiterpauschale und sind über den Verein versichert.",
        ],
        "categories": ["sport", "kinder-jugend"],
        "activities": ["sport-anleiten"],
        "target_groups": ["kinder"],
        "suitable_for": ["jugendliche"],
        "schedule": "regular",
        "rhythm": "wöchentlich, mittwochs 15–16:30 Uhr",
        "hours_per_week": 2,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Rastatter Straße 80",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 2,
        "recruitment_status": "open",
        "minimum_age": 16,
        "requires_extended_certificate": True,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": True,
        "offers_certificate": True,
        "benefits_note": "Übungsleiter-Ausbildung und Übungsleiterpauschale",
        "contact_name": "Marco Heinzelmann",
        "contact_phone": "07243 0815-411",
        "contact_email": "ehrenamt@sf-albaue.example.org",
    },
    {
        "organisation": "et-sport",
        "title": "Begleitläufer:in für den inklusiven Lauftreff",
        "teaser": "Sie laufen gemeinsam mit Menschen mit Behinderung – im eigenen Tempo und mit viel Spaß.",
        "description": [
            (
                "Im inklusiven Lauftreff laufen oder walken Menschen mit und ohne Behinderung zusammen an "
                "der Alb. Einige brauchen eine Begleitung, zum Beispiel weil sie nicht gut sehen. Sie laufen "
                "an ihrer Seite."
            ),
            (
                "Sie können etwa 30 Minuten locker laufen oder zügig gehen. Eine kurze Schulung zur "
                "Begleitung blinder Läufer:innen bekommen Sie bei uns."
            ),
            "Sie werden Teil einer herzlichen Laufgruppe. Nach dem Lauf gibt es oft noch einen Kaffee.",
        ],
        "categories": ["sport", "gesundheit-pflege"],
        "activities": ["sport-anleiten", "begleiten"],
        "target_groups": ["menschen-mit-behinderung"],
        "suitable_for": ["einsteiger", "jugendliche"],
        "schedule": "regular",
        "rhythm": "wöchentlich, samstags 9–10:30 Uhr",
        "hours_per_week": 1.5,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Pforzheimer Straße 2",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 5,
        "recruitment_status": "open",
        "minimum_age": 16,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Marco Heinzelmann",
        "contact_phone": "07243 0815-411",
        "contact_email": "ehrenamt@sf-albaue.example.org",
    },
    {
        "organisation": "et-sport",
        "title": "Rettungsschwimmer:in für die Badeaufsicht am See",
        "teaser": (
            "An Sommerwochenenden passen Sie beim Vereinsschwimmen im See auf und sind im Notfall schnell da."
        ),
        "description": [
            (
                "Im Sommer trainieren unsere Schwimmgruppen auch im Freiwasser. Sie sitzen am Ufer oder im "
                "Boot, behalten alle im Blick und helfen, wenn jemand Probleme hat."
            ),
            (
                "Sie haben das Rettungsschwimmabzeichen in Silber (oder machen es bei uns). Sie sind "
                "mindestens 16 Jahre alt."
            ),
            (
                "Die Kosten für das Abzeichen übernimmt der Verein. Sie tragen sich nur für die Tage ein, an "
                "denen Sie Zeit haben."
            ),
        ],
        "categories": ["rettung", "sport"],
        "activities": ["betreuen"],
        "target_groups": ["alle"],
        "suitable_for": ["jugendliche"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": 20,
        "ends_in_days": 110,
        "deadline_in_days": None,
        "remote": False,
        "street": "Am Buchtzig 1",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 4,
        "recruitment_status": "few_places",
        "minimum_age": 16,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "Deutsches Rettungsschwimmabzeichen Silber (oder Bereitschaft, es zu erwerben)",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Marco Heinzelmann",
        "contact_phone": "07243 0815-411",
        "contact_email": "ehrenamt@sf-albaue.example.org",
    },
    {
        "organisation": "et-sport",
        "title": "Helfer:innen für den Kinder-Sporttag",
        "teaser": (
            "Beim Sporttag für Grundschulkinder betreuen Sie eine Station, messen Zeiten oder verteilen "
            "Urkunden."
        ),
        "description": [
            (
                "Über 200 Kinder aus Ettlinger Grundschulen kommen zu unserem Sporttag. Es gibt Stationen "
                "zum Springen, Werfen, Balancieren und einen Staffellauf."
            ),
            (
                "Sie betreuen eine Station, schreiben Ergebnisse auf oder helfen an der Ausgabe von Obst und "
                "Wasser. Eine kurze Einweisung gibt es am Morgen."
            ),
            "Alle Helfer:innen bekommen ein Mittagessen und ein Sporttag-T-Shirt.",
        ],
        "categories": ["sport", "kinder-jugend"],
        "activities": ["organisieren", "sport-anleiten"],
        "target_groups": ["kinder", "familien"],
        "suitable_for": ["jugendliche", "gruppen", "familien"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 33,
        "event_start": "08:30",
        "event_hours": 6,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": 26,
        "remote": False,
        "street": "Rastatter Straße 80",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 25,
        "recruitment_status": "open",
        "minimum_age": 14,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "Mittagessen und T-Shirt",
        "contact_name": "Marco Heinzelmann",
        "contact_phone": "07243 0815-411",
        "contact_email": "ehrenamt@sf-albaue.example.org",
    },
    {
        "organisation": "et-sport",
        "title": "Mitgliederverwaltung und Kasse unterstützen",
        "teaser": (
            "Sie helfen unserem Vorstand bei Mitgliederlisten, Beiträgen und der Vorbereitung der "
            "Kassenprüfung."
        ),
        "description": [
            (
                "Ein Verein mit 900 Mitgliedern macht viel Papierkram. Sie pflegen die Mitgliederdaten, "
                "kümmern sich um neue Anmeldungen und unterstützen den Kassenwart."
            ),
            (
                "Sie arbeiten sorgfältig und kennen sich mit Tabellen am Computer aus. Erfahrung aus dem "
                "Büro ist hilfreich."
            ),
            "Sie teilen sich die Zeit frei ein. Vieles geht abends oder am Wochenende.",
        ],
        "categories": ["sport"],
        "activities": ["verwaltung"],
        "target_groups": ["alle"],
        "suitable_for": ["senioren"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Rastatter Straße 80",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 1,
        "recruitment_status": "open",
        "minimum_age": 18,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Marco Heinzelmann",
        "contact_phone": "07243 0815-411",
        "contact_email": "ehrenamt@sf-albaue.example.org",
    },
    {
        "organisation": "et-sport",
        "title": "Vereinsheim streichen: Malerarbeiten an einem Samstag",
        "teaser": (
            "Für einen Arbeitseinsatz im Vereinsheim haben wir Helfer:innen mit Pinsel und Farbrolle gesucht."
        ),
        "description": [
            (
                "Das Vereinsheim hat einen neuen Anstrich bekommen. Viele Mitglieder und Freund:innen haben "
                "einen Tag lang gestrichen, geklebt und geputzt."
            ),
            "Der Einsatz ist vorbei und alle Plätze waren besetzt. Danke für die tolle Hilfe!",
        ],
        "categories": ["sport"],
        "activities": ["handwerk"],
        "target_groups": ["alle"],
        "suitable_for": ["gruppen"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": -30,
        "event_start": "09:00",
        "event_hours": 7,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Rastatter Straße 80",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 12,
        "recruitment_status": "filled",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Marco Heinzelmann",
        "contact_phone": "07243 0815-411",
        "contact_email": "ehrenamt@sf-albaue.example.org",
    },
    {
        "organisation": "et-kirche",
        "title": "Ehrenamtliche Hospizbegleitung",
        "teaser": (
            "Sie begleiten schwer kranke Menschen in ihrer letzten Lebenszeit und entlasten ihre Angehörigen."
        ),
        "description": [
            (
                "Sie besuchen einen schwer kranken Menschen zu Hause oder im Pflegeheim. Sie hören zu, lesen "
                "vor oder sind einfach da. So haben auch die Angehörigen einmal Zeit für sich."
            ),
            (
                "Sie sind offen für das Thema Sterben und Trauer. Vor dem ersten Einsatz besuchen Sie "
                "unseren Vorbereitungskurs. Er geht über mehrere Monate, an Abenden und einigen Samstagen."
            ),
            (
                "Sie werden nie allein gelassen: Es gibt regelmäßige Gruppentreffen und Gespräche mit "
                "unseren Koordinatorinnen. Der Kurs ist für Sie kostenlos."
            ),
        ],
        "categories": ["gesundheit-pflege"],
        "activities": ["begleiten"],
        "target_groups": ["kranke"],
        "suitable_for": [],
        "schedule": "regular",
        "rhythm": "etwa einmal pro Woche nach Absprache, nach dem Vorbereitungskurs",
        "hours_per_week": 2,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": 60,
        "ends_in_days": None,
        "deadline_in_days": 40,
        "remote": False,
        "street": "Leopoldstraße 12",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 8,
        "recruitment_status": "open",
        "minimum_age": 21,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": True,
        "offers_certificate": True,
        "benefits_note": "Kostenloser Vorbereitungskurs, Supervision und Fahrtkostenerstattung",
        "contact_name": "Ursula Bender",
        "contact_phone": "07243 0815-421",
        "contact_email": "kontakt@hospizdienst-ettlingen.example.org",
    },
    {
        "organisation": "et-kirche",
        "title": "Trauercafé: Gastgeber:in für Kaffee und Gespräche",
        "teaser": "Im Trauercafé decken Sie den Tisch, kochen Kaffee und sind für trauernde Menschen da.",
        "description": [
            (
                "Einmal im Monat öffnet unser Trauercafé. Menschen, die jemanden verloren haben, können hier "
                "reden oder einfach nur zusammensitzen. Sie sorgen dafür, dass sich alle willkommen fühlen."
            ),
            (
                "Sie können gut zuhören und halten auch Stille aus. Eine hauptamtliche Trauerbegleiterin ist "
                "immer dabei."
            ),
            "Sie bekommen eine kurze Einführung in das Thema Trauer.",
        ],
        "categories": ["gesundheit-pflege", "soziales"],
        "activities": ["kochen", "begleiten"],
        "target_groups": ["alle"],
        "suitable_for": ["senioren"],
        "schedule": "regular",
        "rhythm": "monatlich, am zweiten Sonntag 15–17 Uhr",
        "hours_per_week": 0.5,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Leopoldstraße 12",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 2,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "Gemeindesaal mit Rampe und barrierefreier Toilette.",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Ursula Bender",
        "contact_phone": "07243 0815-421",
        "contact_email": "kontakt@hospizdienst-ettlingen.example.org",
    },
    {
        "organisation": "et-kirche",
        "title": "Besuchsdienst im Krankenhaus: Zuhören und da sein",
        "teaser": "Sie besuchen Patient:innen, die selten Besuch bekommen, und schenken ihnen Zeit.",
        "description": [
            (
                "Im Krankenhaus fühlen sich manche Menschen sehr allein. Sie gehen über die Station, fragen, "
                "wer sich über Besuch freut, und bleiben für ein Gespräch."
            ),
            (
                "Sie sind einfühlsam und können mit schwierigen Situationen umgehen. Eine Schulung bereitet "
                "Sie vor."
            ),
            "Zurzeit ist unser Team voll. Wir melden uns, wenn wieder Plätze frei werden.",
        ],
        "categories": ["gesundheit-pflege"],
        "activities": ["begleiten"],
        "target_groups": ["kranke"],
        "suitable_for": [],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Leopoldstraße 12",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 6,
        "recruitment_status": "filled",
        "minimum_age": 18,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Ursula Bender",
        "contact_phone": "07243 0815-421",
        "contact_email": "kontakt@hospizdienst-ettlingen.example.org",
    },
    {
        "organisation": "et-kirche",
        "title": "Gemeindefest: Kuchenbuffet und Spülmobil",
        "teaser": "Beim ökumenischen Gemeindefest helfen Sie am Kuchenbuffet oder beim Spülen im Spülmobil.",
        "description": [
            (
                "Einmal im Jahr feiern beide Gemeinden zusammen ein Fest auf dem Kirchplatz. Es gibt Musik, "
                "Spiele und ein riesiges Kuchenbuffet."
            ),
            (
                "Sie verkaufen Kuchen, schenken Kaffee aus oder spülen Geschirr – denn wir verzichten auf "
                "Einweggeschirr. Schichten dauern zwei Stunden."
            ),
            "Sie sind Teil eines fröhlichen Festes und lernen viele Menschen kennen.",
        ],
        "categories": ["kultur", "nachbarschaftshilfe"],
        "activities": ["kochen", "organisieren"],
        "target_groups": ["alle"],
        "suitable_for": ["familien", "jugendliche", "gruppen"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 16,
        "event_start": "11:00",
        "event_hours": 6,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Kirchenplatz 1",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 15,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Ursula Bender",
        "contact_phone": "07243 0815-421",
        "contact_email": "kontakt@hospizdienst-ettlingen.example.org",
    },
    {
        "organisation": "et-kirche",
        "title": "Begleitung für den ökumenischen Kinderchor",
        "teaser": "Sie helfen bei den Chorproben mit Kindern von 6 bis 10 Jahren und begleiten Auftritte.",
        "description": [
            (
                "Unser Kinderchor probt jede Woche mit einer Chorleiterin. Sie kümmern sich um die Kinder, "
                "verteilen Noten und helfen, wenn es mal unruhig wird."
            ),
            (
                "Sie singen gern und mögen Kinder. Für die Arbeit mit Kindern brauchen wir ein erweitertes "
                "Führungszeugnis."
            ),
            "Bei Auftritten in der Weihnachtszeit und beim Gemeindefest sind Sie mit dabei.",
        ],
        "categories": ["kultur", "kinder-jugend"],
        "activities": ["betreuen"],
        "target_groups": ["kinder"],
        "suitable_for": ["senioren", "jugendliche"],
        "schedule": "regular",
        "rhythm": "wöchentlich, dienstags 16–17 Uhr",
        "hours_per_week": 1,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Kirchenplatz 1",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 2,
        "recruitment_status": "open",
        "minimum_age": 16,
        "requires_extended_certificate": True,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Ursula Bender",
        "contact_phone": "07243 0815-421",
        "contact_email": "kontakt@hospizdienst-ettlingen.example.org",
    },
    {
        "organisation": "et-natur",
        "title": "Bachputzete an der Alb: Müll sammeln mit der ganzen Familie",
        "teaser": "Gemeinsam befreien wir das Ufer der Alb von Müll – ein Vormittag für die Natur.",
        "description": [
            (
                "Am Ufer der Alb liegt leider viel Müll: Flaschen, Verpackungen, sogar alte Fahrräder. In "
                "kleinen Gruppen sammeln wir alles ein, was nicht in die Natur gehört."
            ),
            (
                "Jede und jeder kann mitmachen, auch Kinder mit ihren Eltern. Bitte bringen Sie Gummistiefel "
                "oder feste Schuhe mit. Handschuhe, Greifzangen und Säcke stellen wir."
            ),
            (
                "Zum Schluss gibt es eine warme Suppe und einen Blick auf den Müllberg, den wir gemeinsam "
                "gesammelt haben."
            ),
        ],
        "categories": ["umwelt-natur"],
        "activities": ["gaertnern"],
        "target_groups": ["alle"],
        "suitable_for": ["familien", "gruppen", "einsteiger"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 20,
        "event_start": "10:00",
        "event_hours": 3,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Albstraße 10",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 30,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "Warme Suppe zum Abschluss",
        "contact_name": "Lena Wacker",
        "contact_phone": "07243 0815-431",
        "contact_email": "mitmachen@naturwerk-albtal.example.org",
    },
    {
        "organisation": "et-natur",
        "title": "Apfelernte auf der Streuobstwiese in Ettlingenweier",
        "teaser": (
            "Wir ernten gemeinsam Äpfel und Birnen von alten Hochstamm-Bäumen. Der Saft wird danach geteilt."
        ),
        "description": [
            (
                "Auf unserer Streuobstwiese stehen über 40 alte Obstbäume. Wir schütteln die Bäume, sammeln "
                "das Obst auf und bringen es zur Mosterei."
            ),
            (
                "Sie brauchen keine Erfahrung, nur Lust auf einen Tag an der frischen Luft. Auch Kinder und "
                "ältere Menschen können helfen – Aufsammeln geht auch im Sitzen."
            ),
            "Alle Helfer:innen bekommen Apfelsaft aus der eigenen Ernte.",
        ],
        "categories": ["umwelt-natur"],
        "activities": ["gaertnern"],
        "target_groups": ["alle"],
        "suitable_for": ["familien", "gruppen", "senioren"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 50,
        "event_start": "09:30",
        "event_hours": 4,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Hauptstraße 120",
        "postcode": "76275",
        "place": "Ettlingen-Ettlingenweier",
        "volunteers_needed": 20,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "Apfelsaft aus der eigenen Ernte",
        "contact_name": "Lena Wacker",
        "contact_phone": "07243 0815-431",
        "contact_email": "mitmachen@naturwerk-albtal.example.org",
    },
    {
        "organisation": "et-natur",
        "title": "Baumschnitt-Team für alte Obstbäume",
        "teaser": (
            "Sie lernen, alte Obstbäume richtig zu schneiden, und helfen bei der Pflege unserer Wiesen."
        ),
        "description": [
            (
                "Damit alte Obstbäume gesund bleiben, brauchen sie regelmäßig einen Schnitt. In kleinen "
                "Teams schneiden wir Äste und tragen das Holz zusammen."
            ),
            (
                "Sie sind schwindelfrei und können auf einer Leiter arbeiten. Wie man richtig schneidet, "
                "zeigen wir Ihnen in einem kostenlosen Kurs."
            ),
            "Die Termine legen wir gemeinsam fest, je nach Wetter.",
        ],
        "categories": ["umwelt-natur"],
        "activities": ["gaertnern", "handwerk"],
        "target_groups": ["alle"],
        "suitable_for": ["einsteiger"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": 30,
        "ends_in_days": 120,
        "deadline_in_days": None,
        "remote": False,
        "street": "Hauptstraße 120",
        "postcode": "76275",
        "place": "Ettlingen-Ettlingenweier",
        "volunteers_needed": 6,
        "recruitment_status": "open",
        "minimum_age": 18,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "Schwindelfreiheit für Arbeiten auf der Leiter",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Lena Wacker",
        "contact_phone": "07243 0815-431",
        "contact_email": "mitmachen@naturwerk-albtal.example.org",
    },
    {
        "organisation": "et-natur",
        "title": "Amphibienschutz: Kröten sicher über die Straße tragen",
        "teaser": (
            "Während der Krötenwanderung haben wir Helfer:innen gesucht, die Eimer am Schutzzaun leeren."
        ),
        "description": [
            (
                "Jedes Frühjahr wandern Kröten und Molche zu ihren Laichgewässern und müssen dabei eine "
                "Straße überqueren. Freiwillige haben morgens und abends die Eimer am Schutzzaun geleert und "
                "die Tiere sicher über die Straße gebracht."
            ),
            "Die Wanderzeit ist vorbei. Im nächsten Frühjahr suchen wir wieder Helfer:innen.",
        ],
        "categories": ["umwelt-natur", "tierschutz"],
        "activities": ["betreuen"],
        "target_groups": ["tiere"],
        "suitable_for": ["familien", "einsteiger"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": -100,
        "ends_in_days": -40,
        "deadline_in_days": None,
        "remote": False,
        "street": "Schöllbronner Straße 120",
        "postcode": "76275",
        "place": "Ettlingen-Schöllbronn",
        "volunteers_needed": 15,
        "recruitment_status": "closed",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Lena Wacker",
        "contact_phone": "07243 0815-431",
        "contact_email": "mitmachen@naturwerk-albtal.example.org",
    },
    {
        "organisation": "et-natur",
        "title": "Repair-Café Ettlingen: Reparieren statt wegwerfen",
        "teaser": "Sie reparieren gemeinsam mit Besucher:innen Elektrogeräte, Spielzeug oder Kleidung.",
        "description": [
            (
                "Im Repair-Café zeigen wir, dass kaputt nicht gleich Müll bedeutet. Sie helfen "
                "Besucher:innen, ihre Geräte selbst zu reparieren. Sie erklären, was Sie tun, und geben "
                "Tipps."
            ),
            (
                "Sie kennen sich mit Elektrik, Holz, Nähen oder Computern aus. Für Elektrogeräte sollten Sie "
                "Erfahrung mitbringen."
            ),
            (
                "Werkzeug ist vorhanden. Sie sind versichert und treffen Menschen, die genauso gern tüfteln "
                "wie Sie."
            ),
        ],
        "categories": ["umwelt-natur", "nachbarschaftshilfe"],
        "activities": ["handwerk", "beraten"],
        "target_groups": ["alle"],
        "suitable_for": ["senioren", "einsteiger"],
        "schedule": "regular",
        "rhythm": "monatlich, am letzten Samstag 10–13 Uhr",
        "hours_per_week": 1,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Schillerstraße 7",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 5,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Lena Wacker",
        "contact_phone": "07243 0815-431",
        "contact_email": "mitmachen@naturwerk-albtal.example.org",
    },
    {
        "organisation": "et-natur",
        "title": "Gemeinschaftsgarten: Beete gießen im Sommer",
        "teaser": "Sie gießen im Sommer die Hochbeete in unserem Gemeinschaftsgarten – wann es Ihnen passt.",
        "description": [
            (
                "In unserem Gemeinschaftsgarten wachsen Tomaten, Kräuter und Blumen. Im Sommer müssen die "
                "Beete fast jeden Tag gegossen werden. Über eine einfache Liste tragen Sie sich für einzelne "
                "Tage ein."
            ),
            "Sie brauchen keine Gartenerfahrung. Die Hochbeete sind gut mit dem Rollstuhl erreichbar.",
            "Natürlich dürfen Sie auch ernten. Einmal im Monat gibt es ein gemeinsames Gartenfest.",
        ],
        "categories": ["umwelt-natur"],
        "activities": ["gaertnern"],
        "target_groups": ["alle"],
        "suitable_for": ["familien", "menschen-mit-behinderung", "einsteiger"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": 5,
        "ends_in_days": 100,
        "deadline_in_days": None,
        "remote": False,
        "street": "Kronenstraße 22",
        "postcode": "76275",
        "place": "Ettlingen",
        "volunteers_needed": 10,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "Hochbeete und Wege sind mit Rollstuhl und Rollator gut erreichbar.",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Lena Wacker",
        "contact_phone": "07243 0815-431",
        "contact_email": "mitmachen@naturwerk-albtal.example.org",
    },
    {
        "organisation": "et-kaleidoskop",
        "title": "Sprachpat:in: Einmal pro Woche Deutsch üben",
        "teaser": "Sie treffen sich regelmäßig mit einer zugewanderten Person und üben Deutsch im Alltag.",
        "description": [
            (
                "Sprache lernt man am besten im echten Leben. Sie treffen sich mit Ihrer Sprachpartnerin "
                "oder Ihrem Sprachpartner zum Spazierengehen, Einkaufen oder im Café und sprechen Deutsch."
            ),
            "Sie sprechen gut Deutsch und sind offen für andere Kulturen. Unterrichten müssen Sie nicht.",
            "Wir bringen Sie zusammen und laden regelmäßig zu Treffen aller Sprachpat:innen ein.",
        ],
        "categories": ["flucht-integration", "bildung"],
        "activities": ["unterrichten", "begleiten"],
        "target_groups": ["gefluechtete"],
        "suitable_for": ["einsteiger", "senioren"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Hertzstraße 14",
        "postcode": "76275",
        "place": "Ettlingen-West",
        "volunteers_needed": 12,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "Gute Deutschkenntnisse",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": True,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Samir Haddad",
        "contact_phone": "07243 0815-441",
        "contact_email": "s.haddad@kaleidoskop-ettlingen.example.org",
    },
    {
        "organisation": "et-kaleidoskop",
        "title": "Online-Nachhilfe in Deutsch für Jugendliche",
        "teaser": (
            "Per Videoanruf unterstützen Sie zugewanderte Jugendliche beim Deutschlernen für die Schule."
        ),
        "description": [
            (
                "Viele Jugendliche, die neu in Deutschland sind, müssen schnell Deutsch lernen. Sie treffen "
                "sich online mit einer oder einem Jugendlichen und üben Grammatik, Lesen oder Referate."
            ),
            (
                "Sie sprechen sehr gut Deutsch und können geduldig erklären. Sie haben einen Computer mit "
                "Kamera. Wir brauchen ein erweitertes Führungszeugnis."
            ),
            "Die Termine sprechen Sie selbst ab. Wir stellen Ihnen Lernmaterial zur Verfügung.",
        ],
        "categories": ["flucht-integration", "bildung"],
        "activities": ["unterrichten", "digitales"],
        "target_groups": ["jugendliche", "gefluechtete"],
        "suitable_for": [],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": True,
        "street": "",
        "postcode": "",
        "place": "",
        "volunteers_needed": 6,
        "recruitment_status": "open",
        "minimum_age": 18,
        "requires_extended_certificate": True,
        "requires_driving_licence": False,
        "language_requirements": "Sehr gute Deutschkenntnisse",
        "other_requirements": "Computer mit Kamera und stabiles Internet",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Samir Haddad",
        "contact_phone": "07243 0815-441",
        "contact_email": "s.haddad@kaleidoskop-ettlingen.example.org",
    },
    {
        "organisation": "et-kaleidoskop",
        "title": "Kinderbetreuung beim internationalen Frauenfrühstück",
        "teaser": "Während die Mütter frühstücken und sich austauschen, spielen Sie mit den Kindern.",
        "description": [
            (
                "Beim Frauenfrühstück treffen sich Frauen aus vielen Ländern. Damit sie in Ruhe reden "
                "können, gibt es eine Kinderbetreuung im Nebenraum. Sie spielen, malen und lesen mit den "
                "Kindern."
            ),
            (
                "Sie haben Erfahrung mit Kindern und bleiben auch im Trubel ruhig. Andere Sprachen sind ein "
                "Plus. Für die Arbeit mit Kindern brauchen wir ein erweitertes Führungszeugnis."
            ),
            "Natürlich dürfen Sie danach auch am Frühstücksbuffet zugreifen.",
        ],
        "categories": ["kinder-jugend", "flucht-integration"],
        "activities": ["betreuen"],
        "target_groups": ["kinder", "gefluechtete"],
        "suitable_for": ["jugendliche"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 11,
        "event_start": "09:30",
        "event_hours": 3,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Hertzstraße 14",
        "postcode": "76275",
        "place": "Ettlingen-West",
        "volunteers_needed": 3,
        "recruitment_status": "open",
        "minimum_age": 16,
        "requires_extended_certificate": True,
        "requires_driving_licence": False,
        "language_requirements": "Arabisch, Dari oder Ukrainisch hilfreich",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Samir Haddad",
        "contact_phone": "07243 0815-441",
        "contact_email": "s.haddad@kaleidoskop-ettlingen.example.org",
    },
    {
        "organisation": "et-kaleidoskop",
        "title": "Internationales Straßenfest: Stände aufbauen und Gäste begrüßen",
        "teaser": "Beim Straßenfest helfen Sie beim Aufbau, an den Essensständen oder am Infostand.",
        "description": [
            (
                "Einmal im Jahr feiert Ettlingen-West ein Straßenfest mit Musik und Essen aus vielen "
                "Ländern. Sie bauen Stände auf, helfen beim Kochen oder begrüßen Gäste am Infostand."
            ),
            (
                "Sie sind offen und packen gern mit an. Für den Aufbau sind kräftige Hände gefragt, für den "
                "Infostand gute Laune."
            ),
            "Sie feiern mit und probieren Gerichte aus der ganzen Welt.",
        ],
        "categories": ["flucht-integration", "kultur"],
        "activities": ["organisieren", "kochen"],
        "target_groups": ["alle"],
        "suitable_for": ["gruppen", "jugendliche", "familien"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 60,
        "event_start": "12:00",
        "event_hours": 8,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": 50,
        "remote": False,
        "street": "Hertzstraße 14",
        "postcode": "76275",
        "place": "Ettlingen-West",
        "volunteers_needed": 20,
        "recruitment_status": "open",
        "minimum_age": 14,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": True,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Samir Haddad",
        "contact_phone": "07243 0815-441",
        "contact_email": "s.haddad@kaleidoskop-ettlingen.example.org",
    },
    {
        "organisation": "et-kaleidoskop",
        "title": "Texte in Leichter Sprache für unsere Webseite",
        "teaser": (
            "Sie überarbeiten Texte auf unserer Webseite, damit alle sie gut verstehen – von zu Hause aus."
        ),
        "description": [
            (
                "Auf unserer Webseite erklären wir Beratungsangebote und Kurse. Viele Texte sind noch zu "
                "schwer. Sie schreiben sie in einfache Sprache um: kurze Sätze, keine Fachwörter."
            ),
            (
                "Sie schreiben gern und genau. Erfahrung mit Leichter Sprache ist schön, aber keine "
                "Bedingung. Wir haben eine Anleitung für Sie."
            ),
            "Sie arbeiten, wann und wo Sie möchten. Ihre Texte helfen vielen Menschen beim Ankommen.",
        ],
        "categories": ["bildung", "flucht-integration"],
        "activities": ["oeffentlichkeitsarbeit", "digitales"],
        "target_groups": ["gefluechtete", "alle"],
        "suitable_for": ["menschen-mit-behinderung", "senioren"],
        "schedule": "flexible",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": None,
        "event_start": None,
        "event_hours": None,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": True,
        "street": "",
        "postcode": "",
        "place": "",
        "volunteers_needed": 2,
        "recruitment_status": "open",
        "minimum_age": None,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": True,
        "benefits_note": "",
        "contact_name": "Samir Haddad",
        "contact_phone": "07243 0815-441",
        "contact_email": "s.haddad@kaleidoskop-ettlingen.example.org",
    },
    {
        "organisation": "et-kaleidoskop",
        "title": "Fahrradwerkstatt-Tag: Räder für Geflüchtete fit machen",
        "teaser": (
            "An einem Samstag reparieren wir gespendete Fahrräder für Menschen, die neu in Ettlingen sind."
        ),
        "description": [
            (
                "Viele gespendete Fahrräder brauchen neue Bremsen, Schläuche oder Licht. An einem "
                "Werkstatt-Tag machen wir sie gemeinsam verkehrssicher."
            ),
            (
                "Sie können Fahrräder reparieren oder möchten es lernen. Erfahrene Schrauber:innen zeigen "
                "Ihnen, wie es geht."
            ),
            "Am Nachmittag bekommen die neuen Besitzer:innen ihre Räder – ein schöner Moment für alle.",
        ],
        "categories": ["flucht-integration", "nachbarschaftshilfe"],
        "activities": ["handwerk"],
        "target_groups": ["gefluechtete"],
        "suitable_for": ["gruppen", "jugendliche", "einsteiger"],
        "schedule": "one_off",
        "rhythm": "",
        "hours_per_week": None,
        "event_in_days": 27,
        "event_start": "10:00",
        "event_hours": 5,
        "starts_in_days": None,
        "ends_in_days": None,
        "deadline_in_days": None,
        "remote": False,
        "street": "Hertzstraße 14",
        "postcode": "76275",
        "place": "Ettlingen-West",
        "volunteers_needed": 8,
        "recruitment_status": "open",
        "minimum_age": 14,
        "requires_extended_certificate": False,
        "requires_driving_licence": False,
        "language_requirements": "",
        "other_requirements": "",
        "barrier_free": False,
        "accessibility_note": "",
        "offers_training": False,
        "offers_insurance": True,
        "offers_expense_allowance": False,
        "offers_certificate": False,
        "benefits_note": "",
        "contact_name": "Samir Haddad",
        "contact_phone": "07243 0815-441",
        "contact_email": "s.haddad@kaleidoskop-ettlingen.example.org",
    },
]
