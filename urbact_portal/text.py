"""Shortening text for cards and descriptions: cut at a word boundary, with an ellipsis."""

import re

ELLIPSIS = "…"
# Punctuation that would dangle before the ellipsis ("mesta, …").
_TRAILING = " \t\n,;:–—-(/"


def shorten(text, limit):
    """`text` with its whitespace collapsed, at most `limit` characters long (the ellipsis
    included). A longer text is cut after its last whole word that fits and ends with "…";
    a single word longer than the limit is cut inside it, as nothing else fits."""
    text = re.sub(r"\s+", " ", str(text or "")).strip()
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    cut = text[: room + 1]  # one more: is the character after the room a space?
    if cut[-1] == " ":
        head = cut[:-1]
    else:
        space = cut.rfind(" ")
        head = cut[:space] if space > 0 else text[:room]
    head = head.rstrip(_TRAILING)
    return f"{head}{ELLIPSIS}" if head else text[:room] + ELLIPSIS
