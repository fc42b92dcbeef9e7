"""The five-tasks page in each language: five cards, the filter with and without diacritics."""

from __future__ import annotations

import pytest

from core.i18n import LANGUAGES, Translator
from tests.app.conftest import outside_code_spans, run_page

TASK_HEADINGS = {
    "vi": ("Nhiệm vụ 1.", "Nhiệm vụ 5."),
    "en": ("Task 1.", "Task 5."),
}


def headings(at) -> list[str]:
    return [header.value for header in at.subheader]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_five_tasks_with_their_words_and_indicators(lang):
    at = run_page("pages/tasks.py", lang)
    t = Translator(lang)
    assert not at.exception
    assert [error.value for error in at.error] == []
    assert at.title[0].value == t("tasks.title")
    tasks = [h for h in headings(at) if h.startswith(TASK_HEADINGS[lang][0][:4])]
    assert len(tasks) == 5
    assert tasks[0].startswith(TASK_HEADINGS[lang][0])
    assert tasks[-1].startswith(TASK_HEADINGS[lang][1])
    text = "\n".join(m.value for m in at.markdown)
    # The article's Vietnamese words are quoted in both languages; the translation beside them.
    assert "Cái Mép Thị Vải" in text
    assert "especially connections to seaports" in text
    # Each quotation in the reader's language; the other language folded away under it.
    shown, folded = ("quote_label", "translation_label")[:: 1 if lang == "vi" else -1]
    assert f"**{t(f'tasks.{shown}')}**" in text
    assert f"**{t(f'tasks.{folded}')}**" not in text
    # Five tasks and the article's announcement of them.
    assert [e.label for e in at.expander].count(t(f"tasks.{folded}")) == 6
    # The curators' notes (English, naming the project's tables) stay in the data.
    every_text = text + "\n".join(c.value for c in at.caption)
    assert "editorial reading" not in every_text
    assert "plan_targets" not in every_text
    # Indicators rendered by target_text in the reader's number format.
    assert {"vi": "trên 87%", "en": "above 87%"}[lang] in text
    assert "**30%**" in text
    assert "**99%**" in text
    assert "**95%**" in text
    # The grouping into five is said to be the editors' reading.
    assert t("tasks.editorial_note") in [info.value for info in at.info]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("query", ["do thi", "đô thị", "ĐÔ THỊ"])
def test_filter_ignores_diacritics(lang, query):
    at = run_page("pages/tasks.py", lang, q=query)
    assert not at.exception
    prefix = TASK_HEADINGS[lang][0][:4]
    shown = [h for h in headings(at) if h.startswith(prefix)]
    numbers = sorted(int(h.split(".")[0].split()[-1]) for h in shown)
    # Tasks 4 (đô thị xanh) and 5 (khu đô thị) name "đô thị"; 1–3 do not.
    assert numbers == [4, 5]
    assert Translator(lang)("tasks.shown", shown=2, total=5) in [c.value for c in at.caption]


def test_typing_in_the_filter_narrows_the_tasks():
    at = run_page("pages/tasks.py", "vi")
    at.text_input(key="q").input("do thi").run()
    assert not at.exception
    shown = [h for h in headings(at) if h.startswith("Nhiệm vụ")]
    assert [h.split(".")[0] for h in shown] == ["Nhiệm vụ 4", "Nhiệm vụ 5"]
    at.text_input(key="q").input("").run()
    assert len([h for h in headings(at) if h.startswith("Nhiệm vụ")]) == 5


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", "x" * 500, "[a](http://e.com)"])
def test_odd_queries_from_the_url_are_plain_text(query):
    at = run_page("pages/tasks.py", "vi", q=query)
    assert not at.exception
    assert not [h for h in headings(at) if h.startswith("Nhiệm vụ")]
    notice = at.info[-1].value
    live = outside_code_spans(notice)
    assert "<script>" not in live
    assert "](" not in live
    assert len(notice) < 200


def test_connectivity_task_links_to_the_map_layer():
    at = run_page("pages/tasks.py", "en")
    links = at.get("page_link")
    assert len(links) == 1
    assert links[0].proto.page == "zones"
    assert links[0].proto.query_string == "lang=en&layers=connectivity"
