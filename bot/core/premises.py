"""Premises: facts a reply may take for granted only when the conversation states them.

"Thanks for the photos" presumes photos; "I'm sorry it arrived damaged" presumes a damaged item.
Each premise names how the conversation states it and how a reply presumes it, in plain words.
Reply templates declare the premises they need (playbook `replies[].requires`), the offline
composer uses a template only when its premises hold, and the LLM guard and `eval-coaching` flag a
reply that presumes one the conversation does not state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.core import hazards, multilingual_signals, prebuilt
from bot.core.conversation import Conversation
from bot.core.signature import without_signature


@dataclass(frozen=True, slots=True)
class Premise:
    name: str
    description: str
    stated: str  # a pattern (case-insensitive) for the conversation, either side
    presumed: str  # a pattern for a reply
    unless: tuple[str, ...] = ()  # premises that, when stated, tell a different situation


def _re(*alternatives: str) -> str:
    return "|".join(f"(?:{a})" for a in alternatives)


@cache
def _pattern(source: str) -> re.Pattern:
    """Compiled on first use: the offline composer reads only the `stated` patterns."""
    return prebuilt.compile(source, re.IGNORECASE)


# "a fine notice in the post", "a letter in the mail": paper that reached them, not goods
_LETTER_NOT = "".join(
    f"(?<!{paper} )"
    for paper in ("notice", "letter", "bill", "fine", "invoice", "statement", "reminder")
)

_PREMISES = (
    Premise(
        "photos",
        "the customer sent photos, screenshots, a video or an attachment",
        # Sending one, not just mentioning one ("will my photos carry over?").
        _re(
            r"\b(attach\w*|sent|send(ing)?|upload\w*|here('s| is| are)|see|took|enclos\w*|"
            r"shared|included?)\b.{0,25}\b(photos?|pictures?|pics?|screenshots?|screen ?shots?|"
            r"images?|videos?)\b",
            r"\b(photos?|pictures?|pics?|screenshots?|screen ?shots?|images?|videos?)\b.{0,15}"
            r"\b(attached|below|above|enclosed|included)\b",
            r"\b(snapped|took a (photo|picture))\b",
            r"\battach(ed|ment|ments)\b",
        ),
        _re(
            r"\b(thanks?|thank you)( so much)? for (the|your|sending( us)?( the)?) "
            r"(photos?|pictures?|pics?|screenshots?|images?|videos?|attachments?)",
            r"\b(the|your) (photos?|pictures?|screenshots?|images?|videos?|attachments?) "
            r"(you|that you) (sent|shared|attached)",
            r"\bfrom (the|your) (photos?|pictures?|screenshots?|images?)\b",
        ),
    ),
    Premise(
        "colleague",
        "the customer mentions someone else on our side they dealt with",
        _re(
            r"\b(colleague|coworker|co-worker|agent|advisor|adviser|representative|rep|"
            r"someone|somebody|a (guy|lady|woman|man)|your (team|staff|support|engineer))\b"
            r".{0,40}\b(said|told|promised|says|advised|asked|sent|informed|mentioned)\b",
            r"\b(i|we) (was|were) told\b",
            r"\b(spoke|talked|chatted|spoken|talking) (to|with) (a|an|your|another|one of)\b",
            # praise for a named person: "thank you to Marco who helped me"
            r"\b(who|he|she) (helped|served|assisted|sorted|dealt with|looked after|"
            r"was (so |really |very )?(lovely|great|helpful|brilliant|kind|patient))\b",
            r"\b(who|she|he) (fixed|answered)\b",
            # a member of staff by role and name: "your driver Marcus", "nurse Priya"
            r"\b(driver|nurse|doctor|engineer|technician|agent|advis[eo]r|receptionist|"
            r"colleague|stylist|teacher|vet|installer|courier|pharmacist) (?-i:[A-Z][a-z]{2,})\b",
        ),
        _re(
            r"\b(the|your) (colleague|agent|advisor|adviser|representative|person) "
            r"you (mentioned|spoke (to|with)|dealt with)",
            r"\bmy colleague (told|said|promised|mentioned|advised) you\b",
            r"\bwhat (my colleague|our team|the agent) told you\b",
        ),
    ),
    Premise(
        "manager_request",
        "the customer asks for a manager, supervisor, a human or someone senior",
        _re(
            # not someone else's manager told of praise: "make sure her manager hears it"
            r"(?<!on to his )(?<!on to her )(?<!on to their )"
            r"\b(manager|supervisor|team lead|team leader|superior|someone senior|"
            r"somebody senior|person in charge|boss|higher up|higher-up)\b"
            r"(?! (?:hears|hear|knows|know|to know|to hear|should know|should hear|sees)\b)",
            r"\b(speak|talk|chat) (to|with) (a|an|someone|somebody) "
            r"(real|human|person|else|senior|in charge)\b",
            r"\b(real|actual) (person|human)\b",
            r"\bescalate (this|it|my)\b",
        ),
        _re(
            r"\byou (have every right to|are right to|were right to) ask for "
            r"(a|the|my) (manager|supervisor)",
            r"\b(as|since) you (asked|requested|wanted) (for|to speak to|to talk to) "
            r"(a|the) (manager|supervisor)",
            r"\byour (request|ask) (for|to speak to) (a|the) (manager|supervisor)",
        ),
    ),
    Premise(
        "refund_promised",
        "a refund or credit was promised, approved or issued earlier",
        _re(
            r"\b(refund|credit|reimbursement|money back)\b.{0,40}\b(promised|approved|agreed|"
            r"confirmed|issued|processed|authori[sz]ed|on (its|the) way)\b",
            r"\b(promised|approved|agreed|confirmed|issued|processed|told me)\b.{0,30}"
            r"\b(a |the |my )?(refund|credit|reimbursement)\b",
        ),
        _re(
            r"\b(the|your) (refund|credit) (we|you were|that was|that we) "
            r"(promised|approved|agreed|confirmed|issued)",
            r"\byour (refund|credit) (was|has been) (approved|promised|agreed|issued|processed)",
        ),
    ),
    Premise(
        "damaged_item",
        "something arrived or is physically damaged",
        _re(
            r"\b(damaged|smashed|cracked|dented|shattered|crushed|torn|ripped|leaking|"
            r"broken|snapped|scratched|bent|stained|wet|chipped)\b",
            r"\b(a|the) (crack|dent|hole|chip|tear|scratch|leak)s?\b",
            r"\bin pieces\b",
        ),
        _re(
            r"\b(arrived|came|turned up|delivered|reached you) (damaged|broken|smashed|cracked)",
            r"\bthe (damaged|broken|smashed|cracked) (item|parcel|package|product|one)\b",
            r"\b(damage|breakage) (in|during) (transit|delivery)\b",
        ),
    ),
    Premise(
        "delivery",
        "something is being delivered, shipped or posted to the customer",
        _re(
            # goods on their way, not a payment or a loan that has not "arrived"
            r"\b(deliver\w*|ship(ped|ping|ment)\w*|parcels?|packages?|courier\w*|dispatch\w*|"
            rf"track\w*|purchase\w*|postman|post office|{_LETTER_NOT}in the (?:post|mail)|"
            r"(?<!in the )mail(ed)?|"
            r"(?<!in )(?<!standing )order\w*|sent (out|to me))\b",
            r"\b(items?|goods|box(es)?|purchases?|furniture|sofa)\b[^.?!]{0,40}\barriv\w*",
            r"\b(how soon|how long until|when will (i|we)) .{0,20}\b(expect|get|receive)\b",
        ),
        _re(
            r"\b(your|the) (parcel|package|delivery|shipment|courier)\b",
            r"\b(is|was) (already )?on (its|the) way\b",
            r"\b(dispatched|shipped)\b",
        ),
    ),
    Premise(
        "prior_contact",
        "the customer contacted us before about this",
        _re(
            r"\b((contact|call|email|messag|writ|ask|chas)\w*( you| your \w+)? again|"
            r"already (called|emailed|contacted|written|messaged|chatted|reported|"
            r"asked|told)|(called|emailed|contacted|written|messaged|chatted|rang|phoned)"
            r"( you| your \w+)? (before|twice|three times|four times|five times|several times|"
            r"many times|multiple times|\d+ times|last (week|month)|yesterday)|"
            r"(second|third|fourth|fifth|\d+(st|nd|rd|th)) time|still (waiting|no|not|nothing)|"
            r"keep (having|getting) to|chas(e|ing|ed)|follow(ing)?[- ]up|"
            r"no (one|body) (has )?(got|gotten|came) back)\b",
        ),
        _re(
            r"\b(each|every) time you('ve| have)? (contacted|called|written|chased)",
            r"\byou('ve| have) (had to )?(contact|call|chase|write to)(ed)? us "
            r"(again|before|several times|more than once|\w+ times)",
            r"\bhaving to (chase|contact us again|call back|repeat yourself)\b",
            r"\b(your|the) (last|previous|earlier) (call|chat|email|contact|message)s?\b",
        ),
    ),
    Premise(
        "tried_fix",
        "the customer says what they already tried",
        _re(
            r"\b(i|we)('ve| have| had)? (already |even |also )?(tried|restarted|rebooted|"
            r"reinstalled|re-installed|reset|cleared|updated|uninstalled|unplugged|"
            r"turned it off|switched it off|logged out|changed|followed|checked(?! in))\b",
        ),
        _re(
            r"\b(since|as|because|now that) you('ve| have)? already (tried|restarted|"
            r"rebooted|reinstalled|reset|cleared|updated|followed)",
            r"\bwhat you('ve| have) already tried\b",
        ),
    ),
    Premise(
        "duplicate_charge",
        "the customer says they were charged or paid twice",
        _re(
            # Money taken or paid more than once, not "I restarted it three times".
            r"\b(charged|billed|debited|paid|taken|deducted|came out)\b.{0,40}"
            r"\b(twice|two times|2 times|three times|again|double)\b",
            r"\b(double|duplicate\w*|two|2|second|extra) (payments?|charges?|debits?|"
            r"transactions?|bills?)\b",
            r"\bsame (charge|payment|amount) (twice|again)\b",
        ),
        _re(
            r"\b(the|your|a|this) (duplicate|double|second|extra) (payment|charge|debit|"
            r"transaction)\b",
            r"\b(charged|billed|debited) (you )?twice\b",
        ),
        # "charged me again" after they gave notice is the renewal, not one payment taken twice
        unless=("renewed_after_notice",),
    ),
    Premise(
        "callback_promised",
        "someone promised to call, email or get back to the customer",
        _re(
            r"\b(promised|said|told me|supposed|meant|going) (to |they would |you would |"
            r"someone would |(?:you|they|he|she|we|someone)'d )?(call|ring|phone|email|get back|"
            r"contact|reply|come back)\b",
            r"\b(never|no one|nobody|didn.t|did not|has not|hasn.t) (called|rang|phoned|got|"
            r"get|came|come) (me )?back\b",
            r"\bcall[- ]?back\b",
        ),
        _re(
            r"\b(the|your) (call[- ]?back|call|reply) (we|you were|that was) promised\b",
            r"\bwe (promised|said we.d) (to )?(call|get back|email)\b",
        ),
    ),
)
_PREMISES += (
    Premise(
        "money",
        "the conversation is about money: a charge, bill, payment, fee, price or refund",
        _re(
            r"\b(charg\w*|bill\w*|pa(y|id|ying|yment)s?|fees?|price\w*|cost\w*|refund\w*|"
            r"debit\w*|invoice\w*|statement|transaction\w*|money|premium|overcharg\w*|"
            r"subscription|deposit|balance|interest|vat|reimburs\w*|compensat\w*|money back|"
            r"rebate\w*|restitution|credit|cash|funds|exchange rate|top[- ]?up)\b",
            r"[$£€]\s?\d|\d\s?(dollars|pounds|euros|eur|usd|gbp)\b",
        ),
        _re(
            r"\b(that|this|the) (charge|payment|fee|debit|transaction)\b.{0,30}\b(on|from|to) your",
            r"\bgo through the bill\b",
            r"\b(this|that) (payment|charge) on your account\b",
        ),
    ),
)
_PREMISES += (
    Premise(
        "cancel_request",
        "the customer asks to cancel or close, not only thinks of leaving",
        _re(
            r"\b(i|we)(?:'d| would)? (?:like|want|wanna|need|have|am going|'m going|wish) "
            r"(?:to )?(cancel|close|terminate|end|quit|leave)\b",
            # not "I'm leaving for the airport at 2"
            r"\b(i|we)(?: am|'m| are|'re) (cancelling|canceling|closing|terminating|"
            r"leaving(?! (?:for|to|on|at|in|home|work|the|tomorrow|today|soon)\b))\b",
            r"\b(please )?(cancel|close|terminate|delete|end|deleting|cancelling|closing) "
            r"(?:(?:my|our|the|this) )?(?:\w+ )?(account|membership|subscription|contract|plan|"
            r"policy|service|order|booking)\b",
            r"^\s*(please )?(cancel|close) (it|this|that)\b",
        ),
        _re(
            r"\b(process|confirm) the cancellation\b",
            r"\bonce it's closed\b",
        ),
    ),
)
# A customer who has made up their mind, or told us in advance not to renew: retention offers
# and "before you decide" no longer fit. What a bill needs besides being explained: an estimate
# against their real readings, a bill spread into instalments.
_NOT_RENEW = (
    r"\bnot (?:to )?(?:be )?(?:auto-?)?renew\w*|\b(?:would|will) not be renewing\b|"
    r"\b(?:wouldn'?t|won'?t) be renewing\b|"
    r"\b(?:didn'?t|did not|don'?t|do not) want (?:it|them|my \w+|the \w+)? ?to (?:auto-?)?renew\b|"
    r"\b(?:turned off|switched off|cancell?ed|stopped) (?:the |my )?auto[- ]?renew\w*"
)
# They ended it in time: "I gave 30 days' notice", "I emailed in June to cancel". Read as notice
# only beside a renewal or a charge that kept coming (below); a plain "I cancelled it" only
# beside a renewal ("still charged" after cancelling a monthly plan is a charge to check).
_GAVE_NOTICE = (
    r"\bgave (?:you |them )?(?:my |our |the |written |a month'?s? |"
    r"\d+ (?:days?|weeks?|months?)'? )?notice\b|"
    r"\b(?:i|we) (?:emailed|e-mailed|wrote|called|rang|phoned|asked|messaged|told you|"
    r"contacted you|went in|filled in \w+ form)\b[^.?!\n]{0,30}\bto (?:cancel|end|stop|"
    r"terminate)\b"
)
_CANCELLED = r"\b(?:i|we) (?:had )?(?:already )?cancell?ed (?:it|my|our|the|this)\b"
_KEPT_CHARGING = (
    r"\b(?:auto-?)?renewed\b|\bstill (?:being )?(?:charged|billed|debited|taking|invoiced)\b|"
    r"\b(?:charged|billed|debited) (?:me |us |my card )?(?:again|for another|"
    r"for the (?:next|whole))|\bstill (?:came|come|went|gone|goes) out\b|"
    r"\b(?:came|come|went) out (?:again|anyway|regardless)\b"
)
_PREMISES += (
    Premise(
        "cancel_decided",
        "the customer has decided to leave (or told us in advance not to renew) and wants no "
        "offer to stay",
        _re(
            r"\bjust (?:cancel|close|end|stop|terminate) (?:it|this|that|my|the|our)\b",
            r"\b(?:i'?ve|i have|we'?ve|we have) (?:already )?(?:made up (?:my|our) minds?|"
            r"decided|made (?:my|our|the) decision)\b(?!,? (?:to|on|which|what|between|whether)\b"
            r"(?! (?:cancel|close|end|leave|go|switch|move|stop|quit)\b))|"
            r"\b(?:my|our) minds? (?:is|are) made up\b",
            r"\b(?:(?<!there )(?<!any )no|(?:do not|don'?t) want (?:any|an?)?|"
            r"not interested in (?:any|an?)?) ?"
            r"(?:offers?|deals?|discounts?|pause|retention)\b",
            r"\b(?:already )?(?:signed up|switched|moved|gone) (?:elsewhere|to another|"
            r"with another)|\balready (?:signed up|switched)\b",
            _NOT_RENEW,
        ),
        _re(r"\byou'?ve (?:made (?:your|the|up your) (?:decision|mind)|decided)\b"),
    ),
    Premise(
        "renewed_after_notice",
        "a plan, policy or membership renewed although the customer told us not to renew it",
        _re(
            rf"(?:{_NOT_RENEW})[\s\S]{{0,200}}(?:\b(?:renewed|charged|taken|invoiced|billed|"
            rf"debited)\b|{_KEPT_CHARGING})",
            rf"\b(?:auto-?)?renewed\b[\s\S]{{0,200}}(?:{_NOT_RENEW})",
            rf"(?:{_GAVE_NOTICE})[\s\S]{{0,200}}(?:{_KEPT_CHARGING})",
            rf"(?:{_CANCELLED})[\s\S]{{0,200}}\b(?:auto-?)?renewed\b",
            rf"\b(?:auto-?)?renewed\b[\s\S]{{0,200}}(?:{_GAVE_NOTICE}|{_CANCELLED})",
        ),
        _re(r"\byou told us (?:in advance )?not to renew\b"),
    ),
    Premise(
        "meter_reading",
        "a bill was estimated, or a meter was misread, against the customer's real readings",
        _re(
            r"\b(?:meter|actual|real|correct|accurate) readings?\b|\bmisread\b",
            r"\bestimat(?:ed|ing|e)\b[^.?!\n]{0,40}\b(?:bill|readings?|usage|meter)\b",
            r"\b(?:bill|readings?|usage)s?\b[^.?!\n]{0,30}\b(?:estimated|an? estimate)\b",
        ),
        _re(r"\byour actual readings?\b"),
    ),
    Premise(
        "payment_plan",
        "the customer asks to pay a bill in instalments, spread or split, or on a payment plan",
        _re(
            r"\b(?:split|spread|break up|divide)\b(?: [\w£$€.,]+){0,4} (?:into|over|across)\b"
            r"(?: \w+){0,3} (?:payments|instalments|installments|months|weeks|chunks|parts)\b",
            r"\bpayment (?:plan|arrangement|holiday|break)\b",
            r"\b(?:pay|paying|clear)\b(?: \w+){0,4} (?:in|over|across|by) (?:\d+|two|three|four|"
            r"six|twelve|monthly|weekly|smaller)(?: \w+){0,2} (?:instalments|installments|"
            r"payments|months)\b",
            r"\b(?:can'?t|cannot|can not|unable to|not able to|struggling to) (?:pay|afford)"
            r"(?: \w+){0,5} (?:all at once|in one go|in full|this month)\b",
        ),
        _re(r"\bspread(?:ing)? (?:the|your|this) bill\b"),
    ),
)
_PREMISES += (
    Premise(
        "price_rise",
        "the customer says a price, premium or plan went up (at a renewal, or this month)",
        _re(
            r"\b(price|premium|bill|tariff|rate|fee|subscription|rent|cost|plan)s?\b.{0,30}"
            r"\b(went up|gone up|has risen|rose|increased|jumped|doubled|shot up|hike)",
            r"\b(price|premium|fee) (increase|rise|hike|jump)\b|\bat renewal\b|"
            r"\brenewal (price|quote)",
        ),
        _re(r"\bwhat changed at your renewal\b", r"\b(the|your) (price|premium) (rise|increase)\b"),
    ),
    Premise(
        "fee",
        "the customer disputes a fee, fine or penalty (late fee, missed-appointment fee ...)",
        _re(
            r"\b(fined|fine of|penalty|penalised|pcn)\b",
            r"\b(speeding|parking|traffic) tickets?\b|\b(fine|parking charge) notice\b",
            r"\b(got|received|sent|given|issued|handed) (me |us )?(a |an )?(\w+ ){0,2}fine\b",
            r"\b(charged|billed|applied|added|took|taken|given|hit with|pay|paying)\b[^.?!]{0,30}"
            r"\bfees?\b",
            r"\bfees?\b[^.?!]{0,30}\b(charged|applied|added|taken)\b",
        ),
        _re(r"\b(the|that|this) (fee|fine|penalty) (was|you were) (applied|charged)\b"),
    ),
)

# A service that failed the customer, told apart from a faulty product: what was due and didn't
# happen (a visit, a collection), a stay that fell short, and what it cost them. Product replies
# (a replacement, a return, "when you try to use it") need a product; a missed visit or a spoilt
# stay is a different situation even when it names the thing it was for ("the engineer booked to
# fix our boiler never came": the boiler needs no replacement from us).
_NEVER = (
    r"(?:didn'?t|did not|never|hasn'?t|has not|haven'?t|have not|hadn'?t|had not|failed to|"
    r"still (?:hasn'?t|haven'?t|not)|won'?t|wasn'?t|weren'?t|not)"
)
_ARRIVE = (
    r"(?:come|came|turn(?:ed)? up|show(?:ed|n)? up|showed|show\b(?! (?:\w+ )?(?:me|us|you|him|"
    r"her|them|it|the|a|any|my|our|your))|arrive[ds]?|attend(?:ed)?|appear(?:ed)?|make it|"
    r"made it)"
)
_VISITOR = (
    r"(?:engineer|technician|tech|plumber|electrician|fitter|repair ?(?:man|person|guy|team)|"
    r"handyman|contractor|gas ?man|locksmith|mechanic|surveyor|inspector|cleaners?|carer|"
    r"nurse|crew|workm[ae]n|builders?|decorator|gardener|tradesman|installers?|fitters|"
    r"assembler|vet|removal (?:men|team|crew|firm)|removers|movers|driver to collect|"
    r"(?:assembly|installation|install|fitting|service|servicing|maintenance|cleaning) ?"
    r"(?:m[ae]n|person|people|guys?|lady|team|crew))"
)
_COLLECTED = r"(?:bins?|recycling|rubbish|refuse|garbage|trash|waste|collection|pick ?-?up)"
_STAY = (
    r"(?:hotel|hostel|motel|b ?& ?b|bnb|guest ?house|inn|airbnb|resort|cabin|chalet|caravan|"
    r"lodge|villa|cottage|cruise|holiday (?:let|home|rental|apartment|park)|campsite|"
    r"(?:our|my|the|your) stay|room \d+|(?:our|my|the) (?:hotel )?room|rooms? we (?:booked|were "
    r"given)|front desk|(?:\d+|two|three|four|five|six|seven|more|"
    r"another|next few) nights)"
)
_STAY_FAULT = (
    r"(?:nois(?:e|y)|loud|music|part(?:y|ying)|shouting|banging|drilling|building work|"
    r"construction|dirty|filthy|(?:not|never) (?:been )?clean(?:ed)?|unclean|stain(?:s|ed)|"
    r"hairs?|smell(?:y|ed|t|s)|stank|stinks?|damp|mou?ld|freezing|cold|no hot water|no heating|"
    r"cockroach(?:es)?|bed ?bugs|mice|rats|insects|(?:could ?n'?t|could not|did ?n'?t|"
    r"can'?t|no) (?:get (?:any )?)?sleep|kept (?:us|me|the (?:kids|baby)) (?:up|awake)|"
    r"(?:not|n'?t) (?:working|work))"
)
_PRODUCT_FAULT = (
    r"(?:not working|(?:(?:does|did|do|will|would|is|was|ca)(?:n'?t| not)|won'?t|cannot) "
    r"(?:work|turn on|switch on|"
    r"charge|start|connect|load|open|sync|print|pair|drain|cool|heat|respond|boot)|"
    r"stopped (?:working|charging|responding|connecting|cooling|heating)|keeps? (?:crashing|"
    r"freezing|dropping|restarting|disconnecting|cutting out|turning off|switching off|"
    r"shutting (?:down|off)|leaking|beeping|flickering|overheating|lagging|buffering)|"
    r"broken|broke|faulty|defective|damaged|cracked|smashed|shattered|dented|scratch(?:ed|es)?|"
    r"snapped|ripped|torn|leak(?:s|ing)?|crash(?:es|ed|ing)?|froze|freez(?:es|ing)|glitch\w*|"
    r"bug(?:gy|s)?|error|fault|dead pixels?|black screen|blank screen|no sound|slow|dropping|"
    r"drops|cutting out|intermittent|(?:fell|came|falling|coming) (?:apart|off|loose)|"
    r"wrong (?:item|size|colou?r|model|part)|missing (?:parts?|pieces?|items?)|"
    r"(?:points|score|results?|balance|miles|status) (?:is |are )?(?:still )?not (?:updat|show|"
    r"credit)\w*|not (?:charging|loading|syncing|updating|saving|accepting|printing|heating|"
    r"cooling)|(?:declined|rejected) (?:at|when|every)|(?:dead|died)(?! in)|playing up|"
    r"packed up|on the blink|expired)"
)
_PREMISES += (
    Premise(
        "missed_visit",
        "someone due to come (an engineer, a repair, a collection, a carer) never came, or "
        "a scheduled collection skipped the customer",
        _re(
            rf"\b(?:nobody|no ?-?one|no body)\b[^.?!\n]{{0,25}}\b{_ARRIVE}\b(?! back)",
            rf"\b{_VISITOR}s?\b[^.?!\n]{{0,45}}\b{_NEVER} (?:even |bother(?:ed)? to )?{_ARRIVE}"
            r"\b(?! back)",
            # "the courier never came to collect it": a visit for a job, not a parcel on its way
            rf"\b{_NEVER} (?:even )?(?:come|came|turn(?:ed)? up|show(?:ed)? up) (?:round |out )?"
            r"to (?:collect|pick up|fit|install|fix|repair|assemble|connect|read|service|"
            r"inspect|measure|survey)\b",
            rf"\b(?:they|someone|anyone)\b {_NEVER} (?:even )?(?:turn(?:ed)? up|show(?:ed)? up|"
            r"come round|come out)\b",
            # "an engineer was booked for Friday. He never came": the visitor named before
            rf"\b{_VISITOR}s?\b[^?!\n]{{0,120}}\b(?:he|she|they)\b (?:has |have )?{_NEVER} "
            rf"(?:even |bother(?:ed)? to )?{_ARRIVE}\b(?! back)",
            rf"\b{_COLLECTED}\b[^.?!\n]{{0,25}}\b{_NEVER}( been)? (?:collected|emptied|"
            r"picked up|taken away)\b",
            rf"\b(?:missed|skipped|forgot(?:ten)?)\b[^.?!\n]{{0,15}}\b{_COLLECTED}\b",
            rf"\b{_COLLECTED}s? (?:was|were|got|has been|have been) (?:missed|skipped|forgotten)",
            r"\bno[- ]show\b",
            r"\b(?:visit|appointment|collection|repair|engineer) (?:never|didn'?t|did not) "
            r"happen\b",
            r"\bcancell?ed (?:the|my|our) (?:visit|appointment|repair|collection)\b[^.?!\n]{0,20}"
            r"\b(?:on the day|last minute|that morning|an hour before|without (?:telling|notice))",
        ),
        _re(
            r"\bwhy (?:nobody|no one) (?:came|turned up|showed up)\b",
            r"\b(?:the|your) (?:missed|failed) (?:visit|appointment|collection)\b",
            r"\bget someone (?:out|back out|round) to you\b",
            r"\bnobody turning up\b",
        ),
    ),
    Premise(
        "spoilt_stay",
        "a stay (a hotel, a holiday let, a cabin) fell short: noise, dirt, cold, pests, "
        "something in the room not working",
        _re(
            rf"\b{_STAY}\b[\s\S]{{0,200}}\b{_STAY_FAULT}",
            rf"\b{_STAY_FAULT}[\s\S]{{0,200}}\b{_STAY}\b",
        ),
        _re(
            r"\bthe stay you booked\b",
            r"\ba room you can'?t (?:rest|sleep)\b",
        ),
    ),
    Premise(
        "stay_ongoing",
        "the customer is still staying there (tonight, right now, for more nights)",
        _re(
            r"\b(?:tonight|right now|at the moment|currently|still here|this evening|"
            r"(?:another|more|next) (?:\w+ )?nights?|until (?:monday|tuesday|wednesday|thursday|"
            r"friday|saturday|sunday|the \d+\w*)|check(?:ing)? out (?:tomorrow|on)|"
            r"(?:i'?m|i am|we'?re|we are) (?:in|staying)|"
            r"(?:i'?m|i am|we'?re|we are) (?:still )?(?:here|in room))\b",
        ),
        _re(
            r"\bmove you to (?:another|a different|a quieter|a new) room\b",
            r"\bwhile you'?re (?:still )?(?:with us|staying)\b",
        ),
    ),
    Premise(
        "time_lost",
        "the customer lost time or money waiting for us: a day off work, a wasted day",
        _re(
            r"\b(?:took|take|taken|taking|booked|had to take|lost|losing) (?:a |the |half a )?"
            r"(?:whole |full |entire )?(?:day|days|morning|afternoon|time) off\b",
            r"\b(?:time|day|days) off work\b|\b(?:annual|unpaid) leave\b",
            r"\b(?:lost|losing) (?:a |a day'?s |half a day'?s |my )?(?:pay|wages|earnings|"
            r"shift)\b",
            r"\b(?:waited|stayed|sat) (?:in |at home |home |around )?(?:all|the whole) "
            r"(?:day|morning|afternoon)\b",
            r"\bwasted (?:a|my|the|our|a whole|the whole|an entire) (?:day|morning|afternoon|"
            r"time)\b",
        ),
        _re(
            r"\b(?:the|your) (?:time|day) (?:you )?(?:lost|took off|wasted)\b",
            r"\b(?:lost|wasted) time waiting\b",
            r"\btime off work\b",
        ),
    ),
    Premise(
        "product",
        "a thing the customer has and uses (a device, an appliance, an item, an app, a card, "
        "a connection) is faulty, damaged or not working",
        _re(rf"\b{_PRODUCT_FAULT}"),
        _re(
            r"\bwhen you try to use it\b",
            r"\bhow the return works\b",
            r"\b(?:set up|arrange) a replacement\b",
            r"\bthe new one (?:should|will) reach you\b",
        ),
        # a lock or key that shuts them out of a place: getting in comes first, not a return
        unless=("missed_visit", "spoilt_stay", "damage_charge", "locked_out_place"),
    ),
)
_PREMISES += (
    Premise(
        "paid_not_provided",
        "they paid for something (an extra, a service, a seat) and say they didn't get it: "
        "they know what the charge was for",
        _re(
            r"\b(?:paid|charged|payed) (?:extra |good money |(?:[£$€]?\d[\d.,]*) )?for "
            r"(?:[\w'-]+ ){1,5}?(?:and|but) (?:i |we |it |they )?(?:didn'?t|did not|never|"
            r"haven'?t|have not|couldn'?t|could not|wasn'?t|weren'?t)(?: (?:able to|even))? "
            r"(?:get|got|receive|received|have|had|given|provided|happen)\b",
            r"\b(?:paid|charged) (?:\w+ )?for (?:[\w'-]+ ){1,5}?(?:that|which) (?:i|we) "
            r"(?:didn'?t|did not|never) (?:get|got|receive|received|have|had)\b",
            # "paid extra for a sea view but were given one facing the car park"
            r"\bpaid (?:extra |more )?for (?:[\w'-]+ ){1,5}?but (?:i|we) (?:got|were given|"
            r"was given|were put in|was put in|ended up with)\b",
        ),
        _re(r"\byou paid for it, so it should have been there\b"),
    ),
    Premise(
        "wrong_size",
        "what came is the wrong size, or doesn't fit them, and they need another size",
        _re(
            r"\bwrong size\b|\b(?:a |one |the )?size (?:up|down|bigger|smaller)\b",
            r"\b(?:bigger|smaller|larger|different|next|right|correct) size\b",
            r"\b(?:is|are|was|were|it'?s|they'?re|came up|comes? up|fits?) (?:a bit |slightly |"
            r"far |way |much |a little |a size )?too (?:small|big|large|tight|loose|narrow|wide|"
            r"baggy)\b",
            r"\b(?:does ?n'?t|do ?n'?t|did ?n'?t|does not|do not|did not) fit (?:me|him|her|them|"
            r"us|my (?:son|daughter|husband|wife|partner|child|kids?|feet|foot))\b",
        ),
        _re(r"\bthe size that fits\b|\bthe right size\b"),
    ),
)
_PREMISES += (
    Premise(
        "how_to",
        "the customer asks how to do something themselves (a guide fits; otherwise it deflects)",
        _re(
            r"\bhow (?:do|can|could|should|would) (?:i|we) (?!help\b|assist\b)\w+",
            r"\bhow to (?!help\b)\w+",
            r"\bwhere (?:do|can|could) (?:i|we) (?:find|go|change|update|set|see|download)\b",
            r"\bis there a way (?:for (?:me|us) )?to\b|\b(?:do|can) (?:it|this|that) "
            r"(?:myself|ourselves|online)\b",
        ),
        _re(r"\bstep-by-step guide\b"),
    ),
)
_PREMISES += (
    Premise(
        "blocked",
        "the customer's card, account or access is blocked, frozen or suspended on our side, "
        "and they want it working again",
        _re(
            r"\b(?:card|account|acc|access|login|profile|sim|wallet|online banking|"
            r"mobile banking|payments?)(?:'s| s)? (?:has |have |had |is |was |got |been |s |"
            r"just |now |still )*(?:blocked|frozen|suspended|restricted|deactivated|barred)\b",
            r"\b(?:unblock|unfreeze|reactivate|lift the (?:block|freeze|hold|suspension))\b",
        ),
        _re(
            r"\blift the (?:block|freeze|hold|suspension)\b",
            r"\bwhy (?:it|your \w+) (?:was|has been) (?:blocked|frozen|suspended)\b",
        ),
    ),
)
_OWED = r"(?:refunds?|money back|reimbursement|deposit)"
_PREMISES += (
    Premise(
        "refund_awaited",
        "the customer is waiting for a refund or money back that has not reached them",
        _re(
            rf"\b{_OWED}\b.{{0,40}}\b(?:hasn'?t|has not|haven'?t|have not|isn'?t|is not|not|"
            r"never|still not|yet to|still hasn'?t) (?:yet )?(?:arrived|come|come through|"
            r"reached|landed|shown|appeared|gone through|been (?:paid|received|credited|returned))",
            rf"\b(?:still|yet to|haven'?t|have not|not|never)\b.{{0,20}}\b(?:had|got|gotten|"
            rf"received|seen)\b.{{0,15}}\b(?:my |the |a |any |our )?{_OWED}\b",
            rf"\bwhere(?:'s| is) (?:my|the|our) {_OWED}\b",
            rf"\b(?:waiting|still waiting|been waiting) (?:for|on) (?:my |the |a |our )?{_OWED}\b",
            r"\b(?:refund|money back|reimbursement)\b.{0,60}\bnothing (?:in|on) my "
            r"(?:bank|account|card|statement)\b",
        ),
        _re(
            r"\b(?:your|the) refund (?:should have|hasn't|has not|still hasn't) (?:reached|"
            r"arrived|come)",
            r"\bthe refund you(?:'re| are) (?:waiting|still waiting) (?:for|on)\b",
        ),
    ),
)
_PLACE_IN = (
    r"(?:flat|house|home|room|apartment|property|cottage|cabin|villa|car|van|building|office)"
)
_PREMISES += (
    Premise(
        "locked_out_place",
        "the customer is locked out of a place or vehicle (a key, key safe, door code or room "
        "card that does not work), not out of an online account",
        _re(
            rf"\blocked out of (?:the|my|our|your|this) (?:\w+ )?{_PLACE_IN}\b",
            r"\b(?:key ?safe|lock ?box|(?:door|gate|entry) code|keypad|key ?card|room key|"
            r"smart lock|keys?|key fob)\b.{0,40}\b(?:(?:doesn'?t|does not|don'?t|do not|won'?t|"
            r"will not|not|isn'?t|is not) (?:work|open|working|accepted|fit)|(?:has |have )?"
            r"stopped (?:working|opening))",
            r"\b(?:locked|left) (?:the |my |our )?keys? (?:inside|in (?:the|my|our))\b",
            rf"\bcan'?t get (?:in|into) (?:the|my|our|this) (?:\w+ )?{_PLACE_IN}\b",
        ),
        _re(r"\b(?:key ?safe|lock ?box|door code)\b"),
    ),
)
# What a charge, a stock device line or a refund hedge would misread: items that never came with
# the order, a charge for damage the customer disputes (a hire car, a rental, a deposit kept),
# someone vulnerable left at risk by a fault.
_NOT_MONEY = r"(?!(?:refunds?|payments?|money|deposit|credit|funds|cash|transfer|statement)\b)"
_DAMAGE = (
    r"(?:damage[ds]?|scratch(?:es|ed)?|dents?|dented|tears?|stains?|chips?|cracks?|burns?|wear)"
)
_PREMISES += (
    Premise(
        "missing_items",
        "items they ordered did not come with the rest (missing from the bag, the box, the order)",
        _re(
            rf"\b{_NOT_MONEY}\w+s? (?:is|are|was|were|went|seems?|appears?) (?:still )?missing\b",
            r"\bmissing (?:from|out of|in) (?:my|our|the) (?:order|bag|box|delivery|parcel|"
            r"package|shopping|basket|kit)\b",
            r"\b(?:three|two|four|five|some|several|\d+) (?:things|items|bits|parts) "
            r"(?:are |were )?missing\b",
            r"\b(?:turned up|arrived|came|delivered) without (?:the|any|my|our)\b",
            r"\b(?:wasn'?t|weren'?t|was not|were not|not) in (?:the|my|our) (?:bag|box|parcel|"
            r"package|order|delivery)\b",
            r"\b(?:box|bag|item|part|pieces?|parts|items)\b[^.?!]{0,40}\b(?:wasn'?t|weren'?t) "
            r"there\b",
            r"\bonly (?:got|received|had) \d+ (?:of|out of) (?:the )?\d+\b",
        ),
        _re(
            r"\bthe missing (?:items?|parts?|pieces?|things)\b",
            r"\b(?:items?|parts?) (?:that )?(?:were|was) missing\b",
        ),
    ),
    Premise(
        "damage_charge",
        "they dispute a charge, invoice or deposit kept for damage (a hire car, a rental, a let)",
        _re(
            rf"\b(?:charg\w*|bill\w*|invoic\w*|fin\w*|deduct\w*|kept|keep|keeping|take|taking|"
            rf"took|withh[eo]ld\w*)\b[^.?!]{{0,50}}\b(?:for|over|because of|due to|saying)\b"
            rf"[^.?!]{{0,30}}\b{_DAMAGE}",
            rf"\b{_DAMAGE} (?:charge|fee|claim|invoice|bill|deduction)s?\b",
            rf"\b(?:invoice|bill|charge) for [$£€]?\s?\d[\d,.]* (?:of )?{_DAMAGE}",
        ),
        _re(r"\bthe (?:damage|damages) (?:charge|fee|claim|invoice)\b"),
    ),
    Premise(
        "vulnerable",
        "someone vulnerable is affected (a baby, a person in their eighties, someone on oxygen "
        "or medical equipment, disabled, frail)",
        hazards.VULNERABLE,
        _re(r"\b(?:someone|a person) as vulnerable as\b"),
    ),
)
# Things too big to post back: a returns label is no answer for a sofa or a fridge.
_BULKY = (
    r"(?:sofa|settee|couch|sofa bed|bed ?frame|divan|mattress|wardrobe|chest of drawers|"
    r"bookcase|sideboard|dining table|armchair|recliner|fridge|freezer|fridge freezer|"
    r"washing machine|washer|dryer|tumble dryer|dishwasher|cooker|range cooker|oven|treadmill|"
    r"exercise bike|piano|hot tub|shed|garden furniture)s?"
)
_PREMISES += (
    Premise(
        "bulky_item",
        "the thing at stake is too big to post back (a sofa, a mattress, a fridge, a wardrobe)",
        _re(rf"\b(?:the|my|our|a|an|new|your)\b(?: [\w-]+){{0,2}} {_BULKY}\b"),
        _re(r"\bcollect (?:the|it|the damaged one|the old one) from (?:you|your home)\b"),
    ),
    Premise(
        "cause_known",
        "our side has already said what is causing the problem (a fault in the area, engineers "
        "on site, a known issue)",
        _re(
            r"\b(?:fault|outage|issue|problem|incident|failure|works?)\b[^.?!]{0,30}\b"
            r"(?:at|in|on|affecting) (?:the |your |our )?(?:local |whole )?(?:exchange|area|"
            r"street|network|region|postcode|cabinet|mast|substation|servers?|systems?)\b",
            r"\b(?:we'?re|we are|we have been|we'?ve been) (?:aware|made aware)\b",
            r"\b(?:engineers?|technicians?|crews?|teams?) (?:are|is) (?:already )?(?:on site|"
            r"on the way|working on|attending|investigating|fixing)\b",
            r"\bknown (?:issue|fault|outage|problem)\b",
        ),
        _re(r"\bnow that we know what'?s causing\b"),
    ),
)
PREMISES: dict[str, Premise] = {p.name: p for p in _PREMISES}


def stated_premises(conversation: Conversation) -> frozenset[str]:
    """The premises the conversation states, in any turn."""
    text = "\n".join(without_signature(m.text) for m in conversation.messages)
    found = {p.name for p in _PREMISES if _pattern(p.stated).search(text)}
    found |= multilingual_signals.stated_premises(text)  # their words in another language
    return frozenset(name for name in found if not set(PREMISES[name].unless) & found)


def presumed_premises(reply: str) -> frozenset[str]:
    """The premises a reply takes for granted."""
    return frozenset(p.name for p in _PREMISES if _pattern(p.presumed).search(reply))


def unsupported_premises(reply: str, stated: frozenset[str]) -> list[str]:
    """Premises the reply presumes that the conversation (its `stated` premises) does not."""
    return sorted(presumed_premises(reply) - stated)
