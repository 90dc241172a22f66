"""The layout passes of the line classifier, in the order `linimasa.clean.lines.classify` runs them.

Each pass reads and writes one `Page`: the stripped lines, the label and reason given so far (None
where nothing decided yet), and the `kept` text of content lines. A pass only labels lines that are
still undecided, except where it says otherwise.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from linimasa.clean.datelines import date_line_words
from linimasa.clean.inline import clean_inline
from linimasa.clean.rules import CleanRules
from linimasa.clean.shape import (
    DIGIT,
    NUMBERED,
    ends_with_ellipsis,
    is_heading_like,
    is_headline_like,
    is_list_item,
    is_menu_item,
    is_paragraph,
    last_char,
    opens_text,
    word_count,
)
from linimasa.model import LineKind
from linimasa.text.dateline import Dateline, byline_place, parse_dateline

CAPTION_CREDIT_CHARS = 80
"""A caption that repeats a line adds a credit ("Kredit Foto: AP Photo/...", "/Reuters"), not prose."""

PROSE_MIN_WORDS = 12
"""A line this long is prose even without a full stop (a quote cut short); link titles are shorter."""

REPEAT_MIN_CHARS = 60
"""Shorter lines repeat by chance ("Baca Juga"); a repeated 60-character stretch is a copy."""

DATELINE_SEARCH_LINES = 8
"""A dateline prefix is looked for in the first paragraphs only: further down, "X, Y -" is prose."""

MENU_RUN = 3
"""Headings stand alone above text; three or more short lines in a row are a menu or a link list."""

CLUSTER_GAP = 6
"""Paragraphs with this many page-furniture lines between them belong to different blocks."""

MAIN_BLOCK_SHARE = 0.25
"""A block of paragraphs with less than this share of the main block's text is a teaser or a footer."""

MAX_STANDFIRST_LINES = 2
"""Paragraph-like lines above the dateline are a summary when there are this few; more means the
dateline was found in the wrong place."""

DATELINE_REASON = "standalone dateline"
"""The reason of a line that is only a dateline ("Warta Ekonomi, Moskow -"); its kind is "dateline"."""

_BYLINE_KINDS = frozenset({"author", "editor", "date", "dateline", "credits"})


@dataclass
class Page:
    texts: list[str]
    rules: CleanRules
    stripped: list[str] = field(init=False)
    label: list[str | None] = field(init=False)
    reason: list[str] = field(init=False)
    kind: list[LineKind | None] = field(init=False)
    kept: list[str | None] = field(init=False)
    dateline: Dateline | None = None
    dateline_line: int | None = None
    """The line the dateline prefix was found on (the text opens there)."""
    title_line: int | None = None
    first_para: int = 0
    extracted: bool = False
    """The lines are a main-content extractor's output (an HTML page's text found by trafilatura):
    menus and link lists are already gone, so the layout rules that drop whole lines by their shape
    alone (short lines at the top, runs of short lines) keep them; the rules that drop lines by
    what they say ("Baca juga", share prompts, related links) still apply."""

    def __post_init__(self) -> None:
        self.stripped = [t.replace("\xa0", " ").strip() for t in self.texts]
        n = len(self.texts)
        self.label, self.reason, self.kept = [None] * n, [""] * n, [None] * n
        self.kind = [None] * n
        self.first_para = n

    def __len__(self) -> int:
        return len(self.stripped)

    def set(self, i: int, label: str, reason: str, kind: LineKind | None = None) -> None:
        """Label line i; `reason` explains it to a reader, `kind` (None for most lines) tells later
        rules and stages what the line is."""
        self.label[i], self.reason[i], self.kind[i] = label, reason, kind

    def text(self, i: int) -> str:
        """The line after inline clean-up where that ran, else the stripped line."""
        kept = self.kept[i]
        return kept if kept is not None else self.stripped[i]

    def para(self, i: int) -> bool:
        """An undecided line that reads as a paragraph."""
        return self.label[i] is None and is_paragraph(self.text(i))

    def paragraphs(self) -> list[int]:
        return [i for i in range(len(self)) if self.para(i)]

    def nonblank(self) -> list[int]:
        return [i for i in range(len(self)) if self.label[i] != "blank"]


