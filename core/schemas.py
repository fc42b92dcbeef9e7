"""The declared shape of every curated file in ``data/``.

Each CSV is read as text and coerced by its schema, so a wrong type, a value out of
range or an unknown category is reported with its row and column instead of
surfacing later as a wrong number on a page. Guards on units and names are
deliberately tight: a new unit or category must be added here on purpose.
"""

from __future__ import annotations

import pandera.pandas as pa

SOURCE_LIST = r"^[a-z0-9_]+(;[a-z0-9_]+)*$"
HEX_COLOUR = r"^#[0-9A-Fa-f]{6}$"
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DISTRICT_CODES = tuple(range(718, 727))
ZONE_IDS = (1, 2, 3)


def _text(nullable: bool = False, **kwargs) -> pa.Column:
    checks = [pa.Check.str_length(min_value=1)]
    if "pattern" in kwargs:
        checks.append(pa.Check.str_matches(kwargs.pop("pattern")))
    if "allowed" in kwargs:
        checks.append(pa.Check.isin(kwargs.pop("allowed")))
    return pa.Column(str, checks=checks, nullable=nullable, **kwargs)


def _number(
    low: float | None = None,
    high: float | None = None,
    nullable: bool = True,
    dtype: object = float,
) -> pa.Column:
    checks = []
    if low is not None:
        checks.append(pa.Check.ge(low))
    if high is not None:
        checks.append(pa.Check.le(high))
    return pa.Column(dtype, checks=checks, nullable=nullable, coerce=True)


def _source() -> pa.Column:
    return _text(pattern=SOURCE_LIST)


PERCENT = {"low": 0, "high": 100}
#: The economy.unit.* catalog keys a target's outturn may be shown in (plan_targets.csv).
PROGRESS_UNITS = ("pct", "pct_year_short", "usd", "million")

SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "sources": pa.DataFrameSchema(
        {
            "id": _text(pattern=r"^[a-z0-9_]+$", unique=True),
            "title": _text(),
            "publisher": _text(),
            # Encyclopedia pages have revisions, not a publication date.
            "date": _text(nullable=True, pattern=ISO_DATE),
            "url": _text(nullable=True, pattern=r"^https?://\S+$"),
            "document_number": _text(nullable=True),
            "language": _text(allowed=["vi", "en"]),
            "kind": _text(
                allowed=[
                    "decision",
                    "resolution",
                    "news",
                    "government_portal",
                    "article",
                    "dataset",
                    "encyclopedia",
                    "statistics",
                ]
            ),
            "note": _text(nullable=True),
            # What public screens print (issue 18); title/publisher/url/note stay curators' data.
            "label_vi": _text(),
            "label_en": _text(),
            "public_url": _text(nullable=True, pattern=r"^https?://\S+$"),
        },
        checks=pa.Check(
            lambda df: df["url"].notna() | df["document_number"].notna(),
            name="url_or_document_number",
        ),
    ),
    "plan_targets": pa.DataFrameSchema(
        {
            "id": _text(pattern=r"^[a-z0-9_]+$", unique=True),
            "category": _text(allowed=["economy", "society", "environment", "digital", "urban"]),
            "indicator_vi": _text(),
            "indicator_en": _text(),
            "comparator": _text(
                allowed=["about", "at_least", "above", "at_most", "below", "range", "exact"]
            ),
            "value_min": _number(nullable=False),
            "value_max": _number(nullable=False),
            "unit": _text(
                allowed=[
                    "percent",
                    "percent_per_year",
                    "usd_per_person",
                    "million_people",
                    "per_10k_people",
                ]
            ),
            "year": _number(2030, 2050, nullable=False, dtype=int),
            # The indicator's metadata, beside its figures (as OWID's etl keeps it):
            "outturn_column": pa.Column(
                str,
                pa.Check.str_matches(r"^[a-z0-9_]+$"),
                nullable=True,
                title="Outturn column",
                description="The economy_outturn.csv column that measures this target; "
                "empty when no outturn is recorded (the tracker shows no data).",
            ),
            "outturn_scale": pa.Column(
                float,
                pa.Check.gt(0),
                nullable=True,
                coerce=True,
                title="Outturn scale",
                description="Factor from the outturn column's unit to the target's "
                "(thousand people -> million: 0.001); empty = 1.",
            ),
            "progress_unit": _text(
                nullable=True,
                allowed=list(PROGRESS_UNITS),
                title="Progress chart unit",
                description="Key of economy.unit.* the economy page's progress chart "
                "shows the outturn in; empty = not on that chart.",
            ),
            "progress_decimals": pa.Column(
                float,
                [pa.Check.isin([0, 1, 2, 3])],
                nullable=True,
                coerce=True,
                title="Progress chart decimals",
                description="Decimals of the outturn on the progress chart.",
            ),
            "source": _source(),
            "note": _text(nullable=True),
        },
        checks=[
            pa.Check(lambda df: df["value_min"] <= df["value_max"], name="min_not_above_max"),
            pa.Check(
                lambda df: df["progress_unit"].isna() == df["progress_decimals"].isna(),
                name="progress_unit_and_decimals_together",
            ),
            pa.Check(
                lambda df: df["outturn_scale"].isna() | df["outturn_column"].notna(),
                name="outturn_scale_only_with_a_column",
            ),
        ],
    ),
    "plan_goals": pa.DataFrameSchema(
        {
            "id": _text(pattern=r"^[a-z0-9_]+$", unique=True),
            "horizon": _number(2030, 2050, nullable=False, dtype=int),
            "text_vi": _text(),
            "text_en": _text(),
            "quote_vi": _text(nullable=True),
            "source": _source(),
            "note": _text(nullable=True),
        },
    ),
    "economy_outturn": pa.DataFrameSchema(
        {
            "year": _number(2015, 2030, nullable=False, dtype=int),
            "grdp_growth_real_pct": _number(-30, 30),
            "grdp_current_bn_vnd": _number(0, 10_000_000),
            "grdp_per_capita_mn_vnd": _number(0, 2_000),
            "grdp_per_capita_usd": _number(0, 100_000),
            "population_thousand": _number(0, 20_000),
            "share_industry_construction_pct": _number(**PERCENT),
            "share_services_pct": _number(**PERCENT),
            "share_agriculture_pct": _number(**PERCENT),
            "share_taxes_pct": _number(**PERCENT),
            "vnd_per_usd": _number(10_000, 50_000),
            "status": _text(allowed=["actual", "estimate", "revised"]),
            "derived_columns": _text(nullable=True),
            "source": _source(),
            "note": _text(nullable=True),
        },
    ),
    "key_tasks": pa.DataFrameSchema(
        {
            "id": _number(1, 5, nullable=False, dtype=int),
            "title_vi": _text(),
            "title_en": _text(),
            "summary_vi": _text(),
            "summary_en": _text(),
            "quote_vi": _text(),
            "quote_en": _text(),
            "places_vi": _text(nullable=True),
            "places_en": _text(nullable=True),
            "indicator_ids": _text(nullable=True, pattern=SOURCE_LIST),
            "reading": _text(allowed=["stated", "editorial"]),
            "source": _source(),
            "note": _text(nullable=True),
        },
    ),
    "zones": pa.DataFrameSchema(
        {
            "id": pa.Column(int, pa.Check.isin(ZONE_IDS), coerce=True, unique=True),
            "name_vi": _text(),
            "name_en": _text(),
            "role_vi": _text(),
            "role_en": _text(),
            "quote_vi": _text(),
            "quote_en": _text(),
            "color": _text(pattern=HEX_COLOUR),
            "source": _source(),
        },
    ),
    "districts": pa.DataFrameSchema(
        {
            "code": pa.Column(int, pa.Check.isin(DISTRICT_CODES), coerce=True),
            "name_vi": _text(),
            "name_en": _text(),
            "type": _text(allowed=["city", "district"]),
            "zone": pa.Column(int, pa.Check.isin(ZONE_IDS), coerce=True),
            "area_km2": _number(1, 2_000, nullable=False),
            "population": _number(1, 5_000_000, dtype="Int64"),
            "population_year": _number(2009, 2030, dtype="Int64"),
            "source": _source(),
            "note": _text(nullable=True),
        },
    ),
    "connectivity": pa.DataFrameSchema(
        {
            "id": _text(pattern=r"^[a-z0-9_]+$", unique=True),
            "name_vi": _text(),
            "name_en": _text(),
            "kind": _text(allowed=["seaport", "airport", "border_gate"]),
            "province_vi": _text(),
            "province_en": _text(),
            # Southern Vietnam: a swapped or mistyped coordinate falls outside at once.
            # Empty where no citable position was found: the place is listed, not drawn.
            "lon": _number(105.5, 108.0),
            "lat": _number(9.5, 12.5),
            "status_vi": _text(),
            "status_en": _text(),
            "source": _source(),
            "note": _text(nullable=True),
        },
    ),
    "it_park": pa.DataFrameSchema(
        {
            "key": _text(pattern=r"^[a-z0-9_]+$", unique=True),
            "value_vi": _text(nullable=True),
            "value_en": _text(nullable=True),
            "source": _source(),
            "note": _text(nullable=True),
        },
    ),
    "timeline": pa.DataFrameSchema(
        {
            "date": _text(pattern=ISO_DATE),
            "kind": _text(allowed=["plan", "it_park", "digital", "admin"]),
            "event_vi": _text(),
            "event_en": _text(),
            "actors_vi": _text(nullable=True),
            "actors_en": _text(nullable=True),
            "outcome_vi": _text(nullable=True),
            "outcome_en": _text(nullable=True),
            "source": _source(),
        },
    ),
    # Exact sentences of a source document (tests check them against data/raw/).
    "quotes": pa.DataFrameSchema(
        {
            "id": _text(pattern=r"^[a-z0-9_]+$", unique=True),
            "page": _text(pattern=r"^[a-z_]+$"),
            "quote_vi": _text(),
            "quote_en": _text(),
            "speaker_vi": _text(),
            "speaker_en": _text(),
            "source": _source(),
        },
    ),
    "digital_indicators": pa.DataFrameSchema(
        {
            "id": _text(pattern=r"^[a-z0-9_]+$", unique=True),
            "label_vi": _text(),
            "label_en": _text(),
            "value": _number(0, nullable=False),
            "unit": _text(allowed=["percent", "count", "rank_of_63"]),
            "as_of": _text(pattern=ISO_DATE),
            "source": _source(),
            "note": _text(nullable=True),
        },
    ),
}

