"""Bar charts drawn on the server as SVG: no chart library, no script, nothing from another host.

The SVG is an image with a title and a description (`role="img"`); the same numbers stand in a real
table beside it, which is what screen readers and keyboard users read.
"""

from dataclasses import dataclass

LABEL_WIDTH = 240  # room for "Rettung & Katastrophenschutz" at 13 px
BAR_AREA_WIDTH = 360
VALUE_WIDTH = 70
ROW_HEIGHT = 26
BAR_HEIGHT = 18
WIDTH = LABEL_WIDTH + BAR_AREA_WIDTH + VALUE_WIDTH


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int
    text_y: int

    @property
    def value_x(self) -> int:
        return LABEL_WIDTH + self.width + 6


@dataclass(frozen=True)
class BarChart:
    chart_id: str
    title: str
    description: str
    row_heading: str
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    width: int = WIDTH


def bar_chart(chart_id: str, title: str, row_heading: str, rows) -> BarChart:
    """A horizontal bar per row (`label`, `value`), scaled to the largest value."""
    largest = max((row.value for row in rows), default=0)
    bars = []
    for index, row in enumerate(rows):
        width = round(BAR_AREA_WIDTH * row.value / largest) if largest else 0
        y = index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2
        bars.append(Bar(row.label, row.value, y, width, index * ROW_HEIGHT + ROW_HEIGHT // 2 + 5))
    description = "; ".join(f"{row.label}: {row.value}" for row in rows)
    return BarChart(
        chart_id, title, description, row_heading, bars, height=max(ROW_HEIGHT, len(rows) * ROW_HEIGHT)
    )