def _mark_menu(page: Page, run: list[int]) -> None:
    if len(run) >= MENU_RUN:
        for i in run:
            page.set(i, "boilerplate", "menu (run of short lines at the top)")


def mark_top_menu(page: Page) -> None:
    """Menus: unbroken runs of short unpunctuated lines before the first paragraph."""
    if page.extracted:
        return
    run: list[int] = []
    for i, s in enumerate(page.stripped):
        if page.label[i] is None and is_paragraph(s):
            break
        if s and (page.label[i] is None or page.kind[i] == "navigation") and is_menu_item(s):
            run.append(i)
            continue
        _mark_menu(page, run)  # a menu is one unbroken run: a blank or a longer line ends it
        run = []
    _mark_menu(page, run)


def find_dateline(page: Page) -> None:
    """The dateline prefix of the first paragraph (one of the first content lines), cut from its text;
    the same prefix again on a copy of that paragraph is cut too. A line that is only a dateline is
    metadata."""
    seen = 0
    for i, s in enumerate(page.stripped):
        if page.label[i] is not None:
            continue
        if page.dateline is None and seen < DATELINE_SEARCH_LINES and (byline := byline_place(s)):
            page.dateline, page.dateline_line = byline, None  # "AFP, MANILA": the text opens below it
            page.set(i, "metadata", "byline naming the dateline place", "dateline")
            continue
        if word_count(s) < 4 and not s.endswith(("-", "–", "—", ",")):
            continue  # a menu item or a caption word left unlabelled: not where the text opens
        if is_paragraph(s) or s.endswith(("-", "–", "—", ",")):
            seen += 1  # teasers and link titles above the article do not use up the search
        if seen > DATELINE_SEARCH_LINES:
            break
        if page.dateline is None:
            # one capitalised word is a place only before a paragraph or alone ("Moskow -")
            found = parse_dateline(s, loose=is_paragraph(s) or s.endswith(("-", "–", "—")))
            if found is None or not opens_text(s[found.end :].strip()):
                continue
            page.dateline, page.dateline_line = found, i
            rest = s[found.end :].strip()
        elif s.startswith(page.dateline.prefix):
            rest = s[len(page.dateline.prefix) :].strip()
        else:
            continue
        if rest:
            page.kept[i] = rest
        else:
            page.set(i, "metadata", DATELINE_REASON, "dateline")


def clean_content_inline(page: Page) -> None:
    for i in range(len(page)):
        if page.label[i] is None:
            page.kept[i] = clean_inline(page.text(i), page.rules)


def mark_repetitions(page: Page) -> None:
    """Two nearby lines where one is the other plus a little (a credit, a glued widget) are a photo
    caption (the longer copy comes second) or a scraping duplicate (the longer copy comes first):
    the copy with the extra bit goes. Before the first paragraph the original of a caption is the
    summary, not text. When the extra is long, the shorter copy was cut short, or the longer one is
    the following paragraphs glued together."""
    nonblank = page.nonblank()
    label, stripped = page.label, page.stripped
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
                    page.set(j, "boilerplate", "repeated line (caption)")
                if label[i] is None and is_paragraph(a) and not any(page.para(p) for p in range(i)):
                    page.set(i, "metadata", "summary repeated as caption", "summary")
            elif label[i] is None and label[j] is None and min(len(a), len(b)) >= REPEAT_MIN_CHARS:
                if extra == 0:
                    # the same note under two entries of a list ("- Bus" / "*Buka 05.00-01.00" / "- MRT" /
                    # "*Buka 05.00-01.00") is text twice over, not a copy the scraper made
                    if not any(is_list_item(stripped[m]) for m in range(i + 1, j)):
                        page.set(j, "boilerplate", "duplicated line")
                elif extra <= CAPTION_CREDIT_CHARS:
                    page.set(i, "boilerplate", "duplicated line with something glued to it")
                else:
                    short, long_ = (j, i) if len(b) < len(a) else (i, j)
                    if _glued_copy(page, short, long_):
                        page.set(long_, "boilerplate", "copy of the following lines glued together")
                    else:
                        page.set(short, "boilerplate", "duplicated line cut short")
            break


