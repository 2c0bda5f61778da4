"""The digest as one self-contained HTML page: inline CSS and an inline SVG chart.

No JavaScript, no fonts, no CDN: the page opens offline, in a mail client or as a Slack
attachment. Jinja2 autoescaping is on for the whole template, so post text, handles and
hashtags render as text; links are emitted only for http(s) URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from alerts.digest.data import DayShare, DigestData

CHART_W, CHART_H, PAD_L, PAD_B, PAD_T = 560, 220, 40, 34, 16
LABELS = (("attack", "Attacks"), ("substantive", "Issue talk"), ("other", "Other"))

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, slots=True)
class Bar:
    """One rectangle of the stacked share chart (numbers only: nothing to escape)."""

    x: float
    y: float
    width: float
    height: float
    label: str  # attack | substantive | other
    title: str


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a post cannot smuggle in javascript: links."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def chart_bars(history: list[DayShare]) -> tuple[list[Bar], list[dict[str, Any]]]:
    """Stacked 100% bars, one per day: attacks at the bottom, then issue talk, then other.

    Returns the bars and one axis label per day (with its attack share, or "no data").
    """
    inner_w, inner_h = CHART_W - PAD_L - 10, CHART_H - PAD_T - PAD_B
    slot = inner_w / max(1, len(history))
    width = slot * 0.6
    bars: list[Bar] = []
    ticks: list[dict[str, Any]] = []
    for i, day in enumerate(history):
        x = PAD_L + i * slot + (slot - width) / 2
        bottom = float(PAD_T + inner_h)
        for label, name in LABELS:
            share = day.share(label)
            if share <= 0:
                continue
            height = share * inner_h
            bottom -= height
            bars.append(Bar(round(x, 1), round(bottom, 1), round(width, 1), round(height, 1),
                            label, f"{day.day:%a %d %b}: {name} {share:.0%} "
                                   f"({getattr(day, label)} of {day.labelled})"))
        ticks.append({"x": round(x + width / 2, 1), "day": f"{day.day:%a %d}",
                      "share": f"{day.share('attack'):.0%}" if day.labelled else "no data"})
    return bars, ticks


def _change(data: DigestData) -> dict[str, Any]:
    """How today's attack share moved against the previous days, in percentage points."""
    previous = data.previous_attack_share
    has_previous = any(d.labelled for d in data.history[:-1])
    points = (data.today.share("attack") - previous) * 100
    if not data.today.labelled or not has_previous:
        return {"text": "no comparison (no labelled posts)", "direction": "flat"}
    direction = "up" if points >= 1 else "down" if points <= -1 else "flat"
    word = {"up": "up", "down": "down", "flat": "about level"}[direction]
    return {"text": f"{word} {abs(points):.0f} pts vs previous {len(data.history) - 1} days "
                    f"({previous:.0%})", "direction": direction}


def render_html(data: DigestData, *, title: str = "civmon daily digest") -> str:
    """The page for one day's digest data."""
    bars, ticks = chart_bars(data.history)
    platform_max = max((n for _, n in data.by_platform), default=1)
    incidents = [{
        "line": line,
        "posts": [{"quote": q, "url": safe_url(u)} for q, u in line.posts],
    } for line in data.incidents]
    return _env.get_template("digest.html.j2").render(
        title=title, data=data, today=data.today, change=_change(data), bars=bars,
        ticks=ticks, chart={"w": CHART_W, "h": CHART_H, "left": PAD_L, "top": PAD_T,
                            "bottom": CHART_H - PAD_B},
        labels=LABELS, platform_max=platform_max, incidents=incidents,
    )
