"""Evaluations: each scores one stage on public data sets (`linimasa eval NAME`).

They live apart from the stages they measure because they read benchmark formats (HTML pages,
TimeML, CoNLL corpora) and run several stages together (the clean evaluation needs ingest, clean
and meta): a stage package must not depend on any of that, an evaluation may depend on any stage.

- `linimasa.evaluate.clean`: body and title extraction on HTML pages and the raw scrape;
- `linimasa.evaluate.timex`: TempEval-3 and IndoTimex;
- `linimasa.evaluate.ner`: the NER model on the test splits of four Indonesian corpora
  (`linimasa.evaluate.ner_corpora` reads them; training in `train/` reuses both).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def emit(result: Any, as_json: bool, show: Callable[[Any], None]) -> None:
    """An evaluation's result on stdout: one JSON object (`--json`, for scripts and bench/results), or
    the evaluation's own readable report."""
    if as_json:
        json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        show(result)


def eval_folder(name: str) -> Path:
    """A gold set of the repository's `eval/` folder (`eval/link-id`): under the working directory when
    the command runs from the repository's root, else beside the installed source tree."""
    here = Path("eval") / name
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[3] / "eval" / name