def _glued_copy(page: Page, short: int, long_: int) -> bool:
    """Whether the longer line is the shorter one with the next paragraphs glued on: a scraper that
    saved a container and then each paragraph in it."""
    rest = page.stripped[long_][len(page.stripped[short]) :].lstrip()[:40]
    after = max(short, long_) + 1
    nxt = next((k for k in range(after, len(page)) if page.label[k] != "blank" and page.stripped[k]), None)
    return bool(rest) and nxt is not None and page.stripped[nxt].startswith(rest)


def mark_caption_repeats(page: Page) -> None:
    """A later line that ends with an earlier paragraph whole, after a few words of its own, is a
    photo caption that reuses the lede ("Dok. Hyundai MotorTVS Motor dan Hyundai ...")."""
    seen: dict[str, str] = {}
    for i, s in enumerate(page.stripped):
        if page.label[i] is not None:
            continue
        text = page.text(i)
        if len(text) < REPEAT_MIN_CHARS:
            continue
        earlier = seen.get(s[-REPEAT_MIN_CHARS:])
        credit = len(s) - len(earlier) if earlier is not None else 0
        if earlier is not None and 0 < credit <= CAPTION_CREDIT_CHARS and s.endswith(earlier):
            page.set(i, "boilerplate", "caption repeating a paragraph")
            continue
        seen.setdefault(text[-REPEAT_MIN_CHARS:], text)


def mark_outlying_paragraphs(page: Page) -> None:
    """On a whole page the article is the biggest block of paragraphs; small blocks far from it,
    separated by menus, link lists and widgets, are cookie notices, teasers and footers. Lists,
    figures and labelled lines (bylines, "Baca juga") do not separate blocks."""
    if page.extracted:
        return
    paragraphs = page.paragraphs()
    if len(paragraphs) < 2:
        return
    in_text = _in_text_inserts(page)
    # the furniture lines of each gap between two paragraphs, found once (the look-ahead reads them too)
    gaps = [[j for j in range(a + 1, b) if _furniture(page, j)] for a, b in itertools.pairwise(paragraphs)]
    blocks: list[list[int]] = [[paragraphs[0]]]
    for k, (b, furniture) in enumerate(zip(paragraphs[1:], gaps, strict=True)):
        if len(furniture) < CLUSTER_GAP:
            blocks[-1].append(b)
        elif (_outside_insert(page, furniture, in_text) < CLUSTER_GAP
              and len(blocks[-1]) >= INSERT_BLOCK_PARAGRAPHS and _run_of_paragraphs(gaps, k + 1)):
            blocks[-1].append(b)  # a link list inside the text: the article goes on below it
        else:
            blocks.append([b])
    if len(blocks) == 1:
        return
    size = [sum(len(page.text(i)) for i in block) for block in blocks]
    for block, chars in zip(blocks, size, strict=True):
        if chars < MAIN_BLOCK_SHARE * max(size):
            for i in block:
                page.set(i, "boilerplate", "paragraph away from the main text")


IN_TEXT_REASONS = frozenset({"related link", "related-links label"})
"""Line rules whose lines a site sets between an article's paragraphs ("Baca juga: ...", "Read More"
and its links): they interrupt the text, they do not end it. Not ad markers: a page's header teasers
stand above the article with only "Advertisement" between them."""


INSERT_BLOCK_PARAGRAPHS = 2
"""An insert counts as inside the text only between runs of at least this many paragraphs: one
paragraph under a "Related" list is a footer's notice ("This site is protected by reCAPTCHA ..."),
not the rest of the article."""


