"""The one-page PDF brief of a scenario (no Streamlit): key figures, the plain-language
summary, two charts, the zones map, the sources and, where the app has a public
address, a QR code of the scenario's link.

Built offline with fpdf2. The text is set in the bundled DejaVu Sans (assets/fonts),
so Vietnamese diacritics print on any machine, whatever fonts it has. Charts and map
arrive as PNG bytes (drawn by vl_convert in components/chart_export.py; the brief is
assembled from the data by components/brief_maker.py).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from fpdf import FPDF

from core.i18n import Translator, format_iso_date
from core.likelihood_link import LinkState, to_link_query
from core.model import HORIZON_YEAR, Baseline, Scenario, ScenarioResult
from core.narrative import glossary, percent, scenario_line, summary_text
from core.scenario import to_query

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
FONT = "DejaVu"
PUBLIC_URL_ENV = "PLAN_PUBLIC_URL"
MAX_URL_CHARS = 200

# A4 portrait, millimetres.
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 12.0
CONTENT_W = PAGE_W - 2 * MARGIN
INK = (17, 17, 17)
GREY = (90, 90, 90)
RULE = (200, 200, 200)
ACCENT = (0, 114, 178)


@dataclass(frozen=True)
class ZoneEntry:
    colour: str  # validated #RRGGBB from zones.csv
    name: str
    role: str


def public_url(raw: str | None) -> str | None:
    """The app's public address from the environment, if it is a plain http(s) URL."""
    if not raw:
        return None
    text = raw.strip().rstrip("/")
    if len(text) > MAX_URL_CHARS or any(c.isspace() or not c.isprintable() for c in text):
        return None
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        return None
    return text


def relative_link(scenario: Scenario, lang: str, simulation: LinkState | None = None) -> str:
    """The economy page showing this scenario, relative to wherever the app is served;
    with ``simulation``, also its seed, draws and vintage (so the figures reproduce)."""
    extra = to_link_query(simulation) if simulation is not None else {}
    return "/economy?" + urlencode({**to_query(scenario), **extra, "lang": lang})


def scenario_link(
    base: str | None, scenario: Scenario, lang: str, simulation: LinkState | None = None
) -> str | None:
    """The economy page showing this scenario, at the app's public address."""
    base = public_url(base)
    if base is None:
        return None
    return base + relative_link(scenario, lang, simulation)


def qr_png(text: str) -> bytes:
    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()


def key_figures(result: ScenarioResult, t: Translator) -> list[tuple[str, str]]:
    """(label, value): 2030 per capita, gap to 15,800, average growth, first year reached."""
    summary = result.summary
    target = t.number(summary.per_capita_target_usd)
    gap = summary.gap_to_target_usd
    gap_text = t(
        "present.brief.per_capita_value", v=("−" if gap > 0.5 else "+") + t.number(abs(gap))
    )
    year = summary.first_year_target_reached
    return [
        (
            t("present.brief.per_capita"),
            t("present.brief.per_capita_value", v=t.number(summary.per_capita_2030_usd)),
        ),
        (t("present.brief.gap", target=target), gap_text),
        (
            t("present.brief.average"),
            t("present.brief.average_value", v=percent(summary.avg_growth_2021_2030_pct, t)),
        ),
        (
            t("present.brief.first_year", target=target),
            t("present.brief.not_by", year=HORIZON_YEAR) if year is None else str(year),
        ),
    ]


