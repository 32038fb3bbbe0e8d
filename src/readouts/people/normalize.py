"""Tokenising and normalising names, shared by the build and the runtime.

The build turns every alias into a key with ``name_key`` and the runtime tokenises
sentences with ``tokenize`` and folds each token with ``fold``: both sides go
through the same functions, so a key built from "Recep Tayyip Erdoğan" matches
"Recep Tayyip Erdogan", "Kim Jong-un" matches "Kim Jong Un" and "Zelenskiy"
matches "Zelenskyy".
"""
from __future__ import annotations

import functools
import re
import unicodedata

# One token: an abbreviation of single letters with dots (U.S., U.N., U.A.E.), a word
# (letters/digits with inner apostrophes: O'Brien, Sa'id), a possessive 's, or one
# character of punctuation. Hyphens split words ("Jong-un" -> "Jong", "un") so that
# hyphenated and spaced spellings meet.
_TOKEN = re.compile(
    r"(?P<abbr>(?:[^\W\d_]\.){2,})"
    r"|(?P<word>[^\W_]+(?:['’](?![sS]\b)[^\W_]+)*)"
    r"|(?P<poss>['’][sS]\b)"
    r"|(?P<punct>[^\w\s])"
)

# Abbreviations that keep their trailing period (so "Mr." is one token and does not
# look like the end of a sentence).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr jr sr st gen lt col sen rep gov pres prof sec amb adm maj capt sgt hon messrs".split()
)

_SPECIAL = str.maketrans(
    {
        "ı": "i", "İ": "i", "ø": "o", "Ø": "o", "ß": "ss", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d", "ʻ": "", "ʼ": "", "`": "",
        "‘": "", "’": "", "'": "", "ʿ": "", "ʾ": "",
    }
)

# Spellings of one name that news uses interchangeably, folded to one form.
_SAME_NAME = {
    "mohammed": "muhammad", "mohammad": "muhammad", "mohamed": "muhammad", "mohamad": "muhammad",
    "muhammed": "muhammad", "mohammud": "muhammad", "muhamad": "muhammad", "mehmed": "muhammad",
    "ibn": "bin", "binyamin": "benjamin", "abdel": "abdul", "abd": "abdul", "abdal": "abdul",
}


def strip_accents(text: str) -> str:
    """Lower-case ASCII-ish form of ``text``: accents and special letters folded."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@functools.lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """The matching form of one token: accents dropped, transliteration endings unified.

    Zelenskyy/Zelenskiy/Zelensky/Zelenski -> "zelensky"; Sergei/Sergey -> "sergey";
    Mohammed/Mohamed/Muhammad -> "muhammad".
    """
    w = strip_accents(word).replace(".", "")
    if not w:
        return w
    w = _SAME_NAME.get(w, w)
    if len(w) > 3:
        if w.endswith(("yy", "iy", "yi", "ij", "ii")):
            w = w[:-2] + "y"
        elif w.endswith("ski"):
            w = w[:-1] + "y"
        elif w.endswith("ei"):
            w = w[:-1] + "y"
    return w


class Tokens:
    """A sentence cut into tokens, with offsets, folded forms and capitalisation.

    ``kind`` is "w" (word), "a" (dotted abbreviation), "p" (possessive 's),
    "." (punctuation) or "i" (an initial such as "R.").
    """

    __slots__ = ("text", "starts", "ends", "keys", "caps", "kinds", "raw", "joined")

    def __init__(self, text: str):
        self.text = text
        starts: list[int] = []
        ends: list[int] = []
        keys: list[str] = []
        caps: list[bool] = []
        kinds: list[str] = []
        raw: list[str] = []
        joined_to_previous: list[bool] = []
        n = len(text)
        joined = False
        consumed = 0  # end of a period already taken into "Mr." or "R."
        for m in _TOKEN.finditer(text):
            s, e = m.span()
            if s < consumed:
                continue
            group = m.lastgroup
            tok = m.group()
            if group == "word":
                kind = "w"
                # Keep a trailing period on known abbreviations and on initials ("R.").
                if e < n and text[e] == ".":
                    low = tok.lower()
                    if low in ABBREVIATIONS:
                        e += 1
                        tok += "."
                        consumed = e
                    elif len(tok) == 1 and tok.isupper():
                        e += 1
                        tok += "."
                        kind = "i"
                        consumed = e
                key = fold(tok)
            elif group == "abbr":
                kind = "a"
                key = strip_accents(tok).replace(".", "")
            elif group == "poss":
                kind = "p"
                key = "'s"
            else:
                if tok in "-‐‑" and starts and ends[-1] == s and s + 1 < n and text[s + 1].isalnum() \
                        and kinds[-1] in ("w", "a"):
                    # An inner hyphen ("Jong-un", "Al-Sisi") joins words: no token, and the
                    # next word counts as capitalised when the first part was.
                    joined = True
                    continue
                kind = "."
                key = tok
            cap = tok[:1].isupper()
            if joined and kind == "w":
                cap = cap or caps[-1]
            joined_to_previous.append(joined)
            joined = False
            starts.append(s)
            ends.append(e)
            keys.append(key)
            caps.append(cap)
            kinds.append(kind)
            raw.append(tok)
        self.starts, self.ends, self.keys, self.caps, self.kinds, self.raw = (
            starts, ends, keys, caps, kinds, raw,
        )
        self.joined = joined_to_previous  # token i continues a hyphenated word ("Pierre-Louis")

    def __len__(self) -> int:
        return len(self.keys)


def name_key(name: str) -> tuple[str, ...]:
    """The lookup key of a name: its folded word tokens, initials and punctuation left out."""
    t = Tokens(name)
    return tuple(k for k, kind in zip(t.keys, t.kinds) if kind in ("w", "a"))


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The lookup key of a title phrase: folded tokens, possessives kept, punctuation dropped."""
    t = Tokens(phrase)
    return tuple(k for k, kind in zip(t.keys, t.kinds) if kind in ("w", "a", "p", "i"))


def slug(name: str) -> str:
    """``local:`` slug of a name: "Akie Abe" -> "akie-abe"."""
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(name).replace("'", "")).strip("-")
