"""The chat's own colours, dark and light: ink-blue and teal for reading, amber for what matters.

Chosen for long reading of Arabic text: a calm, slightly warm background, the matched words in
amber (not the default reverse video, which breaks the joined letters' flow), and a focus
colour (teal) distinct from every card border so the student always sees where the keys go.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="chatbot-dark",
    primary="#4F8FBF",
    secondary="#7A8CA8",
    accent="#2BB3A3",
    warning="#E0A43A",
    error="#E0645A",
    success="#5FB27A",
    foreground="#E4E7EB",
    background="#14181F",
    surface="#1B212B",
    panel="#222A36",
    dark=True,
    variables={"input-selection-background": "#2BB3A3 35%", "footer-key-foreground": "#2BB3A3"},
)

LIGHT = Theme(
    name="chatbot-light",
    primary="#2C6A99",
    secondary="#5A6B85",
    accent="#13877A",
    warning="#B87810",
    error="#C0392B",
    success="#2E8B57",
    foreground="#1D232B",
    background="#F6F4EF",
    surface="#FFFFFF",
    panel="#ECE8DF",
    dark=False,
    variables={"input-selection-background": "#13877A 30%", "footer-key-foreground": "#13877A"},
)

THEMES = (DARK, LIGHT)