def _outside_insert(page: Page, furniture: list[int], in_text: set[int]) -> int:
    """How many of a gap's furniture lines are not part of an in-text insert: a gap that holds a
    "Read More" list counts neither the list nor the ad markers set around it ("Advertisement",
    "Story continues below"), which a site places with the list inside the text; a gap without such a
    list counts them all (the ads between a page's header teasers and its article separate them)."""
    if not any(j in in_text for j in furniture):
        return len(furniture)
    return sum(1 for j in furniture if j not in in_text and page.reason[j] not in IN_TEXT_COMPANIONS)


def _run_of_paragraphs(gaps: list[list[int]], k: int) -> bool:
    """Whether paragraph `k` opens a run of `INSERT_BLOCK_PARAGRAPHS` paragraphs with little
    furniture between them (fewer than `CLUSTER_GAP` lines); `gaps[i]` is the furniture between
    paragraphs `i` and `i + 1`."""
    between = gaps[k : k + INSERT_BLOCK_PARAGRAPHS - 1]
    if len(between) < INSERT_BLOCK_PARAGRAPHS - 1:
        return False
    return all(len(g) < CLUSTER_GAP for g in between)


IN_TEXT_COMPANIONS = frozenset({"advertisement"})
"""Line rules whose lines a site sets beside an in-text link list (see `_outside_insert`)."""


def _in_text_inserts(page: Page) -> set[int]:
    """The lines of inserts that sit inside an article's text: related links ("Baca juga: ...",
    "Read More" with the link titles under it). A link list in the middle of an article ends only
    itself: counted as furniture, a "Read More" list of two titles between two ad markers split a
    page's article in two and the smaller part was dropped as a block away from it."""
    out: set[int] = set()
    for b in range(len(page)):
        if page.reason[b] not in IN_TEXT_REASONS:
            continue
        out.add(b)
        if page.kind[b] != "related_label":
            continue
        for i in range(b + 1, len(page)):  # the link titles under a bare label, as `mark_blocks` takes them
            if page.label[i] == "blank":
                continue
            if page.label[i] is None and _link_title(page, i):
                out.add(i)
                continue
            break
    return out


def _link_title(page: Page, i: int) -> bool:
    """A headline-shaped line that is no paragraph: a link's title (under a "Read More" label)."""
    k = page.text(i)
    return is_headline_like(k) and word_count(k) >= 4 and not NUMBERED.match(k) and not page.para(i)


def _furniture(page: Page, j: int) -> bool:
    s = page.stripped[j]
    if not s:
        return False
    if page.label[j] == "boilerplate":
        return True
    return page.label[j] is None and not is_list_item(s) and not DIGIT.search(s)


def label_top(page: Page) -> None:
    """Before the first paragraph: the title, then whatever sits between title and text."""
    paragraphs = page.paragraphs()
    page.first_para = paragraphs[0] if paragraphs else len(page)
    if page.dateline is not None:  # the dateline marks where the text starts, even in a short paragraph
        opening = page.dateline_line if page.dateline_line is not None and page.label[page.dateline_line] is None \
            else None
        before = [i for i in paragraphs if opening is not None and i < opening]
        if opening is not None and len(before) <= MAX_STANDFIRST_LINES:
            page.first_para = opening  # a summary above the dateline is the page's header, not its text
    top = [i for i in range(page.first_para) if page.label[i] != "blank"]
    headlines = [i for i in top if page.label[i] is None and _title_candidate(page.stripped[i], page.rules)
                 and not _under_byline_label(page, i)]
    if page.extracted:  # the extractor's text opens with the page's title: no other line is a headline
        headlines = headlines[:1] if headlines and headlines[0] == top[0] else []
    above_byline = [i for i in headlines if _byline_follows(page, i, top)]
    if above_byline:
        page.title_line = _about_the_text(page, above_byline[0], headlines, paragraphs)
        page.set(page.title_line, "title", "headline above the byline or date")
    elif headlines:
        page.title_line = _about_the_text(page, headlines[0], headlines, paragraphs, strict=True)
        page.set(page.title_line, "title", "headline before the first paragraph")
    else:
        page.title_line = _title_over_metadata(page)
    title = page.stripped[page.title_line] if page.title_line is not None else None
    for i in top:
        if page.label[i] is not None:
            continue
        s = page.stripped[i]
        if title is not None and len(title) >= 15 and s.startswith(title):
            page.set(i, "boilerplate", "title repeated as caption")
        elif page.dateline is not None and is_paragraph(s) and not page.extracted:
            page.set(i, "metadata", "summary above the dateline", "summary")
        elif not paragraphs and last_char(s) in ".!?" and word_count(s) >= 3:
            page.set(i, "body", "short sentence (the page has no longer text)")
        elif page.extracted:
            page.set(i, "body" if is_paragraph(s) or word_count(s) >= 6 else "heading",
                     "line before the first paragraph (extracted text)")
        elif word_count(s) >= 6:
            page.set(i, "metadata", "standfirst before the first paragraph", "standfirst")
        else:
            page.set(i, "boilerplate", "short line before the first paragraph")


