"""Inline clean-up of a body line: what sites glue onto a real paragraph.

- sign-off tails after the last sentence: "***", reporter initials "(rdp/imk)", "gtp/pkp (Reuters, AFP)";
- SEO category tags glued after the last sentence: "... internasional. Berita politik dan ekonomi Rusia";
- widget text glued into a paragraph: "... zaman.Ikuti Whatsapp Channel Republika".

Both are recognised only after sentence-final punctuation, so a paragraph broken mid-sentence keeps
its words. The word lists come from `inline` in clean.yaml.
"""

from __future__ import annotations

import re

from linimasa.clean.rules import CLOSING_QUOTES, CleanRules
from linimasa.text.glue import unglue

_SENTENCE_END = frozenset(".!?…" + CLOSING_QUOTES)
_LAST_SENTENCE = re.compile(r"^(?P<body>.*[.!?…][\"'”’»)]*)\s+(?P<tag>[^.!?…\"'”’]{2,80})$", re.DOTALL)
_TOKEN = re.compile(r"[\w&'’-]+")


TAIL_WINDOW = 90
"""Sign-offs are short: only the end of a paragraph is searched, which keeps long lines cheap."""


def strip_tails(text: str, rules: CleanRules) -> str:
    """Remove sign-off tails from the end of a paragraph (repeatedly: "(ant) ***")."""
    changed = True
    while changed and text:
        changed = False
        offset = max(0, len(text) - TAIL_WINDOW)
        window = text[offset:]
        for pattern in rules.tails:
            m = pattern.search(window)
            if not m or m.start() + offset == 0:
                continue
            before = text[: m.start() + offset].rstrip()
            if before and before[-1] in _SENTENCE_END:
                text, changed = before, True
                break
    return text


def _is_seo_tag(tag: str, rules: CleanRules) -> bool:
    words = _TOKEN.findall(tag)
    if not words or len(words) > 7 or not tag[0].isupper():
        return False
    topical = 0
    for w in words:
        folded = w.casefold()
        if folded in rules.seo_words:
            topical += 1
        elif folded not in rules.seo_connectors and not w[0].isupper():
            return False
    return topical > 0


def strip_seo_tag(text: str, rules: CleanRules) -> str:
    """Remove a category tag glued after the last full sentence."""
    m = _LAST_SENTENCE.match(text)
    if not m:
        return text
    body, tag = m["body"], m["tag"].strip()
    if len(_TOKEN.findall(body)) < 4 or not _is_seo_tag(tag, rules):
        return text
    return body


def strip_glued_widgets(text: str, rules: CleanRules) -> str:
    """Remove widget text glued into a paragraph ("... zaman.Ikuti Whatsapp Channel Republika")."""
    if rules.glued_widgets is None:
        return text
    return " ".join(rules.glued_widgets.sub(" ", text).split()) if rules.glued_widgets.search(text) else text


def clean_inline(text: str, rules: CleanRules) -> str:
    text = unglue(text)
    text = strip_tails(strip_glued_widgets(text.strip(), rules), rules)
    text = strip_seo_tag(text, rules)
    return strip_tails(text, rules)
