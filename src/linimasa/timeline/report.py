"""The timeline as a reader gets it: in a terminal, as JSON, as Markdown, or as one self-contained HTML
page a journalist can send on. Every piece of article text is escaped where it is shown (HTML by
Jinja2's autoescaping, Markdown by escaping its special characters)."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from jinja2 import Environment

from linimasa.model import Event, TimelineEntry, date_range

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")


def date_label(value: str, precision: str) -> str:
    """A date at its precision: "2021-10-20 (Wed)", "week 41 of 2021", "2021-08", "the 1980s"."""
    if precision == "decade":
        return f"the {value[:3]}0s"
    if precision == "week":
        return f"week {int(value[6:8])} of {value[:4]}"
    if precision in ("day", "minute"):
        rng = date_range(value[:10])
        day = rng[0].strftime("%a") if rng else ""
        return f"{value.replace('T', ' ')} ({day})" if day else value
    return value


def rows(store: Any, story: str | None = None, date_from: str | None = None, date_to: str | None = None,
         show_background: bool = True) -> dict[str, Any]:
    """The timeline of one story (None: the whole database) with its events, sources and conflicts."""
    entries: list[TimelineEntry] = store.timeline(story, date_from, date_to)
    events = {e.id: e for e in store.events({i for t in entries for i in t.events})}
    conflicts: dict[str, list[dict[str, Any]]] = {}
    for c in store.conflicts_about(events):
        conflicts.setdefault(c.about or "", []).append(
            {"kind": c.kind, "note": c.note, "values": [{"value": v.value, "article": v.article} for v in c.values]})
    meta = store.article_meta({m.article for e in events.values() for m in e.mentions})
    out = []
    for t in entries:
        if t.background and not show_background:
            continue
        evs = [events[i] for i in t.events if i in events]
        out.append({
            "date": {"value": t.date.value, "precision": t.date.precision},
            "label": date_label(t.date.value, t.date.precision),
            "summary": t.summary, "sources": t.sources, "outlets": t.outlets, "background": t.background,
            "events": [_event(e, meta, conflicts.get(e.id, [])) for e in evs],
        })
    head = None
    if story:
        found = store.stories([story])
        if found:
            s = found[0]
            head = {"id": s.id, "label": s.label, "articles": len(s.articles), "outlets": s.outlets,
                    "first": s.first, "last": s.last}
    return {"story": head, "entries": out}


def _event(e: Event, meta: dict[str, Any], conflicts: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": e.id, "type": e.type, "mode": e.mode, "summary": e.summary, "background": e.background,
        "sources": [{"article": m.article, "outlet": meta.get(m.article, (None, None, ""))[0],
                     "source": meta.get(m.article, (None, None, ""))[2], "text": m.text, "trigger": m.trigger}
                    for m in e.mentions],
        "conflicts": conflicts,
    }


def same_sentences(sources: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """An event's sources grouped by the sentence they quote, in order: a copy (and an outlet's
    re-save) tells the same sentence again, and a reader wants it once with every outlet that wrote it."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for src in sources:
        groups.setdefault(" ".join(src["text"].split()).casefold(), []).append(src)
    return list(groups.values())


def quotes(event: dict[str, Any], limit: int) -> list[dict[str, Any]]:
    """An event's first `limit` distinct source sentences, each with the outlets that wrote it (the
    reports'; the JSON keeps every source)."""
    return [{"text": group[0]["text"],
             "outlets": list(dict.fromkeys(x["outlet"] or x["source"].rsplit("/", 1)[-1] for x in group))}
            for group in same_sentences(event["sources"])[:limit]]


def render_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def render_text(data: dict[str, Any]) -> str:
    lines = []
    if data["story"]:
        s = data["story"]
        lines += [f"{s['label']}  [{s['id']}]",
                  f"  {s['first'] or '?'} .. {s['last'] or '?'}, {s['articles']} articles; "
                  f"{', '.join(s['outlets']) or 'outlets unknown'}", ""]
    # the dates' column: 22 wide, wider when a date with its time ("2025-06-17 07:30 (Tue)") needs it
    w = max([22, *(len(t["label"]) + 2 for t in data["entries"])])
    for t in data["entries"]:
        flag = "  [background]" if t["background"] else ""
        lines.append(f"{t['label']:<{w}}{t['summary']}{flag}")
        outlets = f" ({', '.join(t['outlets'])})" if t["outlets"] else ""
        lines.append(f"{'':<{w}}{t['sources']} source{'s' if t['sources'] != 1 else ''}{outlets}")
        for e in t["events"]:
            for c in e["conflicts"]:
                values = " vs ".join(v["value"] for v in c["values"])
                lines.append(f"{'':<{w}}! {c['kind']} conflict: {values} ({c['note']})")
    if not data["entries"]:
        lines.append("no dated events")
    return "\n".join(lines) + "\n"


