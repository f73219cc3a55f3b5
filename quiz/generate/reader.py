"""Facts file (YAML) -> `Facts`, with every problem reported as `file:line:column: message`.

The file is read as a YAML node tree so each problem can point at the place a
teacher has to fix. Grounding is checked here too: a quote that is not word
for word in the article, or an entity its quote does not name, is a mistake
in the file like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from quiz.deck.errors import DeckError, Problem
from quiz.deck.format import IDENT, Bool, Date, Integer, ListOf, Text, did_you_mean
from quiz.deck.limits import MAX_BYTES
from quiz.deck.loader import decode, read_deck_bytes
from quiz.deck.model import GAP_RE, MATCHING_MODES
from quiz.deck.yamlnodes import (
    BOOL,
    MappingNode,
    Node,
    Reader,
    ScalarNode,
    SequenceNode,
    compose,
    describe,
    merged_pairs,
    top_keys,
)
from quiz.i18n import _
from quiz.readfile import Unreadable, read_limited

from .facts import (
    FORMS,
    LITERAL_TYPES,
    NUMBER_TYPES,
    TEXT_TYPE,
    Article,
    Entity,
    Event,
    Fact,
    Facts,
    Localized,
    Relation,
    Timeline,
    Value,
)

PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([a-z]+))?\}")
SLOT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
TEXT = Text()
TEXTS = ListOf(TEXT)
COUNT = Integer(minimum=0)


def cloze_plain(text: str) -> str:
    """A cloze text with each gap replaced by its canonical answer."""
    return GAP_RE.sub(lambda m: m.group(1).split("|")[0].strip(), text)


class _Reader(Reader):
    """The deck loader's node reader, with the shapes a facts file adds (texts per language, id tables)."""

    def mapping(
        self, node: Node, what: str, *, required: Iterable[str] = (), optional: Iterable[str] | None = None
    ) -> dict[str, tuple[Node, Node]] | None:
        """Key -> (key node, value node). `optional=None` allows any key (a table keyed by id)."""
        if not isinstance(node, MappingNode):
            self.problem(node, _("{what} must be a mapping of 'key: value' lines, not {given}").format(what=what, given=describe(node)))
            return None
        required = tuple(required)
        allowed = None if optional is None else (*required, *optional)
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in merged_pairs(node, self.merge_memo, self.problem):
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, _("keys in {what} must be plain words, not {given}").format(what=what, given=describe(key_node)))
                continue
            key = key_node.value
            if key in out:
                first = out[key][0].start_mark.line + 1
                self.problem(key_node, _("'{key}' is given twice in {what} (first on line {line})").format(key=key, what=what, line=first))
                continue
            if allowed is not None and key not in allowed:
                self.problem(key_node, _("unknown field '{key}' in {what}{suggestion}").format(key=key, what=what, suggestion=did_you_mean(key, allowed)))
                continue
            out[key] = (key_node, value_node)
        for key in required:
            if key not in out:
                self.problem(node, _("{what} is missing the required field '{key}'").format(what=what, key=key))
        return out

    def sequence(self, node: Node, what: str) -> list[Node]:
        if not isinstance(node, SequenceNode):
            self.problem(node, _("{what} must be a list, not {given}").format(what=what, given=describe(node)))
            return []
        return list(node.value)

    def string(self, node: Node, what: str) -> str | None:
        return TEXT.read(self, node, what)

    def strings(self, node: Node, what: str) -> tuple[str, ...]:
        """A list of texts; a single text counts as a list of one."""
        if isinstance(node, ScalarNode):
            value = self.string(node, what)
            return (value,) if value else ()
        return TEXTS.read(self, node, what) or ()

    def integer(self, node: Node, what: str) -> int | None:
        return COUNT.read(self, node, what)

    def identifier(self, node: Node, what: str) -> str | None:
        return IDENT.read(self, node, what)

    def localized(self, node: Node, languages: tuple[str, ...], what: str) -> Localized | None:
        """A text for every language: one plain text for all, or a mapping per language."""
        if isinstance(node, ScalarNode):
            value = self.string(node, what)
            return None if value is None else {lang: value for lang in languages}
        table = self.mapping(node, what, required=languages, optional=())
        if table is None or any(lang not in table for lang in languages):
            return None
        out = {lang: self.string(table[lang][1], f"{what} ({lang})") for lang in languages}
        texts = {lang: text for lang, text in out.items() if text is not None}
        return texts if len(texts) == len(out) else None


