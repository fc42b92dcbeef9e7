"""The PDF brief: one page, the scenario's own figures in the reader's number format,
Vietnamese diacritics that survive text extraction, and a QR code only where the app
has a public address."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from components.brief_maker import make_brief
from core.brief import public_url, relative_link, scenario_link
from core.data import load_table
from core.i18n import Translator
from core.likelihood import Shocks, apply_vintage, history, simulate
from core.likelihood_link import LinkState
from core.likelihood_text import probabilities_text
from core.model import Baseline, summarize
from core.narrative import glossary_lines
from core.scenario import parse
from core.tracker import status_counts, track
from tests.conftest import DATA
from tests.plan_data import PLAN

QUERY = {"g": "8", "d": "1.5", "p": "2"}


def scenario_of(query):
    baseline = Baseline.from_outturn(load_table("economy_outturn", DATA), PLAN)
    return baseline, parse(query, baseline)[0]


def read(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def image_count(reader: PdfReader) -> int:
    resources = reader.pages[0]["/Resources"]
    return len(resources["/XObject"]) if "/XObject" in resources else 0


@pytest.fixture(scope="module")
def briefs() -> dict[str, bytes]:
    return {lang: make_brief(lang, QUERY, DATA) for lang in ("vi", "en")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_one_page_with_the_scenarios_per_capita_figure(briefs, lang):
    reader, text = read(briefs[lang])
    assert len(reader.pages) == 1
    baseline, scenario = scenario_of(QUERY)
    figure = Translator(lang).number(summarize(baseline, scenario).per_capita_2030_usd)
    assert f"{figure} USD" in text
    # vi groups thousands with "." (9.283), en with "," (9,283).
    assert ("." if lang == "vi" else ",") in figure
    assert "Bình Dương" in text
    assert Translator(lang).number(PLAN.per_capita_usd) in text


def test_vietnamese_keeps_its_diacritics(briefs):
    _, text = read(briefs["vi"])
    for phrase in (
        "bình quân đầu người",
        "Tăng trưởng bình quân",
        "Khu vực 3",
        "Thủ tướng Chính phủ",
        "Nguồn:",
    ):
        assert phrase in text, phrase


def test_english_brief_is_in_english(briefs):
    _, text = read(briefs["en"])
    assert "GRDP per capita in 2030" in text
    assert "Sources:" in text
    assert "bình quân đầu người" not in text


def test_a_public_address_adds_a_qr_code_of_the_scenarios_link(briefs):
    plain, _ = read(briefs["en"])
    with_qr, text = read(make_brief("en", QUERY, DATA, "https://example.org/"))
    assert len(with_qr.pages) == 1
    assert image_count(with_qr) == image_count(plain) + 1
    assert "https://example.org/economy?g=8" in text.replace(" ", "")


def test_the_link_carries_the_scenario_and_language():
    _, scenario = scenario_of(QUERY)
    link = scenario_link("https://example.org", scenario, "vi")
    assert link.startswith("https://example.org/economy?g=8&")
    assert "d=1.5" in link
    assert "p=2" in link
    assert link.endswith("lang=vi")


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "javascript:alert(1)",
        "ftp://x.org",
        "https://",
        "https://a b.org",
        "https://x.org/?q=1",
        "https://x.org/" + "a" * 300,
    ],
)
def test_unusable_public_addresses_give_no_link(raw):
    assert public_url(raw) is None
    _, scenario = scenario_of({})
    assert scenario_link(raw, scenario, "en") is None


@pytest.mark.parametrize(
    ("lang", "merger"),
    [
        ("vi", "Từ ngày 1/7/2025, tỉnh Bình Dương là một phần của Thành phố Hồ Chí Minh"),
        ("en", "Since 1 July 2025 the province has been part of Hồ Chí Minh City"),
    ],
)
def test_the_header_states_the_merger_and_the_relative_link(briefs, lang, merger):
    reader, text = read(briefs[lang])
    assert len(reader.pages) == 1
    assert merger in text
    # Printed even without a public address (no QR then), so any server leads back to it.
    _, scenario = scenario_of(QUERY)
    link = relative_link(scenario, lang, LinkState())  # the query names no simulation
    assert link.startswith("/economy?")
    assert "lang=" + lang in link
    assert link in text.replace(" ", "")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sources_are_public_labels(briefs, lang):
    _, text = read(briefs[lang])
    for mark in ("data/raw", "FACTS", "commit", "github.com/favourdavidemeka"):
        assert mark not in text
    assert "790/QĐ-TTg" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_brief_counts_the_targets_per_tracker_status(briefs, lang):
    t = Translator(lang)
    reader, text = read(briefs[lang])
    assert len(reader.pages) == 1
    counts = status_counts(
        track(load_table("plan_targets", DATA), load_table("economy_outturn", DATA))
    )
    items = t("a11y.chart.separator").join(
        t("a11y.chart.status_item", status=t(f"tracker.status.{s}"), count=t.number(n))
        for s, n in counts.items()
    )
    line = t("tracker.brief_counts", count=t.number(sum(counts.values())), items=items)
    assert " ".join(line.split()) in text


SIMULATION = {"seed": "7", "draws": "2000", "vintage": "first"}
LIKELY = {"g": "12.5"}  # a scenario whose probabilities are neither 0 nor 100 %


def probability_line(baseline: Baseline, query, seed: int, draws: int, t: Translator) -> str:
    scenario = parse(query, baseline)[0]
    drawn = simulate(baseline, scenario, Shocks.from_history(history(baseline)), seed, draws)
    return t(
        "likelihood.brief.probability",
        draws=t.number(draws),
        n=len(drawn.record_years),
        list=probabilities_text(drawn, PLAN, t),
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_brief_follows_the_links_seed_draws_and_vintage(lang):
    """The page's probabilities for a link with its own simulation, the link printed
    with those keys, and the first estimates named."""
    outturn = load_table("economy_outturn", DATA)
    first = Baseline.from_outturn(
        apply_vintage(outturn, load_table("economy_vintages", DATA), "first"), PLAN
    )
    t = Translator(lang)
    reader, text = read(make_brief(lang, {**LIKELY, **SIMULATION}, DATA, "https://example.org/"))
    _, default_text = read(make_brief(lang, LIKELY, DATA))
    assert len(reader.pages) == 1
    line = probability_line(first, LIKELY, 7, 2000, t)
    assert line in text
    assert line not in default_text  # the keys matter for this scenario
    assert probability_line(scenario_of({})[0], LIKELY, 2024, 1000, t) in default_text
    link = relative_link(
        parse(LIKELY, first)[0], lang, LinkState(seed=7, draws=2000, vintage="first")
    )
    assert "seed=7&draws=2000&vintage=first" in link
    assert link in text.replace(" ", "")
    assert "https://example.org" + link in text.replace(" ", "")  # the QR code's link
    note = " ".join(t("likelihood.first_estimates.note").split())
    assert note in text
    assert note not in default_text


def test_unusable_first_estimates_give_a_brief_on_the_revised_figures_that_says_so(data_copy):
    (data_copy / "economy_vintages.csv").write_text("year,column\n2023,x\n", encoding="utf-8")
    t = Translator("vi")
    _, text = read(make_brief("vi", {**LIKELY, **SIMULATION}, data_copy))
    baseline, scenario = scenario_of(LIKELY)
    link = relative_link(scenario, "vi", LinkState(seed=7, draws=2000, vintage="revised"))
    assert link in text.replace(" ", "")
    assert probability_line(baseline, LIKELY, 7, 2000, t) in text
    assert t("likelihood.first_estimates.note") not in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_charts_note_says_what_estimate_and_derived_figure_mean(briefs, lang):
    reader, text = read(briefs[lang])
    assert len(reader.pages) == 1
    for line in glossary_lines(Translator(lang)):
        assert " ".join(line.split()) in text
