"""Relation templates filled with entities, in the deck's language.

`{slot}` is the entity's name, `{slot.short}` its short name ("Petro"),
`{slot.gen}` the genitive of the short name ("Petros", "Petro's"),
`{slot.nom}`/`{slot.acc}`/`{slot.dat}` a case form the entity spells out
("die USA", "den USA"), `{slot.role}` its role. A sentence that starts with a
lower-case name ("de la Espriella") is capitalised.
"""

from __future__ import annotations

from .facts import NUMBER_TYPES, TEXT_TYPE, Entity, Relation, Value
from .reader import PLACEHOLDER_RE


def genitive(name: str, language: str) -> str:
    """German adds -s (or an apostrophe after s, ß, x, z); English adds 's."""
    if language == "de":
        return name + ("'" if name[-1] in "sßxzSXZ" else "s")
    if language == "en":
        return name + ("'" if name.endswith("s") else "'s")
    return name


def entity_form(entity: Entity, form: str | None, language: str) -> str:
    if form in entity.forms:
        return entity.forms[form][language]
    if form == "short":
        return entity.short_label(language)
    if form == "gen":
        return genitive(entity.short_label(language), language)
    if form == "role":
        return (entity.role or entity.name)[language]
    return entity.label(language)


def value_text(value: Value, slot_type: str, entities: dict[str, Entity], language: str, form: str | None = None) -> str:
    """An argument as it reads in a sentence."""
    if slot_type in NUMBER_TYPES:
        return str(value)
    if slot_type == TEXT_TYPE:
        return value[language]  # type: ignore[index]
    return entity_form(entities[value], form, language)  # type: ignore[index]


def fill(template: str, relation: Relation, args: dict[str, Value], entities: dict[str, Entity], language: str) -> str:
    text = PLACEHOLDER_RE.sub(
        lambda m: value_text(args[m.group(1)], relation.slots[m.group(1)], entities, language, m.group(2)), template
    )
    return text[:1].upper() + text[1:]
