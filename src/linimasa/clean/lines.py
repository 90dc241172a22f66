"""Label every raw line body / title / heading / metadata / boilerplate / blank.

Two passes. The first looks at each line alone and applies the resource patterns (link labels,
widgets, captions, editor/author/date lines, block headings). The second uses layout, because most
boilerplate on an outlet never seen before matches no list: where the first real paragraph starts
and the last ends, runs of short unpunctuated lines (menus at the top, headline lists at the bottom),
a line repeated right below another (a lede or title reused as photo caption), and what sits under a
"Terpopuler"/"Tags" heading. Everything is a pure function of the lines.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from linimasa.clean.dateline import Dateline, parse_dateline
from linimasa.clean.inline import clean_inline
from linimasa.clean.rules import CLOSING_QUOTES, CleanRules
from linimasa.model import Line

_WORDS = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_QUOTE_MARKS = re.compile(r"[\"“”]|,'")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’]?\s+[\"“]?[A-Z]")
_SIGNOFF = re.compile(r"\((?:[a-z]{2,5}[/\\])*[a-z]{2,5}\)|\([A-Z][\w.]*(?: [A-Z][\w.]*){0,3} ?\)")
_DATE_TOKEN = re.compile(r"[\w.:/'-]+|[|,–—-]")
_BULLET = re.compile(r"^(?:[-–—•·*►▪]|â\x80¢|â€¢)\s*")
_NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\s")

CAPTION_CREDIT_CHARS = 80
"""A caption that repeats a line adds a credit ("Kredit Foto: AP Photo/...", "/Reuters"), not prose."""

PROSE_MIN_WORDS = 12
"""A line this long is prose even without a full stop (a quote cut short); link titles are shorter."""

REPEAT_MIN_CHARS = 60
"""Shorter lines repeat by chance ("Baca Juga"); a repeated 60-character stretch is a copy."""

DATELINE_SEARCH_LINES = 8
"""A dateline prefix is looked for in the first lines only: further down, "X, Y -" is prose."""


@dataclass
class Classified:
    lines: list[Line]
    dateline: Dateline | None = None
    title_line: int | None = None
    notes: list[str] = field(default_factory=list)


def _word_count(s: str) -> int:
    return len(_WORDS.findall(s))


def _last_char(s: str) -> str:
    s = s.rstrip().rstrip(CLOSING_QUOTES).rstrip()
    return s[-1:] if s else ""


def _ends_with_ellipsis(s: str) -> bool:
    s = s.rstrip().rstrip(CLOSING_QUOTES)
    return s.endswith(("...", "…"))


def is_paragraph(s: str) -> bool:
    """A line that reads as running text: a full sentence of some length, or long enough that it can
    only be prose. Headlines (no full stop, or "...", or a short question) are not paragraphs."""
    n = len(s)
    if n >= 160:
        return True
    last = _last_char(s)
    words = _word_count(s)
    if last in ".!" and not _ends_with_ellipsis(s):
        return words >= 6
    if last == "?":  # a headline asks one short question; a paragraph says something first
        return words >= 16 or (words >= 8 and _SENTENCE_BREAK.search(s) is not None)
    return False


def is_headline_like(s: str) -> bool:
    """A line shaped like a title or a link to another article."""
    words = _word_count(s)
    if not 2 <= words <= 30 or len(s) > 250:
        return False
    if is_paragraph(s):
        return False
    return _last_char(s) not in ",;:"


def _opens_text(rest: str) -> bool:
    """What follows a dateline prefix: nothing (a dateline line of its own) or running text, which a
    headline with a comma and a dash in it is not."""
    return not rest or is_paragraph(rest) or (_last_char(rest) in ".!" and _word_count(rest) >= 3) or len(rest) >= 120


def _heading_like(s: str) -> bool:
    """A short line without end punctuation, that is not a quote with its speaker ('"Kami siap," ujarnya')."""
    return _last_char(s) not in ".!?,;:" and _word_count(s) <= 15 and len(s) <= 120 and not _QUOTE_MARKS.search(s)


def _short_unpunctuated(s: str) -> bool:
    return _word_count(s) <= 4 and len(s) <= 40 and _last_char(s) not in ".!?,;:"


def _is_date_line(s: str, rules: CleanRules) -> bool:
    if len(s) > 100 or not _DIGIT.search(s):
        return False
    m = rules.date_core.search(s)
    if not m:
        return False
    rest = s[: m.start()] + " " + s[m.end() :]
    leftover = 0
    for tok in _DATE_TOKEN.findall(rest):
        folded = tok.casefold().strip(".,")
        if not folded or folded in rules.date_words:
            continue
        if folded in rules.date_not_words:
            return False
        leftover += 1
    return leftover <= 4 and _last_char(s) != "."


def _line_rule(s: str, rules: CleanRules) -> tuple[str, str] | None:
    """The label a line gets from the patterns alone, or None when only layout can tell."""
    m = rules.related_label.match(s)
    if m:
        rest = m["rest"].strip()
        if not rest:
            return "boilerplate", "related-links label"
        if not is_paragraph(rest) or len(rest) < 200:
            return "boilerplate", "related link"
    folded = s.casefold().rstrip(" :").strip()
    if folded in rules.block_headings:
        return "boilerplate", f"block heading '{s.rstrip(' :')}'"
    for reason, pattern in rules.boilerplate:
        if pattern.match(s):
            return "boilerplate", reason
    if len(s) <= rules.caption_max_chars and any(p.search(s) for p in rules.captions):
        return "boilerplate", "photo caption"
    if len(s) <= 200:
        for reason, pattern in rules.metadata:
            if pattern.match(s):
                return "metadata", reason
    if _is_date_line(s, rules):
        return "metadata", "date line"
    if len(s) <= 60 and _SIGNOFF.fullmatch(s):
        return "metadata", "sign-off"
    return None


def classify(texts: list[str], rules: CleanRules) -> Classified:
    """Label the raw lines `texts` (without line ends)."""
    n_lines = len(texts)
    stripped = [t.replace("\xa0", " ").strip() for t in texts]
    label: list[str | None] = [None] * n_lines
    reason: list[str] = [""] * n_lines
    kept: list[str | None] = [None] * n_lines
    related_starts: list[int] = []
    block_starts: list[int] = []

    for i, s in enumerate(stripped):
        if not s:
            label[i], reason[i] = "blank", "empty line"
            continue
        rule = _line_rule(s, rules)
        if rule:
            label[i], reason[i] = rule
            if reason[i] == "related-links label":
                related_starts.append(i)
            elif reason[i].startswith("block heading"):
                block_starts.append(i)

    # Menus: unbroken runs of short unpunctuated lines before the first paragraph.
    run: list[int] = []
    for i, s in enumerate([*stripped, ""]):
        if i < n_lines and is_paragraph(s) and label[i] is None:
            break
        if i < n_lines and s and (label[i] is None or reason[i] == "navigation") and _short_unpunctuated(s):
            run.append(i)
            continue
        _mark_menu(run, label, reason)  # a menu is one unbroken run: a blank or longer line ends it
        run = []
    _mark_menu(run, label, reason)

    # Dateline prefix: in one of the first content lines; a line that is only a dateline is metadata.
    dateline: Dateline | None = None
    seen = 0
    for i, s in enumerate(stripped):
        if label[i] is not None:
            continue
        seen += 1
        if seen > DATELINE_SEARCH_LINES:
            break
        found = parse_dateline(s, loose=is_paragraph(s)) if dateline is None else None
        if found and not _opens_text(s[found.end :].strip()):
            found = None  # "Perkuat Pariwisata, Kemenpar Gelar Festival - ..." is a headline
            continue
        if found:
            dateline = found
        elif dateline is None or not s.startswith(dateline.prefix):
            continue
        # the first dateline found, and the same prefix again on a copy of that paragraph
        rest = s[len(dateline.prefix) :].strip() if found is None else s[dateline.end :].strip()
        if rest:
            kept[i] = rest
        else:
            label[i], reason[i] = "metadata", "dateline"

    content = [i for i in range(n_lines) if label[i] is None]
    for i in content:
        kept[i] = clean_inline(kept[i] if kept[i] is not None else stripped[i], rules)

    def para(i: int) -> bool:
        return label[i] is None and is_paragraph(kept[i] or "")

    # Repetition. Two nearby lines where one is the other plus a little (a credit, a glued widget)
    # make a photo caption (the longer copy comes second) or a scraping duplicate (the longer copy
    # comes first): the copy with the extra bit goes. Before the first paragraph the original of a
    # caption is the summary, not text. When the extra is long, the shorter copy was cut short.
    nonblank = [i for i in range(n_lines) if label[i] != "blank"]
    for k, i in enumerate(nonblank):
        if label[i] not in (None, "metadata") or len(stripped[i]) < 30:
            continue
        for j in nonblank[k + 1 : k + 4]:
            if label[j] not in (None, "boilerplate"):
                continue
            a, b = stripped[i], stripped[j]
            if not (b.startswith(a) or a.startswith(b)) or (label[j] is not None and len(b) <= len(a)):
                continue
            extra = abs(len(b) - len(a))
            if len(b) > len(a) and extra <= CAPTION_CREDIT_CHARS:
                if label[j] is None:
                    label[j], reason[j] = "boilerplate", "repeated line (caption)"
                if label[i] is None and is_paragraph(a) and not any(para(p) for p in range(i)):
                    label[i], reason[i] = "metadata", "summary repeated as caption"
            elif label[i] is None and label[j] is None and min(len(a), len(b)) >= REPEAT_MIN_CHARS:
                if extra == 0:
                    label[j], reason[j] = "boilerplate", "duplicated line"
                elif extra <= CAPTION_CREDIT_CHARS:
                    label[i], reason[i] = "boilerplate", "duplicated line with something glued to it"
                else:
                    short, long_ = (j, i) if len(b) < len(a) else (i, j)
                    if _glued_copy(stripped, label, short, long_):
                        label[long_], reason[long_] = "boilerplate", "copy of the following lines glued together"
                    else:
                        label[short], reason[short] = "boilerplate", "duplicated line cut short"
            break

    _mark_caption_repeats(stripped, kept, label, reason)

    _mark_outlying_paragraphs([i for i in range(n_lines) if para(i)], stripped, kept, label, reason)

    paragraphs = [i for i in range(n_lines) if para(i)]
    first_para = paragraphs[0] if paragraphs else n_lines
    last_para = paragraphs[-1] if paragraphs else -1
    if dateline is not None:  # the dateline marks where the text starts even in a short first paragraph
        for i in range(n_lines):
            if kept[i] is not None and label[i] is None and stripped[i] != kept[i] and i < first_para:
                first_para = i
                break

    # Top of the page: menus, then the title, then whatever sits between title and text.
    title_line: int | None = None
    top = [i for i in range(first_para) if label[i] != "blank"]
    headlines = [i for i in top if label[i] is None and _title_candidate(stripped[i], rules)]
    above_byline = [i for i in headlines if _byline_follows(i, top, label, reason)]
    if above_byline:
        title_line = above_byline[0]
        label[title_line], reason[title_line] = "title", "headline above the byline or date"
    elif headlines:
        title_line = headlines[0]
        label[title_line], reason[title_line] = "title", "headline before the first paragraph"
    if title_line is None:
        title_line = _title_over_metadata(stripped, label, reason)
    for i in top:
        if label[i] is not None:
            continue
        s = stripped[i]
        if title_line is not None and len(stripped[title_line]) >= 15 and s.startswith(stripped[title_line]):
            label[i], reason[i] = "boilerplate", "title repeated as caption"
        elif not paragraphs and _last_char(s) in ".!?" and _word_count(s) >= 3:
            label[i], reason[i] = "body", "short sentence (the page has no longer text)"
        elif _word_count(s) >= 6:
            label[i], reason[i] = "metadata", "standfirst before the first paragraph"
        else:
            label[i], reason[i] = "boilerplate", "short line before the first paragraph"

    # Blocks of links under "Terpopuler"/"Tags"/..., and link titles under a bare "Baca Juga".
    for b in block_starts:
        if b < first_para:
            continue
        for i in range(b + 1, n_lines):
            if para(i):
                break
            if label[i] is None:
                label[i], reason[i] = "boilerplate", f"under '{stripped[b].rstrip(' :')}'"
    for b in related_starts:
        for i in range(b + 1, n_lines):
            if label[i] == "blank":
                continue
            k = kept[i] or ""
            link_title = is_headline_like(k) and _word_count(k) >= 4 and not _NUMBERED.match(k)
            if label[i] is None and link_title and not para(i):
                label[i], reason[i] = "boilerplate", "related link (under label)"
                continue
            break

    # Bottom: after the last paragraph only short full sentences are text.
    paragraphs = [i for i in range(n_lines) if para(i)]
    last_para = paragraphs[-1] if paragraphs else -1
    in_list = False
    for i in range(max(last_para + 1, first_para), n_lines):
        if label[i] is not None:
            if label[i] != "blank":
                in_list = False
            continue
        k = kept[i] or ""
        if not paragraphs:
            break
        if _last_char(k) == ":" and _word_count(k) >= 3:
            label[i], reason[i] = "body", "lead-in to a list after the text"
            in_list = True
        elif in_list or _NUMBERED.match(k) or _BULLET.match(k):
            label[i], reason[i] = "body", "list item after the text"
        elif _last_char(k) in ".!?" and not _ends_with_ellipsis(k) and _word_count(k) >= 2:
            label[i], reason[i] = "body", "short sentence after the text"
        elif _word_count(k) >= PROSE_MIN_WORDS:
            label[i], reason[i] = "body", "prose line after the text"
        else:
            label[i], reason[i] = "boilerplate", "unpunctuated line after the text"

    # Middle: a short unpunctuated line is a heading, unless it is an item of a list.
    for i in range(n_lines):
        if label[i] is not None:
            continue
        k = kept[i] or ""
        if para(i):
            label[i], reason[i] = "body", "paragraph"
        elif _NUMBERED.match(k) or _BULLET.match(k):
            label[i], reason[i] = "body", "list item"
        elif _heading_like(k) and paragraphs:
            label[i], reason[i] = "heading", "short line without end punctuation"
        else:
            label[i], reason[i] = "body", "text line"
    _mark_heading_runs(stripped, label, reason)

    lines = []
    for i, raw in enumerate(texts):
        lab = label[i] or "body"
        lines.append(
            Line(n=i + 1, text=raw, label=lab, reason=reason[i],  # type: ignore[arg-type]
                 kept=kept[i] if lab in ("body", "heading") else None)
        )
    return Classified(lines=lines, dateline=dateline, title_line=title_line)


def _glued_copy(stripped: list[str], label: list[str | None], short: int, long_: int) -> bool:
    """Whether the longer line is the shorter one with the next paragraphs glued on: a scraper that
    saved a container and then each paragraph in it."""
    rest = stripped[long_][len(stripped[short]) :].lstrip()[:40]
    after = max(short, long_) + 1
    nxt = next((k for k in range(after, len(stripped)) if label[k] != "blank" and stripped[k]), None)
    return bool(rest) and nxt is not None and stripped[nxt].startswith(rest)


def _mark_caption_repeats(
    stripped: list[str], kept: list[str | None], label: list[str | None], reason: list[str]
) -> None:
    """A later line that ends with an earlier paragraph whole, after a few words of its own, is a
    photo caption that reuses the lede ("Dok. Hyundai MotorTVS Motor dan Hyundai ...")."""
    seen: dict[str, str] = {}
    for i, s in enumerate(stripped):
        if label[i] is not None:
            continue
        text = kept[i] or s
        if len(text) < REPEAT_MIN_CHARS:
            continue
        earlier = seen.get(s[-REPEAT_MIN_CHARS:])
        credit = len(s) - len(earlier) if earlier is not None else 0
        if earlier is not None and 0 < credit <= CAPTION_CREDIT_CHARS and s.endswith(earlier):
            label[i], reason[i] = "boilerplate", "caption repeating a paragraph"
            continue
        seen.setdefault(text[-REPEAT_MIN_CHARS:], text)


_BYLINE_REASONS = ("author", "editor", "date", "dateline", "credits")


def _byline_follows(i: int, top: list[int], label: list[str | None], reason: list[str]) -> bool:
    """Whether one of the next three lines of the top area is a byline, a date or a dateline: on a
    page full of teasers and menus, the headline is the one that sits above them."""
    after = [j for j in top if j > i][:3]
    return any(label[j] == "metadata" and reason[j].startswith(_BYLINE_REASONS) for j in after)


CLUSTER_GAP = 6
"""Paragraphs with this many page-furniture lines between them belong to different blocks."""

MAIN_BLOCK_SHARE = 0.25
"""A block of paragraphs with less than this share of the main block's text is a teaser or a footer."""


