"""The chat's own colours, dark and light: ink-blue and teal for reading, amber for what matters.

Chosen for long reading of Arabic text: a calm, slightly warm background, the matched words in
amber (not the default reverse video, which breaks the joined letters' flow), and a focus
colour (teal) distinct from every card border so the student always sees where the keys go.
"""

from __future__ import annotations

from textual.theme import Theme

# One palette a row, in the order of COLOURS; the last column is the selection's tint.
COLOURS = ("primary", "secondary", "accent", "warning", "error", "success", "foreground", "background",
           "surface", "panel")
_PALETTES = {
    "chatbot-dark": ("#4F8FBF", "#7A8CA8", "#2BB3A3", "#E0A43A", "#E0645A", "#5FB27A", "#E4E7EB", "#14181F",
                     "#1B212B", "#222A36", "35%"),
    "chatbot-light": ("#2C6A99", "#5A6B85", "#13877A", "#B87810", "#C0392B", "#2E8B57", "#1D232B", "#F6F4EF",
                      "#FFFFFF", "#ECE8DF", "30%"),
}


def _theme(name: str, dark: bool) -> Theme:
    *colours, tint = _PALETTES[name]
    palette = dict(zip(COLOURS, colours, strict=True))
    variables = {"input-selection-background": f"{palette['accent']} {tint}", "footer-key-foreground": palette["accent"]}
    return Theme(name=name, dark=dark, variables=variables, **palette)


DARK = _theme("chatbot-dark", dark=True)
LIGHT = _theme("chatbot-light", dark=False)
THEMES = (DARK, LIGHT)
