"""First version of this page: the curated table it stands on, with its sources."""

import streamlit as st

from components.cards import download_csv, page_header, source_footer
from components.data_ui import require

page_header("zones")
(frame,) = require("districts")
st.dataframe(frame, hide_index=True)
source_footer(frame["source"])
download_csv(frame, "districts", key="download-districts")
