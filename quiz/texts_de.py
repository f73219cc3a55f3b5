"""The app's texts in German, for pupils: du-form, as German learning apps speak.

Keys are the English texts as written in the code (see `texts`); a text missing
here shows in English. Key names are as printed on German keyboards (Strg,
Leertaste, Rücktaste); a deck is a "Stapel", as in German flashcard apps.
"""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # -- the app, everywhere
    "Quit": "Beenden",
    "Help": "Hilfe",
    "Light/dark": "Hell/dunkel",
    "Back": "Zurück",
    "Close": "Schließen",
    "Done": "Fertig",
    "Opening your progress…": "Dein Lernstand wird geöffnet …",
    "Nothing to study right now.": "Gerade gibt es nichts zu lernen.",
    "Nothing to study right now. Next review {when}.": "Gerade gibt es nichts zu lernen. Nächste Wiederholung {when}.",
    "{percent}%": "{percent} %",
    "{date:%Y-%m-%d}": "{date:%d.%m.%Y}",
    "“": "„",
    "”": "“",
    # -- due times
    "now": "jetzt",
    "tomorrow": "morgen",
    # -- the deck list
    "Study": "Lernen",
    "All due": "Fällige",
    "Stats": "Statistik",
    "Learner": "Profil",
    "Test": "Test",
    "Class report": "Klassenbericht",
    "Import": "Importieren",
    "import a deck from a file (Anki, Quizlet, GIFT, CSV)": "einen Stapel aus einer Datei importieren (Anki, Quizlet, GIFT, CSV)",
    "Import a deck": "Stapel importieren",
    "Type the path of an Anki package or text export, a Quizlet export, a Moodle GIFT file "
    "or a spreadsheet (CSV, TSV, .xlsx), then Enter.": "Gib den Pfad einer Anki-Datei (Paket oder Textexport), "
    "eines Quizlet-Exports, einer Moodle-GIFT-Datei oder einer Tabelle (CSV, TSV, .xlsx) ein, dann Enter.",
    "path of the file": "Pfad der Datei",
    "Importing…": "Wird importiert …",
    "Imported “{title}”: {cards}.": "Importiert: „{title}“, {cards}.",
    "{count} skipped.": "{count} übersprungen.",
    "Deck": "Stapel",
    "New": "Neu",
    "Due": "Fällig",
    "Learned": "Gelernt",
    "Next review": "Nächstes Mal",
    "Loading decks…": "Stapel werden geladen …",
    "No decks found.": "Keine Stapel gefunden.",
    "⚠ {deck} (cannot be opened)": "⚠ {deck} (lässt sich nicht öffnen)",
    "Its progress is kept: it comes back when the file can be read again.": (
        "Dein Fortschritt bleibt gespeichert: Er ist wieder da, sobald sich die Datei wieder lesen lässt."
    ),
    "Nothing is due right now.": "Gerade ist nichts fällig.",
    "quiz · learner: {name}": "quiz · Profil: {name}",
    "Enter studies this deck.": "Enter: diesen Stapel lernen.",
    # -- who is learning
    "Who is learning?": "Wer lernt?",
    "Pick your name (number keys, or arrows and Enter) or type a new one.": (
        "Wähle deinen Namen (Zifferntasten oder Pfeile und Enter) oder tippe einen neuen ein."
    ),
    "Welcome! Type your name to keep your own progress.": (
        "Willkommen! Tippe deinen Namen ein, damit dein Lernstand für dich gespeichert wird."
    ),
    "new learner's name, then Enter": "Name für ein neues Profil, dann Enter",
    "Pick your name with its number or the arrows, or type a new one.": (
        "Wähle deinen Namen mit seiner Nummer oder den Pfeilen, oder tippe einen neuen ein."
    ),
    "A name needs at least one letter.": "Ein Name braucht mindestens einen Buchstaben.",
    "A name cannot contain control characters.": "Ein Name darf keine Steuerzeichen enthalten.",
    # -- studying
    "Undo": "Rückgängig",
    "Hint": "Tipp",
    "Next": "Weiter",
    "Decks": "Stapel",
    "Scroll up": "Nach oben blättern",
    "Scroll down": "Nach unten blättern",
    "Hint: ": "Tipp: ",
    "Last answer taken back.": "Letzte Antwort zurückgenommen.",
    "Nothing to undo in this session.": "In dieser Runde gibt es nichts zurückzunehmen.",
    "Your answer could not be saved: {problem}": "Deine Antwort konnte nicht gespeichert werden: {problem}",
    # -- answering, by card kind
    "Pick one: number keys, or arrows and Enter.": "Wähle eine Antwort: Zifferntasten oder Pfeile und Enter.",
    "Tick all that apply: number keys or space; then Enter.": (
        "Kreuze alle richtigen an: Zifferntasten oder Leertaste, dann Enter."
    ),
    "Tick": "Ankreuzen",
    "Check": "Prüfen",
    "Done (Enter)": "Fertig (Enter)",
    "True": "Wahr",
    "False": "Falsch",
    "True or false? 1/t or 2/f, or arrows and Enter.": "Stimmt das? 1/w oder 2/f, oder Pfeile und Enter.",
    "Type your answer, then Enter.": "Tippe deine Antwort ein, dann Enter.",
    "your answer": "deine Antwort",
    "Type the range, from–to (e.g. 1990-1995), then Enter.": "Tippe den Bereich ein, von–bis (z. B. 1990-1995), dann Enter.",
    "Type a number, then Enter.": "Tippe eine Zahl ein, dann Enter.",
    "from–to": "von–bis",
    "number": "Zahl",
    "That is not a number or a range; type e.g. 1990-1995.": (
        "Das ist keine Zahl und kein Bereich. Tippe z. B. 1990-1995."
    ),
    "That is not a number; type e.g. 1990 or 2,5.": "Das ist keine Zahl. Tippe z. B. 1990 oder 2,5.",
    "Fill in the gaps; Enter goes to the next gap, and after the last one answers. F3: don't know.": (
        "Fülle die Lücken aus. Enter: zur nächsten Lücke, nach der letzten abgeben. F3: weiß nicht."
    ),
    "Don't know": "Weiß nicht",
    "gap {number}": "Lücke {number}",
    "Pick the items first to last: number keys or Enter; Backspace takes back.": (
        "Wähle vom ersten zum letzten: Zifferntaste oder Enter; Rücktaste nimmt zurück."
    ),
    "Pick the partner of the marked item: number keys or Enter; Backspace takes back.": (
        "Wähle den Partner für ▶: Zifferntaste oder Enter; Rücktaste nimmt zurück."
    ),
    "Take back": "Zurücknehmen",
    "Think of the answer, then press space.": "Überleg dir die Antwort, dann drück die Leertaste.",
    "Show answer (space)": "Antwort zeigen (Leertaste)",
    "Show answer": "Antwort zeigen",
    "How well did you know it?": "Wie gut wusstest du es?",
    # -- feedback
    "✓ Right": "✓ Richtig",
    "✓ Right, with a typo": "✓ Richtig, mit Tippfehler",
    "✗ Partly right: {credit}": "✗ Teilweise richtig: {credit}",
    "✗ Wrong": "✗ Falsch",
    "{net} of {total}": "{net} von {total}",
    "({picks} − {wrong} wrong)": "({picks} − {wrong} falsch)",
    "You typed:": "Getippt:",
    "You said:": "Deine Antwort:",
    "Answer:": "Lösung:",
    "By part:": "Einzeln:",
    "from": "von",
    "to": "bis",
    "(nothing)": "(nichts)",
    "(blank)": "(leer)",
    " ✓ typo → ": " ✓ Tippfehler → ",
    "{start}… ({count} characters)": "{start}… ({count} Zeichen)",
    "Rated:": "Bewertung:",
    "Again": "Nochmal",
    "Hard": "Schwer",
    "Good": "Gut",
    "Easy": "Leicht",
    "Memory  ": "Gedächtnis  ",
    "each deck's own": "je Stapel eigene",
    "target retention {target}": "Ziel-Behaltensquote {target}",
    "true retention {true} against a target of {target}": "tatsächliche Behaltensquote {true}, Ziel {target}",
    "FSRS's default parameters": "FSRS-Standardparameter",
    "Scheduling now fits your memory: fitted to {count} reviews (log loss {fitted}, defaults {default}).": (
        "Die Planung passt jetzt zu deinem Gedächtnis: an {count} Wiederholungen angepasst "
        "(Log-Loss {fitted}, Standard {default})."
    ),
    "{count}m": "{count}min",
    "{count}h": "{count}Std",
    "{count}d": "{count}T",
    "{count}mo": "{count}Mo",
    "{count}y": "{count}J",
    "Next review {when}{leech}. Enter: next · 1-4: change rating · Ctrl+Z: undo": (
        "Nächstes Mal {when}{leech}. Enter: weiter · 1-4: neu bewerten · Strg+Z: rückgängig"
    ),
    "This card has no hint.": "Diese Karte hat keinen Tipp.",
    "left: {new} new · {learning} learning · {review} review": "offen: {new} neu · {learning} lernen · {review} wdh.",
    "Rated as your first try: an answer taken back with Ctrl+Z still counts.": (
        "Bewertet wie dein erster Versuch: eine mit Strg+Z zurückgenommene Antwort zählt trotzdem."
    ),
    "{seconds} s": "{seconds} s",
    "took {took}; about {expected} is usual for this card": "{took} gebraucht; üblich sind bei dieser Karte etwa {expected}",
    "the hint was used": "der Tipp wurde benutzt",
    "a typo": "ein Tippfehler",
    "only partly right": "nur teilweise richtig",
    "Hard because: {reasons}.": "Schwer, weil: {reasons}.",
    "slow: {timing}": "langsam: {timing}",
    "Easy because it was quick: {timing}.": "Leicht, weil es schnell ging: {timing}.",
    "ticked, right": "angekreuzt, richtig",
    "ticked, but not right": "angekreuzt, aber nicht richtig",
    "not ticked, right": "nicht angekreuzt, richtig",
    "not ticked, but right": "nicht angekreuzt, aber richtig",
    "right: {partner}": "richtig: {partner}",
    "right: {item}": "richtig: {item}",
    " · marked as a leech: this card keeps slipping": " · als Problemkarte markiert: Diese Karte geht dir immer wieder durch",
    # -- end of a session
    "Session complete": "Lernrunde geschafft",
    "Re-drill complete": "Übungsrunde geschafft",
    "No cards answered in this session.": "In dieser Runde wurde keine Karte beantwortet.",
    "{right} of {answered} right": "{right} von {answered} richtig",
    " · score {score} · time {time}": " · Ergebnis {score} · Zeit {time}",
    "Next review: ": "Nächste Wiederholung: ",
    "nothing scheduled": "nichts geplant",
    "Practice only: these answers keep the cards' schedule and are not counted in retention.": (
        "Nur Übung: Diese Antworten ändern den Plan der Karten nicht und zählen nicht zur Behaltensquote."
    ),
    "Missed ({count}):": "Falsch beantwortet ({count}):",
    "Nothing missed. Well done!": "Alles richtig. Super gemacht!",
    "r  Re-drill the misses": "r  Fehler nochmal üben",
    "s  Statistics": "s  Statistik",
    "Enter  Decks": "Enter  Stapel",
    "Re-drill misses": "Fehler üben",
    "Statistics": "Statistik",
    # -- statistics
    "Statistics · {deck} · {learner}": "Statistik · {deck} · {learner}",
    "Counting…": "Wird gezählt …",
    "Cards  ": "Karten  ",
    "new {new} · learning {learning} · review {review} · leech {leech}": (
        "neu {new} · im Lernen {learning} · in Wiederholung {review} · Problemkarten {leech}"
    ),
    "Last {days} days  ": "Letzte {days} Tage  ",
    ", {right} right · retention: {retention}": ", {right} richtig · Behaltensquote: {retention}",
    "{percent} of reviews right": "{percent} der Wiederholungen richtig",
    "no reviews yet": "noch keine Wiederholungen",
    "Answers per day, last {days} days": "Antworten pro Tag, letzte {days} Tage",
    "days ago": "Tage zurück",
    "Cards due per day, next {days} days": "Fällige Karten pro Tag, nächste {days} Tage",
    "days from today": "Tage ab heute",
    # -- help
    "Keys": "Tasten",
    "Esc closes": "Esc schließt",
    "Home": "Stapelliste",
    "choose a deck and study it": "einen Stapel wählen und lernen",
    "study all due decks / statistics of the deck": "alle fälligen Stapel lernen / Statistik",
    "switch learner": "Profil wechseln",
    "set a test on the deck / class report of results": "Test zum Stapel stellen / Klassenbericht",
    "Questions": "Fragen",
    "1-9  or  ↑ ↓ Enter": "1-9 oder ↑ ↓ Enter",
    "pick an option (also with the mouse)": "eine Antwort wählen (auch mit der Maus)",
    "space": "Leertaste",
    "tick an option (several right) / flip a flashcard": "ankreuzen (mehrere richtig) / Karte umdrehen",
    "tick an option (several right)": "ankreuzen (mehrere richtig)",
    "type, Enter": "tippen, Enter",
    "typed answers; Enter goes to the next gap": "Antwort eintippen; Enter: nächste Lücke",
    "Backspace": "Rücktaste",
    "take back the last pick (order, match)": "letzte Wahl zurücknehmen (Reihenfolge, Paare)",
    "show the hint (counts as help)": "Tipp zeigen (zählt als Hilfe)",
    "After answering": "Nach der Antwort",
    "change the rating: again, hard, good, easy": "Bewertung ändern: nochmal, schwer, gut, leicht",
    "next card": "nächste Karte",
    "ctrl+z": "Strg+Z",
    "undo the last answer; the first try still counts for the rating": (
        "letzte Antwort zurücknehmen; für die Bewertung zählt der erste Versuch"
    ),
    "In a test": "Im Test",
    "In a test (no verdicts until it is handed in)": "Im Test (bewertet wird erst bei der Abgabe)",
    "ctrl+n  /  ctrl+b": "Strg+N  /  Strg+B",
    "skip the question / back to the previous one": "Frage überspringen / zurück zur vorigen",
    "ctrl+n": "Strg+N",
    "skip the question for now": "Frage vorerst überspringen",
    "ctrl+b": "Strg+B",
    "back to the previous question, to change the answer": "zurück zur vorigen Frage, um sie zu ändern",
    "ctrl+s  or  F10": "Strg+S  oder  F10",
    "hand the test in": "Test abgeben",
    "Anywhere": "Überall",
    "back to the deck list (your answers are saved)": "zurück zur Stapelliste (alles ist gespeichert)",
    "? or F1  /  ctrl+t": "? oder F1 / Strg+T",
    "this help / switch light and dark": "diese Hilfe / hell und dunkel umschalten",
    "ctrl+q": "Strg+Q",
    "quit; every answer given is already saved": "beenden; jede Antwort ist schon gespeichert",
    "Language": "Sprache",
    "quiz in German / English (or QUIZ_LANG=de)": "quiz auf Deutsch / Englisch (auch QUIZ_LANG=de)",
    "quit: asks first, then hands the test in as it stands": (
        "beenden: fragt erst, dann wird der Test so abgegeben, wie er ist"
    ),
    # -- tests
    "Test: {deck}": "Test: {deck}",
    "The same seed gives every student the same test. No feedback until the test is handed in. "
    "Enter starts the test, Escape goes back.": (
        "Derselbe Seed ergibt für die ganze Klasse denselben Test. Bewertet wird erst bei der Abgabe. "
        "Enter startet den Test, Esc geht zurück."
    ),
    "Seed (blank: new)": "Seed (leer: neu)",
    "Time (blank: untimed)": "Zeitlimit (leer: ohne)",
    "e.g. class-7b": "z. B. klasse-7b",
    "e.g. 15m": "z. B. 15m",
    "Questions: a whole number, at least 1.": "Fragen: eine ganze Zahl, mindestens 1.",
    "Time: {problem}": "Zeit: {problem}",
    "Skip": "Überspringen",
    "Hand in": "Abgeben",
    "Keep going": "Weitermachen",
    "Yes": "Ja",
    "y  {action}": "j  {action}",
    "Quit the test? It is handed in as it stands ({answered} of {total} answered);": (
        "Test beenden? Er wird abgegeben, wie er ist ({answered} von {total} beantwortet);"
    ),
    "it cannot be continued later.": "du kannst ihn später nicht fortsetzen.",
    "Quit and hand in": "Beenden und abgeben",
    "{profile} has already taken this test ({deck} version {version}, seed {seed}) on {day}. "
    "A second sitting needs the teacher's permission: quiz exam … --retakes": (
        "{profile} hat diesen Test ({deck} Version {version}, Seed {seed}) schon am {day} geschrieben. "
        "Ein zweiter Versuch braucht die Erlaubnis der Lehrkraft: quiz exam … --retakes"
    ),
    "right": "richtig",
    "partly right": "teilweise richtig",
    "wrong": "falsch",
    "not answered": "nicht beantwortet",
    "Result": "Ergebnis",
    "The right answers are shown when the teacher releases them.": (
        "Die richtigen Antworten zeigt die Lehrkraft, wenn sie sie freigibt."
    ),
    # -- PINs
    "A PIN is 4 to 12 digits.": "Eine PIN hat 4 bis 12 Ziffern.",
    "{name} has a PIN now; a teacher can remove it with quiz pin {name} --reset.": (
        "{name} hat jetzt eine PIN; eine Lehrkraft kann sie mit quiz pin {name} --reset entfernen."
    ),
    "The same PIN again: ": "Dieselbe PIN noch einmal: ",
    "The two PINs differ; nothing changed.": "Die beiden PINs sind verschieden; nichts geändert.",
    "New PIN for {name} (4 to 12 digits): ": "Neue PIN für {name} (4 bis 12 Ziffern): ",
    "no profile named {name!r}": "kein Profil namens {name!r}",
    "{name} has no PIN now.": "{name} hat jetzt keine PIN.",
    "That is not the PIN. Ask your teacher if you forgot it.": (
        "Das ist nicht die PIN. Frag deine Lehrkraft, wenn du sie vergessen hast."
    ),
    "PIN, then Enter": "PIN, dann Enter",
    "PIN for {name}": "PIN für {name}",
    # -- the command line after a test
    "{deck} has {count} questions for a test, not {asked}: the test gives all {count}": (
        "{deck} hat {count} Fragen für einen Test, nicht {asked}: der Test stellt alle {count}"
    ),
    "not handed in": "nicht abgegeben",
    "score {score} of {total}": "{score} von {total} Punkten",
    "test {deck} version {version}, seed {seed}: {done}": "Test {deck} Version {version}, Seed {seed}: {done}",
    "n  Keep going": "n  Weitermachen",
    "Blank answers score nothing. Hand in the test now?": "Leere Antworten bringen keine Punkte. Test jetzt abgeben?",
    "untimed": "ohne Zeitlimit",
    "Time left {clock}": "Restzeit {clock}",
    "Time is up: the test was handed in.": "Die Zeit ist um: Der Test wurde abgegeben.",
    "Question {number} of {total} · no feedback until you hand in": (
        "Frage {number} von {total} · bewertet wird erst bei der Abgabe"
    ),
    "Your answer so far: ": "Deine bisherige Antwort: ",
    "End of the test: {answered} of {total} answered": "Ende des Tests: {answered} von {total} beantwortet",
    "You have reached the end of the test.": "Du bist am Ende des Tests.",
    "Not answered: {numbers}.": "Nicht beantwortet: {numbers}.",
    "Ctrl+B goes back to change an answer; answers are judged when you hand in.": (
        "Strg+B geht zurück, um eine Antwort zu ändern; bewertet wird bei der Abgabe."
    ),
    "Hand in the test (Ctrl+S)": "Test abgeben (Strg+S)",
    "Answers cannot be saved as you go: {problem}": "Antworten können nicht laufend gespeichert werden: {problem}",
    "This answer could not be saved yet: {problem}": "Diese Antwort konnte noch nicht gespeichert werden: {problem}",
    "The result could not be saved: {problem}": "Das Ergebnis konnte nicht gespeichert werden: {problem}",
    "Test handed in: {deck}": "Test abgegeben: {deck}",
    "Score {score} of {total} ({percent})": "{score} von {total} Punkten ({percent})",
    " · time {time}": " · Zeit {time}",
    " · the time ran out": " · die Zeit war um",
    " · seed {seed}": " · Seed {seed}",
    "Saved for this learner; `quiz results export` writes it out for the teacher.": (
        "Für dieses Profil gespeichert; `quiz results export` gibt es für die Lehrkraft aus."
    ),
    "Question": "Frage",
    "Your answer": "Deine Antwort",
    "Right answer": "Richtige Antwort",
    # -- the teacher's live view
    "End: class report": "Ende: Klassenbericht",
    "Class test: live view": "Klassentest: Live-Ansicht",
    "Waiting for the first pupil to start the test…": "Warten, bis die oder der Erste den Test beginnt …",
    "Pupils": "Schülerinnen und Schüler",
    "Questions so far": "Fragen bisher",
    "Pupil": "Name",
    "Answered": "Beantwortet",
    "State": "Stand",
    "Right": "Richtig",
    "Cannot read the answers: {problem}": "Die Antworten können nicht gelesen werden: {problem}",
    "Class test: {title} · seed {seed}": "Klassentest: {title} · Seed {seed}",
    "{count} handed in": "{count} abgegeben",
    "{joined}, {handed} · as of {clock}": "{joined}, {handed} · Stand {clock}",
    "handed in": "abgegeben",
    "taking the test": "schreibt den Test",
    # -- class report
    "Folder (or files) with the students' results files, as written by `quiz results export`. "
    "Enter to read them; Enter on an empty box reads the current folder.": (
        "Ordner (oder Dateien) mit den Ergebnisdateien der Klasse, wie `quiz results export` sie schreibt. "
        "Enter liest sie ein; Enter bei leerem Feld liest den aktuellen Ordner."
    ),
    "Cannot read that: {problem}": "Das lässt sich nicht lesen: {problem}",
    "Not found: {paths}": "Nicht gefunden: {paths}",
    "Type a folder or a file.": "Gib einen Ordner oder eine Datei an.",
    "Reading {paths}…": "{paths} wird gelesen …",
    "Files not used": "Nicht verwendete Dateien",
    "Notes": "Hinweise",
    "No exam or practice results to report.": "Keine Test- oder Übungsergebnisse vorhanden.",
    "Students": "Schülerinnen und Schüler",
    "Practice": "Übung",
    "Leeches shared by several students": "Problemkarten mehrerer Schülerinnen und Schüler",
    "Student": "Name",
    "Score": "Punkte",
    "Out of": "von",
    "Time": "Zeit",
    "Time up": "Zeit um",
    "Blank": "Leer",
    "Missed": "Falsch",
    "Card": "Karte",
    "Facility": "Lösungsquote",
    "Discrimination": "Trennschärfe",
    "Flags": "Auffällig",
    "Sitting": "Versuch",
    "{sitting} (retake)": "{sitting} (Wiederholung)",
    "(partly, {marks})": "(teilweise, {marks})",
    "hard": "schwer",
    "easy": "leicht",
    "low discrimination": "geringe Trennschärfe",
    "negative discrimination": "negative Trennschärfe",
    "n/a": "–",
    "yes": "ja",
    "no": "nein",
    "Note": "Hinweis",
    "File not used": "Datei nicht verwendet",
    "Students: {test}": "Schülerinnen und Schüler: {test}",
    "Questions: {test}": "Fragen: {test}",
    "{title} (deck {deck} version {version}, seed {seed}), {students}": (
        "{title} (Stapel {deck}, Version {version}, Seed {seed}), {students}"
    ),
    "Class report: {students}, {tests}": "Klassenbericht: {students}, {tests}",
    "What the words mean": "Was die Begriffe bedeuten",
    "Facility: the share of the marks the class got on a question, 0 (nobody right) to 1 (everybody right).": (
        "Lösungsquote: der Anteil der Punkte, den die Klasse bei einer Frage erreicht hat, "
        "von 0 (niemand richtig) bis 1 (alle richtig)."
    ),
    "Discrimination: whether the students who did well on the rest of the test also got this question "
    "right, -1 to 1; above {good} a question tells stronger from weaker students well. It needs about "
    "{least} students or more to mean much; n/a when everybody scored the same.": (
        "Trennschärfe: ob die, die im übrigen Test gut waren, auch diese Frage richtig hatten, von -1 bis 1; "
        "über {good} trennt eine Frage stärkere von schwächeren gut. Aussagekräftig erst ab etwa {least} "
        "Schülerinnen und Schülern; – wenn alle gleich abgeschnitten haben."
    ),
    "Flags: hard, facility below {low}; easy, facility above {high}.": (
        "Auffällig: schwer, Lösungsquote unter {low}; leicht, Lösungsquote über {high}."
    ),
    "Low discrimination (below {low}): the question hardly tells stronger from weaker students. "
    "Negative discrimination: weaker students did better on it than stronger ones; check the question "
    "and its answer key.": (
        "Geringe Trennschärfe (unter {low}): die Frage unterscheidet kaum zwischen stärkeren und schwächeren. "
        "Negative Trennschärfe: schwächere waren bei ihr besser als stärkere; Frage und Lösung prüfen."
    ),
    "Missed: the questions not fully right, by number and text; partial credit is marked partly. "
    "Sitting: 1 is the sitting that counts; a retake is listed and flagged, never counted.": (
        "Falsch: die nicht ganz richtigen Fragen, mit Nummer und Text; Teilpunkte sind als teilweise markiert. "
        "Versuch: 1 ist der Versuch, der zählt; eine Wiederholung wird aufgeführt und markiert, nie gezählt."
    ),
    # -- notes of the class report
    "{deck} version {version}, seed {seed}": "{deck} Version {version}, Seed {seed}",
    "profile {profile!r} is in two files; using the later export {kept}, not {dropped}": (
        "Profil {profile!r} ist in zwei Dateien; verwendet wird der spätere Export {kept}, nicht {dropped}"
    ),
    "deck {deck!r} was taken in {taken}: each version is reported separately, not merged": (
        "Stapel {deck!r} wurde in {taken} geschrieben: jede Version wird getrennt berichtet, nicht zusammengelegt"
    ),
    "deck {deck!r} version {version} was taken as {count} different question sets"
    " (different seeds or question counts): each is reported separately": (
        "Stapel {deck!r} Version {version} wurde mit {count} verschiedenen Fragensätzen geschrieben"
        " (verschiedene Seeds oder Fragenzahlen): jeder wird getrennt berichtet"
    ),
    "{student} sat {test} again (sitting {sitting}): listed, flagged as a retake; the first sitting counts": (
        "{student} hat {test} noch einmal geschrieben (Versuch {sitting}): aufgeführt, als Wiederholung markiert; "
        "der erste Versuch zählt"
    ),
    "the same test ({deck}, seed {seed}) is in the files of {first} ({first_file}) "
    "and {second} ({second_file}): counted once, for {first}": (
        "derselbe Test ({deck}, Seed {seed}) steht in den Dateien von {first} ({first_file}) "
        "und {second} ({second_file}): einmal gezählt, für {first}"
    ),
    "the same test sitting ({deck}, seed {seed}) is in the files of {first} ({first_file}) "
    "and {second} ({second_file}) with different answers or times: "
    "counted for neither; check which file is genuine": (
        "derselbe Testversuch ({deck}, Seed {seed}) steht in den Dateien von {first} ({first_file}) "
        "und {second} ({second_file}) mit verschiedenen Antworten oder Zeiten: "
        "für keinen gezählt; bitte prüfen, welche Datei echt ist"
    ),
    # -- quiz report on the command line
    "{folder}: no progress here (nobody has played or taken a test with this data directory)": (
        "{folder}: hier ist kein Lernstand (niemand hat mit diesem Datenordner gelernt oder einen Test geschrieben)"
    ),
    "no results files (*{suffix}) in {paths}": "keine Ergebnisdateien (*{suffix}) in {paths}",
    "{path}: cannot write the CSV: {problem}": "{path}: CSV kann nicht geschrieben werden: {problem}",
    "CSV written to {path}": "CSV geschrieben: {path}",
    "Wrong answers": "Falsche Antworten",
    "Answers": "Antworten",
    "Days": "Tage",
    "Retention": "Behalten",
    "Leeches": "Problemkarten",
    "Who": "Wer",
    "Enter: the highlighted row in full · ← →: scroll sideways · Tab: next table": (
        "Enter: markierte Zeile ganz · ← →: seitwärts blättern · Tab: nächste Tabelle"
    ),
}

