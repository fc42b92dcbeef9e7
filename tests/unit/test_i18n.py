"""The two catalogs: complete, non-empty, same placeholders, and every key the code uses."""

from __future__ import annotations

import re
import string

from core.i18n import LANGUAGES, Translator, catalog, format_iso_date, format_number
from tests.conftest import REPO

# Literal keys in calls such as t("economy.title") or t(f"nav.{section}") (prefix only).
KEY_CALL = re.compile(r"""\bt\(\s*(f?)["']([a-z_]+\.[a-z0-9_.{}]+)["']""")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_catalogs_have_the_same_keys():
    assert set(catalog("vi")) == set(catalog("en"))


def test_no_entry_is_empty_and_placeholders_agree():
    for key, vi_text in catalog("vi").items():
        en_text = catalog("en")[key]
        assert vi_text.strip(), key
        assert en_text.strip(), key
        assert placeholders(vi_text) == placeholders(en_text), key


def test_every_key_used_in_the_code_exists():
    keys = set(catalog("vi"))
    sources = [*REPO.glob("app.py"), *REPO.glob("pages/*.py"), *REPO.glob("components/*.py")]
    missing = []
    for path in sources:
        for is_format, key in KEY_CALL.findall(path.read_text(encoding="utf-8")):
            if is_format:
                prefix = key.split("{")[0]
                if not any(known.startswith(prefix) for known in keys):
                    missing.append(f"{path.name}: {key}")
            elif key not in keys:
                missing.append(f"{path.name}: {key}")
    assert missing == []


def test_every_tab_of_every_page_has_a_label_in_both_languages():
    from components.navigation import PAGES

    wanted = {f"{page.section}.view.{view}" for page in PAGES for view in page.views}
    assert wanted
    assert wanted <= set(catalog("vi"))
    labelled = {key for key in catalog("vi") if re.fullmatch(r"[a-z_]+\.view\.[a-z_]+", key)}
    assert labelled == wanted  # no label left over from a tab that is gone


def test_vietnamese_and_english_number_formats():
    assert [format_number(15800, lang) for lang in LANGUAGES] == ["15.800", "15,800"]
    assert [format_number(4.04, lang, 2) for lang in LANGUAGES] == ["4,04", "4.04"]
    assert format_number(float("nan"), "vi") == "—"


def test_dates_read_naturally():
    assert format_iso_date("2024-08-03", "vi") == "3/8/2024"
    assert format_iso_date("2024-08-03", "en") == "3 August 2024"


def test_missing_key_shows_itself_instead_of_failing():
    assert Translator("vi")("nowhere.to_be_found") == "nowhere.to_be_found"
