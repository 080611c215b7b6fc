"""The facts that make one customer's case their own, beyond amounts, dates and references.

- `details`: how many ("a table for 8", "12 seats", "two mains", "size 10"), the occasion
  ("your mum's 70th", "your sister's wedding"), the place ("your Camden branch"), the time of
  day ("2:14pm"), a month named alone ("September"), what nobody did ("nobody called",
  "without telling you"), what they were offered ("were offered vouchers"), and a total from a
  count and an amount ("3 × £39 = £117", "5 × £9.99 = £49.95");
- `evidence`: what they hold that proves it ("the cancellation email", "photos at pickup with
  timestamps", "both bank statement lines");
- `done`: what they already did that bears on the outcome ("cancelled in September", "paid in
  advance", "returned them on the 2nd with tracked post"): not something to ask for again.
Everything is said back in second person and taken from the customer's own turns.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bot.core import prebuilt
from bot.core.case_patterns import AMOUNT
from bot.core.clause_repair import _WE_SENT
from bot.core.reflect import second_person

_FLAGS = re.IGNORECASE
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twice": 2,
}  # fmt: skip
_N = r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_TIME_UNITS = r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|am|pm|x)"
_NOT_COUNTED = frozenset(
    """minute minutes min mins hour hours hrs day days week weeks month months year years am
    pm x of and or to the a time pounds dollars euros quid percent per digit digits st nd rd th
    at for from in on but back still cold again each total by with into off up out is are was
    were has have had it its this that so if as then than when""".split()  # noqa: SIM905
)
_PARTY = prebuilt.compile(
    rf"\b(?:(?:a |the )?(?:table|booking|reservation|room|party|group) (?:for|of) {_N}"
    rf"(?: (?:people|guests|adults|children|kids))?)\b(?![-/])",
    _FLAGS,
)
_COUNTED = prebuilt.compile(
    rf"(?<![£$€\d,.:-])(?<!size )\b{_N}"
    r"(?: (?:different|extra|more|separate|new|missing|other))? (?P<noun>[a-z]+)\b",
    _FLAGS,
)
_SIZE = prebuilt.compile(r"\bsize \d{1,2}(?:\.\d)?\b", _FLAGS)
_AGE = prebuilt.compile(rf"\b{_N}[ -](?:month|year|week)s?[ -]old\b", _FLAGS)
_OCCASION = prebuilt.compile(
    r"\b(?:(?:my|our|his|her|their) (?:\w+'s )?|\w+'s )(?:\d{1,3}(?:st|nd|rd|th)"
    r"(?: birthday| anniversary)?|birthday|anniversary|wedding|funeral|christening|graduation|"
    r"honeymoon|hen do|stag do|retirement(?: party)?|baby shower|surgery|operation)\b|"
    r"\b(?:a|our|my) (?:birthday|anniversary|wedding|funeral|christening|graduation|"
    r"honeymoon|hen do|stag do)\b",
    _FLAGS,
)
_PLACE = prebuilt.compile(
    r"\b(?:your|the) (?:[A-Z][\w'-]+ ){1,2}(?:branch|store|shop|office|site|hotel|restaurant|"
    r"clinic|surgery|depot|station|gym|centre|center|outlet|airport|terminal)\b"
)
_TIME_OF_DAY = prebuilt.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b", _FLAGS)
_MONTH_ALONE = prebuilt.compile(
    r"\b(?:in|since|from|during|until|of|last|early|late|mid|and|before|after) "
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|january|february|april|june|july|august|september|october|november|december)\b"
    r"(?! \d)"
)
_NOBODY = prebuilt.compile(
    r"\b(?:nobody|no one|no-one|no body)(?: has| had| ever| even)? (?:called|rang|phoned|told|"
    r"asked|contacted|emailed|replied|came|turned up|got back|let (?:me|us) know|warned)\b"
    r"(?: (?:me|us))?(?: anything)?|\bwithout (?:telling|warning|asking|notifying|contacting|"
    r"letting) (?:me|us)\b|\bwith no (?:reply|response|warning|notice|call)\b",
    _FLAGS,
)
_NTH = prebuilt.compile(
    r"\b(?:second|third|fourth|fifth|sixth) (?:time|week|month|day|visit|call)\b"
    r"(?: (?:running|in a row))?",
    _FLAGS,
)
# How we told them: "cancelled ... by text".
_BY = prebuilt.compile(
    r"\b(?:cancell?ed|told|informed|moved|changed)\b[^.;!?\n]{0,60}?\b(by (?:text|email|letter|"
    r"voicemail))\b",
    _FLAGS,
)
_OFFERED = prebuilt.compile(
    r"\b(?:i|we) (?:was|were|have been|'ve been|got) (?:only )?(?:offered|promised) "
    r"([^.;,!?\n]{3,50})",
    _FLAGS,
)
_EVIDENCE_NOUN = (
    r"(?:e-?mails?|confirmations?|receipts?|photos?|pictures?|screenshots?|statements?|"
    r"statement lines|letters?|reports?|forms?|footage|videos?|recordings?|texts?|messages?|"
    r"invoices?|proof|records?|certificates?|references?|tickets?|notes?|contracts?|lines|numbers)"
)
_EVIDENCE = prebuilt.compile(
    r"\b(?:(?:i|we)(?:'ve| have)? (?:still |also |even |both )?(?:have|got|kept|saved|attached|"
    r"took|taken)|(?:^|[,.]\s*|\band |\bstill )(?:have|got|kept|saved|took))\s+(?:got\s+)?"
    rf"(?P<what>(?:(?:the|a|an|my|our|both|all|all the|copies of|a copy of)\s+)?"
    rf"(?:[\w'-]+\s+){{0,4}}?{_EVIDENCE_NOUN}(?:\s+{_EVIDENCE_NOUN})*\b"
    rf"(?P<after>(?:[ \t]+[^\s.;,!?]+){{0,8}}))",
    _FLAGS,
)
_AFTER_KEPT = prebuilt.compile(
    r"^\s+(?:of it|of them|from|with|where|saying|showing|confirming|you sent|at|dated)\b", _FLAGS
)
_DONE = prebuilt.compile(
    r"\b(?:i|we)(?:'ve|'d| have| had)? (?:already |just |also )?((?:cancell?ed|paid|returned|sent "
    r"(?:it|them|back)|posted|froze|applied|moved out|switched|submitted|renewed|signed up|"
    r"closed|topped up|transferred|(?:taken|took) (?:the|a|half a) (?:day|morning|afternoon) off|"
    r"(?:taken|took) (?:him|her|them|my \w+) out of)\b(?:[^.;,!?\n]|(?<=\d)[.,](?=\d)){0,50})|"
    r"(?:^|[.!?]\s+)((?:cancell?ed|returned|paid|froze|applied|submitted) "
    r"(?:[^.;,!?\n]|(?<=\d)[.,](?=\d)){2,50})",
    _FLAGS,
)
_DONE_CUT = prebuilt.compile(
    r"\s+(?:but|and (?:i|we|it|have|now|still|you)|because|so|which|even though|though|"
    r"yet|however)\b.*$",
    _FLAGS,
)


def _count(word: str) -> int | None:
    lower = word.lower()
    return int(lower) if lower.isdigit() else _WORD_NUMBERS.get(lower)


def _money(amount: str) -> tuple[str, Decimal] | None:
    symbol = amount[0] if amount[0] in "£$€" else ""
    digits = re.sub(r"[^\d.]", "", amount)
    try:
        return (symbol, Decimal(digits)) if symbol and digits else None
    except InvalidOperation:
        return None


_COUNT_OF_AMOUNT = prebuilt.compile(
    rf"\b(?P<n>{_N}|twice) (?:(?:\w+ ){{0,2}})?(?:of|at|x|×|for) "
    r"(?P<amount>[£$€]\s?\d[\d,]*(?:\.\d{1,2})?)"
    rf"(?: each| a (?:month|time|go))?|(?P<amount2>[£$€]\s?\d[\d,]*(?:\.\d{{1,2}})?) each time\b",
    _FLAGS,
)
_PAYMENTS = prebuilt.compile(
    rf"\b(?P<n>{_N}) (?:(?:monthly|separate|more|extra|\w+) )?(?:payments|charges|debits|"
    r"instalments|installments|months)\b",
    _FLAGS,
)


def _total(count: int, amount: str) -> str | None:
    money = _money(amount)
    if not money or count < 2:
        return None
    symbol, value = money
    total = value * count
    shown = f"{total:,.2f}".removesuffix(".00") if "." in amount else f"{total:,.0f}"
    return f"{count} × {amount.replace(' ', '')} = {symbol}{shown}"


_WHOLE = prebuilt.compile(
    r"[£$€]\s?\d[\d,.]*\s+(?:\w+\s+){0,4}?(?:in|over|across|split (?:into|over)|spread over)"
    r"\s+(?:\w+\s+)?(?:payments|transactions|charges|instalments|installments|goes|lots)\b"
    r"|\b(?:in total|in all|altogether|all together|total of|totall?ing|worth of)\b",
    re.IGNORECASE,
)


def totals(said: str) -> list[str]:
    """A count times an amount ("3 months of £39", "12 seats at $15 each", "£3,240 each time"
    with "twice"), and "5 payments" when the conversation names one amount only."""
    found = []
    for match in _COUNT_OF_AMOUNT.finditer(said):
        if match.group("amount2"):
            twice = re.search(r"\btwice\b|\b(two|three|four|\d) times\b", said, _FLAGS)
            count = (_count(twice.group(1)) if twice.group(1) else 2) if twice else None
            amount = match.group("amount2")
        else:
            count, amount = _count(match.group("n")), match.group("amount")
        if count and (total := _total(count, amount)):
            found.append(total)
    amounts = {a.replace(" ", "") for a in AMOUNT.findall(said) if a[0] in "£$€"}
    # one amount and "4 payments": a count of that amount only when nothing says it is the
    # whole ("£640 taken in four payments" is £640, never 4 × £640)
    if not found and len(amounts) == 1 and not _WHOLE.search(said):
        for match in _PAYMENTS.finditer(said):
            count = _count(match.group("n"))
            if count and (total := _total(count, next(iter(amounts)))):
                found.append(total)
                break
    return list(dict.fromkeys(found))


def _counted(said: str) -> list[str]:
    found = []
    for match in _COUNTED.finditer(said):
        noun = match.group("noun").lower()
        if noun in _NOT_COUNTED or re.fullmatch(_TIME_UNITS, noun, _FLAGS):
            continue
        if said[match.end() : match.end() + 1] in ("'", "-"):
            continue  # "3 month old", "8's"
        found.append(match.group(0))
    return found


_NOBODY_CAPITAL = prebuilt.compile(r"^(?:Nobody|No one|No-one|No body|Without|With)\b")


def _lower(match: re.Match) -> str:
    return match.group(0).lower()


def details(turns: list[str]) -> list[str]:
    """What makes the case specific, in the order of the module docstring."""
    said = "\n".join(turns)
    found = [m.group(0) for m in _PARTY.finditer(said)]
    found += _counted(said) + [m.group(0) for m in _SIZE.finditer(said)]
    found += [m.group(0) for m in _AGE.finditer(said)]
    found += [m.group(0) for m in _OCCASION.finditer(said)]
    found += [m.group(0) for m in _PLACE.finditer(said)]
    found += [m.group(0) for m in _TIME_OF_DAY.finditer(said)]
    found += [m.group("month") for m in _MONTH_ALONE.finditer(said)]
    found += [m.group(0) for m in _NOBODY.finditer(said)]
    found += [m.group(0) for m in _NTH.finditer(said)] + [m.group(1) for m in _BY.finditer(said)]
    found += ["were offered " + m.group(1).strip() for m in _OFFERED.finditer(said)]
    found += totals(said)
    said_back = (second_person(_NOBODY_CAPITAL.sub(_lower, f.strip())) for f in found)
    return _unique(f for f in said_back if f)


def evidence(turns: list[str]) -> list[str]:
    """What they hold that shows what happened, said back ("the cancellation email")."""
    found = []
    for turn in turns:
        for match in _EVIDENCE.finditer(turn):
            before = turn[max(0, match.start() - 12) : match.start()].lower()
            if re.search(r"n't\s*$|\bnot\s*$|\bno\s*$|\bif\s*$", before):
                continue
            what = match.group("what")
            after = match.group("after")
            if re.match(r"\s+(?:due|to)\b", after or ""):
                continue  # "a client report due at 5pm": work to do, not proof
            if after and not _AFTER_KEPT.match(after):
                what = what[: len(what) - len(after)]
            what = re.sub(r"\s+(?:too|as well|also)$", "", what.strip(), flags=_FLAGS)
            found.append(_WE_SENT.sub(r"\1 \2 from us", second_person(what)))
    return _unique(found)


def done(turns: list[str]) -> list[str]:
    """What they already did that bears on the outcome, said back ("cancelled in September")."""
    found = []
    for turn in turns:
        for match in _DONE.finditer(turn):
            step = _DONE_CUT.sub("", match.group(1) or match.group(2)).strip(" ,.")
            if len(step.split()) >= 2:
                found.append(second_person(step[0].lower() + step[1:]))
    return _unique(found)


def _unique(items) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.lower(), item)
    return list(seen.values())
