"""The Okabe–Ito palette (safe for the common colour-vision deficiencies), in one place
for every chart, map legend and timeline of the app.

tests/unit/test_palette.py checks contrast and colour-vision distances of what is drawn."""

from core.palette_check import contrast

BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
BLACK = "#000000"
GREY = "#767676"  # not Okabe–Ito: a neutral that keeps 4.5:1 contrast on white
INK = "#111111"  # text
WHITE = "#FFFFFF"
# Not Okabe–Ito, for marks that need 3:1 on white and stay apart from the rest:
BROWN = "#663300"  # a third saved scenario (Okabe–Ito orange is 2.2:1, dark orange ≈ vermilion)
DARK_GREY = "#4D4D4D"  # "other" and admin lanes (#767676 is too near green for a deuteranope)
# A headline card's change line, above or below the target (with an arrow, never colour
# alone): Streamlit's own green and red are under 4.5:1 on white at that size.
UP = "#1A7F37"
DOWN = "#C62828"


def label_on(fill: str) -> str:
    """INK or white, whichever reads better on ``fill``: text on a bar needs 4.5:1."""
    return INK if contrast(INK, fill) >= contrast(WHITE, fill) else WHITE
