"""An offer's description between the page's rich text and the plain text of a CSV cell.

Paragraphs and headings become blocks of one line, list items lines starting with "- ", blocks are
separated by an empty line. Back, each block becomes a paragraph, a block of "- " lines a list. So the text
survives the round trip; the heading levels, bold, italics and links do not (a CSV cell has none).
"""

from bs4 import BeautifulSoup
from django.utils.html import escape

BLOCKS = ("p", "h2", "h3", "h4", "ul", "ol")
BULLET = "- "


def _line(text: str) -> str:
    return " ".join(text.split())


def rich_text_to_plain(html: str) -> str:
    soup = BeautifulSoup(html or "", "html.parser")
    blocks = []
    # Wagtail's rich text is a flat row of blocks; anything nested deeper is searched (slower) as well.
    top = [child for child in soup.children if getattr(child, "name", None)]
    flat = all(child.name in BLOCKS for child in top)
    for element in top if flat else soup.find_all(BLOCKS):
        if not flat and element.find_parent(BLOCKS):
            continue  # a list inside a list item is part of that item's text
        if element.name in ("ul", "ol"):
            items = [_line(item.get_text(" ")) for item in element.find_all("li", recursive=False)]
            lines = [BULLET + item for item in items if item]
            if lines:
                blocks.append("\n".join(lines))
        else:
            line = _line(element.get_text(" "))
            if line:
                blocks.append(line)
    if not blocks:
        line = _line(soup.get_text(" "))  # text that stood outside any block
        if line:
            blocks.append(line)
    return "\n\n".join(blocks)


def plain_to_rich_text(text: str) -> str:
    html = []
    for block in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith(BULLET.strip()) for line in lines):
            items = [_line(line[1:]) for line in lines]
            if any(items):
                html.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items if item) + "</ul>")
        else:
            html.append(f"<p>{escape(_line(' '.join(lines)))}</p>")
    return "".join(html)
