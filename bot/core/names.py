"""Names a conversation gives away: "my name is Priya", "Hi Aisha,", "Thanks, Hans".

`names_in(texts)` returns them so that a redactor can replace every later mention (the
customer's name filled into a suggested reply). Only capitalised words after a cue count, so
"Hi team", "this is urgent" and "I'm sorry" give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core import prebuilt

_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+"
_PARTICLE = r"(?:van|von|de|der|den|da|di|del|la|le|dos|du|ten|ter|bin|al)"
_NAME = rf"(?P<name>{_WORD}(?:[ ](?:{_PARTICLE}[ ])*{_WORD}){{0,2}})"
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Herr|Frau|Mme|M|Sr|Sra|Sig|Sig\.ra)\.?[ ])?"
_CUES = prebuilt.compile(
    rf"""(?:
        (?i:my[ ]name[ ]is|my[ ]name's|name's|this[ ]is|i'm|i[ ]am|it's|je[ ]m'appelle
           |ich[ ]heiße|ich[ ]bin|me[ ]llamo|mi[ ]chiamo|mijn[ ]naam[ ]is|ik[ ]ben
           |meu[ ]nome[ ]é)[ ]
      | (?:^|(?<=[\n.!?:]))[ ]*
        (?i:hi|hello|hey|dear|hallo|bonjour|hola|ciao|olá|good[ ]morning)[ ]
      | (?i:thanks|thank[ ]you|regards|cheers|best|kind[ ]regards|sincerely|groetjes
           |grüße|merci),\s*
    ){_TITLE}{_NAME}""",
    re.VERBOSE | re.MULTILINE,
)
# Capitalised words that follow a cue without being a name.
_NOT_NAMES = frozenset(
    (
        *("Team", "All", "Everyone", "There", "Customer", "Support", "Sir", "Madam", "Folks"),
        *("Guys", "Again", "Everybody", "Friend", "Friends", "Agent", "Here", "Back", "Sorry"),
        *("Not", "The", "A", "An", "Calling", "Writing", "Just", "Still", "So", "Very", "Really"),
        *("Good", "Great", "Happy", "Glad", "Afraid", "Sure", "Okay", "Fine", "Thanks", "Monday"),
        *("Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Urgent", "Your"),
    )
)


# The kinds of organisation a company's name is built from ("British Gas", "Student Finance",
# "Thames Water", "Royal Mail"): a capitalised phrase with one of them names an organisation,
# which a customer greets or thanks, never a person to call by name.
_ORGANISATION_WORDS = frozenset(
    """gas water energy electric electricity power mail post parcels media mobile mobiles
    telecom telecoms broadband fibre bank banking building society finance financial insurance
    assurance airways airlines air rail railway railways trains buses bus council services
    service support team group ltd limited plc inc llc co company direct express online uk
    customer customers care health nhs hospital clinic surgery pharmacy university college
    school academy loans credit cards store stores shop shops supermarket travel holidays
    hotels hotel motors cars homes housing lettings estates parking logistics delivery
    deliveries couriers pay payments revenue customs office department agency authority
    ministry trust foundation club gym fitness leisure network networks communications""".split()  # noqa: SIM905
)


def is_organisation(name: str) -> bool:
    """Whether a capitalised phrase names an organisation rather than a person."""
    return any(word.lower().strip("'’") in _ORGANISATION_WORDS for word in name.split())


def names_in(texts: Iterable[str]) -> list[str]:
    """Full names and their capitalised parts, longest first, without duplicates."""
    found: dict[str, None] = {}
    for text in texts:
        for m in _CUES.finditer(text):
            words = m["name"].split(" ")
            while words and words[-1] in _NOT_NAMES:
                words.pop()
            if not words or words[0] in _NOT_NAMES or is_organisation(" ".join(words)):
                continue
            found[" ".join(words)] = None
            for word in words:
                if word[0].isupper() and len(word) > 1:
                    found[word] = None
    return sorted(found, key=len, reverse=True)


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern matching any of `names` as whole words, or None without names."""
    names = sorted(set(names), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, names)) + r")(?![\w])")
