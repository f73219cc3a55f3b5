"""The page's language from the browser's `Accept-Language`, as the app speaks it: German or English."""

from __future__ import annotations

SUPPORTED = ("de", "en")
DEFAULT = "en"


def from_accept_language(header: str | None, default: str = DEFAULT) -> str:
    """The supported language the browser likes best (`de-AT,de;q=0.9,en;q=0.8` gives `de`).

    Entries are weighed by their `q` (1 when absent); of equal weights the first listed wins;
    `q=0` means "not this one"; anything unreadable is skipped.
    """
    best: tuple[float, int, str] | None = None
    for index, entry in enumerate((header or "").split(",")):
        tag, _, params = entry.strip().partition(";")
        language = tag.strip().lower().split("-")[0]
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = -1.0
        if language not in SUPPORTED or not 0 < weight <= 1:
            continue
        if best is None or (weight, -index) > (best[0], -best[1]):
            best = (weight, index, language)
    return best[2] if best is not None else default
