"""The vocabulary of office titles as news writes them.

Roles are the ``Office.role`` values of the gazetteer:

    head_of_state  head_of_government  vice_president  crown_prince  foreign_minister
    national_security_adviser  defence_minister  minister  secretary_general  supreme_leader
    commission_president  council_president  high_representative  president (of a body)
    managing_director  director_general

A title phrase is one of: ``[the] COUNTRY ROLE`` ("the Israeli prime minister",
"U.S. Secretary of State", "Japan's prime minister"), ``[the] ROLE of [the] COUNTRY``
("the Emir of Qatar", "Crown Prince of Abu Dhabi"), ``[the] BODY HEAD`` ("UN
Secretary-General", "the U.N. chief", "European Commission President") or
``[the] HEAD of the BODY``; a bare role ("the prime minister") has no country.
"""
from __future__ import annotations

# phrase -> (role, default country or None). Bare use of a phrase with a default
# country means that country: in English-language news "Secretary of State" alone is
# the American one and "Foreign Secretary" the British one.
ROLE_PHRASES: dict[str, tuple[str, str | None]] = {
    "president": ("head_of_state", None),
    "pres.": ("head_of_state", None),
    "head of state": ("head_of_state", None),
    "king": ("head_of_state", None),
    "queen": ("head_of_state", None),
    "monarch": ("head_of_state", None),
    "emir": ("head_of_state", None),
    "amir": ("head_of_state", None),
    "sultan": ("head_of_state", None),
    "emperor": ("head_of_state", None),
    "grand duke": ("head_of_state", None),
    "pope": ("head_of_state", "VAT"),
    "pontiff": ("head_of_state", "VAT"),
    "supreme leader": ("supreme_leader", None),
    "leader": ("leader", None),  # head of state or of government, whichever the text means
    "prime minister": ("head_of_government", None),
    "premier": ("head_of_government", None),
    "pm": ("head_of_government", None),
    "chancellor": ("head_of_government", None),
    "federal chancellor": ("head_of_government", None),
    "taoiseach": ("head_of_government", "IRL"),
    "head of government": ("head_of_government", None),
    "vice president": ("vice_president", None),
    "vice-president": ("vice_president", None),
    "vp": ("vice_president", None),
    "deputy president": ("vice_president", None),
    "crown prince": ("crown_prince", None),
    "foreign minister": ("foreign_minister", None),
    "foreign affairs minister": ("foreign_minister", None),
    "minister of foreign affairs": ("foreign_minister", None),
    "minister for foreign affairs": ("foreign_minister", None),
    "minister of external affairs": ("foreign_minister", None),
    "external affairs minister": ("foreign_minister", None),
    "minister of international relations": ("foreign_minister", None),
    "top diplomat": ("foreign_minister", None),
    "chief diplomat": ("foreign_minister", None),
    "foreign secretary": ("foreign_minister", "GBR"),
    "secretary of state": ("foreign_minister", "USA"),
    "secretary of foreign affairs": ("foreign_minister", None),
    "foreign affairs secretary": ("foreign_minister", None),
    "secretary-general": ("secretary_general", None),
    "secretary general": ("secretary_general", None),
    "national security adviser": ("national_security_adviser", None),
    "national security advisor": ("national_security_adviser", None),
    "security adviser": ("national_security_adviser", None),
    "defense minister": ("defence_minister", None),
    "defence minister": ("defence_minister", None),
    "minister of defense": ("defence_minister", None),
    "minister of defence": ("defence_minister", None),
    "defense secretary": ("defence_minister", None),
    "defence secretary": ("defence_minister", None),
    "secretary of defense": ("defence_minister", "USA"),
}

# Honorifics that may precede a name but say nothing about the office.
HONORIFICS = frozenset(
    "mr. mrs. ms. dr. mr mrs ms dr sir dame sheikh shaikh sheikha lord lady madam h.e. "
    "excellency majesty highness prince princess hrh his her chairman comrade".split()
)
# Honorifics after which a royal's given name alone denotes them ("King Abdullah",
# "Sheikh Tamim", "Crown Prince Mohammed").
ROYAL_HONORIFICS = frozenset(
    "king queen emir amir sultan sheikh shaikh prince princess emperor crown pope majesty highness".split()
)

# Bodies: phrase -> (organisation code, role of its head).
BODIES: dict[str, tuple[str, str]] = {
    "un": ("UN", "secretary_general"),
    "united nations": ("UN", "secretary_general"),
    "nato": ("NATO", "secretary_general"),
    "european commission": ("EU", "commission_president"),
    "eu commission": ("EU", "commission_president"),
    "commission": ("EU", "commission_president"),
    "european council": ("EU", "council_president"),
    "eu council": ("EU", "council_president"),
    "world bank": ("WBG", "president"),
    "world bank group": ("WBG", "president"),
    "imf": ("IMF", "managing_director"),
    "international monetary fund": ("IMF", "managing_director"),
    "wto": ("WTO", "director_general"),
    "world trade organization": ("WTO", "director_general"),
    "african union commission": ("AU", "commission_chair"),
    "au commission": ("AU", "commission_chair"),
    "eu": ("EU", "commission_president"),
}
# The words for the head of a body ("UN chief", "NATO Secretary General").
BODY_HEADS = frozenset(
    [
        "secretary-general", "secretary general", "chief", "head", "president", "boss",
        "director-general", "director general", "managing director", "chair", "chairperson",
        "chairman", "leader",
    ]
)
# A body head word that names a different office than the body's default head:
# "EU foreign policy chief" is the High Representative.
BODY_ROLE_OVERRIDES: dict[tuple[str, str], tuple[str, str]] = {
    ("eu", "foreign policy chief"): ("EU", "high_representative"),
    ("eu", "high representative"): ("EU", "high_representative"),
    ("eu", "top diplomat"): ("EU", "high_representative"),
    ("eu", "foreign minister"): ("EU", "high_representative"),
    ("eu", "council president"): ("EU", "council_president"),
    ("eu", "commission president"): ("EU", "commission_president"),
    ("european", "commission president"): ("EU", "commission_president"),
    ("european", "council president"): ("EU", "council_president"),
}
EXTRA_BODY_HEADS = frozenset(
    ["foreign policy chief", "high representative", "top diplomat", "foreign minister",
     "council president", "commission president"]
)

# A few sub-national places used in royal titles ("Crown Prince of Abu Dhabi").
TITLE_PLACES: dict[str, str] = {"abu dhabi": "ARE", "dubai": "ARE"}

ROLE_LABELS = {
    "head_of_state": "head of state",
    "head_of_government": "head of government",
    "vice_president": "vice president",
    "crown_prince": "crown prince",
    "foreign_minister": "foreign minister",
    "national_security_adviser": "national security adviser",
    "defence_minister": "defence minister",
    "minister": "minister",
    "secretary_general": "secretary-general",
    "supreme_leader": "supreme leader",
    "commission_president": "president of the European Commission",
    "council_president": "president of the European Council",
    "high_representative": "high representative",
    "president": "president",
    "managing_director": "managing director",
    "director_general": "director-general",
    "commission_chair": "chairperson of the commission",
}

LEADER_ROLES = frozenset({"head_of_state", "head_of_government"})
ROLE_LABELS["leader"] = "leader"
