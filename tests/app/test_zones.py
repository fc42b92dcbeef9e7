"""The zones page in each language: the map spec, the zone card, the units table, the URL."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from components.deck import picked_unit
from components.light_maps import WARD_COLOUR
from core.data import load_table
from core.i18n import LANGUAGES, Translator
from core.wards import IT_PARK_PLACE, place_names
from tests.app.conftest import outside_code_spans, run_page
from tests.conftest import DATA
from tests.light_map_markup import NS, Parts, parsed, query

PAGE = "pages/zones.py"
ZONE_KEY = "zones-zone"
MAX_MAP_BYTES = 400_000
DISTRICTS = load_table("districts", DATA)
ZONES = load_table("zones", DATA).set_index("id")
CROSSWALK = load_table("units_2025", DATA)
LOCATED = load_table("located_areas", DATA)
IT_PARK = load_table("it_park", DATA)


def no_exception(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def rerun(at, lang: str):
    # AppTest drops the sidebar language radio from its tree after a rerun, so its
    # value is not sent back; re-stating the language keeps this test about this page.
    at.session_state["lang"] = lang
    return at.run()


def deck_spec(at) -> tuple[dict, int]:
    chart = at.get("deck_gl_json_chart")[0]
    return json.loads(chart.proto.json), len(chart.proto.json.encode("utf-8"))


def units_table(at) -> pd.DataFrame:
    """The former units' table, read back from its HTML."""
    [markup] = [h.proto.body for h in at.get("html") if "zones-units" in h.proto.body]
    table = ET.fromstring(markup[markup.index("<table") :])
    head = [th.text for th in table.iter("th")]
    assert all(th.get("scope") == "col" for th in table.iter("th"))
    rows = [[td.text for td in tr.iter("td")] for tr in table.find("tbody")]
    return pd.DataFrame(rows, columns=head)


def card_titles(at) -> list[str]:
    return [h.value for h in at.subheader]


def zone_title(t: Translator, zone: int) -> str:
    row = ZONES.loc[zone]
    return t(
        "zones.card_title",
        zone=t.pick(row["name_vi"], row["name_en"]),
        role=t.pick(row["role_vi"], row["role_en"]),
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_draws_the_map_offline_with_every_unit_once(lang):
    at = run_page(PAGE, lang, map="interactive")
    t = Translator(lang)
    no_exception(at)
    assert at.title[0].value == t("zones.title")

    spec, size = deck_spec(at)
    assert size <= MAX_MAP_BYTES
    # pydeck's sentinel: Streamlit then draws no basemap (an absent style means Carto's).
    assert spec["mapStyle"] == "__MAP_STYLE__"
    assert "mapProvider" not in spec
    ids = [layer["id"].rsplit("-", 1)[0] for layer in spec["layers"]]
    assert {"neighbours", "units", "province", "unit-names"} <= set(ids)
    assert "arcs" not in ids  # optional layers start off
    units = next(layer for layer in spec["layers"] if layer["id"].startswith("units-"))
    assert len(units["data"]["features"]) == 9
    names = next(layer for layer in spec["layers"] if layer["id"].startswith("unit-names-"))
    assert names["characterSet"] == "auto"  # deck.gl draws diacritics only with this
    assert sorted(label["text"] for label in names["data"]) == sorted(
        t.pick(row.name_vi, row.name_en) for row in DISTRICTS.itertuples()
    )

    table = units_table(at)
    unit_column = table[t("zones.col.unit")]
    expected = [t.pick(row.name_vi, row.name_en) for row in DISTRICTS.itertuples()]
    assert sorted(unit_column) == sorted(expected)
    assert unit_column.is_unique
    # Not yet sourced for any unit: no column of "—", one sentence saying why.
    assert list(table.columns) == [t(f"zones.col.{c}") for c in ("unit", "type", "zone", "area")]
    assert not (table == "—").any().any()
    captions = [c.value for c in at.caption]
    assert captions.count(t("zones.population_none")) == 1
    assert t("zones.choose_hint") in [i.value for i in at.info]
    assert at.get("download_button")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tooltips_speak_the_page_language(lang):
    at = run_page(PAGE, lang, map="interactive")
    spec, _ = deck_spec(at)
    units = next(layer for layer in spec["layers"] if layer["id"].startswith("units-"))
    tdm = next(f["properties"] for f in units["data"]["features"] if f["properties"]["code"] == 718)
    assert tdm["tip_title"] == {"vi": "Thủ Dầu Một (thành phố)", "en": "Thủ Dầu Một (city)"}[lang]
    body = tdm["tip_body"]
    assert {"vi": "Diện tích: 118,67 km²", "en": "Area: 118.67 km²"}[lang] in body
    assert {"vi": "Thuộc Khu vực 2", "en": "Part of Zone 2"}[lang] in body
    assert "—" not in body
    assert {"vi": "Dân số", "en": "Population"}[lang] not in body
    assert "Mật độ" not in body
    assert "Density" not in body
    # The template only places escaped field values: no data text becomes markup.
    assert json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)["html"] == (
        "<b>{tip_title}</b><div>{tip_body}</div>"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_choosing_a_zone_changes_the_card_and_the_link(lang):
    at = run_page(PAGE, lang, map="interactive")
    t = Translator(lang)
    at.segmented_control(key=ZONE_KEY).set_value(1)
    rerun(at, lang)
    no_exception(at)
    assert zone_title(t, 1) in card_titles(at)
    card = " ".join(m.value for m in at.markdown)
    assert "Dĩ An" in card  # English keeps the diacritics too
    assert ZONES.loc[1, "quote_vi"][:40] in card.replace("\\", "")
    assert ZONES.loc[1, "quote_en"][:40] in card.replace("\\", "")
    assert at.query_params["zone"] == "1"

    at.segmented_control(key=ZONE_KEY).set_value(3)
    rerun(at, lang)
    no_exception(at)
    assert zone_title(t, 3) in card_titles(at)
    assert zone_title(t, 1) not in card_titles(at)
    assert at.query_params["zone"] == "3"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("zones.metric_area_share")] == {"vi": "61,8%", "en": "61.8%"}[lang]
    assert t("zones.metric_population_share") not in metrics
    assert "—" not in metrics.values()
    assert [c.value for c in at.caption].count(t("zones.population_none")) == 1
    # The chosen zone is outlined on the map and the others are faded.
    spec, _ = deck_spec(at)
    chosen = next(layer for layer in spec["layers"] if layer["id"].startswith("chosen-zone-"))
    assert {f["properties"]["zone"] for f in chosen["data"]["features"]} == {3}
    units = next(layer for layer in spec["layers"] if layer["id"].startswith("units-"))
    alphas = {
        f["properties"]["zone"]: f["properties"]["fill"][3] for f in units["data"]["features"]
    }
    assert alphas[3] == 255
    assert alphas[1] < 255
    assert alphas[2] < 255


