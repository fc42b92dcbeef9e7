"""The zones page in each language: the map spec, the zone card, the units table, the URL."""

from __future__ import annotations

import json

import pytest

from components.deck import picked_unit
from core.data import load_table
from core.i18n import LANGUAGES, Translator
from tests.app.conftest import outside_code_spans, run_page
from tests.conftest import DATA

PAGE = "pages/zones.py"
ZONE_KEY = "zones-zone"
MAX_MAP_BYTES = 400_000
DISTRICTS = load_table("districts", DATA)
ZONES = load_table("zones", DATA).set_index("id")


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

    table = at.table[0].value
    unit_column = table[t("zones.col.unit")]
    expected = [t.pick(row.name_vi, row.name_en) for row in DISTRICTS.itertuples()]
    assert sorted(unit_column) == sorted(expected)
    assert unit_column.is_unique
    assert (table[t("zones.col.population")] == "—").all()  # not yet sourced
    assert (table[t("zones.col.density")] == "—").all()
    assert t("zones.population_missing") in [c.value for c in at.caption]
    assert t("zones.choose_hint") in [i.value for i in at.info]
    assert at.get("download_button")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tooltips_speak_the_page_language(lang):
    at = run_page(PAGE, lang, map="interactive")
    spec, _ = deck_spec(at)
    units = next(layer for layer in spec["layers"] if layer["id"].startswith("units-"))
    tdm = next(f["properties"] for f in units["data"]["features"] if f["properties"]["code"] == 718)
    assert tdm["tip_title"] == {"vi": "Thủ Dầu Một (thành phố)", "en": "Thu Dau Mot (city)"}[lang]
    body = tdm["tip_body"]
    assert {"vi": "Diện tích: 118,67 km²", "en": "Area: 118.67 km²"}[lang] in body
    assert {"vi": "Thuộc Khu vực 2", "en": "Part of Zone 2"}[lang] in body
    assert Translator(lang)("zones.tip.population_missing") in body
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
    assert "Dĩ An" in card or "Di An" in card
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
    assert metrics[t("zones.metric_population_share")] == "—"
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
    at.toggle(key="zones-layer-connectivity").set_value(True)
    rerun(at, "vi")
    after, _ = deck_spec(at)
    assert before["initialViewState"] == after["initialViewState"]
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
    listing = next(m.value for m in at.markdown if t("zones.unlocated_heading") in m.value)
    for name in {
        "vi": ["Cảng Cái Mép–Thị Vải", "Cần Giờ", "Khu công nghệ thông tin tập trung"],
        "en": ["Cái Mép–Thị Vải", "Cần Giờ", "Concentrated IT Park"],
    }[lang]:
        assert name in listing
    assert "Mộc Bài" not in listing
    assert "Hoa Lư" not in listing
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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_opens_on_the_static_map_and_a_link_asks_for_the_interactive_one(lang):
    t = Translator(lang)
    at = run_page(PAGE, lang)
    assert not at.get("deck_gl_json_chart")  # deck.gl (3 MB, WebGL) only on request
    assert len(at.get("vega_lite_chart")) == 1
    assert not at.toggle(key="zones-interactive").value
    assert "map" not in at.query_params
    at.toggle(key="zones-interactive").set_value(True).run()
    assert at.get("deck_gl_json_chart")
    assert at.query_params["map"] == "interactive"
    bad = run_page(PAGE, lang, map="webgl")
    assert not bad.get("deck_gl_json_chart")
    assert any(t("zones.map_mode.notice", value="`webgl`") in i.value for i in bad.info)
