"""Temporal expressions and article dates.

The article stage "timex" (`linimasa.timex.stage`) finds DATE, TIME, DURATION and SET expressions
with rules and word lists from `resources/<lang>/timex.yaml`, normalises them to TimeML values,
checks written weekdays against the calendar and dates the article from its own text. The corpus
stage "dating" (`linimasa.timex.dating`) dates the articles that have no full date from the other
articles about the same events. `linimasa eval timex` (`linimasa.evaluate.timex`) scores the tagger
on TempEval-3.
"""

from linimasa.timex import dating, stage
from linimasa.timex.tagger import tag

__all__ = ["dating", "stage", "tag"]
