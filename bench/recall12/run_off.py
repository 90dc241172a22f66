"""`linimasa` with some predicates of the entity stage made to answer False, to export the same
articles with and without a rule in one checkout (issue 11, ent12b):

    python bench/recall12/run_off.py linimasa.entities:_ent12b_known_inside -- run A.csv --db X.db --out X.json -q

Each MODULE:FUNCTION before "--" is replaced by a function returning False (FUNCTION=id: one that
returns its second argument, the mentions, unchanged); the rest is the `linimasa` command line.
"""

from __future__ import annotations

import importlib
import sys

from linimasa.cli import main

if __name__ == "__main__":
    args = sys.argv[1:]
    cut = args.index("--")
    for spec in args[:cut]:
        mod_name, attr = spec.split(":")
        mod = importlib.import_module(mod_name)
        if attr.endswith("=id"):
            setattr(mod, attr[:-3], lambda text, mentions, *a, **k: mentions)
        else:
            setattr(mod, attr, lambda *a, **k: False)
    sys.exit(main(args[cut + 1:]))
