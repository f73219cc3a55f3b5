"""Dataclasses whose methods are written once, here, instead of generated as source for each class.

`dataclasses.dataclass` writes `__init__`, `__repr__`, `__eq__` and `__hash__`
(and, for a frozen class, `__setattr__` and `__delattr__`) as source text and
compiles each of them for every class, at every start of the program: about a
millisecond a class, which for the deck model, the deck format and the engine
made up much of what a `quiz` command cost before it did anything.

`@datarecord` makes the same classes: `dataclass` itself still collects the
fields, so `dataclasses.fields`, `replace`, `asdict` and pattern matching see
an ordinary dataclass, and a type checker checks them as one (frozen unless
`frozen=False`). Only the methods differ: the functions below, already
compiled, are closed over each class's fields when the class is made. They
behave as the generated ones do: `__init__` takes the fields (positionally
unless keyword-only) with their defaults and calls `__post_init__`; equality,
hash and order compare the fields that `compare`, the class must match; `repr`
shows the fields that `repr`; assigning to or deleting an attribute of a frozen
instance raises `dataclasses.FrozenInstanceError`. A method written in the
class body is kept. `InitVar` pseudo-fields and `slots` are not supported.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter, ge, gt, le, lt

TYPE_CHECKING = False  # (not typing's: `quiz validate` never imports typing, see `quiz.cli`)
if TYPE_CHECKING:
    from typing import Any, dataclass_transform
else:

    def dataclass_transform(**_: object) -> Callable[[Callable[..., object]], Callable[..., object]]:
        """typing's marks a function for type checkers, which read the source: run, it has nothing to do."""
        return lambda function: function


_set = object.__setattr__
_FROZEN = "__datarecord_frozen__"
"""Set on each record class: whether it is frozen (its subclasses must be alike)."""


def _init_method(cls: type, everything: tuple[Field[Any], ...]) -> Callable[..., None]:
    init = [f for f in everything if f.init]
    positional = tuple(f.name for f in init if not f.kw_only)
    names = positional + tuple(f.name for f in init if f.kw_only)  # in the order `dataclass` takes them
    count, most = len(names), len(positional)
    defaults = {f.name: f.default for f in init if f.default is not MISSING}
    factories = tuple((f.name, f.default_factory) for f in init if f.default_factory is not MISSING)
    fixed = tuple(
        (f.name, f.default, None if f.default_factory is MISSING else f.default_factory)
        for f in everything
        if not f.init and (f.default is not MISSING or f.default_factory is not MISSING)
    )
    post_init = hasattr(cls, "__post_init__")
    finish = bool(fixed) or post_init
    whole = count if most == count else -1  # arguments that give every field in order (none when some are keyword-only)

    def done(self: Any) -> None:
        for name, default, make in fixed:
            _set(self, name, default if make is None else make())
        if post_init:
            self.__post_init__()

    def __init__(self: Any, /, *args: Any, **kwargs: Any) -> None:
        if args:
            if len(args) == whole and not kwargs:
                for name, value in zip(names, args, strict=True):
                    _set(self, name, value)
                if finish:
                    done(self)
                return
            if len(args) > most or (kwargs and not kwargs.keys().isdisjoint(positional[: len(args)])):
                raise _positional_error(cls, positional, args, kwargs)
            kwargs.update(zip(positional, args, strict=False))
        values = {**defaults, **kwargs}
        for name, factory in factories:
            if name not in values:
                values[name] = factory()
        if len(values) != count:
            raise _keyword_error(cls, names, values)
        try:
            for name in names:
                _set(self, name, values[name])
        except KeyError:
            raise _keyword_error(cls, names, values) from None
        if finish:
            done(self)

    return __init__


def _positional_error(cls: type, positional: tuple[str, ...], args: tuple[Any, ...], kwargs: dict[str, Any]) -> TypeError:
    if len(args) > len(positional):
        return TypeError(f"{cls.__qualname__}.__init__() takes {len(positional) + 1} positional arguments but {len(args) + 1} were given")
    twice = next(name for name in positional[: len(args)] if name in kwargs)
    return TypeError(f"{cls.__qualname__}.__init__() got multiple values for argument {twice!r}")


