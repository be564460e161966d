from datetime import date

from maps.permalink import MapLink


def test_link_state_round_trips_and_bad_values_are_dropped():
    link = MapLink((40.5, 135.25), 5, date(2021, 11, 19), 6, "seed-2021-11-19-joint-patrol")
    assert MapLink.from_params(link.to_params()) == link
    bad = MapLink.from_params({"view": "91,10,5", "t": "2021-13-01", "w": "3", "event": "<script>"})
    assert bad == MapLink()
    assert MapLink.from_params({"view": "10,20,x"}).center is None


def test_bbox_of_a_view_matches_web_mercator():
    w, s, e, n = map(float, MapLink((0.0, 0.0), 2).bbox(1024, 512).split(","))
    # at zoom 2 the world is 1024 px wide: the whole width, and half the height around the equator
    assert (w, e) == (-180.0, 180.0)
    assert 66 < n < 67 and -67 < s < -66
    w, s, e, n = map(float, MapLink((50.0, 175.0), 5).bbox(1100, 640).split(","))
    assert w > e  # straddles the antimeridian: 550 px at 0.044°/px each side of 175°E
    assert abs(w - 150.83) < 0.01 and abs(e + 160.83) < 0.01 and s < 50 < n
    assert MapLink().bbox() is None
