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
    spans: list[tuple[float, float]]
    breaks: list[float]


def _ticks(d0: datetime.date, d1: datetime.date, scale: Any, room: float) -> list[Tick]:
    """Ticks for the days d0..d1 drawn over `room` pixels (about one label per 80 pixels)."""
    days = max(1, (d1 - d0).days)
    most = max(1, int(room // 80))
    out: list[Tick] = []
    if days > 2 * 366:
        years = list(range(d0.year + (d0 > datetime.date(d0.year, 1, 1)), d1.year + 1))
        step = max(1, -(-len(years) // most))
        out = [Tick(scale(datetime.date(y, 1, 1)), str(y)) for y in years[::step]]
    elif days > 45:
        months = []
        y, m = d0.year, d0.month
        while datetime.date(y, m, 1) <= d1:
            if datetime.date(y, m, 1) >= d0:
                months.append(datetime.date(y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        step = max(1, -(-len(months) // most))
        for d in months[::step]:
            out.append(Tick(scale(d), d.strftime("%b %Y") if d.month == 1 or not out else d.strftime("%b")))
    else:
        step = max(1, -(-days // most))
        d = d0
        while d <= d1:
            out.append(Tick(scale(d), d.strftime("%d %b").lstrip("0")))
            d += datetime.timedelta(days=step)
    if out and not any(ch.isdigit() and len(t.label) == 4 for t in out for ch in t.label[:1]):
        out[0] = Tick(out[0].x, f"{out[0].label} {d0.year}" if str(d0.year) not in out[0].label else out[0].label)
    return out


@dataclass
class Segment:
    """A stretch of time drawn linearly; long empty gaps between segments are cut out of the axis."""

    d0: datetime.date
    d1: datetime.date
    x0: float = 0.0
    x1: float = 0.0

    def scale(self, d: datetime.date) -> float:
        span = max(1, (self.d1 - self.d0).days)
        return self.x0 + (self.x1 - self.x0) * ((d - self.d0).days / span)


BREAK_W = 26


def _segments(ranges: list[tuple[datetime.date, datetime.date]]) -> list[Segment]:
    """Group date ranges into stretches; a gap longer than a quarter of the whole span (and than two
    months) starts a new stretch, so a story told over a week and recalled two years later stays readable."""
    ranges = sorted(ranges)
    total = max(1, (max(b for _, b in ranges) - ranges[0][0]).days)
    gap = max(60, total // 4)
    segs = [Segment(*ranges[0])]
    for a, b in ranges[1:]:
        if (a - segs[-1].d1).days > gap:
            segs.append(Segment(a, b))
        else:
            segs[-1].d1 = max(segs[-1].d1, b)
    days = [max(1, (sg.d1 - sg.d0).days) for sg in segs]
    pad = 0.15 * sum(days) + 1
    room = (MAIN_X1 - MAIN_X0) - BREAK_W * (len(segs) - 1)
    x = MAIN_X0
    for sg, d in zip(segs, days, strict=True):
        # a margin of a few percent of its own span on each side, so marks at its ends stay whole
        margin = datetime.timedelta(days=max(1, round(d * 0.04)))
        sg.d0, sg.d1 = sg.d0 - margin, sg.d1 + margin
        w = room * (d + pad) / (sum(days) + pad * len(segs))
        sg.x0, sg.x1 = x, x + w
        x += w + BREAK_W
    return segs


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
    early = [r for r in ranges if r[2][0] < d0]
    rest = [r for r in ranges if r not in early]
    segs = _segments([r[2] for r in rest])

    def seg_of(d: datetime.date) -> Segment:
        return next((sg for sg in segs if sg.d0 <= d <= sg.d1), segs[-1])

    placed: list[tuple[float, float, tuple[int, dict[str, Any], Any], str]] = []
    for k, r in enumerate(early):
        x = LEFT + 8 + (EARLY_W - 16) * ((k + 0.5) / len(early))
        placed.append((x, 0.0, r, "point"))
    for r in rest:
        a, b = r[2]
        sg = seg_of(a)
        x = sg.scale(a)
        w = sg.scale(min(b, sg.d1)) - x if b > a else 0.0
        placed.append((x, w, r, "range" if b > a else "point"))
    lanes: list[float] = []  # a mark takes the first lane where it clears the one before by a few pixels
    marks: list[Mark] = []
    for x, w, (i, t, _), kind in sorted(placed, key=lambda p: (p[0], -p[1])):
        lo, hi = x - 7, x + max(w, 0) + 7
        lane = next((k for k, end in enumerate(lanes) if lo > end), None)
        if lane is None:
            lanes.append(hi)
            lane = len(lanes) - 1
        else:
            lanes[lane] = hi
        marks.append(Mark(i, round(x, 1), round(max(w, 4.0), 1), TOP + lane * LANE_H, kind,
                          bool(t["background"]), bool(t.get("n_conflicts")), t["label"], t["summary"]))
    baseline = TOP + len(lanes) * LANE_H + 4
    ticks = [tick for sg in segs for tick in _ticks(sg.d0, sg.d1, sg.scale, sg.x1 - sg.x0)]
    breaks = [round(sg.x1 + BREAK_W / 2, 1) for sg in segs[:-1]]
    return Axis(sorted(marks, key=lambda m: m.index), ticks, int(baseline + 26), bool(early), baseline,
                [(round(sg.x0, 1), round(sg.x1, 1)) for sg in segs], breaks)


__all__ = ["WIDTH", "Axis", "Mark", "Segment", "Tick", "layout"]