TITLE_SHARED_WORDS = 2
"""How many words of four letters or more a headline must share with the text to replace a chosen
title that shares none."""

_WORD4 = re.compile(r"[^\W\d_]{4,}")


def _words(s: str) -> set[str]:
    return {w.casefold() for w in _WORD4.findall(s)}


def _about_the_text(page: Page, chosen: int, headlines: list[int], paragraphs: list[int], strict: bool = False) -> int:
    """`chosen`, unless it shares no word with the text and another headline shares some: on a whole
    page, a menu entry or a programme name ("Brussels, My Love?", "The Associated Press") can stand
    where the layout expects the headline, but an article's headline names what its text is about.
    The headline that shares the most words wins (the first on a tie). `strict`: where no headline has
    a byline or a date under it, the layout says nothing, and the headline that shares the most words
    is taken even over a chosen one that shares some ("The Associated Press" in a footer above the
    headline)."""
    if not paragraphs:
        return chosen
    text: set[str] = set()
    for i in paragraphs:
        text |= _words(page.stripped[i])
    if _words(page.stripped[chosen]) & text and not strict:
        return chosen
    shared = {i: len(_words(page.stripped[i]) & text) for i in headlines}
    best = max(headlines, key=lambda i: shared[i])
    return best if shared[best] >= TITLE_SHARED_WORDS else chosen


_BREADCRUMB = re.compile(r"\S\s*[»›]\s*\S|\S\s+>\s+\S")


def _title_candidate(s: str, rules: CleanRules) -> bool:
    """Headline-shaped, and not a byline or a date that the line patterns missed ("By A Follow",
    "2 minute readApril 25, 2023"), nor a breadcrumb trail ("Home » News » South Africa")."""
    if not is_headline_like(s) or word_count(s) < 3 or rules.date_core.search(s) is not None:
        return False
    if _BREADCRUMB.search(s):
        return False
    first = s.split(None, 1)[0].casefold().rstrip(":")
    return first not in rules.byline_words


def _under_byline_label(page: Page, i: int) -> bool:
    """Whether the line above is a byline word alone ("By", "Oleh"): this line holds the names
    ("STEVE PEOPLES, THOMAS BEAUMONT and AMELIA THOMSON-DEVEAUX"), however headline-shaped."""
    above = next((page.stripped[j] for j in range(i - 1, -1, -1) if page.stripped[j]), "")
    return above.casefold().rstrip(" :") in page.rules.byline_words


BYLINE_REACH = 4
"""How many lines under a headline its byline or date may stand: a standfirst and an unlabelled name may
come between ("Man kept six women ..." / standfirst / "News" / "Steffan Rhys ..." / "08:39, 06 Jan 2026")."""


def _byline_follows(page: Page, i: int, top: list[int]) -> bool:
    """Whether one of the next `BYLINE_REACH` lines of the top area is a byline, a date or a dateline: on a
    page full of teasers and menus, the headline is the one that sits above them. A line already known
    to be furniture (a menu, a repeated line) ends the header: a headline above it is not this one."""
    after = _header_after(page, [j for j in top if j > i])
    if not after:
        # the last line before the first paragraph: a standfirst that reads as a paragraph may stand
        # between it and its byline ("IRCC gave up office space ..." / standfirst / "By Ben Andrews")
        after = _header_after(page, list(range(i + 1, min(len(page), i + 8))))
    return any(page.label[j] == "metadata" and page.kind[j] in _BYLINE_KINDS for j in after)


