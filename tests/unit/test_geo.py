"""Plain geometry behind the zones map, checked against values computed independently."""

from __future__ import annotations

import json
import math

import pytest

from core.geo import (
    bbox,
    centroid,
    contains,
    density,
    fit_view,
    haversine_km,
    layers_param,
    parse_layers,
    parse_zone,
    representative_point,
    shares,
)
from tests.conftest import DATA
from tests.map_pixels import to_pixel

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]}
# A 4x4 square with a 2x2 hole in its lower-left quarter: the centroid moves up-right.
HOLED = {
    "type": "Polygon",
    "coordinates": [
        [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
        [[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]],
    ],
}
# An L shape whose centroid lies outside it: the label point must not.
ELL = {
    "type": "Polygon",
    "coordinates": [[[0, 0], [10, 0], [10, 1], [1, 1], [1, 10], [0, 10], [0, 0]]],
}
TAN_SON_NHAT = (106.65194, 10.81889)


def districts() -> dict:
    return json.loads((DATA / "geo" / "districts.geojson").read_text(encoding="utf-8"))


def test_centroid_of_square_hole_and_multipolygon():
    assert centroid(SQUARE) == pytest.approx((1, 1))
    # (16 * (2, 2) - 4 * (1, 1)) / 12
    assert centroid(HOLED) == pytest.approx((28 / 12, 28 / 12))
    two = {
        "type": "MultiPolygon",
        "coordinates": [SQUARE["coordinates"], [[[10, 0], [12, 0], [12, 2], [10, 2], [10, 0]]]],
    }
    assert centroid(two) == pytest.approx((6, 1))


def test_centroid_ignores_winding_direction():
    clockwise = {"type": "Polygon", "coordinates": [SQUARE["coordinates"][0][::-1]]}
    assert centroid(clockwise) == pytest.approx((1, 1))


def test_contains_respects_holes():
    assert contains(HOLED, (3, 3))
    assert not contains(HOLED, (1, 1))
    assert not contains(SQUARE, (3, 1))


def test_label_point_lies_inside_even_when_the_centroid_does_not():
    assert not contains(ELL, centroid(ELL))
    assert contains(ELL, representative_point(ELL))


def test_every_unit_label_lies_inside_its_unit():
    for feature in districts()["features"]:
        assert contains(feature["geometry"], representative_point(feature["geometry"]))


def test_label_point_can_be_kept_inside_a_view():
    point = representative_point(SQUARE, within=(1.5, 1.5, 5, 5))
    assert 1.5 < point[0] < 2
    assert 1.5 < point[1] < 2


def test_thu_dau_mot_centroid_is_in_the_city():
    tdm = next(f for f in districts()["features"] if f["properties"]["code"] == 718)
    lon, lat = centroid(tdm["geometry"])
    west, south, east, north = bbox(tdm["geometry"])
    assert west < lon < east
    assert south < lat < north
    assert contains(tdm["geometry"], (lon, lat))
    assert (lon, lat) == pytest.approx((106.66, 11.02), abs=0.03)


def test_haversine_against_independent_values():
    # One degree of latitude on the mean sphere: 2 * pi * 6371.0088 / 360.
    assert haversine_km((0, 0), (0, 1)) == pytest.approx(111.195, abs=0.001)
    assert haversine_km((106, 11), (106, 11)) == 0
    assert haversine_km((106.7, 11.0), TAN_SON_NHAT) == pytest.approx(
        haversine_km(TAN_SON_NHAT, (106.7, 11.0))
    )


def test_tan_son_nhat_to_thu_dau_mot_is_about_twenty_km():
    tdm = next(f for f in districts()["features"] if f["properties"]["code"] == 718)
    km = haversine_km(centroid(tdm["geometry"]), TAN_SON_NHAT)
    # Flat-earth check at this latitude: 0.0127° of lon, 0.203° of lat.
    lon, lat = centroid(tdm["geometry"])
    flat = math.hypot(
        (lon - TAN_SON_NHAT[0]) * 111.195 * math.cos(math.radians(10.9)),
        (lat - TAN_SON_NHAT[1]) * 111.195,
    )
    assert km == pytest.approx(flat, rel=0.002)
    assert 18 < km < 27


def test_density_needs_a_positive_population_and_area():
    assert density(11867, 118.67) == pytest.approx(100)
    assert density(None, 100) is None
    assert density(float("nan"), 100) is None
    assert density(0, 100) is None
    assert density(1000, 0) is None
    assert density("not a number", 100) is None


def test_shares_sum_to_100_and_refuse_gaps():
    result = shares({1: 143.72, 2: 884.57, 3: 1664.8})
    assert sum(result.values()) == pytest.approx(100)
    assert result[3] == pytest.approx(61.8, abs=0.05)
    assert shares({1: 10, 2: None}) is None
    assert shares({1: 0, 2: 0}) is None
    assert shares({}) is None


def test_fit_view_and_pixels_agree():
    box = (106.3, 10.8, 107.0, 11.5)
    view = fit_view(box, 700, 560, padding=20)
    corners = [
        to_pixel((box[0], box[3]), view, 700, 560),
        to_pixel((box[2], box[1]), view, 700, 560),
    ]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    assert min(xs) >= 19.9
    assert max(xs) <= 680.1
    assert min(ys) >= 19.9
    assert max(ys) <= 540.1
    # The tighter side touches the padding exactly.
    assert min(xs) == pytest.approx(20, abs=0.1) or min(ys) == pytest.approx(20, abs=0.1)
    assert to_pixel((view[0], view[1]), view, 700, 560) == pytest.approx((350, 280))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ([], (None, None)),
        (["2"], (2, None)),
        ([" 3 "], (3, None)),
        ([""], (None, "")),
        (["abc"], (None, "abc")),
        (["99"], (None, "99")),
        (["0"], (None, "0")),
        (["<b>1</b>"], (None, "<b>1</b>")),
        (["1" * 500], (None, "1" * 500)),
        (["1", "2"], (None, "1,2")),
    ],
)
def test_zone_from_the_link(raw, expected):
    assert parse_zone(raw, [1, 2, 3]) == expected


@pytest.mark.parametrize(
    ("raw", "layers", "rejected"),
    [
        ([], (), False),
        (["connectivity"], ("connectivity",), False),
        (["it_park,connectivity"], ("connectivity", "it_park"), False),
        (["connectivity,connectivity"], ("connectivity",), False),
        (["connectivity,rivers"], ("connectivity",), True),
        ([""], (), True),
        (["<script>alert(1)</script>"], (), True),
        (["connectivity," * 50], (), True),
        (["connectivity", "it_park"], (), True),
    ],
)
def test_layers_from_the_link(raw, layers, rejected):
    chosen, bad = parse_layers(raw)
    assert chosen == layers
    assert (bad is not None) == rejected


def test_layers_round_trip_through_the_url():
    assert layers_param(["it_park", "connectivity"]) == "connectivity,it_park"
    assert parse_layers([layers_param(["it_park"])]) == (("it_park",), None)
    assert layers_param([]) == ""


def test_rounded_keeps_rings_closed_and_drops_repeats():
    from core.geo import rounded

    square = {
        "type": "Polygon",
        "coordinates": [[[0, 0], [0.00001, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
    }
    ring = rounded(square, 3)["coordinates"][0]
    assert ring == [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    tiny = {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1e-5, 0], [1e-5, 1e-5], [0, 0]]]]}
    assert len(rounded(tiny, 3)["coordinates"][0][0]) == 4
