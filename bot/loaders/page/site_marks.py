"""Marks a site generator reads and a browser never shows, taken out of a page's body
before it is rendered: kramdown attribute lists written after a link or an emphasis
('[site](https://…){:target="_blank"}', '*note*{: .small}'), the attributes a pandoc or
kramdown heading ends with ('# Programme { .section }', '## Day 1 {#day-1}'), and a
Liquid variable that starts a link's address ('[page]({{ site.baseurl }}/page)', which
CommonMark does not read as a link: its address holds spaces). Every line stays a
line."""

from __future__ import annotations

import re

_SPAN_ATTRIBUTES = re.compile(r"(?<=[^\s{])\{:(?!:)[^{}\n]*\}")
"""'{:target="_blank"}' right after what it decorates; '{::comment}' is an extension and
a '{: .class}' line of its own decorates a block (the outline skips those lines)."""
_HEADING_ATTRIBUTES = re.compile(
    r"^(?P<heading> {0,3}#{1,6}\s.*?)\s*\{:?\s*(?:[#.][\w-]+\s*)+\}\s*$")
_ADDRESS_VARIABLE = re.compile(r"(?<=\]\()\s*\{\{\s*[\w.]+\s*\}\}")


def without_site_marks(body: str) -> str:
    """`body` without kramdown span attribute lists, heading attributes and the Liquid
    variables that start link addresses (in code too: a programme's code shows no
    session)."""
    if "{" not in body:
        return body
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if "{" in line:
            line = _HEADING_ATTRIBUTES.sub(r"\g<heading>", line)
            lines[index] = _ADDRESS_VARIABLE.sub("", _SPAN_ATTRIBUTES.sub("", line))
    return "\n".join(lines)
