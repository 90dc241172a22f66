"""User corrections to entities: a tab-separated file a reader edits, applied to the store after every
run, so a correction holds however many articles arrive later and no article is processed again.

    # linimasa corrections: one per line, fields separated by tabs; '#' starts a comment
    merge    Lionel Messi     Leo Messi          # the second entity is folded into the first
    rename   Gibran           Gibran Rakabuming  # the entity named (or aliased) so gets this name
    block    Carrot Cake                         # not an entity: left out of exports and listings
    split    Bluebird Adrianto Djokosoetono   Bluebird   ORG   # mentions written "Bluebird" become their own entity

Names are matched case-insensitively against each entity's name and aliases. A line that names no
stored entity is reported and skipped; the rest still apply.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ACTIONS = {"merge": 3, "rename": 3, "block": 2, "split": 3}
DEFAULT_FILE = "linimasa-corrections.tsv"
TYPES = ("PER", "ORG", "GPE", "LOC", "EVT", "OTHER")


@dataclass(frozen=True)
class Correction:
    action: str
    args: tuple[str, ...]
    line: int


class CorrectionsError(ValueError):
    """A corrections file that cannot be read as corrections (the message names the line)."""


def parse(text: str, source: str = "corrections") -> list[Correction]:
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split("\t") if f.strip()]
        action = fields[0].casefold()
        if action not in ACTIONS:
            raise CorrectionsError(f"{source}:{n}: unknown action {fields[0]!r} (one of {', '.join(ACTIONS)})")
        if len(fields) < ACTIONS[action]:
            raise CorrectionsError(f"{source}:{n}: {action} needs {ACTIONS[action] - 1} names, separated by tabs")
        if action == "split" and len(fields) > 3 and fields[3].upper() not in TYPES:
            raise CorrectionsError(f"{source}:{n}: type {fields[3]!r} is not one of {', '.join(TYPES)}")
        out.append(Correction(action, tuple(fields[1:]), n))
    return out


def load(path: str | Path) -> list[Correction]:
    p = Path(path)
    return parse(p.read_text(encoding="utf-8"), str(p))


def apply(corrections: list[Correction], store: Any) -> list[str]:
    """Apply the corrections in order; returns a note for each line that could not apply."""
    notes: list[str] = []
    for c in corrections:
        named = c.args[:2] if c.action == "merge" else c.args[:1]  # rename/split: the rest is no entity
        found = [store.entity_ids_named(name) for name in named]
        if not found[0]:
            notes.append(f"line {c.line}: no entity named {c.args[0]!r}")
            continue
        if c.action == "merge":
            if not found[1]:
                notes.append(f"line {c.line}: no entity named {c.args[1]!r}")
                continue
            keep = found[0][0]
            store.merge_entities(keep, [e for e in found[1] if e != keep])
        elif c.action == "rename":
            for eid in found[0]:
                store.rename_entity(eid, c.args[1])
        elif c.action == "block":
            for eid in found[0]:
                store.block_entity(eid)
        elif c.action == "split":
            form = c.args[1]
            type_ = c.args[2].upper() if len(c.args) > 2 else None
            new_id = "ent-split-" + hashlib.sha1(f"{found[0][0]}|{form.casefold()}".encode()).hexdigest()[:12]
            moved = store.split_entity(found[0][0], form, new_id, type_)
            if not moved:
                notes.append(f"line {c.line}: no mention of {c.args[0]!r} is written {form!r}")
    return notes
