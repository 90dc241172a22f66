"""Which strings name a news outlet (resources/shared/outlets.yaml).

Used by the cleaner to tell the outlet part of a dateline ("Liputan6.com, Jakarta -") from the place,
and by the meta stage to name the outlet it finds in sign-offs and self-references.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from linimasa import resources


@dataclass(frozen=True)
class OutletTable:
    aliases: dict[str, str]
    patterns: tuple[tuple[re.Pattern[str], str, str | None], ...]
    generic: re.Pattern[str] | None
    signatures: tuple[tuple[re.Pattern[str], str], ...] = ()
    mention: re.Pattern[str] | None = None  # any known name, as whole words

    def signature_of(self, line: str) -> str | None:
        """The outlet whose pages alone print this line (a widget, the shape of its byline)."""
        text = line.strip()
        return next((name for pattern, name in self.signatures if pattern.fullmatch(text)), None)

    def names_in(self, line: str) -> list[str]:
        """Known outlet names a line mentions (distinctive aliases only: two words, or one of 5+
        letters), canonical."""
        if not self.mention:
            return []
        return [self.aliases[m.group(0).casefold()] for m in self.mention.finditer(line)
                if m.group(0).casefold() in self.aliases]

    def name_of(self, segment: str, generic: bool = True) -> str | None:
        """The outlet a string names (the canonical name when known), or None if it names none;
        without ``generic``, only a name the table lists (an alias or an outlet's own pattern), not
        one of its generic shapes."""
        seg = " ".join(segment.split()).strip(" ,.:;-–—")
        if not seg:
            return None
        known = self.aliases.get(seg.casefold())
        if known:
            return known
        for pattern, name, display in self.patterns:
            m = pattern.fullmatch(seg)
            if m:
                if display:
                    groups = {k: (v or "").title() for k, v in m.groupdict().items()}
                    return display.format(**groups)
                return name
        if generic and self.generic and self.generic.fullmatch(seg):
            return seg
        return None


@functools.cache
def outlet_table() -> OutletTable:
    data = resources.load("shared", "outlets")
    aliases: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str, str | None]] = []
    for entry in data.get("outlets") or []:
        name = entry["name"]
        if entry.get("name_is_alias", True):  # "The Nation" is also a phrase: only its listed forms match
            aliases[name.casefold()] = name
        for alias in entry.get("aliases") or []:
            aliases[str(alias).casefold()] = name
        for p in entry.get("patterns") or []:
            patterns.append((re.compile(p, re.IGNORECASE), name, entry.get("display")))
    generic = data.get("generic_patterns") or []
    signatures = tuple((re.compile(p), e["name"]) for e in data.get("signatures") or [] for p in e.get("lines") or [])
    distinctive = sorted((a for a in aliases if " " in a or (len(a) >= 5 and "." not in a)), key=len, reverse=True)
    mention = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in distinctive) + r")(?!\w)", re.IGNORECASE)
    return OutletTable(
        aliases=aliases,
        patterns=tuple(patterns),
        generic=re.compile("|".join(f"(?:{p})" for p in generic), re.IGNORECASE) if generic else None,
        signatures=signatures,
        mention=mention if distinctive else None,
    )
