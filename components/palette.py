"""The Okabe–Ito palette (safe for the common colour-vision deficiencies), in one place
for every chart, map legend and timeline of the app."""

BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
BLACK = "#000000"
GREY = "#767676"  # not Okabe–Ito: a neutral that keeps 4.5:1 contrast on white
INK = "#111111"  # text