def _header_after(page: Page, following: list[int]) -> list[int]:
    """The first `BYLINE_REACH` non-blank lines of `following`, up to the first furniture line."""
    out: list[int] = []
    for j in following:
        if page.label[j] == "blank":
            continue
        if page.label[j] == "boilerplate" or len(out) >= BYLINE_REACH:
            break
        out.append(j)
    return out


def _title_over_metadata(page: Page) -> int | None:
    """A first line that sits right above the date or byline is the title, even when it ends with
    "!" or reads like a sentence ("Viral Mie Kuah Matcha di Bandung, Netizen: Stop!")."""
    label, stripped = page.label, page.stripped
    first = next((i for i in range(len(page)) if label[i] not in ("blank", "boilerplate")), None)
    if first is None or label[first] is not None or len(stripped[first]) > 200:
        return None
    if stripped[first].split(None, 1)[0].casefold().rstrip(":") in page.rules.byline_words:
        return None  # "Penulis Adi Nugroho" above the date is the byline, not a headline
    after = next((i for i in range(first + 1, len(page)) if label[i] != "blank"), None)
    if after is None or label[after] != "metadata":
        return None
    # a full stop is allowed only right above a date line ("KPPU Awasi Harga Beras." / "10 Maret 2018")
    above_date = page.kind[after] == "date" and word_count(stripped[first]) <= 20
    if last_char(stripped[first]) == "." and not above_date:
        return None
    page.set(first, "title", "first line, above the date or byline")
    return first


def mark_blocks(page: Page) -> None:
    """Links under "Terpopuler"/"Tags"/... (to the next real paragraph), and link titles under a bare
    "Baca Juga"."""
    for b in range(len(page)):
        if page.kind[b] == "block_heading" and b >= page.first_para:
            name = page.stripped[b].rstrip(" :")
            for i in range(b + 1, len(page)):
                if page.para(i):
                    break
                if page.label[i] is None:
                    page.set(i, "boilerplate", f"under '{name}'")
        elif page.kind[b] == "related_label":
            for i in range(b + 1, len(page)):
                if page.label[i] == "blank":
                    continue
                if page.label[i] is None and _link_title(page, i):
                    page.set(i, "boilerplate", "related link (under label)")
                    continue
                break


HEADING_DATE_WORDS = 3
"""Words besides its date (and date-line words) that make a date line after the text a heading."""


def label_bottom(page: Page) -> None:
    """After the last paragraph: lists and sentences are text, unpunctuated short lines are not.

    A time-table that follows the text straight on (lines that open with a clock time, under the
    dates they fall on: "Jumat, 20 Juni 2025" / "Pukul 16.00 WIB: Free Practice 1") is the
    article's own schedule, not page furniture: nothing but text lies between it and the last
    paragraph, which a list of latest headlines with their times never has (a heading opens it)."""
    paragraphs = page.paragraphs()
    if not paragraphs:
        return
    in_list = False
    follows_text = True  # every line since the last paragraph is text (or blank)
    for i in range(max(paragraphs[-1] + 1, page.first_para), len(page)):
        if page.label[i] is not None:
            if page.label[i] == "blank":
                continue
            if follows_text and page.kind[i] == "date" and _heads_schedule(page, i):
                page.set(i, "body", "date heading of a time-table after the text")
                page.kept[i] = clean_inline(page.text(i), page.rules)  # metadata lines got none yet
                continue
            if (follows_text and page.kind[i] == "date"
                    and (date_line_words(page.stripped[i], page.rules) or 0) >= HEADING_DATE_WORDS):
                # "Daftar harga BBM 1 Juni 2025" right under the last paragraph: a heading of the
                # text that names a date, not the page's date stamp (which is a date and date words)
                page.set(i, "body", "heading with a date after the text")
                page.kept[i] = clean_inline(page.text(i), page.rules)
                continue
            in_list = follows_text = False
            continue
        k = page.text(i)
        if follows_text and page.rules.schedule_line.match(k):
            page.set(i, "body", "time-table line after the text")
            continue
        if last_char(k) == ":" and word_count(k) >= 3:
            page.set(i, "body", "lead-in to a list after the text")
            in_list = True
        elif in_list or is_list_item(k):
            page.set(i, "body", "list item after the text")
        elif last_char(k) in ".!?" and not ends_with_ellipsis(k) and word_count(k) >= 2:
            page.set(i, "body", "short sentence after the text")
        elif word_count(k) >= PROSE_MIN_WORDS:
            page.set(i, "body", "prose line after the text")
        else:
            page.set(i, "boilerplate", "unpunctuated line after the text")
            follows_text = False


