"""The benchmark's floor: the least a Streamlit page can be — one slider, one line of text.

bench_app.py measures the explorer as ratios to this app, served by the same Streamlit in
the same run, so a slow or noisy machine moves both numbers together.
"""

import streamlit as st

value = st.slider("Value", min_value=0, max_value=100, value=50, key="floor")
st.text(f"Value: {value}")
