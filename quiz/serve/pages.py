"""The server's own pages (class code, class full, the app's page) in German or English.

Rendered by Jinja with escaping on, so nothing a browser sends can become markup.
Nothing is fetched from outside the server: a classroom network may have no internet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "quiz",
        "code_heading": "Class code",
        "code_help": "Type the code your teacher gives you.",
        "teacher_heading": "Teacher code",
        "teacher_help": "Type the teacher code that quiz serve printed.",
        "code_wrong": "That code is not right. Check it and try again.",
        "enter": "Enter",
        "blocked_heading": "Too many wrong codes",
        "blocked_help": "Wait a minute, then try again.",
        "full_heading": "The class is full",
        "full_help": "All {limit} places are taken. Wait until someone leaves, then reload this page.",
        "ended": "The session has ended. Your answers are saved.",
        "again": "Start again",
        "loading": "Starting quiz…",
        "not_found": "There is nothing here.",
    },
    "de": {
        "title": "quiz",
        "code_heading": "Klassencode",
        "code_help": "Gib den Code ein, den dir deine Lehrkraft sagt.",
        "teacher_heading": "Code für Lehrkräfte",
        "teacher_help": "Gib den Code für Lehrkräfte ein, den quiz serve angezeigt hat.",
        "code_wrong": "Dieser Code stimmt nicht. Prüfe ihn und versuche es noch einmal.",
        "enter": "Weiter",
        "blocked_heading": "Zu viele falsche Codes",
        "blocked_help": "Warte eine Minute und versuche es dann noch einmal.",
        "full_heading": "Die Klasse ist voll",
        "full_help": "Alle {limit} Plätze sind besetzt. Warte, bis jemand geht, und lade die Seite dann neu.",
        "ended": "Die Sitzung ist beendet. Deine Antworten sind gespeichert.",
        "again": "Neu starten",
        "loading": "quiz startet …",
        "not_found": "Hier gibt es nichts.",
    },
}

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


def render(template: str, language: str, **values: Any) -> str:
    """A page in `language`; `values` fill the template (escaped)."""
    return _ENV.get_template(template).render(t=TEXTS[language], lang=language, **values)
