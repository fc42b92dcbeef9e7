"""Search that ignores Vietnamese diacritics, and query text that is safe to keep."""

from __future__ import annotations

import unicodedata

import pytest

from core.text import QUERY_MAX_LENGTH, clean_query, filter_rows, fold, matches, parse_choice


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("đô thị", "do thi"),
        ("ĐÔ THỊ XANH", "do thi xanh"),
        ("Thủ Dầu Một", "thu dau mot"),
        ("Bắc Tân Uyên", "bac tan uyen"),
        ("Hòa Phú", "hoa phu"),
        ("Cái Mép–Thị Vải", "cai mep–thi vai"),
        ("  nhiều   khoảng\ttrắng ", "nhieu khoang trang"),
        ("", ""),
    ],
)
def test_fold_strips_marks_maps_d_and_case(text, folded):
    assert fold(text) == folded


def test_fold_treats_composed_and_decomposed_text_alike():
    composed = "Đồng Nai"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert fold(composed) == fold(decomposed) == "dong nai"


@pytest.mark.parametrize("query", ["do thi", "đô thị", "ĐO THI", "Do  Thị", " khu do "])
def test_query_with_or_without_diacritics_finds_the_text(query):
    assert matches(query, "Phát triển các khu đô thị, dịch vụ mới")


def test_d_with_stroke_is_d():
    assert matches("dong", "sông Đồng Nai")
    assert matches("Đồng", "song dong nai")


def test_the_query_is_a_phrase_not_loose_words():
    assert matches("tan uyen", "Xanh hóa", None, "Bắc Tân Uyên")
    assert not matches("thi do", "Phát triển các khu đô thị")
    # "do" and "thi" both occur here, but not as the phrase "do thi".
    assert not matches("do thi", "cảng hàng không Long Thành; Cái Mép Thị Vải; độ")


def test_empty_query_matches_all_and_missing_texts_are_skipped():
    assert matches("", "anything")
    assert matches("   ")
    assert not matches("do thi", None, float("nan"))


def test_filter_rows_over_mappings():
    rows = [
        {"title": "Xanh hóa nền kinh tế", "places": None},
        {"title": "Đô thị mới", "places": "Dĩ An"},
    ]
    assert filter_rows("di an", rows, ["title", "places"]) == [rows[1]]
    assert filter_rows("", rows, ["title"]) == rows


def test_filter_rows_searches_extra_texts_too():
    rows = [{"title": "Xanh hóa", "tags": "môi trường"}, {"title": "Đô thị", "tags": "nhà ở"}]

    def tags(row: dict) -> list[str]:
        return [row["tags"]]

    assert filter_rows("moi truong", rows, ["title"], extra=tags) == [rows[0]]
    assert filter_rows("moi truong", rows, ["title"]) == []


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("đô thị", "đô thị"),
        ("  do   thi  ", "do thi"),
        (["first", "last"], "last"),
        ([], ""),
        (None, ""),
        (42, ""),
        ("a\x00b\u200bc\nd", "a b c d"),
    ],
)
def test_clean_query(raw, cleaned):
    assert clean_query(raw) == cleaned


def test_clean_query_caps_length_and_recomposes():
    assert len(clean_query("x" * 500)) == QUERY_MAX_LENGTH
    assert clean_query(unicodedata.normalize("NFD", "đô thị")) == "đô thị"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ([], (None, None)),
        (["whatif"], ("whatif", None)),
        ([" WhatIf "], ("whatif", None)),
        (["nothing"], (None, "nothing")),
        ([""], (None, "")),
        (["targets", "whatif"], (None, "targets,whatif")),
    ],
)
def test_a_choice_from_a_link_is_known_or_rejected_with_its_text(raw, expected):
    assert parse_choice(raw, ("targets", "structure", "whatif")) == expected


def test_map_labels_wrap_at_spaces_without_a_lone_last_word():
    from core.text import label_lines

    assert label_lines("Cửa khẩu quốc tế Hoa Lư") == "Cửa khẩu quốc tế Hoa Lư"
    assert label_lines("Cảng hàng không quốc tế Long Thành") == (
        "Cảng hàng không quốc tế\nLong Thành"
    )
    assert label_lines("Cửa khẩu quốc tế Hoa Lư", width=20) == "Cửa khẩu quốc tế\nHoa Lư"
    assert label_lines("Dĩ An") == "Dĩ An"
