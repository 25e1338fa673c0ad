"""German default content for new legal pages. Editors adapt it in Wagtail; it is never overwritten.

Written in simple German. Placeholders in square brackets mark what a city must fill in itself.
"""

from django.conf import settings
from django.utils.html import escape


def _operator(city) -> dict:
    if city is None:
        return {
            "owner": "die Städte Baden-Baden, Bretten und Ettlingen",
            "owner_title": "Städte Baden-Baden, Bretten und Ettlingen",
            "contact": "die Ansprechpersonen für Ehrenamt der drei Städte",
            "email": "",
        }
    contact = city.contact_name or f"Ansprechperson Ehrenamt der Stadt {city.title}"
    return {
        "owner": f"die Stadt {city.title}",
        "owner_title": f"Stadt {city.title}",
        "contact": contact,
        "email": city.contact_email,
    }


def _contact_html(op) -> str:
    email = (
        f' E-Mail: <a href="mailto:{escape(op["email"])}">{escape(op["email"])}</a>' if op["email"] else ""
    )
    return f"<p>{escape(op['contact'])}.{email}</p>"


def impressum(city) -> str:
    op = _operator(city)
    return (
        f"<h2>Anbieter</h2><p>{escape(op['owner_title'])}<br/>[Anschrift der Stadtverwaltung]</p>"
        "<p>Die Stadt ist eine Körperschaft des öffentlichen Rechts. "
        "Sie wird vertreten durch [die Oberbürgermeisterin oder den Oberbürgermeister].</p>"
        f"<h2>Kontakt</h2>{_contact_html(op)}"
        "<h2>Verantwortlich für den Inhalt</h2>"
        "<p>Für die Angebote sind die Vereine und Organisationen verantwortlich, die sie einstellen. "
        "Die Stadt prüft die Angebote, bevor sie erscheinen.</p>"
        "<h2>Aufsichtsbehörde</h2><p>[Regierungspräsidium Karlsruhe]</p>"
    )


def privacy(city) -> str:
    op = _operator(city)
    return (
        "<h2>Wer ist verantwortlich?</h2>"
        f"<p>Verantwortlich für die Daten auf dieser Plattform ist {escape(op['owner'])}.</p>"
        f"{_contact_html(op)}"
        "<h2>Datenschutzbeauftragte Person</h2>"
        "<p>[Name und Anschrift der oder des Datenschutzbeauftragten der Stadt, E-Mail-Adresse]</p>"
        "<h2>Welche Daten speichern wir?</h2><ul>"
        "<li>Wenn Sie die Seiten nur ansehen: keine Daten über Sie. Wir setzen keine Cookies für Statistik "
        "oder Werbung ein und laden nichts von fremden Servern. Der Server schreibt technische Protokolle "
        "(Zeit, aufgerufene Seite, gekürzte IP-Adresse), um Fehler und Angriffe zu erkennen.</li>"
        "<li>Wenn Sie die Sprache wechseln oder ein Formular abschicken: ein technisch nötiges Cookie "
        "(Sprache, Schutz vor gefälschten Formularen).</li>"
        "<li>Wenn Sie sich für ein Angebot melden: Ihren Namen, Ihre Kontaktdaten und Ihre Nachricht. "
        "Diese Daten bekommt nur der Verein, bei dem Sie sich melden.</li>"
        "<li>Wenn Sie uns eine Barriere melden: Ihre Nachricht und, wenn Sie möchten, Ihren Namen und Ihre "
        "E-Mail-Adresse.</li>"
        "<li>Wenn Sie für einen Verein Angebote einstellen: Ihr Benutzerkonto und die Daten des Vereins.</li>"
        "</ul>"
        "<h2>Warum speichern wir die Daten?</h2>"
        "<p>Damit Menschen und Vereine zueinander finden (Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit "
        "§ 4 Landesdatenschutzgesetz Baden-Württemberg) und weil Sie uns Ihre Daten geben, um eine "
        "Antwort zu bekommen (Art. 6 Abs. 1 Buchst. a und b DSGVO).</p>"
        "<h2>Wie lange speichern wir die Daten?</h2><ul>"
        "<li>Server-Protokolle: 7 Tage.</li>"
        "<li>Bewerbungen auf Angebote: nicht bestätigte 7 Tage; sonst "
        f"{settings.APPLICATION_RETENTION_DAYS} Tage, nachdem die Bewerbung abgeschlossen ist oder das "
        "Angebot endet. Eine offene Bewerbung, an der sich "
        f"{settings.APPLICATION_INACTIVITY_DAYS} Tage lang nichts ändert, schließen wir (der Verein "
        f"erfährt es {settings.APPLICATION_CLOSING_NOTICE_DAYS} Tage vorher).</li>"
        "<li>Bestätigte Stunden und Engagementnachweise: so lange Sie möchten. Hat eine Bewerbung "
        "bestätigte Stunden oder einen ausgestellten Nachweis, löschen wir nach Ablauf der Frist nur, was "
        "dafür nicht nötig ist (Nachricht, Telefon, Zeitangaben, Notizen und E-Mails), und behalten Ihren "
        "Namen, Ihre E-Mail-Adresse, Ihren privaten Link, Schichtanmeldungen, Stunden und Nachweise, bis "
        "Sie Ihre Stunden und Nachweise über Ihren Link löschen; danach löschen wir die Bewerbung ganz."
        "</li>"
        "<li>Meldungen zu Angeboten: 6 Monate, nachdem die Redaktion sie bearbeitet hat.</li>"
        "<li>Rückmeldungen zur Barrierefreiheit: 1 Jahr nach der Antwort.</li>"
        "<li>Benutzerkonten: bis Sie das Konto löschen lassen; nicht bestätigte Registrierungen: 7 Tage."
        "</li>"
        "<li>Einladungen in einen Verein: 30 Tage, nachdem sie angenommen, zurückgezogen oder "
        "abgelaufen sind.</li>"
        "<li>Nachrichten an einen Verein zu einem Bedarf oder einem Angebot zum Verleihen: 30 Tage.</li>"
        "<li>E-Mail-Benachrichtigungen zu einer Suche: bis Sie sich abmelden (Link in jeder Mail); nicht "
        "bestätigte: 7 Tage; ohne Lebenszeichen von Ihnen 12 Monate nach der letzten Bestätigung, mit "
        "einer Erinnerung einen Monat vorher.</li></ul>"
        "<h2>Ihre Rechte</h2>"
        "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, "
        "Datenübertragbarkeit und Widerspruch (Art. 15 bis 21 DSGVO). Eine Einwilligung können Sie "
        "jederzeit widerrufen. Sie können sich beim Landesbeauftragten für den Datenschutz und die "
        "Informationsfreiheit Baden-Württemberg beschweren.</p>"
    )