def load_facts(path: str | Path) -> Facts:
    """Read and check a facts file; raises `DeckError` listing every problem."""
    path = Path(path)
    data = read_deck_bytes(path)  # a regular file within the deck size limit, as for decks
    return load_facts_text(decode(data, str(path)), path)


def load_facts_text(text: str, path: Path) -> Facts:
    """Like `load_facts`, from text; the article is found relative to `path`."""
    root = compose(text, str(path))
    if root is None:
        raise DeckError([Problem(str(path), 1, 1, _("the file is empty; a facts file starts with 'languages:'"))])
    if "cards" in top_keys(root) and "facts" not in top_keys(root):
        message = _("this is a deck, not a facts file (*.facts.yaml, see docs/facts.md); check a deck with `quiz validate`")
        raise DeckError([Problem(str(path), 0, 0, message)])
    reader = _Reader(str(path))
    facts = _Builder(reader, path).build(root)
    if reader.problems or facts is None:
        raise DeckError(dict.fromkeys(reader.problems))
    return facts


class _Builder:
    def __init__(self, reader: _Reader, path: Path):
        self.r = reader
        self.path = path
        self.languages: tuple[str, ...] = ()
        self.article_text = ""
        self.source_language = ""
        # Everything the file declares, read or not: a reference to a part that is broken itself
        # is not reported again (one missing translation must not read as a dozen unknown names).
        self.entity_types: dict[str, str | None] = {}
        self.relation_ids: set[str] = set()
        self.fact_ids: set[str] = set()

    def build(self, root: Node) -> Facts | None:
        r = self.r
        top = r.mapping(
            root,
            _("the facts file"),
            required=("languages", "source", "deck", "entities", "relations", "facts"),
            optional=("timelines",),
        )
        if top is None or any(k not in top for k in ("languages", "source", "deck")):
            return None
        self.languages = tuple(dict.fromkeys(r.strings(top["languages"][1], "languages")))
        if not self.languages:
            return None
        article = self._article(top["source"][1])
        deck = r.mapping(top["deck"][1], "deck", required=("id", "title"), optional=("description", "author", "tags"))
        if article is None or deck is None or "id" not in deck or "title" not in deck:
            return None
        deck_id = r.identifier(deck["id"][1], "deck id")
        title = r.localized(deck["title"][1], self.languages, "deck title")
        description = self.r.localized(deck["description"][1], self.languages, "deck description") if "description" in deck else None
        author = r.string(deck["author"][1], "deck author") if "author" in deck else None
        tags = r.strings(deck["tags"][1], "deck tags") if "tags" in deck else ()
        entities = self._entities(top["entities"][1]) if "entities" in top else {}
        relations = self._relations(top["relations"][1], entities) if "relations" in top else {}
        facts = self._facts(top["facts"][1], entities, relations) if "facts" in top else ()
        timelines = self._timelines(top["timelines"][1], facts) if "timelines" in top else ()
        if deck_id is None or title is None:
            return None
        return Facts(
            path=self.path,
            deck_id=deck_id,
            languages=self.languages,
            title=title,
            description=description,
            author=author,
            tags=tags,
            article=article,
            entities=entities,
            relations=relations,
            facts=facts,
            timelines=timelines,
        )

    def _article(self, node: Node) -> Article | None:
        r = self.r
        table = r.mapping(node, "source", required=("title", "date", "file", "language"), optional=())
        if table is None or len(table) < 4:
            return None
        title = r.string(table["title"][1], "source title")
        date = Date().read(r, table["date"][1], "source date")
        language = r.string(table["language"][1], "source language")
        name = r.string(table["file"][1], "source file")
        if title is None or date is None or language is None or name is None:
            return None
        file = (self.path.parent / name).resolve()
        try:
            text = read_limited(file, MAX_BYTES).decode("utf-8")
        except (Unreadable, UnicodeDecodeError):
            r.problem(table["file"][1], _("cannot read the article {name} (looked for {path})").format(name=name, path=file))
            return None
        self.article_text = text
        self.source_language = language
        return Article(title=title, date=date, file=file, language=language, text=text)

    def _entities(self, node: Node) -> dict[str, Entity]:
        r, langs = self.r, self.languages
        out: dict[str, Entity] = {}
        table = r.mapping(node, "entities")
        for key, (key_node, value) in (table or {}).items():
            what = _("entity '{key}'").format(key=key)
            if r.identifier(key_node, _("an entity id")) is None:
                continue
            self.entity_types[key] = None
            e = r.mapping(value, what, required=("type", "name"), optional=("short", "forms", "mentions", "also", "role", "groups"))
            if e is None or "type" not in e or "name" not in e:
                continue
            etype = r.identifier(e["type"][1], f"{what}: type")
            self.entity_types[key] = etype
            if etype in LITERAL_TYPES:
                r.problem(e["type"][1], _("{what}: '{type}' values are written in the facts themselves, not as entities").format(what=what, type=etype))
                continue
            name = r.localized(e["name"][1], langs, f"{what}: name")
            short = r.localized(e["short"][1], langs, f"{what}: short") if "short" in e else None
            role = r.localized(e["role"][1], langs, f"{what}: role") if "role" in e else None
            forms: dict[str, Localized] = {}
            for form, (form_key, form_value) in (r.mapping(e["forms"][1], f"{what}: forms") or {} if "forms" in e else {}).items():
                if form not in FORMS or form in ("short", "role"):
                    r.problem(form_key, _("{what}: unknown form '{form}'; use gen, nom, acc or dat").format(what=what, form=form))
                    continue
                loc = r.localized(form_value, langs, f"{what}: form {form}")
                if loc:
                    forms[form] = loc
            mentions = r.strings(e["mentions"][1], f"{what}: mentions") if "mentions" in e else ()
            also = r.strings(e["also"][1], f"{what}: also") if "also" in e else ()
            groups = r.strings(e["groups"][1], f"{what}: groups") if "groups" in e else ()
            if etype is None or name is None:
                continue
            if self.source_language in name:
                defaults = (name[self.source_language], *((short[self.source_language],) if short else ()))
                mentions = tuple(dict.fromkeys((*mentions, *defaults)))
            for mention_node in ([] if "mentions" not in e else self._items(e["mentions"][1])):
                if mention_node.value not in self.article_text:
                    r.problem(mention_node, _("{what}: mention '{mention}' does not occur in the article").format(what=what, mention=mention_node.value))
            mark = key_node.start_mark
            out[key] = Entity(key, etype, name, short, forms, mentions, also, role, groups, mark.line + 1, mark.column + 1)
        return out

    @staticmethod
    def _items(node: Node) -> list[ScalarNode]:
        items = node.value if isinstance(node, SequenceNode) else [node]
        return [n for n in items if isinstance(n, ScalarNode)]

    def _relations(self, node: Node, entities: dict[str, Entity]) -> dict[str, Relation]:
        r, langs = self.r, self.languages
        types = {t for t in self.entity_types.values() if t is not None}
        out: dict[str, Relation] = {}
        for key, (key_node, value) in (r.mapping(node, "relations") or {}).items():
            what = _("relation '{key}'").format(key=key)
            if r.identifier(key_node, _("a relation id")) is None:
                continue
            self.relation_ids.add(key)
            rel = r.mapping(value, what, required=("slots", "says"), optional=("ask", "symmetric", "typed", "swap"))
            if rel is None or "slots" not in rel or "says" not in rel:
                continue
            slots: dict[str, str] = {}
            for slot, (_slot_key, slot_type_node) in (r.mapping(rel["slots"][1], f"{what}: slots") or {}).items():
                slot_type = r.identifier(slot_type_node, f"{what}: type of slot '{slot}'")
                if slot_type is None:
                    continue
                if slot_type not in LITERAL_TYPES and slot_type not in types:
                    r.problem(slot_type_node, _("{what}: no entity has type '{type}'").format(what=what, type=slot_type))
                slots[slot] = slot_type
            says = r.localized(rel["says"][1], langs, f"{what}: says")
            if says:
                self._check_template(rel["says"][1], says, slots, what)
            ask: dict[str, Localized] = {}
            if "ask" in rel:
                for slot, (slot_key, q_node) in (r.mapping(rel["ask"][1], f"{what}: ask") or {}).items():
                    if slot not in slots:
                        r.problem(slot_key, _("{what}: ask names '{slot}', which is not one of its slots").format(what=what, slot=slot))
                        continue
                    if slots[slot] == TEXT_TYPE:
                        r.problem(slot_key, _("{what}: '{slot}' is a text; ask for who or what it is about instead").format(what=what, slot=slot))
                        continue
                    question = r.localized(q_node, langs, f"{what}: question for '{slot}'")
                    if question:
                        self._check_template(q_node, question, slots, what)
                        ask[slot] = question
            symmetric = self._flag(rel, "symmetric", what, False)
            typed = self._slot_list(rel, "typed", slots, what, default=tuple(ask))
            swap = self._slot_list(rel, "swap", slots, what, default=tuple(s for s, t in slots.items() if t != TEXT_TYPE))
            if symmetric and len(set(slots.values())) != 1:
                r.problem(rel["symmetric"][1], _("{what}: only a relation whose slots share one type can be symmetric").format(what=what))
            if says is None:
                continue
            mark = key_node.start_mark
            out[key] = Relation(key, slots, says, ask, symmetric, typed, swap, mark.line + 1, mark.column + 1)
        return out

    def _slot_list(
        self, table: dict[str, tuple[Node, Node]], key: str, slots: dict[str, str], what: str, default: tuple[str, ...]
    ) -> tuple[str, ...]:
        """`key: [slot, ...]`, `key: true` (the default slots) or `key: false` (none)."""
        if key not in table:
            return default
        node = table[key][1]
        if isinstance(node, ScalarNode) and node.tag == BOOL:
            return default if self._flag(table, key, what, True) else ()
        names = self.r.strings(node, f"{what}: {key}")
        for name in names:
            if name not in slots:
                self.r.problem(node, _("{what}: {key} names '{name}', which is not one of its slots").format(what=what, key=key, name=name))
        return tuple(n for n in names if n in slots)

    def _flag(self, table: dict[str, tuple[Node, Node]], key: str, what: str, default: bool) -> bool:
        if key not in table:
            return default
        value = Bool().read(self.r, table[key][1], f"{what}: '{key}'")
        return default if value is None else value

    def _check_template(self, node: Node, texts: Localized, slots: dict[str, str], what: str) -> None:
        for text in dict.fromkeys(texts.values()):
            for m in PLACEHOLDER_RE.finditer(text):
                slot, form = m.group(1), m.group(2)
                if slot not in slots:
                    self.r.problem(node, _("{what}: '{{{slot}}}' is not one of its slots ({slots})").format(what=what, slot=slot, slots=", ".join(slots)))
                elif form is not None and (form not in FORMS or slots[slot] in LITERAL_TYPES):
                    self.r.problem(node, _("{what}: '{placeholder}': '{form}' is not a form of this slot").format(what=what, placeholder=m.group(0), form=form))

    def _facts(self, node: Node, entities: dict[str, Entity], relations: dict[str, Relation]) -> tuple[Fact, ...]:
        r, langs = self.r, self.languages
        out: list[Fact] = []
        seen: set[str] = set()
        for item in r.sequence(node, "facts"):
            f = r.mapping(
                item,
                _("fact"),
                required=("id", "quote"),
                optional=("relation", "args", "refs", "cloze", "explain", "false", "avoid", "tags", "accept", "matching"),
            )
            if f is None or "id" not in f or "quote" not in f:
                continue
            fact_id = r.identifier(f["id"][1], "fact id")
            if fact_id is None:
                continue
            what = _("fact '{id}'").format(id=fact_id)
            if fact_id in seen:
                r.problem(f["id"][1], _("{what}: another fact already has this id").format(what=what))
                continue
            seen.add(fact_id)
            self.fact_ids.add(fact_id)
            quote = r.string(f["quote"][1], f"{what}: quote")
            if quote is not None and quote not in self.article_text:
                r.problem(f["quote"][1], _("{what}: the quote does not occur word for word in the article").format(what=what))
                quote = None
            refs: dict[str, str] = {}
            for word, (word_key, target) in (r.mapping(f["refs"][1], f"{what}: refs") or {} if "refs" in f else {}).items():
                entity = r.string(target, f"{what}: refs")
                if entity not in entities:
                    if entity is not None and entity not in self.entity_types:
                        r.problem(target, _("{what}: refs names '{entity}', which is not an entity").format(what=what, entity=entity))
                elif quote is not None and not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", quote):
                    r.problem(word_key, _("{what}: refs word '{word}' is not in the quote").format(what=what, word=word))
                else:
                    refs[word] = entity
            cloze = r.localized(f["cloze"][1], langs, f"{what}: cloze") if "cloze" in f else None
            if cloze is not None:
                self._check_cloze(f["cloze"][1], cloze, what, quote)
            explain = r.localized(f["explain"][1], langs, f"{what}: explain") if "explain" in f else None
            tags = r.strings(f["tags"][1], f"{what}: tags") if "tags" in f else ()
            avoid = r.strings(f["avoid"][1], f"{what}: avoid") if "avoid" in f else ()
            for name in avoid:
                if name not in self.entity_types:
                    r.problem(f["avoid"][1], _("{what}: avoid names '{name}', which is not an entity").format(what=what, name=name))
            accept = self._accept(f["accept"][1], what) if "accept" in f else {}
            matching = r.string(f["matching"][1], f"{what}: matching") if "matching" in f else None
            if matching is not None and matching not in MATCHING_MODES:
                r.problem(f["matching"][1], _("{what}: matching must be one of {modes}, not '{given}'").format(what=what, modes=', '.join(MATCHING_MODES), given=matching))
                matching = None
            relation_id = r.string(f["relation"][1], f"{what}: relation") if "relation" in f else None
            args: dict[str, Value] = {}
            false: dict[str, Value] = {}
            if relation_id is None:
                if "relation" not in f:
                    for key in ("cloze", "explain"):
                        if key not in f:
                            r.problem(item, _("{what}: a fact without a relation needs '{key}'").format(what=what, key=key))
                    for key in ("args", "false"):
                        if key in f:
                            r.problem(f[key][0], _("{what}: '{key}' needs a 'relation'").format(what=what, key=key))
            elif relation_id not in relations:
                if relation_id not in self.relation_ids:
                    r.problem(f["relation"][1], _("{what}: unknown relation '{relation}'").format(what=what, relation=relation_id))
            else:
                relation = relations[relation_id]
                if "args" not in f:
                    r.problem(item, _("{what}: 'args' is missing").format(what=what))
                else:
                    args = self._args(f["args"][1], relation, entities, what, required=True)
                    if quote is not None and len(args) == len(relation.slots):
                        self._check_grounding(f["args"][1], args, relation, entities, quote, refs, what)
                if "false" in f:
                    false = self._args(f["false"][1], relation, entities, what, required=False)
                    for slot, value in false.items():
                        if args.get(slot) == value:
                            r.problem(f["false"][1], _("{what}: 'false' must change '{slot}', not repeat it").format(what=what, slot=slot))
            if accept:
                self._check_accept(f["accept"][1], accept, relations.get(relation_id or ""), cloze, what)
            if quote is None:
                continue
            mark = f["id"][0].start_mark
            out.append(
                Fact(
                    fact_id,
                    quote,
                    relation_id,
                    args,
                    refs,
                    cloze,
                    explain,
                    false,
                    avoid,
                    tags,
                    accept,
                    matching,
                    mark.line + 1,
                    mark.column + 1,
                )
            )
        self._check_unambiguous(out, relations, node)
        return tuple(out)

    def _accept(self, node: Node, what: str) -> dict[str, dict[str, tuple[str, ...]]]:
        """`accept: {slot or gap answer: [answers]}`; a list per language where they differ."""
        r = self.r
        out: dict[str, dict[str, tuple[str, ...]]] = {}
        for key, (_key_node, value) in (r.mapping(node, f"{what}: accept") or {}).items():
            if isinstance(value, MappingNode):
                table = r.mapping(value, f"{what}: accept '{key}'", optional=self.languages) or {}
                out[key] = {lang: r.strings(table[lang][1], f"{what}: accept '{key}' ({lang})") for lang in table}
            else:
                answers = r.strings(value, f"{what}: accept '{key}'")
                out[key] = {lang: answers for lang in self.languages}
        return out

    def _check_accept(
        self,
        node: Node,
        accept: dict[str, dict[str, tuple[str, ...]]],
        relation: Relation | None,
        cloze: Localized | None,
        what: str,
    ) -> None:
        """Every `accept` key names a slot the fact asks for, or the answer of one of its gaps."""
        known = set(relation.ask if relation else ())
        gaps = {m.group(1).split("|")[0].strip() for text in (cloze or {}).values() for m in GAP_RE.finditer(text)}
        for key in accept:
            if key not in known and key not in gaps:
                choices = sorted(known) + sorted(gaps)
                self.r.problem(
                    node, _("{what}: accept names '{key}', which is neither an asked slot nor a gap's answer{suggestion}").format(what=what, key=key, suggestion=did_you_mean(key, choices))
                )

    def _args(
        self, node: Node, relation: Relation, entities: dict[str, Entity], what: str, *, required: bool
    ) -> dict[str, Value]:
        r = self.r
        table = r.mapping(node, f"{what}: args", required=relation.slots if required else (), optional=relation.slots)
        out: dict[str, Value] = {}
        for slot, (_slot_key, value_node) in (table or {}).items():
            slot_type = relation.slots[slot]
            value: Value | None
            if slot_type in NUMBER_TYPES:
                value = r.integer(value_node, f"{what}: '{slot}'")
            elif slot_type == TEXT_TYPE:
                value = r.localized(value_node, self.languages, f"{what}: '{slot}'")
            else:
                value = r.string(value_node, f"{what}: '{slot}'")
                if value is not None and value not in entities:
                    if value not in self.entity_types:
                        r.problem(value_node, _("{what}: '{value}' is not an entity").format(what=what, value=value))
                    value = None
                elif value is not None and entities[value].type != slot_type:
                    r.problem(value_node, _("{what}: '{slot}' needs a {type}, '{value}' is a {actual}").format(what=what, slot=slot, type=slot_type, value=value, actual=entities[value].type))
                    value = None
            if value is not None:
                out[slot] = value
        return out

    def _check_grounding(
        self,
        node: Node,
        args: dict[str, Value],
        relation: Relation,
        entities: dict[str, Entity],
        quote: str,
        refs: dict[str, str],
        what: str,
    ) -> None:
        """Every argument must be named in the quote, or stand there as a `refs` word."""
        for slot, value in args.items():
            slot_type = relation.slots[slot]
            if slot_type in NUMBER_TYPES:
                ok = re.search(rf"(?<!\d){value}(?!\d)", quote) is not None
                shown = str(value)
            elif slot_type == TEXT_TYPE:
                shown = value[self.source_language]  # type: ignore[index]
                ok = shown in quote
            else:
                entity = entities[value]  # type: ignore[index]
                ok = any(m in quote for m in entity.mentions) or value in refs.values()
                shown = entity.name.get(self.source_language, entity.id)
            if not ok:
                self.r.problem(node, _("{what}: the quote does not name '{shown}' ({slot}); quote more, or add a 'refs' word").format(what=what, shown=shown, slot=slot))

    def _check_cloze(self, node: Node, cloze: Localized, what: str, quote: str | None = None) -> None:
        for lang, text in cloze.items():
            if not GAP_RE.search(text):
                self.r.problem(node, _("{what}: the {language} cloze has no gap; mark one like {{{{word}}}}").format(what=what, language=lang))
            if any(not part.strip() for m in GAP_RE.finditer(text) for part in m.group(1).split("|")):
                self.r.problem(node, _("{what}: the {language} cloze has an empty gap").format(what=what, language=lang))
        source_text = cloze.get(self.source_language)
        if source_text is not None and cloze_plain(source_text) not in self.article_text:
            self.r.problem(node, _("{what}: the {language} cloze, gaps filled in, is not word for word in the article").format(what=what, language=self.source_language))
        elif source_text is not None and quote is not None and cloze_plain(source_text) not in quote:
            self.r.problem(
                node, _("{what}: the {language} cloze reaches beyond the quote; quote all of it, so the card shows where its gaps come from").format(what=what, language=self.source_language)
            )

    def _check_unambiguous(self, facts: list[Fact], relations: dict[str, Relation], node: Node) -> None:
        """A question must have one answer: no two facts may differ only in an asked slot."""
        for i, fact in enumerate(facts):
            relation = relations.get(fact.relation or "")
            if relation is None or len(fact.args) != len(relation.slots):
                continue
            for other in facts[:i]:
                if other.relation != fact.relation or len(other.args) != len(relation.slots):
                    continue
                for slot in relation.ask:
                    rest = [s for s in relation.slots if s != slot]
                    if other.args[slot] != fact.args[slot] and all(other.args[s] == fact.args[s] for s in rest):
                        self.r.problems.append(
                            Problem(
                                self.r.path,
                                fact.line,
                                fact.column,
                                _(
                                    "fact '{fact}': asking for '{slot}' would have two answers (see fact '{other}'); "
                                    "remove '{slot}' from the relation's 'ask' or split the relation"
                                ).format(fact=fact.id, slot=slot, other=other.id),
                            )
                        )

    def _timelines(self, node: Node, facts: tuple[Fact, ...]) -> tuple[Timeline, ...]:
        r, langs = self.r, self.languages
        known = {f.id for f in facts}
        out: list[Timeline] = []
        for item in r.sequence(node, "timelines"):
            t = r.mapping(item, _("timeline"), optional=("id", "question", "events", "explain", "tags"))
            if t is None:
                continue
            timeline_id = r.identifier(t["id"][1], "timeline id") if "id" in t else None
            what = _("timeline") if timeline_id is None else _("timeline '{id}'").format(id=timeline_id)

            missing = [key for key in ("id", "question", "events") if key not in t]
            for key in missing:
                r.problem(item, _("{what} is missing the required field '{key}'").format(what=what, key=key))
            if missing:
                continue
            if timeline_id in self.fact_ids:
                r.problem(t["id"][1], _("{what}: a fact already has this id").format(what=what))
            question = r.localized(t["question"][1], langs, f"{what}: question")
            explain = r.localized(t["explain"][1], langs, f"{what}: explain") if "explain" in t else None
            tags = r.strings(t["tags"][1], f"{what}: tags") if "tags" in t else ()
            events: list[Event] = []
            written = r.sequence(t["events"][1], f"{what}: events")
            for event_node in written:
                e = r.mapping(event_node, f"{what}: event", required=("fact", "label"), optional=())
                if e is None or len(e) < 2:
                    continue
                fact_id = r.string(e["fact"][1], f"{what}: event fact")
                label = r.localized(e["label"][1], langs, f"{what}: event label")
                if fact_id is not None and fact_id not in self.fact_ids:
                    r.problem(e["fact"][1], _("{what}: '{fact}' is not a fact").format(what=what, fact=fact_id))
                elif fact_id in known and label is not None:
                    events.append(Event(fact_id, label))
            if isinstance(t["events"][1], SequenceNode) and len(written) < 2:
                r.problem(t["events"][1], _("{what}: needs at least two events").format(what=what))
            if timeline_id is None or question is None or "explain" in t and explain is None:
                continue
            mark = t["id"][0].start_mark
            out.append(Timeline(timeline_id, question, tuple(events), explain, tags, mark.line + 1, mark.column + 1))
        return tuple(out)
