"""Windows of a long text: stretches of at most a given length, cut where a paragraph ends.

A stage whose rules read the whole article (a name found once is looked for everywhere else in it)
costs more per character the longer the text is. No real article is long enough for that to matter,
but a "text" of megabytes (a feed dump, many articles joined) is: such a text is read in windows, each
as long as a long article, so the cost per character stays what it is on real articles.

A window ends, in this order of preference, at a paragraph break (a blank line), at a line break (a
clean text never continues a sentence on the next line), at the end of a sentence
(`linimasa.text.sentences`), at a space, or, in a text without any of them, at the length itself; a
cut is only taken in the second half of the window, so that no window is much shorter than the bound
(a cut near its start would make the windows many and small). The whitespace at a cut belongs to no
window: a window starts at the first character after it and ends before it, so a window of a text
made of paragraphs is exactly some of its paragraphs.
"""

from __future__ import annotations

import bisect

from linimasa.text.sentences import sentence_offsets

_BREAKS = ("\n\n", "\n")


def text_windows(text: str, window: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the windows of ``text``: in order, disjoint, each at most ``window``
    characters, together holding every character of ``text`` that is not whitespace at a cut. A text
    no longer than ``window`` is one window, the whole text (whitespace and all)."""
    if window < 2:
        raise ValueError("a window holds at least two characters")
    if len(text) <= window:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    ends: list[int] | None = None  # sentence ends, read at the first window without a line break
    pos = _skip_space(text, 0)
    while len(text) - pos > window:
        limit, least = pos + window, pos + window // 2
        cut = next_at = -1
        for sep in _BREAKS:
            k = text.rfind(sep, least, limit)
            if k > pos:
                cut, next_at = k, k + len(sep)
                break
        if cut < 0:
            if ends is None:
                ends = [e for _, e in sentence_offsets(text)]
            i = bisect.bisect_right(ends, limit) - 1
            if i >= 0 and ends[i] > least:
                cut = next_at = ends[i]
        if cut < 0:
            k = text.rfind(" ", least, limit)
            cut, next_at = (k, k + 1) if k > pos else (limit, limit)
        cut = _trim_space(text, pos, cut)
        if cut > pos:
            out.append((pos, cut))
        pos = _skip_space(text, next_at)
    if pos < len(text):
        end = _trim_space(text, pos, len(text))
        if end > pos:
            out.append((pos, end))
    return out


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _trim_space(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
