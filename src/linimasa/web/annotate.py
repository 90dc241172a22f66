"""Article text with its annotations (entity mentions, temporal expressions, event triggers, search
hits) as HTML: every character of the text goes through `markupsafe.escape`, and attribute values
too, so nothing in an article can become markup.

Annotations are spans of character offsets. They nest: an annotation that starts inside another and
ends beyond it is cut at the other's end (the outer one stays whole, so a highlighted name is never
split), and a link inside a link is shown as a plain highlight (HTML forbids nested links).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass
class Ann:
    start: int
    end: int
    cls: str
    href: str | None = None
    title: str | None = None
    data: dict[str, str] = field(default_factory=dict)
    rank: int = 0  # at equal spans, lower ranks go outside


@dataclass
class _Node:
    ann: Ann | None
    start: int
    end: int
    children: list[_Node] = field(default_factory=list)


def annotate(text: str, anns: list[Ann]) -> Markup:
    n = len(text)
    spans = sorted((a for a in anns if 0 <= a.start < a.end <= n), key=lambda a: (a.start, -a.end, a.rank))
    root = _Node(None, 0, n)
    stack = [root]
    for a in spans:
        while len(stack) > 1 and a.start >= stack[-1].end:
            stack.pop()
        parent = stack[-1]
        end = min(a.end, parent.end)
        if end <= a.start:
            continue
        node = _Node(a, a.start, end)
        parent.children.append(node)
        stack.append(node)
    return Markup(_render(text, root, in_link=False))


def _open(a: Ann, in_link: bool) -> tuple[str, str]:
    attrs = [f'class="{escape(a.cls)}"']
    if a.title:
        attrs.append(f'title="{escape(a.title)}"')
    attrs += [f'data-{escape(k)}="{escape(v)}"' for k, v in sorted(a.data.items())]
    if a.href and not in_link:
        return f'<a href="{escape(a.href)}" {" ".join(attrs)}>', "</a>"
    tag = "mark" if "match" in a.cls.split() else "span"
    return f"<{tag} {' '.join(attrs)}>", f"</{tag}>"


def _render(text: str, node: _Node, in_link: bool) -> str:
    out: list[str] = []
    pos = node.start
    for child in node.children:
        if child.start < pos:  # cannot happen after nesting, but never repeat text
            continue
        out.append(str(escape(text[pos:child.start])))
        assert child.ann is not None
        opening, closing = _open(child.ann, in_link)
        out.append(opening)
        out.append(_render(text, child, in_link or opening.startswith("<a ")))
        out.append(closing)
        pos = child.end
    out.append(str(escape(text[pos:node.end])))
    return "".join(out)


def marked(text: str, marks: list[tuple[int, int]] | list[list[int]]) -> Markup:
    """Text with search hits in <mark>."""
    return annotate(text, [Ann(s, e, "match") for s, e in marks])


__all__ = ["Ann", "annotate", "marked"]
