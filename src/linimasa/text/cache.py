"""A cache of what was computed from recently seen texts, bounded by the characters it holds.

Several stages ask the same question of the same article text more than once (the timex stage tags
an article to find its date and again against it; the corpus stage "dating" re-tags articles of the
batch; every expression asks for the sentence around it). A count of entries is the wrong bound
for such a cache: a few huge texts would hold gigabytes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any


class TextCache:
    """What was computed from the texts seen last, keyed by (text, something small): least recently
    used first out once the texts held exceed `max_chars` characters (a text longer than that is
    not kept). Safe to share between threads."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.chars = 0
        self.items: OrderedDict[tuple[str, Any], Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, text: str, key: Any) -> Any:
        with self.lock:
            value = self.items.get((text, key))
            if value is not None:
                self.items.move_to_end((text, key))
            return value

    def put(self, text: str, key: Any, value: Any) -> None:
        if len(text) > self.max_chars:
            return
        with self.lock:
            if (text, key) not in self.items:
                self.chars += len(text)
            self.items[(text, key)] = value
            while self.chars > self.max_chars:
                (old, _), _value = self.items.popitem(last=False)
                self.chars -= len(old)


__all__ = ["TextCache"]
