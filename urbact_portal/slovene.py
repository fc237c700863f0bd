"""A small, conservative Slovene stemmer for search terms.

Slovene inflects nouns and adjectives by case and number: "Ljubljana", "v Ljubljani",
"ljubljanskih mest". Search does not stem the stored text; it stems what the visitor types
and then looks for words that *begin* with the stem, so "Ljubljani" (stem "ljubljan") finds
"Ljubljana", "Ljubljano" and "ljubljanski".

The stemmer works on text already folded by `urbact_portal.search.normalize` (lowercase,
no diacritics: "č" is "c"). It removes at most one inflectional ending, then the adjective
suffix "-sk-" ("ljubljansk" → "ljubljan", "mariborsk" → "maribor"), and never leaves fewer
than MIN_STEM letters. Known limits (see docs/search.md): fleeting vowels ("Koper" / "Kopru",
"urbanizem" / "urbanizma" found from the first form only), stem changes ("otrok" / "otroci"),
and verbs, which are left alone unless they end like a noun.
"""

MIN_STEM = 3
# Noun and adjective endings (folded), longest first so that "-ih" wins over "-h".
ENDINGS = (
    "ama",
    "ami",
    "ega",
    "emu",
    "ema",
    "imi",
    "ima",
    "ah",
    "eh",
    "em",
    "ih",
    "im",
    "om",
    "ov",
    "ev",
    "a",
    "e",
    "i",
    "o",
    "u",
)
ADJECTIVE_SUFFIX = "sk"
MIN_ADJECTIVE_BASE = 4


def stem(word: str) -> str:
    """The stem of one folded word; words that are not purely letters stay as they are."""
    if not word.isalpha() or len(word) <= MIN_STEM:
        return word
    base = word
    for ending in ENDINGS:
        if base.endswith(ending) and len(base) - len(ending) >= MIN_STEM:
            base = base[: -len(ending)]
            break
    if base.endswith(ADJECTIVE_SUFFIX) and len(base) - len(ADJECTIVE_SUFFIX) >= MIN_ADJECTIVE_BASE:
        base = base[: -len(ADJECTIVE_SUFFIX)]
    return base