def test_the_view_stays_put_when_the_choice_changes():
    at = run_page(PAGE, "vi", map="interactive")
    before, _ = deck_spec(at)
    at.segmented_control(key=ZONE_KEY).set_value(2)
    rerun(at, "vi")
    after, _ = deck_spec(at)
    assert before["initialViewState"] == after["initialViewState"]
    # The connectivity places need the wider view, kept while that layer stays on.
    at.toggle(key="zones-layer-connectivity").set_value(True)
    rerun(at, "vi")
    wide, _ = deck_spec(at)
    assert wide["initialViewState"]["zoom"] < before["initialViewState"]["zoom"]
    at.segmented_control(key=ZONE_KEY).set_value(3)
    rerun(at, "vi")
    assert deck_spec(at)[0]["initialViewState"] == wide["initialViewState"]
    assert at.get("deck_gl_json_chart")[0].proto.id == (
        run_page(PAGE, "vi", map="interactive").get("deck_gl_json_chart")[0].proto.id
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_link_can_choose_the_zone_and_layers(lang):
    at = run_page(PAGE, lang, map="interactive", zone="2", layers="connectivity,it_park")
    t = Translator(lang)
    no_exception(at)
    assert zone_title(t, 2) in card_titles(at)
    assert at.toggle(key="zones-layer-connectivity").value
    assert at.toggle(key="zones-layer-it_park").value
    assert not at.info or all("link" not in i.icon for i in at.info)
    spec, size = deck_spec(at)
    assert size <= MAX_MAP_BYTES
    ids = {layer["id"].rsplit("-", 1)[0] for layer in spec["layers"]}
    assert {"arcs", "places", "place-names", "centre"} <= ids
    # Only places with a sourced position are drawn; the others are listed.
    places = next(layer for layer in spec["layers"] if layer["id"].startswith("places-"))
    assert sorted(p["tip_title"] for p in places["data"]) == sorted(
        {
            "vi": [
                "Cảng hàng không quốc tế Tân Sơn Nhất",
                "Cảng hàng không quốc tế Long Thành",
                "Cửa khẩu quốc tế Mộc Bài",
                "Cửa khẩu quốc tế Hoa Lư",
            ],
            "en": [
                "Tân Sơn Nhất International Airport",
                "Long Thành International Airport",
                "Mộc Bài international border gate",
                "Hoa Lư international border gate",
            ],
        }[lang]
    )
    tsn = next(p for p in places["data"] if "Tân Sơn Nhất" in p["tip_title"])
    assert " 23 km" in tsn["tip_body"]
    # The places with no point are drawn as the area they lie in and listed as such.
    listing = next(m.value for m in at.markdown if t("zones.located.heading") in m.value)
    for name in {
        "vi": ["Cảng Cái Mép–Thị Vải", "Cần Giờ", "Khu công nghệ thông tin tập trung"],
        "en": ["Cái Mép–Thị Vải", "Cần Giờ", "Concentrated IT Park"],
    }[lang]:
        assert name in listing.replace("\\", "")
    assert "Mộc Bài" not in listing
    assert "Hoa Lư" not in listing
    assert not any(t("zones.unlocated_heading") in m.value for m in at.markdown)
    areas = next(layer for layer in spec["layers"] if layer["id"].startswith("located-"))
    assert len(areas["data"]["features"]) == len(LOCATED)
    labels = next(layer for layer in spec["layers"] if layer["id"].startswith("located-names-"))
    assert all(t("zones.located.label") in label["text"] for label in labels["data"])
    # The park's outline is named by the legend, not by a label over the unit names.
    park = t.pick(*place_names(None, IT_PARK)[IT_PARK_PLACE])
    assert labels["data"]
    assert not any(park in label["text"].replace("\n", " ") for label in labels["data"])
    assert t("zones.centre_caption") in [c.value for c in at.caption]
    assert at.query_params["layers"] == "connectivity,it_park"


@pytest.mark.parametrize("value", ["", "abc", "99", "0", "<b>1</b>", "1" * 300, ["1", "2"]])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_bad_zone_in_the_link_falls_back_with_a_notice(lang, value):
    at = run_page(PAGE, lang, map="interactive", zone=value)
    no_exception(at)
    notices = [i.value for i in at.info]
    assert any(Translator(lang)("zones.notice_zone", value="")[:20] in n for n in notices)
    assert at.segmented_control(key=ZONE_KEY).value is None
    assert "zone" not in at.query_params  # the bad value is not written back
    assert all("<b>" not in outside_code_spans(n) for n in notices)


@pytest.mark.parametrize(
    "value", ["", "rivers", "<script>x</script>", "x" * 300, ["connectivity", "it_park"]]
)
def test_bad_layers_in_the_link_fall_back_with_a_notice(value):
    at = run_page(PAGE, "en", map="interactive", layers=value)
    no_exception(at)
    assert any("map layers in the link" in i.value for i in at.info)
    assert not at.toggle(key="zones-layer-connectivity").value
    assert "layers" not in at.query_params


def test_partly_valid_layers_keep_the_valid_part():
    at = run_page(PAGE, "en", map="interactive", layers="connectivity,ring_road_4")
    assert at.toggle(key="zones-layer-connectivity").value
    assert any("map layers in the link" in i.value for i in at.info)
    assert at.query_params["layers"] == "connectivity"


def test_a_picked_unit_names_its_code_and_other_picks_only_count():
    """What the map's selection callback reads from a click (the browser test clicks)."""
    from types import SimpleNamespace

    def event(objects):
        return SimpleNamespace(selection=SimpleNamespace(objects=objects))

    unit = {"type": "Feature", "properties": {"code": 726, "zone": 3}}
    assert picked_unit(event({"units-4": [unit]})) == (True, 726)
    assert picked_unit(event({"places-4": [{"tip_title": "x"}]})) == (True, None)
    assert picked_unit(event({})) == (False, None)
    assert picked_unit(None) == (False, None)
    ward = {"type": "Feature", "properties": {"code": 25750}}
    assert picked_unit(event({"wards-2": [ward]}), "wards") == (True, 25750)
    assert picked_unit(event({"wards-2": [ward]})) == (True, None)


# --- The 2025 wards and communes (issue 16) -------------------------------------------

WARD_QUERY = "zones-ward-query"
MAX_MAP_BYTES_WITH_UNITS = 150_000


def whole_unit_in_each_zone() -> list[int]:
    """For each zone, the first new unit lying wholly in one former unit of that zone."""
    whole = CROSSWALK[CROSSWALK["share_pct"] == 100.0]
    return [int(whole[whole["zone"] == zone]["code"].min()) for zone in sorted(ZONES.index)]


def card_text(at) -> str:
    return " ".join(m.value for m in at.markdown).replace("\\", "")


def layer(spec: dict, name: str) -> dict | None:
    return next((x for x in spec["layers"] if x["id"].rsplit("-", 1)[0] == name), None)


@pytest.mark.parametrize("code", whole_unit_in_each_zone())
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_ward_link_shows_its_former_unit_and_zone(lang, code):
    at = run_page(PAGE, lang, map="interactive", ward=str(code))
    t = Translator(lang)
    no_exception(at)
    row = CROSSWALK[CROSSWALK["code"] == code].iloc[0]
    former = DISTRICTS.set_index("code").loc[row["former_code"]]
    zone = ZONES.loc[row["zone"]]
    assert t.pick(row["name_vi"], row["name_en"]) in card_titles(at)
    text = card_text(at)
    assert t("zones.ward.former_heading") in text
    former_line = t(
        "zones.ward.former_item",
        name=t.pick(former["name_vi"], former["name_en"]),
        type=t(f"zones.unit_type.{former['type']}"),
        share=t.number(100, 1),
        zone=t.pick(zone["name_vi"], zone["name_en"]),
    )
    assert former_line in text
    assert zone["quote_vi"][:40] in text  # the plan's own words for that zone
    assert t("zones.ward.predates", plan_date="")[:30] in " ".join(c.value for c in at.caption)
    assert at.query_params["ward"] == str(code)
    # The chosen unit is outlined on the map even with its layer off; the 36 are not sent.
    spec, _ = deck_spec(at)
    chosen = layer(spec, "chosen-ward")
    assert [f["properties"]["code"] for f in chosen["data"]["features"]] == [code]
    assert layer(spec, "wards") is None


def test_a_split_ward_lists_each_former_unit_and_measures_to_located_areas():
    split = CROSSWALK[~CROSSWALK["dominant"].eq("true")]["code"].iloc[0]
    at = run_page(PAGE, "en", ward=str(split))
    t = Translator("en")
    no_exception(at)
    text = card_text(at)
    for part in CROSSWALK[CROSSWALK["code"] == split].itertuples():
        assert DISTRICTS.set_index("code").loc[part.former_code, "name_en"] in text
        assert t("zones.percent", value=t.number(part.share_pct, 1)) in text
    assert "Tân Sơn Nhất International Airport: " in text
    assert "to the nearest edge of Former Phú Mỹ town" in text


@pytest.mark.parametrize(
    "value", ["<script>alert(1)</script>", "999999", "25760abc", "", ["25760", "25760"]]
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_bad_ward_in_the_link_gives_a_notice_and_no_choice(lang, value):
    at = run_page(PAGE, lang, ward=value)
    t = Translator(lang)
    no_exception(at)
    notices = [i.value for i in at.info]
    assert any(t("zones.ward.notice", value="")[:25] in n for n in notices), notices
    assert all("<script>" not in outside_code_spans(n) for n in notices)
    assert t("zones.ward.former_heading") not in card_text(at)
    assert "ward" not in at.query_params


@pytest.mark.parametrize("lang", LANGUAGES)
def test_typing_a_name_without_diacritics_chooses_it(lang):
    at = run_page(PAGE, lang)
    at.text_input(key=WARD_QUERY).input("tan dong hiep")
    rerun(at, lang)
    no_exception(at)
    assert {"vi": "Phường Tân Đông Hiệp", "en": "Tân Đông Hiệp Ward"}[lang] in card_titles(at)
    code = int(CROSSWALK[CROSSWALK["name_vi"] == "Phường Tân Đông Hiệp"]["code"].iloc[0])
    assert at.query_params["ward"] == str(code)


def test_a_search_that_matches_nothing_offers_the_closest_names():
    at = run_page(PAGE, "vi")
    at.text_input(key=WARD_QUERY).input("phu loj")
    rerun(at, "vi")
    no_exception(at)
    t = Translator("vi")
    assert any(t("zones.ward.no_match", query="")[:20] in i.value for i in at.info)
    labels = [b.label for b in at.button]
    assert "Phường Phú Lợi" in labels
    next(b for b in at.button if b.label == "Phường Phú Lợi").click()
    rerun(at, "vi")
    assert "Phường Phú Lợi" in card_titles(at)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_units_layer_draws_the_36_with_tooltips_and_stays_small(lang):
    code = whole_unit_in_each_zone()[1]
    at = run_page(PAGE, lang, layers="connectivity,it_park,units", ward=str(code), zone="2")
    t = Translator(lang)
    no_exception(at)
    assert at.toggle(key="zones-layer-units").value
    assert at.toggle(key="zones-interactive").value  # a layer in the link opens deck.gl
    assert at.query_params["map"] == "interactive"
    spec, size = deck_spec(at)
    assert size <= MAX_MAP_BYTES_WITH_UNITS, size
    wards = layer(spec, "wards")
    assert len(wards["data"]["features"]) == 36
    props = {f["properties"]["code"]: f["properties"] for f in wards["data"]["features"]}
    row = CROSSWALK[CROSSWALK["code"] == code].iloc[0]
    assert props[code]["tip_title"] == t.pick(row["name_vi"], row["name_en"])
    zone_name = t.pick(ZONES.loc[row["zone"], "name_vi"], ZONES.loc[row["zone"], "name_en"])
    assert props[code]["tip_body"].endswith(t("zones.ward.tip_zone", zones=zone_name))
    assert at.query_params["layers"] == "connectivity,it_park,units"


def test_the_view_stays_put_when_a_ward_is_chosen():
    at = run_page(PAGE, "vi", map="interactive")
    before, _ = deck_spec(at)
    at.text_input(key=WARD_QUERY).input("phu loi")
    at.toggle(key="zones-layer-units").set_value(True)
    rerun(at, "vi")
    after, _ = deck_spec(at)
    assert "Phường Phú Lợi" in card_titles(at)
    assert before["initialViewState"] == after["initialViewState"]


def test_a_damaged_units_file_disables_only_the_lookup(damaged_data):
    (damaged_data / "units_2025.csv").write_text("code,name_vi\nabc,x\n", encoding="utf-8")
    at = run_page(PAGE, "vi", map="interactive", ward="25760")
    t = Translator("vi")
    assert not at.exception, [e.value for e in at.exception]
    assert any("units_2025.csv" in e.value for e in at.error)
    assert len(at.error) == 1
    assert t("zones.ward.disabled") in [c.value for c in at.caption]
    assert not at.text_input
    spec, _ = deck_spec(at)  # the map still works
    assert layer(spec, "units") is not None
    assert len(units_table(at)) == len(DISTRICTS)  # and the former units' table


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_opens_on_the_static_map_and_a_link_asks_for_the_interactive_one(lang):
    t = Translator(lang)
    at = run_page(PAGE, lang)
    assert not at.get("deck_gl_json_chart")  # deck.gl (3 MB, WebGL) only on request
    # The light map is SVG markup, and the wards table waits for its expander: the first
    # view needs neither the Vega nor the data grid's code (issue 19).
    assert len(light_map(at).links) == len(DISTRICTS)
    assert not at.get("vega_lite_chart")
    assert not at.dataframe
    assert not at.toggle(key="zones-interactive").value
    assert "map" not in at.query_params
    at.toggle(key="zones-interactive").set_value(True).run()
    assert at.get("deck_gl_json_chart")
    assert at.query_params["map"] == "interactive"
    bad = run_page(PAGE, lang, map="webgl")
    assert not bad.get("deck_gl_json_chart")
    assert any(t("zones.map_mode.notice", value="`webgl`") in i.value for i in bad.info)


def light_map(at) -> Parts:
    [markup] = [h.proto.body for h in at.get("html") if "svg-map" in h.proto.body]
    return parsed(markup)


def test_the_wards_table_is_drawn_only_while_its_expander_is_open():
    at = run_page(PAGE, "en")
    assert not at.dataframe
    at.session_state["zones-wards-table"] = True
    at = rerun(at, "en")
    no_exception(at)
    [table] = [d.value for d in at.dataframe]
    assert len(table) == len(CROSSWALK)
    assert set(table[Translator("en")("zones.ward.col.unit")]) == set(CROSSWALK["name_en"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_static_map_outlines_the_chosen_ward(lang):
    code = whole_unit_in_each_zone()[0]
    t = Translator(lang)
    at = run_page(PAGE, lang, ward=str(code))
    no_exception(at)
    assert not at.get("deck_gl_json_chart")
    row = CROSSWALK[CROSSWALK["code"] == code].iloc[0]
    name = t.pick(row["name_vi"], row["name_en"])
    assert name in card_titles(at)
    parts = light_map(at)
    outline = [p for p in parts.drawing.iter(f"{NS}path") if p.get("stroke") == WARD_COLOUR]
    assert len(outline) == 1
    assert any(text.text == name for text in parts.drawing.iter(f"{NS}text"))
    assert t("a11y.chart.zone_map_ward", ward=name) in parts.image.get("alt")
    # Each unit's link keeps the ward (and the language) while it chooses a zone.
    for link in parts.links:
        assert query(link)["ward"] == [str(code)]
        assert query(link)["lang"] == [lang]
    # No ward, no outline.
    plain = light_map(run_page(PAGE, lang)).drawing
    assert not [p for p in plain.iter(f"{NS}path") if p.get("stroke") == WARD_COLOUR]


def test_a_zone_in_the_link_fades_the_other_zones_on_the_static_map():
    at = run_page(PAGE, "vi", zone="3")
    no_exception(at)
    parts = light_map(at)
    fills = parts.drawing.findall(f"{NS}path")[: len(parts.links)]
    faded = {
        query(link)["zone"][0]
        for link, path in zip(parts.links, fills, strict=True)
        if path.get("fill-opacity")
    }
    assert faded == {"1", "2"}


def test_switching_a_layer_on_opens_the_interactive_map_and_off_closes_it():
    at = run_page(PAGE, "en")
    at.toggle(key="zones-layer-connectivity").set_value(True)
    rerun(at, "en")
    no_exception(at)
    assert at.toggle(key="zones-interactive").value
    assert layer(deck_spec(at)[0], "places") is not None
    assert at.query_params["map"] == "interactive"
    assert at.query_params["layers"] == "connectivity"
    at.toggle(key="zones-interactive").set_value(False)
    rerun(at, "en")
    assert not at.get("deck_gl_json_chart")
    assert not at.toggle(key="zones-layer-connectivity").value  # the static map draws none
    assert "layers" not in at.query_params
    assert "map" not in at.query_params


@pytest.mark.parametrize("lang", LANGUAGES)
def test_population_comes_back_once_districts_csv_has_it(damaged_data, lang):
    """Not a code path kept by hand: the columns, the share and the tooltip lines
    reappear by themselves when every unit gets a (here invented) population."""
    path = damaged_data / "districts.csv"
    districts = pd.read_csv(path)
    districts["population"] = [100_000 * (i + 1) for i in range(len(districts))]
    districts["population_year"] = 2019
    districts.to_csv(path, index=False)
    at = run_page(PAGE, lang, zone="1", map="interactive")
    t = Translator(lang)
    no_exception(at)
    table = units_table(at)
    assert t("zones.col.population") in table.columns
    assert t("zones.col.density") in table.columns
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("zones.metric_population_share")] != "—"
    captions = [c.value for c in at.caption]
    assert t("zones.population_none") not in captions
    assert t("zones.population_some") not in captions
    spec, _ = deck_spec(at)
    units = next(layer for layer in spec["layers"] if layer["id"].startswith("units-"))
    assert all(
        {"vi": "Dân số:", "en": "Population:"}[lang] in f["properties"]["tip_body"]
        for f in units["data"]["features"]
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_details_labels_legend_and_the_basemap_caption(lang):
    t = Translator(lang)
    at = run_page(PAGE, lang, layers="connectivity,it_park", ward="25760", map="interactive")
    no_exception(at)
    assert [c.value for c in at.caption].count(t("zones.basemap_offline")) == 1
    spec, _ = deck_spec(at)
    layers = {layer["id"].rsplit("-", 1)[0]: layer for layer in spec["layers"]}
    # Thuận An and Dĩ An anchored away from each other instead of both centred.
    anchors = {label["text"]: label["anchor"] for label in layers["unit-names"]["data"]}
    assert anchors["Thuận An"] == "end"
    assert anchors["Dĩ An"] == "start"
    assert anchors["Bến Cát"] == "middle"
    # "Hoa Lư" stays on one line: no line ends with a lone word of the name.
    hoa_lu = next(p["text"] for p in layers["place-names"]["data"] if "Hoa L" in p["text"])
    assert all(" " in line for line in hoa_lu.split("\n")[:-1]), hoa_lu
    # The chosen ward's name sits above its point, off the former units' names.
    assert layers["chosen-ward-name"]["getAlignmentBaseline"] == "bottom"
    legend = " ".join(h.proto.body for h in at.get("html"))
    assert t("zones.legend_ward") in legend
    assert t("zones.located.legend") in legend