class _Brief(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)  # one page: the layout below keeps to it
        self.c_margin = 0

    def text_block(
        self,
        text: str,
        size: float,
        *,
        bold: bool = False,
        colour: tuple[int, int, int] = INK,
        w: float = CONTENT_W,
        x: float | None = None,
        line: float = 1.35,
    ) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)
        if x is not None:
            self.set_x(x)
        self.multi_cell(w, size * 0.3528 * line, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def height_of(self, text: str, size: float, w: float, line: float = 1.35) -> float:
        self.set_font(FONT, "", size)
        return self.multi_cell(w, size * 0.3528 * line, text, dry_run=True, output="HEIGHT")

    def png(
        self, data: bytes, x: float, y: float, w: float | None = None, h: float | None = None
    ) -> tuple[float, float]:
        """Place a PNG at (x, y) scaled to ``w`` or ``h``; its drawn size."""
        info = self.image(io.BytesIO(data), x=x, y=y, w=w or 0, h=h or 0)
        return info.rendered_width, info.rendered_height

    def fitted_png(self, data: bytes, x: float, y: float, w: float, h: float) -> float:
        """Place a PNG as large as fits in a w × h box, top-left; its drawn height."""
        info = self.image(io.BytesIO(data), x=x, y=y, w=w, h=h, keep_aspect_ratio=True)
        scale = min(w / info.width, h / info.height)
        return info.height * scale


@dataclass(frozen=True)
class BriefImages:
    """The brief's pictures as PNG bytes (drawn by vl_convert in the view layer)."""

    index: bytes
    per_capita: bytes
    zone_map: bytes


def build_pdf(
    *,
    t: Translator,
    baseline: Baseline,
    result: ScenarioResult,
    decision: tuple[str, str],
    images: BriefImages,
    zones: Sequence[ZoneEntry],
    sources: Sequence[str],
    merger_line: str,
    link: str | None = None,
    simulation: LinkState | None = None,
    likelihood: Sequence[str] = (),
    tracker_line: str | None = None,
) -> bytes:
    """The brief as PDF bytes. ``decision`` is (document number, ISO date); ``sources``
    are the sources' public labels; ``merger_line`` says the province is now part of
    Hồ Chí Minh City; ``link`` (the public address) becomes a QR code. The scenario's
    relative link is printed always, so the brief leads back to it on any server, with
    the ``simulation``'s seed, draws and vintage (the first estimates are named too);
    ``likelihood`` are ready-made lines (probability, break-even, estimates);
    ``tracker_line`` counts the plan's targets per tracker status."""
    pdf = _Brief()
    pdf.set_title(t("present.brief.title"))
    pdf.set_lang(t.lang)
    pdf.set_creator("Bình Dương Plan Explorer")
    pdf.add_page()
    _heading(pdf, t, result.scenario, decision, merger_line, simulation)
    _figure_boxes(pdf, key_figures(result, t))
    pdf.text_block(t("present.brief.summary_heading"), 10, bold=True)
    pdf.text_block(summary_text(result.summary, result.scenario, baseline, t), 9)
    if tracker_line:
        pdf.text_block(tracker_line, 8.5, bold=True)
    pdf.ln(2)
    if likelihood:
        pdf.text_block(t("likelihood.brief.heading"), 10, bold=True)
        for line in likelihood:
            pdf.text_block(line, 8.5)
        pdf.ln(2)
    _charts(pdf, t, images)
    sources_text = t("common.sources_label") + " " + "; ".join(sources)
    _zones_and_link(pdf, t, images.zone_map, zones, link, sources_text)
    # Sources and footer, at the foot of the page.
    pdf.set_draw_color(*RULE)
    pdf.line(MARGIN, pdf.get_y(), PAGE_W - MARGIN, pdf.get_y())
    pdf.ln(1.5)
    pdf.text_block(sources_text, 6.5, colour=GREY)
    pdf.set_y(PAGE_H - MARGIN - 3)
    pdf.text_block(t("present.brief.footer"), 6.5, colour=GREY)
    return bytes(pdf.output())


def _heading(
    pdf: _Brief,
    t: Translator,
    scenario: Scenario,
    decision: tuple[str, str],
    merger_line: str,
    simulation: LinkState | None,
) -> None:
    pdf.text_block(t("present.brief.title"), 16, bold=True, colour=ACCENT)
    pdf.text_block(
        t("present.brief.decision", number=decision[0], date=format_iso_date(decision[1], t.lang)),
        8.5,
        colour=GREY,
    )
    pdf.text_block(merger_line, 8.5, bold=True)
    pdf.text_block(t("present.brief.scenario", line=scenario_line(scenario, t)), 9.5, bold=True)
    if simulation is not None and simulation.vintage == "first":
        pdf.text_block(t("likelihood.first_estimates.note"), 8.5)
    link = relative_link(scenario, t.lang, simulation)
    pdf.text_block(t("common.export_link", link=link), 7, colour=GREY)
    pdf.ln(2)


def _figure_boxes(pdf: _Brief, figures: list[tuple[str, str]]) -> None:
    """The key figures in a row of boxes."""
    gap = 3.0
    box_w = (CONTENT_W - gap * (len(figures) - 1)) / len(figures)
    box_h = 21.0
    top = pdf.get_y()
    for index, (label, value) in enumerate(figures):
        x = MARGIN + index * (box_w + gap)
        pdf.set_draw_color(*RULE)
        pdf.set_fill_color(244, 247, 250)
        pdf.rect(x, top, box_w, box_h, style="DF")
        pdf.set_xy(x + 2.5, top + 2)
        pdf.text_block(label, 7.5, colour=GREY, w=box_w - 5, x=x + 2.5, line=1.2)
        pdf.set_xy(x + 2.5, top + box_h - 9)
        pdf.text_block(value, 13, bold=True, w=box_w - 5, x=x + 2.5, line=1.1)
    pdf.set_y(top + box_h + 3)


def _charts(pdf: _Brief, t: Translator, images: BriefImages) -> None:
    """The two economic charts, side by side."""
    half = (CONTENT_W - 4) / 2
    top = pdf.get_y()
    h1 = pdf.fitted_png(images.index, MARGIN, top, half, 68)
    h2 = pdf.fitted_png(images.per_capita, MARGIN + half + 4, top, half, 68)
    pdf.set_y(top + max(h1, h2) + 1)
    pdf.text_block(t("present.brief.model_note") + " " + glossary(t), 7, colour=GREY)
    pdf.ln(2)


def _zones_and_link(
    pdf: _Brief,
    t: Translator,
    map_png: bytes,
    zones: Sequence[ZoneEntry],
    link: str | None,
    sources_text: str,
) -> None:
    """The zones map as large as the sources below leave room for, its legend and the QR
    code at its right."""
    pdf.text_block(t("present.brief.map_heading"), 10, bold=True)
    map_top = pdf.get_y() + 1
    sources_room = pdf.height_of(sources_text, 6.5, CONTENT_W) + 10
    map_h = min(82.0, PAGE_H - MARGIN - sources_room - map_top)
    map_w, map_h = pdf.png(map_png, MARGIN, map_top, h=map_h)
    right_x = MARGIN + map_w + 6
    right_w = PAGE_W - MARGIN - right_x
    pdf.set_xy(right_x, map_top + 2)
    for zone in zones:
        y = pdf.get_y()
        red, green, blue = (int(zone.colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
        pdf.set_fill_color(red, green, blue)
        pdf.rect(right_x, y + 0.6, 4.5, 4.5, style="F")
        pdf.set_xy(right_x + 7, y)
        pdf.text_block(zone.name, 9.5, bold=True, w=right_w - 7, x=right_x + 7)
        pdf.text_block(zone.role, 8, colour=GREY, w=right_w - 7, x=right_x + 7)
        pdf.set_xy(right_x, pdf.get_y() + 2)
    if link:
        _qr(pdf, t, link, right_x, right_w, max(pdf.get_y() + 2, map_top + map_h - QR_SIZE - 8))
    pdf.set_y(max(map_top + map_h, pdf.get_y()) + 3)


QR_SIZE = 30.0  # mm


def _qr(pdf: _Brief, t: Translator, link: str, x: float, w: float, top: float) -> None:
    pdf.png(qr_png(link), x, top, w=QR_SIZE)
    text_x, text_w = x + QR_SIZE + 3, w - QR_SIZE - 3
    pdf.set_xy(text_x, top + 4)
    pdf.text_block(t("present.brief.qr_caption"), 8, bold=True, w=text_w, x=text_x)
    pdf.set_x(text_x)
    pdf.set_font(FONT, "", 6)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(
        text_w, 2.6, link, align="L", link=link, new_x="LMARGIN", new_y="NEXT", wrapmode="CHAR"
    )
