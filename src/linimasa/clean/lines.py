"""Label every raw line body / title / heading / metadata / boilerplate / blank.

Two kinds of evidence. First each line alone against the resource patterns (link labels, widgets,
captions, editor/author/date lines, block headings): `line_rule`. Then the layout of the page,
because most boilerplate on an outlet never seen before matches no list (`linimasa.clean.layout`):
where the real paragraphs are, runs of short unpunctuated lines (menus, link lists), lines repeated
right below another (a lede or title reused as photo caption), what sits under a "Terpopuler"/"Tags"
heading. Everything is a pure function of the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linimasa.clean import layout
from linimasa.clean.datelines import is_date_line
from linimasa.clean.layout import Page
from linimasa.clean.rules import CleanRules, kind_of
from linimasa.clean.shape import is_paragraph
from linimasa.clean.wrap import join_wrapped
from linimasa.model import Line, LineKind
from linimasa.text.dateline import Dateline

_SIGNOFF = re.compile(r"\((?:[a-z]{2,5}[/\\])*[a-z]{2,5}\)|\([A-Z][\w.]*(?: [A-Z][\w.]*){0,3} ?\)")


@dataclass
class Classified:
    lines: list[Line]
    dateline: Dateline | None = None
    title_line: int | None = None


def _may_be_caption(s: str, rules: CleanRules) -> bool:
    folded = s.casefold()
    if rules.caption_triggers and not any(t in folded for t in rules.caption_triggers):
        return False
    return any(p.search(s) for p in rules.captions)


def line_rule(s: str, rules: CleanRules) -> tuple[str, str, LineKind | None] | None:
    """The label, reason and kind a line gets from the patterns alone, or None when only layout can tell."""
    m = rules.related_label.match(s)
    if m:
        rest = m["rest"].strip()
        if not rest or m["more"]:
            return "boilerplate", "related-links label", "related_label"
        if not is_paragraph(rest) or len(rest) < 200:
            return "boilerplate", "related link", None
    if s.casefold().rstrip(" :").strip() in rules.block_headings:
        return "boilerplate", f"block heading '{s.rstrip(' :')}'", "block_heading"
    for reason, pattern in rules.boilerplate:
        if pattern.match(s):
            return "boilerplate", reason, kind_of(reason)
    if len(s) <= rules.caption_max_chars and _may_be_caption(s, rules):
        return "boilerplate", "photo caption", None
    if len(s) <= 200:
        for reason, pattern in rules.metadata:
            if pattern.match(s):
                return "metadata", reason, kind_of(reason)
    if is_date_line(s, rules):
        return "metadata", "date line", "date"
    if len(s) <= 60 and _SIGNOFF.fullmatch(s):
        return "metadata", "sign-off", "signoff"
    return None


def classify(texts: list[str], rules: CleanRules, extracted: bool = False) -> Classified:
    """Label the raw lines `texts` (without line ends); `extracted`: they are a main-content
    extractor's output (see `layout.Page.extracted`). Hard-wrapped paragraphs are joined first
    (`linimasa.clean.wrap`) and classified as one line: all its raw lines get its label, the first
    one carries the joined kept text."""
    wrapped = join_wrapped([t.replace("\xa0", " ").strip() for t in texts])
    page = Page(wrapped.texts, rules)
    page.extracted = extracted
    for i, s in enumerate(page.stripped):
        if not s:
            page.set(i, "blank", "empty line")
            continue
        rule = line_rule(s, rules)
        if rule:
            page.set(i, *rule)
    layout.mark_top_menu(page)
    layout.find_dateline(page)
    layout.clean_content_inline(page)
    layout.mark_repetitions(page)
    layout.mark_caption_repeats(page)
    layout.mark_outlying_paragraphs(page)
    layout.label_top(page)
    layout.mark_blocks(page)
    layout.mark_schedule_dates(page)
    layout.label_bottom(page)
    layout.label_middle(page)
    layout.mark_heading_runs(page)
    lines: list[Line] = []
    for g, group in enumerate(wrapped.groups):  # a hard-wrapped paragraph's lines share its label
        lab = page.label[g] or "body"
        content = lab in ("body", "heading")
        for k, i in enumerate(group):
            reason = page.reason[g] if k == 0 else f"{page.reason[g]} (hard-wrapped, joined to line {group[0] + 1})"
            kept = (page.kept[g] if k == 0 else "") if content else None
            lines.append(Line(n=i + 1, text=texts[i], label=lab, reason=reason,  # type: ignore[arg-type]
                              kept=kept, kind=page.kind[g]))
    title_line = wrapped.groups[page.title_line][0] if page.title_line is not None else None
    return Classified(lines=lines, dateline=page.dateline, title_line=title_line)