def _keyword_error(cls: type, names: tuple[str, ...], values: dict[str, Any]) -> TypeError:
    unknown = [name for name in values if name not in names]
    if unknown:
        return TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument {unknown[0]!r}")
    missing = ", ".join(repr(name) for name in names if name not in values)
    return TypeError(f"{cls.__qualname__}.__init__() missing required arguments: {missing}")


def _repr_method(shown: tuple[str, ...]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{type(self).__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"

    return __repr__


def _compared(everything: tuple[Field[Any], ...]) -> Callable[[Any], Any]:
    """What equality, hash and order look at: the compared fields' values."""
    names = [f.name for f in everything if f.compare]
    return attrgetter(*names) if names else lambda _: ()


def _eq_method(compared: Callable[[Any], Any]) -> Callable[[Any, object], Any]:
    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    return __eq__


def _order_method(compared: Callable[[Any], Any], compare: Callable[[Any, Any], Any]) -> Callable[[Any, object], Any]:
    def method(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return compare(compared(self), compared(other))
        return NotImplemented

    return method


def _hash_method(compared: Callable[[Any], Any]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(compared(self))

    return __hash__


def _frozen_methods(cls: Any, everything: tuple[Field[Any], ...]) -> tuple[Callable[..., None], Callable[..., None]]:
    """`__setattr__` and `__delattr__` that refuse, as a frozen dataclass's do (a subclass may add attributes of its own)."""
    names = frozenset(f.name for f in everything)

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _put(cls: type, method: Callable[..., Any]) -> None:
    """A method, unless the class body writes its own."""
    name = method.__name__
    if name not in cls.__dict__:
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)


def _make(cls: type, frozen: bool, kw_only: bool, order: bool) -> type:
    for base in cls.__mro__[1:]:
        if base.__dict__.get(_FROZEN, frozen) != frozen:
            raise TypeError(f"{cls.__qualname__} and {base.__qualname__}: a record is frozen, or mutable, as its bases are")
    own_doc = cls.__dict__.get("__doc__")
    if not own_doc:
        cls.__doc__ = cls.__name__  # (spares `dataclass` working out a signature: replaced below)
    # Decided before `__eq__` is set, as `dataclass` does: a body that writes `__eq__` alone has `__hash__` None.
    written_hash = cls.__dict__.get("__hash__", MISSING)
    hash_written = not (written_hash is MISSING or (written_hash is None and "__eq__" in cls.__dict__))
    dataclass(init=False, repr=False, eq=False, kw_only=kw_only)(cls)
    everything = fields(cls)
    for f in everything:
        if isinstance(f.type, str) and f.type.startswith(("ClassVar", "typing.ClassVar")):
            # `dataclass` knows a ClassVar by the name's value in the module, and only once typing is imported
            raise TypeError(f"{cls.__qualname__}.{f.name}: a ClassVar needs `from typing import ClassVar` run, not only type-checked")
    setattr(cls, _FROZEN, frozen)
    if not own_doc:
        cls.__doc__ = f"{cls.__name__}({', '.join(f.name for f in everything if f.init)})"
    compared = _compared(everything)
    _put(cls, _init_method(cls, everything))
    _put(cls, _repr_method(tuple(f.name for f in everything if f.repr)))
    _put(cls, _eq_method(compared))
    if order:
        for name, compare in (("__lt__", lt), ("__le__", le), ("__gt__", gt), ("__ge__", ge)):
            method = _order_method(compared, compare)
            method.__name__ = name
            _put(cls, method)
    if frozen:
        for method in _frozen_methods(cls, everything):
            _put(cls, method)
    if not hash_written:  # a frozen record hashes by its compared fields; a mutable one cannot be hashed
        cls.__hash__ = _hash_method(compared) if frozen else None  # type: ignore[assignment]
    return cls


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def datarecord(cls: type | None = None, /, *, frozen: bool = True, kw_only: bool = False, order: bool = False) -> Any:
    """`@dataclass(frozen=True)`, with the methods made without compiling (see the module's docstring); `frozen=False` for a mutable one."""
    if cls is None:
        return lambda cls: _make(cls, frozen, kw_only, order)
    return _make(cls, frozen, kw_only, order)
