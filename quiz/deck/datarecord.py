"""Dataclasses whose methods are written once, here, instead of generated for each class.

`dataclasses.dataclass` writes `__init__`, `__repr__`, `__eq__` and `__hash__`
(and, for a frozen class, `__setattr__` and `__delattr__`) as source text and
compiles each of them for every class, at every start of the program: a
millisecond a class, which for the deck model, the deck format and the engine
made up much of what a `quiz` command cost before it did anything.

`@datarecord` makes the same classes: `dataclass` itself still collects the
fields, so `dataclasses.fields`, `replace`, `asdict` and pattern matching see
an ordinary dataclass, and a type checker checks them as one (frozen unless
`frozen=False`). Only the methods differ: the ones below, shared by every
class, read a table of the class's fields made when the class is. They behave
as the generated ones do: `__init__` takes the fields (positionally unless
keyword-only) with their defaults and calls `__post_init__`; equality, hash and
order compare the fields that `compare`, the class must match; `repr` shows the
fields that `repr`; assigning to or deleting an attribute of a frozen instance
raises `dataclasses.FrozenInstanceError`. A method written in the class body
is kept. `InitVar` pseudo-fields and `slots` are not supported.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter, ge, gt, le, lt

TYPE_CHECKING = False  # (not typing's: `quiz validate` never imports typing, see `quiz.cli`)
if TYPE_CHECKING:
    from typing import Any, dataclass_transform
else:

    def dataclass_transform(**_: object) -> Callable[[Callable[..., object]], Callable[..., object]]:
        """typing's marks a function for type checkers, which read the source: run, it has nothing to do."""
        return lambda function: function


_set = object.__setattr__
_SPEC = "__datarecord__"


class _Spec:
    """What the shared methods need to know about one class's fields."""

    __slots__ = ("names", "init_count", "keyword", "positional", "defaults", "factories", "fixed", "compared", "shown", "post_init", "frozen")

    def __init__(self, cls: type, frozen: bool) -> None:
        everything = fields(cls)
        init = [f for f in everything if f.init]
        self.names: tuple[str, ...] = tuple(f.name for f in init)
        """The fields `__init__` takes, in the order they are declared (and set in)."""
        self.init_count = len(self.names)
        self.keyword = frozenset(self.names)
        self.positional: tuple[str, ...] = tuple(f.name for f in init if not f.kw_only)
        self.defaults: dict[str, Any] = {f.name: f.default for f in init if f.default is not MISSING}
        self.factories: tuple[tuple[str, Callable[[], Any]], ...] = tuple(
            (f.name, f.default_factory) for f in init if f.default_factory is not MISSING
        )
        self.fixed: tuple[tuple[str, Any, Callable[[], Any] | None], ...] = tuple(
            (f.name, f.default, None if f.default_factory is MISSING else f.default_factory)
            for f in everything
            if not f.init and (f.default is not MISSING or f.default_factory is not MISSING)
        )
        """Fields `__init__` does not take that have a default: set to it."""
        compared = [f.name for f in everything if f.compare]
        self.compared: Callable[[Any], Any] = (
            attrgetter(*compared) if len(compared) > 1 else _one(compared[0]) if compared else _nothing
        )
        self.shown: tuple[str, ...] = tuple(f.name for f in everything if f.repr)
        self.post_init = hasattr(cls, "__post_init__")
        self.frozen = frozen


def _one(name: str) -> Callable[[Any], tuple[Any]]:
    get = attrgetter(name)
    return lambda obj: (get(obj),)


def _nothing(obj: Any) -> tuple[()]:
    return ()


def _init(self: Any, /, *args: Any, **kwargs: Any) -> None:
    spec: _Spec = self.__datarecord__
    if args:
        positional = spec.positional
        if len(args) > len(positional) or not kwargs.keys().isdisjoint(positional[: len(args)]):
            raise _positional_error(type(self), args, kwargs)
        kwargs.update(zip(positional, args, strict=False))
    values = {**spec.defaults, **kwargs} if spec.defaults else kwargs
    for name, factory in spec.factories:
        if name not in values:
            values[name] = factory()
    if len(values) != spec.init_count:
        raise _keyword_error(type(self), values)
    try:
        for name in spec.names:
            _set(self, name, values[name])
    except KeyError:
        raise _keyword_error(type(self), values) from None
    for name, default, make in spec.fixed:
        _set(self, name, default if make is None else make())
    if spec.post_init:
        self.__post_init__()


