"""`@datarecord` classes behave as the `@dataclass` classes they replace: same fields, same methods' results."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from quiz.deck.datarecord import datarecord


@dataclass(frozen=True)
class Plain:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    line: int = field(default=0, compare=False, repr=False)


@datarecord
class Shared:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    line: int = field(default=0, compare=False, repr=False)


@datarecord(kw_only=True)
class Base:
    """Fields every kind has."""

    id: str
    line: int = field(default=0, compare=False)


@datarecord(kw_only=True)
class Kind(Base):
    """A kind with fields of its own, one of them required after the base's defaults."""

    front: str
    back: str = "?"


@datarecord
class Built:
    """A record with a computed field and a default made per instance."""

    items: tuple[str, ...]
    extra: dict[str, int] = field(default_factory=dict)
    index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {item: i for i, item in enumerate(self.items)})


@datarecord(order=True)
class Ranked:
    """Ordered by its fields, as `order=True` orders a dataclass."""

    path: str
    line: int


@datarecord(frozen=False)
class Mutable:
    """A record that can change."""

    value: int
    seen: list[int] = field(default_factory=list)


def test_equal_hash_and_repr_as_a_dataclass() -> None:
    for args, kwargs in (((), {"name": "a"}), (("a", 2), {}), (("a",), {"tags": ("x",), "line": 4})):
        plain, shared = Plain(*args, **kwargs), Shared(*args, **kwargs)
        assert repr(shared) == repr(plain).replace("Plain", "Shared")
        assert hash(shared) == hash(plain)
        assert shared == Shared(*args, **kwargs)
    assert Shared("a", line=1) == Shared("a", line=2)
    assert Shared("a", 1) != Shared("a", 2)
    assert Shared("a") != Plain("a")
    assert {Shared("a", line=1), Shared("a", line=2)} == {Shared("a")}


def test_fields_replace_and_asdict_work() -> None:
    card = Kind(id="c", front="f", line=3)
    assert [f.name for f in dataclasses.fields(card)] == ["id", "line", "front", "back"]
    assert dataclasses.is_dataclass(card)
    moved = dataclasses.replace(card, back="b")
    assert (moved.id, moved.front, moved.back, moved.line) == ("c", "f", "b", 3)
    assert dataclasses.asdict(card) == {"id": "c", "line": 3, "front": "f", "back": "?"}
    assert Shared.__match_args__ == ("name", "count", "tags", "line")
    match Shared("a", 2):
        case Shared(name, count):
            assert (name, count) == ("a", 2)


def test_instances_are_immutable() -> None:
    card = Kind(id="c", front="f")
    with pytest.raises(FrozenInstanceError):
        card.front = "g"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        card.other = 1  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError):
        del card.front  # type: ignore[misc]
    assert card.front == "f"


def test_arguments_are_checked_as_a_dataclass_checks_them() -> None:
    with pytest.raises(TypeError, match="missing required arguments: 'front'"):
        Kind(id="c")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'side'"):
        Kind(id="c", front="f", side="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="positional arguments"):
        Kind("c", "f")  # type: ignore[misc]
    with pytest.raises(TypeError, match="multiple values for argument 'name'"):
        Shared("a", name="b")  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 5 positional arguments but 6 were given"):
        Shared("a", 1, (), 0, 9)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'index'"):
        Built(("a",), index={})  # type: ignore[call-arg]


def test_factories_and_post_init() -> None:
    one, two = Built(("a", "b")), Built(("a", "b"))
    assert one.index == {"a": 0, "b": 1}
    assert one.extra == {} and one.extra is not two.extra
    assert one == two
    assert repr(one) == "Built(items=('a', 'b'), extra={})"


def test_order() -> None:
    problems = [Ranked("b", 1), Ranked("a", 9), Ranked("a", 2)]
    assert sorted(problems) == [Ranked("a", 2), Ranked("a", 9), Ranked("b", 1)]
    assert Ranked("a", 1) <= Ranked("a", 1) < Ranked("a", 2)
    assert Ranked("b", 0) > Ranked("a", 5) >= Ranked("a", 5)


def test_a_mutable_record_changes_and_is_not_hashable() -> None:
    record = Mutable(1)
    record.value = 2
    record.seen.append(3)
    assert record == Mutable(2, [3])
    with pytest.raises(TypeError):
        hash(record)


def test_frozen_and_mutable_do_not_mix() -> None:
    with pytest.raises(TypeError):

        @datarecord(frozen=False)
        class Loose(Shared):
            more: int = 0


def test_pickled_and_copied_records_are_equal() -> None:
    card = Kind(id="c", front="f", line=3)
    for twin in (pickle.loads(pickle.dumps(card)), copy.copy(card), copy.deepcopy(card)):
        assert twin == card and twin.line == 3
    built = pickle.loads(pickle.dumps(Built(("x",))))
    assert built.index == {"x": 0}


def test_a_method_written_in_the_class_is_kept() -> None:
    @datarecord
    class Spoken:
        """Says its text."""

        text: str

        def __repr__(self) -> str:
            return f"<{self.text}>"

    assert repr(Spoken("hi")) == "<hi>"
    assert Spoken("hi") == Spoken("hi")


def test_a_classvar_known_only_to_type_checkers_is_refused() -> None:
    namespace: dict[str, object] = {"datarecord": datarecord}
    source = (
        "from __future__ import annotations\n"
        "TYPE_CHECKING = False\n"
        "if TYPE_CHECKING:\n"
        "    from typing import ClassVar\n"
        "@datarecord\n"
        "class Kinded:\n"
        "    kind: ClassVar[str] = 'x'\n"
    )
    with pytest.raises(TypeError, match="ClassVar"):
        exec(compile(source, "kinded", "exec"), namespace)


def test_dataclasses_and_pathlib_imported_with_stand_ins_still_reach_the_real_modules() -> None:
    code = (
        "import sys; import quiz, dataclasses, pathlib; print(sorted({'inspect', 'copy', 'ipaddress'} & set(sys.modules)));"
        "Point = dataclasses.dataclass(type('Point', (), {'__annotations__': {'x': 'int'}}));"
        "print(Point.__doc__, dataclasses.asdict(Point({1})), pathlib.Path('/a b').as_uri());"
        "import urllib.parse; print(urllib.parse.urlsplit('http://[::1]:80/').hostname);"
        "print(sorted({'inspect', 'copy', 'ipaddress'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[1:] == ["Point(x: 'int') {'x': {1}} file:///a%20b", "::1", "['copy', 'inspect', 'ipaddress']"]
    if sys.version_info < (3, 12):  # from 3.12, `dataclass` imports `inspect` at the first class
        assert out[0] == "[]"
