"""The accessibility statement (issue 17): what was tested, how, the known limits and
how to report a problem. Shown on the Sources page; every word is in core/locales/*/a11y.toml."""

from __future__ import annotations

import streamlit as st

from core.i18n import Translator

PARTS = ("tested", "how", "limits", "report")


def statement(t: Translator) -> None:
    st.subheader(t("a11y.statement.heading"))
    st.markdown(t("a11y.statement.intro"))
    st.markdown(
        "\n".join(
            f"- **{t(f'a11y.statement.{part}_label')}:** {t(f'a11y.statement.{part}')}"
            for part in PARTS
        )
    )
