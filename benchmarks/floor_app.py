"""The benchmark's floor: the least a Streamlit page can be — one slider, one line of text.

bench_app.py measures the explorer as ratios to this app, served by the same Streamlit in
the same run, so a slow or noisy machine moves both numbers together.

The same page is served at ``/`` and at ``/floor`` (no navigation shown). A page opened by
its own URL below the root (a shared link to /economy) costs Streamlit an extra round
trip before it connects: the browser first probes /economy/_stcore/health, gets a 404 and
retries at the root after a fixed 100 ms delay (streamlit/streamlit#7074). The explorer's
pages below the root are compared with the floor at /floor, which pays the same probe;
the home page with the floor at /.
"""

import streamlit as st


def floor() -> None:
    value = st.slider("Value", min_value=0, max_value=100, value=50, key="floor")
    st.text(f"Value: {value}")


st.navigation(
    [
        st.Page(floor, title="Floor", url_path="root", default=True),
        st.Page(floor, title="Floor below the root", url_path="floor"),
    ],
    position="hidden",
).run()