def md_escape(text: str) -> str:
    return MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def render_md(data: dict[str, Any]) -> str:
    s = data["story"]
    out = [f"# Timeline: {md_escape(s['label'])}" if s else "# Timeline", ""]
    if s:
        out += [f"{s['articles']} articles, {md_escape(s['first'] or '?')} to {md_escape(s['last'] or '?')}; "
                f"outlets: {md_escape(', '.join(s['outlets']) or 'unknown')}", ""]
    for t in data["entries"]:
        bg = " *(background)*" if t["background"] else ""
        out.append(f"## {md_escape(t['label'])}{bg}")
        out.append("")
        for e in t["events"]:
            outlets = sorted({x["outlet"] or x["source"].rsplit("/", 1)[-1] for x in e["sources"]})
            out.append(f"- **{md_escape(e['summary'] or e['type'])}** ({e['type'].lower()}, {e['mode']}; "
                       f"{md_escape(', '.join(outlets))})")
            for q in quotes(e, 3):
                told = f" ({md_escape(', '.join(q['outlets']))})" if len(outlets) > 1 else ""
                out.append(f"  - > {md_escape(q['text'])}{told}")
            for c in e["conflicts"]:
                values = " vs ".join(md_escape(v["value"]) for v in c["values"])
                out.append(f"  - **{c['kind']} conflict**: {values}. {md_escape(c['note'])}")
        out.append("")
    return "\n".join(out) + "\n"


HTML = """<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem} .meta{color:#555} .entry{border-left:3px solid #36c;margin:1.2rem 0;padding-left:1rem}
.entry.background{border-color:#aaa;color:#666} .date{font-weight:600}
blockquote{margin:.3rem 0 .3rem 1rem;color:#444;font-size:.92rem}
.conflict{background:#fff3cd;padding:.2rem .5rem;border-radius:3px;font-size:.92rem}
.hide-bg .background{display:none} label{font-size:.9rem}
</style></head>
<body>
<h1>{{ title }}</h1>
{% if story %}<p class="meta">{{ story.articles }} articles, {{ story.first or "?" }} to {{ story.last or "?" }};
outlets: {{ story.outlets|join(", ") or "unknown" }}</p>{% endif %}
<label><input type="checkbox" id="bg"
 onchange="document.body.classList.toggle('hide-bg', this.checked)"> hide background events</label>
{% for t in entries %}
<section class="entry{% if t.background %} background{% endif %}">
<div class="date">{{ t.label }}</div>
<div>{{ t.summary }}</div>
<div class="meta">{{ t.sources }} source{% if t.sources != 1 %}s{% endif %}{% if t.outlets %}:
 {{ t.outlets|join(", ") }}{% endif %}</div>
{% for e in t.events %}{% for q in quotes(e, 2) %}
<blockquote>{{ q.text }} <span class="meta">({{ q.outlets|join(", ") }})</span></blockquote>
{% endfor %}{% for c in e.conflicts %}
<div class="conflict">{{ c.kind }} conflict: {% for v in c["values"] %}{{ v.value }}{% if not loop.last %}
 vs {% endif %}{% endfor %}. {{ c.note }}</div>{% endfor %}{% endfor %}
</section>
{% else %}<p>No dated events.</p>{% endfor %}
<p class="meta">Made by linimasa on {{ made }}.</p>
</body></html>
"""


def render_html(data: dict[str, Any]) -> str:
    env = Environment(autoescape=True)
    title = f"Timeline: {data['story']['label']}" if data["story"] else "Timeline"
    return env.from_string(HTML).render(title=title, story=data["story"], entries=data["entries"],
                                        made=datetime.date.today().isoformat(), quotes=quotes)


RENDERERS = {"text": render_text, "json": render_json, "md": render_md, "html": render_html}