PLURALS: dict[str, tuple[str, str]] = {
    "version {version} ({count} student)": (
        "Version {version} ({count} Schülerin oder Schüler)",
        "Version {version} ({count} Schülerinnen und Schülern)",
    ),
    "Only {count} student: too few for discrimination to mean much (it needs about {least} or more).": (
        "Nur {count} Schülerin oder Schüler: zu wenige für eine aussagekräftige Trennschärfe "
        "(dafür braucht es etwa {least} oder mehr).",
        "Nur {count} Schülerinnen und Schüler: zu wenige für eine aussagekräftige Trennschärfe "
        "(dafür braucht es etwa {least} oder mehr).",
    ),
    "{count} file could not be used; see 'Files not used' above": (
        "{count} Datei konnte nicht verwendet werden; siehe „Nicht verwendete Dateien“ oben",
        "{count} Dateien konnten nicht verwendet werden; siehe „Nicht verwendete Dateien“ oben",
    ),
    "in {count} minute": ("in {count} Minute", "in {count} Minuten"),
    "in {count} hour": ("in {count} Stunde", "in {count} Stunden"),
    "in {count} day": ("in {count} Tag", "in {count} Tagen"),
    "parameters fitted to your {count} review": (
        "Parameter an deine {count} Wiederholung angepasst",
        "Parameter an deine {count} Wiederholungen angepasst",
    ),
    "{count} card": ("{count} Karte", "{count} Karten"),
    "{count} deck": ("{count} Stapel", "{count} Stapel"),
    "{count} answer": ("{count} Antwort", "{count} Antworten"),
    "{count} right pick": ("{count} richtig gewählt", "{count} richtig gewählt"),
    "{count} question is not answered ({numbers}).": (
        "{count} Frage ist nicht beantwortet ({numbers}).",
        "{count} Fragen sind nicht beantwortet ({numbers}).",
    ),
    "{count} pupil joined": ("{count} Schülerin oder Schüler dabei", "{count} Schülerinnen und Schüler dabei"),
    "{count} student": ("{count} Schülerin oder Schüler", "{count} Schülerinnen und Schüler"),
    "{count} test": ("{count} Test", "{count} Tests"),
    ", {count} file not used": (", {count} Datei nicht verwendet", ", {count} Dateien nicht verwendet"),
}
