"""The things a customer has or deals with us about: an order, a card, a boiler, a booking.

Shared by the case reading (bot/core/case_patterns.py) and the clause repair
(bot/core/clause_repair.py), which both need it and must not import each other back.
"""

from __future__ import annotations

import re

from bot.core import prebuilt

# "tablet" is the device; "tablets" are nearly always medication ("my blood pressure tablets"),
# never said back as "your tablet".
THINGS = prebuilt.compile(
    r"\b(key ?safe|lock ?box|door code|key ?card|order|parcel|package|delivery|card|policy|"
    r"claim|payment|bill|invoice|charge|refund|"
    r"subscription|plan|contract|account|password|app|website|router|broadband|internet|wifi|"
    r"connection|phone|laptop|tablet(?!s)|tv|boiler|heating|meter|booking|reservation|flight|"
    r"ticket|train|bag|luggage|appointment|prescription|referral|permit|licence|license|"
    r"application|loan|mortgage|transfer|statement|blender|kettle|fridge|washing machine|"
    r"desk|sofa|mattress|car|bike|software|device|printer|sim|power|electricity|water|gas)s?\b",
    re.IGNORECASE,
)