def _mark_outlying_paragraphs(
    paragraphs: list[int], stripped: list[str], kept: list[str | None], label: list[str | None], reason: list[str]
) -> None:
    """On a whole page the article is the biggest block of paragraphs; small blocks far from it,
    separated by menus, link lists and widgets, are cookie notices, teasers and footers. Lists,
    figures and labelled lines (bylines, "Baca juga") do not separate blocks."""
    if len(paragraphs) < 2:
        return
    blocks: list[list[int]] = [[paragraphs[0]]]
    for a, b in itertools.pairwise(paragraphs):
        furniture = sum(
            1 for j in range(a + 1, b)
            if stripped[j] and (label[j] == "boilerplate" or (
                label[j] is None and not _NUMBERED.match(stripped[j]) and not _BULLET.match(stripped[j])
                and not _DIGIT.search(stripped[j])))
        )
        if furniture >= CLUSTER_GAP:
            blocks.append([b])
        else:
            blocks[-1].append(b)
    if len(blocks) == 1:
        return
    size = [sum(len(kept[i] or stripped[i]) for i in block) for block in blocks]
    main = max(size)
    for block, chars in zip(blocks, size, strict=True):
        if chars < MAIN_BLOCK_SHARE * main:
            for i in block:
                label[i], reason[i] = "boilerplate", "paragraph away from the main text"