# The known limitations of docs/accessibility.md ("Bekannte Einschränkungen"), in plain words.
# tests/legal/test_accessibility_statement.py keeps the two in step.
SELF_ASSESSMENT_DATE = "25. November 2026"
KNOWN_LIMITATIONS = [
    "Wir haben die Website noch nicht mit einem Screenreader (Vorleseprogramm) geprüft. "
    "Alle Prüfungen liefen automatisch oder mit der Tastatur.",
    "Texte, Bilder und Dokumente, die Vereine und die Redaktionen selbst einstellen, prüft die Plattform "
    "nicht automatisch auf Barrierefreiheit. PDF-Dokumente können Barrieren haben.",
    "Die Inhalte der Angebote und Seiten gibt es nur auf Deutsch. Auf den englischen Seiten steht dazu "
    "ein Hinweis. Die Überschrift der Startseite, die Namen der Themen und der Seitentitel in der "
    "Brotkrumen-Navigation sind dort nicht als deutsch ausgezeichnet.",
    "Erklärungen in Deutscher Gebärdensprache gibt es nicht. Eine Seite in Leichter Sprache gibt es.",
]


def accessibility(city) -> str:
    op = _operator(city)
    return (
        f"<p>{escape(op['owner_title'])} möchte diese Website für alle Menschen gut nutzbar machen. "
        "Grundlage sind das Landes-Behindertengleichstellungsgesetz Baden-Württemberg und die "
        "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0).</p>"
        "<h2>Wie barrierefrei ist diese Website?</h2>"
        "<p>Die Website ist <b>teilweise barrierefrei</b>. Sie erfüllt die Anforderungen der WCAG 2.1 "
        "in den Stufen A und AA weitgehend. Bei jeder Änderung prüfen automatische Tests alle öffentlichen "
        "Seiten in einem echten Browser, auch mit der Tastatur allein und auf schmalen Bildschirmen.</p>"
        "<h2>Was ist noch nicht barrierefrei?</h2><ul>"
        + "".join(f"<li>{escape(limitation)}</li>" for limitation in KNOWN_LIMITATIONS)
        + "</ul>"
        "<h2>Wann wurde diese Erklärung erstellt?</h2>"
        "<p>Diese Erklärung beruht auf einer Selbstbewertung nach den 98 Prüfschritten des BITV-Tests "
        f"vom {SELF_ASSESSMENT_DATE}. Die ganze Selbstbewertung mit jedem Prüfschritt steht in der Datei "
        "docs/accessibility.md im Quellcode der Plattform. "
        "Eine Prüfung durch Fachleute (BITV-Test einer Prüfstelle) steht noch aus.</p>"
        "<h2>Barriere melden</h2>"
        "<p>Ist Ihnen auf dieser Website eine Barriere aufgefallen? Schreiben Sie uns über das Formular "
        "auf dieser Seite. Wir antworten innerhalb von sechs Wochen.</p>"
        f"{_contact_html(op)}"
        "<h2>Schlichtungsverfahren</h2>"
        "<p>Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die Ombudsstelle bei der "
        "Landes-Behindertenbeauftragten Baden-Württemberg wenden. Das Verfahren ist kostenlos.</p>"
    )


def easy_language(city) -> str:
    return (
        "<p>Auf dieser Internet-Seite finden Sie ein Ehrenamt.</p>"
        "<p>Ehrenamt heißt: Sie helfen anderen Menschen. Sie bekommen dafür kein Geld.</p>"
        "<h2>So finden Sie ein Ehrenamt</h2><ol>"
        "<li>Gehen Sie auf <b>Suche</b>.</li>"
        "<li>Schreiben Sie Ihre Post-Leitzahl in das Feld. Dann sehen Sie Angebote in Ihrer Nähe.</li>"
        "<li>Klicken Sie auf ein Angebot. Dann lesen Sie mehr darüber.</li>"
        "<li>Gefällt Ihnen das Angebot? Dann melden Sie sich beim Verein.</li></ol>"
        "<h2>Wer macht diese Seite?</h2>"
        "<p>Die Städte Baden-Baden, Bretten und Ettlingen machen diese Seite zusammen.</p>"
        "<h2>Haben Sie Fragen?</h2>"
        "<p>Jede Stadt hat eine Person für Ehrenamt. Sie finden die Person auf der Seite Ihrer Stadt.</p>"
    )


BUILDERS = {
    "impressum": impressum,
    "datenschutz": privacy,
    "barrierefreiheit": accessibility,
    "leichte-sprache": easy_language,
}


def default_body(kind: str, city=None) -> str:
    return BUILDERS[kind](city)
