"""The visual time axis of a story page: where each timeline entry sits, laid out on the server so the
page needs no script to draw it.

Dates keep their precision: a day is a dot, a week, month or year a bar across the days it covers.
Background entries (history the articles recall, often decades back) would squeeze the story itself
into a corner of a linear axis, so they sit in a separate "earlier" band at the left.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from linimasa.model import date_range

WIDTH = 1000
LEFT, EARLY_W, MAIN_X0, MAIN_X1 = 10, 90, 130, 985
LANE_H, TOP = 16, 14


@dataclass
class Mark:
    index: int
    x: float
    w: float  # 0 for a dot
    y: float
    kind: str  # "point" or "range"
    background: bool
    conflict: bool
    label: str
    summary: str


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Axis:
    marks: list[Mark]
    ticks: list[Tick]
    height: int
    early: bool
    baseline: float


def _ticks(d0: datetime.date, d1: datetime.date, scale: Any) -> list[Tick]:
    days = (d1 - d0).days
    out: list[Tick] = []
    if days > 3 * 366:
        step = max(1, round(days / 365 / 8))
        for y in range(d0.year + (d0 != datetime.date(d0.year, 1, 1)), d1.year + 1, step):
            out.append(Tick(scale(datetime.date(y, 1, 1)), str(y)))
    elif days > 75:
        step = max(1, round(days / 30 / 10))
        y, m = d0.year, d0.month
        i = 0
        while True:
            d = datetime.date(y, m, 1)
            if d > d1:
                break
            if d >= d0 and i % step == 0:
                out.append(Tick(scale(d), d.strftime("%b %Y") if m == 1 or not out else d.strftime("%b")))
            i += 1
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        step = max(1, round(days / 10))
        d = d0
        while d <= d1:
            out.append(Tick(scale(d), d.strftime("%d %b")))
            d += datetime.timedelta(days=step)
    return out


def layout(entries: list[dict[str, Any]]) -> Axis | None:
    """Marks for timeline entries (as `linimasa.api.views.story_timeline` gives them)."""
    ranges = []
    for i, t in enumerate(entries):
        rng = date_range(t["date"]["value"])
        if rng:
            ranges.append((i, t, rng))
    if not ranges:
        return None
    main = [r for r in ranges if not r[1]["background"]] or ranges
    d0 = min(r[2][0] for r in main)
    d1 = max(r[2][1] for r in main)
    if (d1 - d0).days < 6:  # a story of a few days: give the axis some room
        d0 -= datetime.timedelta(days=3)
        d1 += datetime.timedelta(days=3)
    span = max(1, (d1 - d0).days)

    def scale(d: datetime.date) -> float:
        return MAIN_X0 + (MAIN_X1 - MAIN_X0) * ((d - d0).days / span)

    early = [r for r in ranges if r[2][0] < d0 and r not in main]
    placed: list[tuple[float, float, int, tuple[int, dict[str, Any], Any]]] = []
    for k, r in enumerate(early):
        x = LEFT + 8 + (EARLY_W - 16) * ((k + 0.5) / len(early))
        placed.append((x, 0.0, 0, r))
    for r in ranges:
        if r in early:
            continue
        a, b = r[2]
        x = scale(max(a, d0))
        w = scale(min(b, d1)) - x if b > a else 0.0
        placed.append((x, w, 0, r))
    # lanes: a mark goes to the first lane where it clears the previous mark by a few pixels
    lanes: list[float] = []
    marks: list[Mark] = []
    for x, w, _, (i, t, (a, b)) in sorted(placed, key=lambda p: (p[0], -p[1])):
        lo, hi = x - 7, x + max(w, 0) + 7
        lane = next((k for k, end in enumerate(lanes) if lo > end), None)
        if lane is None:
            lanes.append(hi)
            lane = len(lanes) - 1
        else:
            lanes[lane] = hi
        marks.append(Mark(i, round(x, 1), round(w, 1), TOP + lane * LANE_H, "range" if b > a else "point",
                          bool(t["background"]), bool(t.get("n_conflicts")), t["label"], t["summary"]))
    baseline = TOP + len(lanes) * LANE_H + 4
    ticks = _ticks(d0, d1, scale)
    return Axis(sorted(marks, key=lambda m: m.index), ticks, int(baseline + 26), bool(early), baseline)


__all__ = ["WIDTH", "Axis", "Mark", "Tick", "layout"]