def mark_schedule_dates(page: Page) -> None:
    """A date line between two paragraphs that heads a time-table ("... berikut jadwal Formula E
    Jakarta 2025." / "Jumat, 20 Juni 2025" / "Pukul 16.00 WIB: Free Practice 1" / ... / "Bagi kalian
    yang mau menyaksikan ...") is the article's own schedule, as `label_bottom` reads one after the last
    paragraph: a page's date stamp stands above the text, never between its paragraphs over clock times."""
    paragraphs = page.paragraphs()
    if len(paragraphs) < 2:
        return
    for i in range(max(paragraphs[0], page.first_para) + 1, paragraphs[-1]):
        if page.label[i] == "metadata" and page.kind[i] == "date" and _heads_schedule(page, i):
            page.set(i, "body", "date heading of a time-table in the text")
            page.kept[i] = clean_inline(page.text(i), page.rules)  # metadata lines got none yet
        elif page.label[i] == "metadata" and page.kind[i] == "date" and _LABELLED_ITEM.match(page.stripped[i]):
            # "- Periode: 19 Juni - 13 Juli 2025" between paragraphs: an item of the text's own list (a
            # field and its dates), not the page's date stamp, which opens with no list mark and label
            page.set(i, "body", "labelled list item with a date in the text")
            page.kept[i] = clean_inline(page.text(i), page.rules)


_LABELLED_ITEM = re.compile(r"[-–•*·]\s*[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2}\s*:\s*\S")
"""A list item that opens with a field label: "- Periode: ...", "• Batas waktu pendaftaran: ..."."""


def _heads_schedule(page: Page, i: int) -> bool:
    """The next line that is not blank opens with a clock time (a time-table line) and is undecided."""
    for j in range(i + 1, len(page)):
        if page.label[j] == "blank":
            continue
        return page.label[j] is None and bool(page.rules.schedule_line.match(page.text(j)))
    return False


def label_middle(page: Page) -> None:
    """Everything left: paragraphs, list items, headings (a short unpunctuated line), text lines."""
    has_text = bool(page.paragraphs())
    for i in range(len(page)):
        if page.label[i] is not None:
            continue
        k = page.text(i)
        if is_paragraph(k):
            page.set(i, "body", "paragraph")
        elif is_list_item(k):
            page.set(i, "body", "list item")
        elif is_heading_like(k) and has_text:
            page.set(i, "heading", "short line without end punctuation")
        else:
            page.set(i, "body", "text line")


def mark_heading_runs(page: Page) -> None:
    """Runs of consecutive "headings" (blank lines between allowed) are navigation, unless most of
    them carry figures: then they are a table of data (times, scores, prices)."""
    run: list[int] = []

    def flush() -> None:
        if (len(run) >= MENU_RUN and not page.extracted
                and sum(bool(DIGIT.search(page.stripped[i])) for i in run) * 2 < len(run)):
            for i in run:
                page.set(i, "boilerplate", "run of short lines (menu or links)")
        run.clear()

    for i in range(len(page)):
        if page.label[i] == "heading":
            run.append(i)
        elif page.label[i] != "blank":
            flush()
    flush()