MENU_RUN = 3
"""Headings stand alone above text; three or more short lines in a row are a menu or a link list."""


def _mark_heading_runs(stripped: list[str], label: list[str | None], reason: list[str]) -> None:
    """Runs of consecutive "headings" (blank lines between allowed) mid-page are navigation, unless
    most of them carry figures: then they are a table of data (times, scores, prices)."""
    run: list[int] = []

    def flush() -> None:
        if len(run) >= MENU_RUN and sum(bool(_DIGIT.search(stripped[i])) for i in run) * 2 < len(run):
            for i in run:
                label[i], reason[i] = "boilerplate", "run of short lines (menu or links)"
        run.clear()

    for i in range(len(stripped)):
        if label[i] == "heading":
            run.append(i)
        elif label[i] != "blank":
            flush()
    flush()


_BYLINE = re.compile(r"(?:by|oleh|penulis|reporter)\b", re.IGNORECASE)


def _title_candidate(s: str, rules: CleanRules) -> bool:
    """Headline-shaped, and not a byline or a date that the line patterns missed ("By A Follow",
    "2 minute readApril 25, 2023")."""
    return (is_headline_like(s) and _word_count(s) >= 3 and not _BYLINE.match(s)
            and rules.date_core.search(s) is None)


def _title_over_metadata(stripped: list[str], label: list[str | None], reason: list[str]) -> int | None:
    """A first line that sits right above the date or byline is the title, even when it ends with
    "!" or reads like a sentence ("Viral Mie Kuah Matcha di Bandung, Netizen: Stop!")."""
    first = next((i for i, s in enumerate(stripped) if label[i] not in ("blank", "boilerplate")), None)
    if first is None or label[first] is not None or len(stripped[first]) > 200:
        return None
    after = next((i for i in range(first + 1, len(stripped)) if label[i] != "blank"), None)
    if after is None or label[after] != "metadata":
        return None
    # a full stop is allowed only right above a date line ("KPPU Awasi Harga Beras." / "10 Maret 2018")
    above_date = reason[after].startswith("date") and _word_count(stripped[first]) <= 20
    if _last_char(stripped[first]) == "." and not above_date:
        return None
    label[first], reason[first] = "title", "first line, above the date or byline"
    return first


def _mark_menu(run: list[int], label: list[str | None], reason: list[str]) -> None:
    if len(run) >= 3:
        for i in run:
            label[i], reason[i] = "boilerplate", "menu (run of short lines at the top)"
