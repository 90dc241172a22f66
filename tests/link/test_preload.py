"""The corpus stages load their word lists when the pipeline is built, not in the middle of a batch:
a resource's first load ends in a full garbage collection (`resources.keep_for_process`), which
mid-batch walks every article of the chunk."""

from __future__ import annotations

from linimasa.link import entities, events, stories
from linimasa.pipeline import Pipeline


def test_building_the_pipeline_loads_the_link_stages_word_lists() -> None:
    for cached in (stories._versus_words, stories._common_words, stories._roundup_openings,
                   stories._month_numbers, events._summary_templates):
        cached.cache_clear()
    entities._office_words.cache_clear()
    Pipeline()
    assert stories._versus_words.cache_info().currsize == 1
    assert stories._common_words.cache_info().currsize >= 2  # every language, id and en at least
    assert stories._month_numbers.cache_info().currsize >= 2
    assert events._summary_templates.cache_info().currsize >= 2
    assert entities._office_words.cache_info().currsize == 1
