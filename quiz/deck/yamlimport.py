"""PyYAML, imported for less: its reader's pattern found ready in `re`'s cache, written the cheap way, and no `base64`.

PyYAML's pure-Python reader compiles `YAML_NOT_ALLOWED` when `yaml` is
imported. `re` walks its ranges, up to U+10FFFF, a character at a time: about
5 ms, a tenth of what `quiz validate` costs, for a reader that libyaml's parser
never uses (PyYAML's pure-Python one, where libyaml is missing, does). The same
set written as `YAML_REFUSED`, the few characters it matches, compiles in a
tenth of that, and is put in `re`'s cache under PyYAML's pattern, where
`re.compile` finds it. Where `re` keeps no such cache, or PyYAML writes its
pattern otherwise, PyYAML compiles its own as before.

`base64` (with `struct`), which PyYAML imports for `!!binary` values that a
deck never has, gets a stand-in (`quiz.standins`) while `yaml` is imported.
"""

from __future__ import annotations

import re

from ..standins import import_with_stand_ins

YAML_NOT_ALLOWED = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
"""`yaml.reader.Reader.NON_PRINTABLE`'s pattern, as PyYAML writes it: a character YAML does not allow."""
YAML_REFUSED = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
"""The same characters, named."""

_cache = getattr(re, "_cache", None)
if isinstance(_cache, dict):
    _cache.setdefault((str, YAML_NOT_ALLOWED, 0), re.compile(YAML_REFUSED))
import_with_stand_ins("yaml", "base64")