SHARE_COLUMNS = (
    "share_industry_construction_pct",
    "share_services_pct",
    "share_agriculture_pct",
    "share_taxes_pct",
)
SHARE_TARGET_IDS = (
    "share_industry_construction",
    "share_services",
    "share_agriculture",
    "share_taxes",
)
# Published shares are rounded to one or two decimals; more slack than this is an error.
SHARE_SUM_TOLERANCE = 0.6

# --- The commune-level units since 1/7/2025 (issue 16) -------------------------------
# Built by scripts/build_geodata.py; one row per (new unit, former unit it lies in).
UNIT_CODE_RANGE = (25_700, 26_000)  # Decision 19/2025 codes of the 36 units of the former province
UNIT_TYPES = ("ward", "commune")
# Kept shares of one unit are renormalised to 100 and rounded to one decimal each.
UNIT_SHARES_TOLERANCE = 1.0

SCHEMAS["units_2025"] = pa.DataFrameSchema(
    {
        "code": _number(*UNIT_CODE_RANGE, nullable=False, dtype=int),
        "name_vi": _text(pattern=r"^(Phường|Xã) \S"),
        "name_en": _text(pattern=r"^.*\S (Ward|Commune)$"),
        "type": _text(allowed=list(UNIT_TYPES)),
        "area_km2": _number(0.1, 1_000, nullable=False),
        "former_code": pa.Column(int, pa.Check.isin(DISTRICT_CODES), coerce=True),
        "former_name_vi": _text(),
        "zone": pa.Column(int, pa.Check.isin(ZONE_IDS), coerce=True),
        "share_pct": _number(**PERCENT, nullable=False),
        "overlay_share_pct": _number(**PERCENT, nullable=False),
        "dominant": _text(allowed=["true", "false"]),
        "source": _source(),
        "note": _text(nullable=True),
    },
    unique=["code", "former_code"],
)
SCHEMAS["located_areas"] = pa.DataFrameSchema(
    {
        "place_id": _text(pattern=r"^[a-z0-9_]+$", unique=True),
        "area_ref": _text(pattern=r"^(dvhcvn|district|wards_2025):[0-9]+$"),
        "area_name_vi": _text(),
        "area_name_en": _text(),
        "area_kind": _text(allowed=["former_district", "commune_2025"]),
        "quote": _text(),
        "quote_language": _text(allowed=["vi", "en"]),
        "statement_vi": _text(),
        "statement_en": _text(),
        "source": _source(),
        "note": _text(nullable=True),
    },
)

# --- Where each commitment stands now (issue 15) ---------------------------------------
COMMITMENT_KINDS = ("goal", "plan", "it_park", "seaport", "airport", "border_gate")
SCHEMAS["commitments"] = pa.DataFrameSchema(
    {
        "id": _text(pattern=r"^[a-z0-9_]+$", unique=True),
        "kind": _text(allowed=list(COMMITMENT_KINDS)),
        "name_vi": _text(),
        "name_en": _text(),
        # The date of the latest report read: what is known "as of" then, never later.
        "as_of": _text(pattern=ISO_DATE),
        "status_vi": _text(),
        "status_en": _text(),
        "source": _source(),
        # Another row of this file whose source disagrees; both are shown.
        "conflict_with": _text(nullable=True, pattern=r"^[a-z0-9_]+$"),
        "note": _text(nullable=True),
    },
)

# ---- economy vintages (issue 14) -------------------------------------------------------
#: Outturn columns a first published estimate may replace (levels and rates the model reads).
VINTAGE_COLUMNS = (
    "grdp_growth_real_pct",
    "grdp_current_bn_vnd",
    "grdp_per_capita_mn_vnd",
    "grdp_per_capita_usd",
    "population_thousand",
    "vnd_per_usd",
)
SCHEMAS["economy_vintages"] = pa.DataFrameSchema(
    {
        "year": _number(2015, 2030, nullable=False, dtype=int),
        "column": _text(allowed=list(VINTAGE_COLUMNS)),
        # The same bounds as the outturn's widest column: a cell's own bounds apply on use.
        "value": _number(-30, 10_000_000, nullable=False),
        "source": _source(),
        "note": _text(nullable=True),
    },
)
