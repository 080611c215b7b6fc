"""What the customer wants, read with what already happened and who did it.

The labels come from bot/core/case_patterns.py (WANTS); two readings sit on top of them:
- cancelling is wanted only when they ask for it ("I want to cancel", "please cancel my
  subscription", "how do I cancel?"), not when they already did ("I cancelled in September",
  "I have the cancellation email") nor when we did it to them ("you cancelled my appointment",
  "an email saying it's cancelled");
- when we (or our system) cancelled their booking, appointment or order and they do not ask
  for their money back, what they want is it reinstated, or an alternative
  (REINSTATED); "can you fix this" then means that, so "it fixed" gives way.
Money back said in their own words counts as a refund: "want it back" about a charge,
"all of them back", "need one of them reversed", "the charge taken off".
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.case_patterns import AMOUNT, WANTS

REFUND = "a refund"
CANCEL = "to cancel"
FIXED = "it fixed"
REINSTATED = "it reinstated (or an alternative)"

_FLAGS = re.IGNORECASE
_CANCEL_WORD = r"(?:cancel|cancelling|canceling|cancellation)\b"
# Asking to cancel: a wish, a question how, a request, or the bare instruction.
_WISH_TO_CANCEL = prebuilt.compile(
    r"\b(?:want(?:ed)?|wanting|wish|like|need|trying|tried|try|going|help me|how (?:do|can|would) "
    r"(?:i|we)|can (?:i|we)|could (?:i|we)|may (?:i|we)|please|can you|could you|would you|"
    r"let me|able)\b[^.?!\n]{0,25}?\b" + _CANCEL_WORD + r"|(?:^|[.!?\n]\s*)cancel\b|"
    r"(?<!had )\bto cancel\b|"
    r"\bcancel (?:my|our|the|it|this|that)\b(?![^.?!\n]{0,40}\b(?:was|were|has been|got) )|"
    r"\b(?:close (?:my|the|our) account|terminate|end (?:my|the) contract|leaving|"
    r"switch(?:ing)? to)\b",
    _FLAGS,
)
# Their thing cancelled by us: "you cancelled my order", "your system cancelled our booking",
# "an email saying it's cancelled", "my appointment was cancelled".
_OURS = (
    r"(?:booking|reservation|appointment|order|table|room|class|session|visit|slot|"
    r"operation|procedure|consultation|surgery|treatment|lesson|course|tour|stay|concert|show|"
    r"gig|event|performance|festival|match|screening|workshop|flight|sailing|cruise|trip)"
)
_WE_CANCELLED = prebuilt.compile(
    r"\b(?:you|you've|you have|your (?:\w+ ){0,2}?(?:system|team|site|website|app|staff|store|"
    r"branch|restaurant|hotel|clinic|surgery|practice|office)|they|they've)\s+"
    r"(?:just |have |has )?cancell?ed\b|"
    r"\b(?:email|text|message|letter|call|notification)\b[^.?!\n]{0,30}"
    r"\b(?:saying|said|that|to say)"
    r"\b[^.?!\n]{0,30}\bcancell?ed\b|"
    rf"\b{_OURS}s?\b[^.?!\n]{{0,40}}\b(?:was|were|has been|had been|got|is|'s|been) "
    r"(?:just |now )?cancell?ed\b(?! by (?:me|us)\b)|\bcancell?ed by (?:you|your|the)\b",
    _FLAGS,
)
_THEIR_THING = prebuilt.compile(rf"\b{_OURS}s?\b|\bbooked\b|\breserved\b|\bordered\b", _FLAGS)
# Money back in their own words.
_MONEY_BACK = prebuilt.compile(
    r"\b(?:want|need|would like|'d like|get|getting|have|expect)\b[^.?!\n]{0,30}?"
    r"(?:\b(?:it|them|that|this|these|those|all|both|payments?|charges?|money|fees?|deposit|"
    r"amount)|[£$€]\s?\d[\d,.]*)\s+back\b(?!\s+(?:in|into|up|online)\b)"
    # "back on my card" is money; "back on track", "back to normal" are not
    r"(?!\s+(?:to|on)\b(?!\s+(?:my|the|our)\s+(?:\w+\s+)?(?:card|account|bank)\b))|"
    r"\b(?:reversed|credited back|refunded)\b|"
    r"\b(?:charges?|fees?|payments?|amount|debits?)\b[^.?!\n]{0,20}\b(?:taken off|removed|"
    r"reversed|waived|cancell?ed)\b",
    _FLAGS,
)
_MONEY = prebuilt.compile(
    r"\b(?:charg\w*|paid|payments?|fees?|bill\w*|debit\w*|taking|taken)\b", _FLAGS
)


def we_cancelled(said: str) -> bool:
    """Whether the conversation says we cancelled something of theirs (not that they did)."""
    return bool(_WE_CANCELLED.search(said)) and bool(_THEIR_THING.search(said))


def customer_wants(said: str) -> list[str]:
    """The labels of what they want, in WANTS order, read as the module docstring says."""
    wants = [label for label, pattern in WANTS if pattern.search(said)]
    money_talk = bool(AMOUNT.search(said) or _MONEY.search(said))
    if REFUND not in wants and money_talk and _MONEY_BACK.search(said):
        wants.insert(0, REFUND)
    if CANCEL in wants and not _WISH_TO_CANCEL.search(said):
        wants.remove(CANCEL)
    if we_cancelled(said) and REFUND not in wants:
        wants = [REINSTATED, *(w for w in wants if w not in (FIXED, CANCEL))]
    return wants


# Money back, not a voucher or credit: "I don't want a voucher", "no credit, a refund please".
_REFUSES_CREDIT = prebuilt.compile(
    r"\b(?:don'?t|do not|won'?t|will not|not going to|never) (?:want|accept|take|need)\b"
    r"[^.?!\n]{0,20}\b(?:vouchers?|credit|store credit|gift cards?|points)\b|"
    r"\bno (?:more )?(?:vouchers?|credit)\b|\bnot (?:a |another )?(?:voucher|credit)\b",
    _FLAGS,
)


def refuses_credit(said: str) -> bool:
    """Have they turned down a voucher or credit? Then money back means money back."""
    return bool(_REFUSES_CREDIT.search(said))
