"""The label-placement geometry the map's neighbour names are moved with (core.map_labels)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.map_labels import clear_spot, lon_lat, meets, pixels

VIEW = (106.65, 11.1, 8.2)
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[106, 10], [107, 10], [107, 11], [106, 11], [106, 10]]],
}


@given(st.floats(-300, 300), st.floats(-300, 300))
def test_lon_lat_undoes_pixels(x, y):
    back = pixels(lon_lat((x, y), VIEW), VIEW)
    assert back == pytest.approx((x, y), abs=1e-6)


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        (((-10, 5), (20, 5)), True),  # straight through
        (((-10, -10), (-1, -1)), False),  # stops short
        (((0, 20), (20, 0)), True),  # across a corner's diagonal
        (((12, 0), (12, 10)), False),  # beside it
        (((5, 5), (6, 6)), True),  # wholly inside
    ],
)
def test_a_segment_meets_a_box_only_where_it_passes_through(segment, expected):
    assert meets(segment, (0, 0, 10, 10)) is expected


def test_a_name_moves_to_the_nearest_spot_clear_of_a_box_in_its_area():
    inside = pixels((106.5, 10.5), VIEW)
    blocked = (inside[0] - 30, inside[1] - 30, inside[0] + 30, inside[1] + 30)
    bounds = [(-400, -400, 400, 400)]
    spot = clear_spot(SQUARE, (106.5, 10.5), (40, 10), VIEW, bounds, ([blocked], [], None))
    assert spot is not None
    x, y = pixels(spot, VIEW)
    # Just off the blocked box, on the side nearest where it was.
    assert not (
        blocked[0] < x + 20 and x - 20 < blocked[2] and blocked[1] < y + 5 and y - 5 < blocked[3]
    )
    assert abs(x - inside[0]) < 60
    assert abs(y - inside[1]) < 60
    # Nowhere to go: the whole area lies under another name.
    everywhere = ([(-2000, -2000, 2000, 2000)], [], None)
    assert clear_spot(SQUARE, (106.5, 10.5), (40, 10), VIEW, bounds, everywhere) is None
