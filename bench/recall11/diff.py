"""Mention-by-mention difference of two `show.py` outputs: what a change added, removed or retyped.

    python bench/recall11/diff.py BEFORE_DIR AFTER_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> None:
    a = json.loads((Path(sys.argv[1]) / "mentions.json").read_text(encoding="utf-8"))
    b = json.loads((Path(sys.argv[2]) / "mentions.json").read_text(encoding="utf-8"))
    n_add = n_rem = 0
    for name in sorted(set(a) | set(b)):
        sa = {(m[0], m[1], m[2], m[3]) for m in a.get(name, [])}
        sb = {(m[0], m[1], m[2], m[3]) for m in b.get(name, [])}
        for m in sorted(sa - sb):
            print(f"{name}\t-\t{m[2]!r}\t{m[3]}\t{m[0]}")
            n_rem += 1
        for m in sorted(sb - sa):
            print(f"{name}\t+\t{m[2]!r}\t{m[3]}\t{m[0]}")
            n_add += 1
    print(f"added {n_add}, removed {n_rem}")


if __name__ == "__main__":
    main()