def _positional_error(cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]) -> TypeError:
    spec: _Spec = cls.__datarecord__  # type: ignore[attr-defined]
    positional = spec.positional
    if len(args) > len(positional):
        return TypeError(f"{cls.__qualname__}.__init__() takes {len(positional) + 1} positional arguments but {len(args) + 1} were given")
    twice = next(name for name in positional[: len(args)] if name in kwargs)
    return TypeError(f"{cls.__qualname__}.__init__() got multiple values for argument {twice!r}")


def _keyword_error(cls: type, values: dict[str, Any]) -> TypeError:
    spec: _Spec = cls.__datarecord__  # type: ignore[attr-defined]
    unknown = [name for name in values if name not in spec.keyword]
    if unknown:
        return TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument {unknown[0]!r}")
    missing = ", ".join(repr(name) for name in spec.names if name not in values)
    return TypeError(f"{cls.__qualname__}.__init__() missing required arguments: {missing}")


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__datarecord__.shown)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> Any:
    compared = self.__datarecord__.compared
    if other.__class__ is self.__class__:
        return compared(self) == compared(other)
    return NotImplemented


def _comparison(compare: Callable[[Any, Any], Any]) -> Callable[[Any, object], Any]:
    """An order method: `compare` (`<`, `<=`, ...) applied to the compared fields, for records of one class."""

    def method(self: Any, other: object) -> Any:
        compared = self.__datarecord__.compared
        if other.__class__ is self.__class__:
            return compare(compared(self), compared(other))
        return NotImplemented

    return method


_ORDER = {name: _comparison(compare) for name, compare in (("__lt__", lt), ("__le__", le), ("__gt__", gt), ("__ge__", ge))}


def _hash(self: Any) -> int:
    return hash(self.__datarecord__.compared(self))


def _frozen(self: Any, name: str) -> bool:
    """Whether `name` is held still on this object: any attribute of a frozen record, a field of a subclass of one."""
    cls = type(self)
    return _SPEC in cls.__dict__ or name in cls.__dataclass_fields__


def _setattr(self: Any, name: str, value: Any) -> None:
    if _frozen(self, name):
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    _set(self, name, value)


def _delattr(self: Any, name: str) -> None:
    if _frozen(self, name):
        raise FrozenInstanceError(f"cannot delete field {name!r}")
    object.__delattr__(self, name)


def _put(cls: type, name: str, method: Any) -> None:
    """A shared method, unless the class body writes its own."""
    if name not in cls.__dict__:
        setattr(cls, name, method)


def _make(cls: type, frozen: bool, kw_only: bool, order: bool) -> type:
    for base in cls.__mro__[1:]:
        spec = base.__dict__.get(_SPEC)
        if spec is not None and spec.frozen != frozen:
            raise TypeError(f"{cls.__qualname__} and {base.__qualname__}: a record is frozen, or mutable, as its bases are")
    own_doc = cls.__dict__.get("__doc__")
    if not own_doc:
        cls.__doc__ = cls.__name__  # (spares `dataclass` working out a signature: replaced below)
    # Decided before `__eq__` is set, as `dataclass` does: a body that writes `__eq__` alone has `__hash__` None.
    written_hash = cls.__dict__.get("__hash__", MISSING)
    hash_written = not (written_hash is MISSING or (written_hash is None and "__eq__" in cls.__dict__))
    dataclass(init=False, repr=False, eq=False, kw_only=kw_only)(cls)
    for f in fields(cls):
        if isinstance(f.type, str) and f.type.startswith(("ClassVar", "typing.ClassVar")):
            # `dataclass` knows a ClassVar by the name's value in the module, and only once typing is imported
            raise TypeError(f"{cls.__qualname__}.{f.name}: a ClassVar needs `from typing import ClassVar` run, not only type-checked")
    spec = _Spec(cls, frozen)
    setattr(cls, _SPEC, spec)
    if not own_doc:
        cls.__doc__ = f"{cls.__name__}({', '.join(spec.names)})"
    _put(cls, "__init__", _init)
    _put(cls, "__repr__", _repr)
    _put(cls, "__eq__", _eq)
    if order:
        for name, method in _ORDER.items():
            _put(cls, name, method)
    if frozen:
        _put(cls, "__setattr__", _setattr)
        _put(cls, "__delattr__", _delattr)
    if not hash_written:  # a frozen record hashes by its compared fields; a mutable one cannot be hashed
        cls.__hash__ = _hash if frozen else None  # type: ignore[assignment]
    return cls


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def datarecord(cls: type | None = None, /, *, frozen: bool = True, kw_only: bool = False, order: bool = False) -> Any:
    """`@dataclass(frozen=True)`, with the methods shared (see the module's docstring); `frozen=False` for a mutable one."""
    if cls is None:
        return lambda cls: _make(cls, frozen, kw_only, order)
    return _make(cls, frozen, kw_only, order)
