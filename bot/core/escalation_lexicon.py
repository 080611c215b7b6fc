"""The word lists behind `bot.core.escalation`: general support-channel English, any domain.

Everything is written against `bot.core.text.normalise` output: lower case, contractions
expanded ("can't" -> "can not"), punctuation gone except `?` and `!`.

Weights are intensities on a 0-4 scale: about 1 for a mild complaint cue ("late", "issue"),
2 for a clear one ("broken", "useless"), 3 and more for anger ("disgusting", "worst").
Nothing here is specific to one industry: a word belongs only if it reads the same way in a
bank, a shop, an insurer, a telco or a travel company.
"""

from __future__ import annotations

# The tables are packed by hand, several entries a line; keep the formatter off them.
# fmt: off

# --- single words -------------------------------------------------------------------------

# Anger, frustration and disappointment: how the customer feels.
ANGER: dict[str, float] = {
    # strongest
    "furious": 3.5, "livid": 3.5, "outraged": 3.5, "outrageous": 3.2, "disgusting": 3.3,
    "disgusted": 3.3, "disgrace": 3.2, "disgraceful": 3.3, "appalling": 3.3, "appalled": 3.2,
    "atrocious": 3.4, "horrendous": 3.3, "horrific": 3.2, "horrible": 3.0, "terrible": 3.0,
    "awful": 3.0, "abysmal": 3.2, "dreadful": 3.0, "worst": 3.2, "pathetic": 3.2,
    "unacceptable": 3.3, "inexcusable": 3.3, "ridiculous": 3.0, "ridiculously": 2.0, "absurd": 2.6,
    "ludicrous": 2.8, "shameful": 3.0, "shameless": 2.8, "shocking": 2.6, "incompetent": 3.2,
    "incompetence": 3.2, "useless": 3.0, "hopeless": 2.6, "clueless": 2.6, "hate": 3.0,
    "hated": 2.8, "hates": 2.8, "hating": 2.6, "despise": 3.2, "loathe": 3.2, "scam": 3.2,
    "scammed": 3.3, "scammers": 3.3, "scamming": 3.2, "ripoff": 3.0, "swindle": 3.0,
    "swindled": 3.0, "conned": 3.0, "crooks": 3.2, "thieves": 3.2, "liar": 3.2,
    "liars": 3.2, "lied": 2.8, "lying": 2.6, "lies": 2.4, "nightmare": 3.0, "fuming": 3.4,
    "infuriating": 3.3, "infuriated": 3.3, "enraged": 3.4, "seething": 3.3, "angry": 3.0,
    "anger": 2.6, "angered": 3.0, "mad": 2.2, "pissed": 3.2, "irate": 3.2, "frustrated": 2.8,
    "frustrating": 2.8, "frustration": 2.6, "frustrates": 2.6, "annoyed": 2.5, "annoying": 2.4,
    "annoyance": 2.2, "irritated": 2.5, "irritating": 2.4, "aggravated": 2.6, "aggravating": 2.6,
    "exasperated": 2.8, "exasperating": 2.8, "upset": 2.5, "upsetting": 2.5, "distressed": 2.6,
    "distressing": 2.6, "stressed": 2.0, "stressful": 2.2, "stress": 1.6, "disappointed": 2.6,
    "disappointing": 2.6, "disappointment": 2.6, "disappoints": 2.4, "dissatisfied": 2.8,
    "unhappy": 2.6, "displeased": 2.6, "unimpressed": 2.4, "fed": 0.4, "sick": 1.0, "tired": 0.8,
    "sad": 1.8, "miserable": 2.6, "devastated": 2.8, "heartbroken": 2.6, "gutted": 2.6,
    "insulting": 3.0, "insult": 2.8, "insulted": 2.8, "rude": 2.8, "rudely": 2.8, "rudeness": 2.8,
    "disrespectful": 3.0, "disrespected": 3.0, "condescending": 2.8, "arrogant": 2.6,
    "unprofessional": 3.0, "careless": 2.4, "negligent": 2.8, "negligence": 2.8, "sloppy": 2.4,
    "shoddy": 2.8, "lousy": 2.8, "crappy": 3.0, "crap": 2.8, "shit": 3.0, "shitty": 3.2,
    "bullshit": 3.3, "bs": 2.4, "fuck": 3.2, "fucking": 2.6, "fucked": 3.2, "wtf": 3.0,
    "damn": 2.0, "dammit": 2.4, "goddamn": 2.6, "hell": 1.6, "sucks": 3.0, "suck": 2.6,
    "sucked": 2.6, "screwed": 2.8, "screw": 1.8, "garbage": 2.8, "trash": 2.6, "rubbish": 2.6,
    "junk": 2.2, "joke": 1.6, "joking": 0.8, "laughable": 2.8, "embarrassing": 2.4,
    "embarrassed": 2.0, "shame": 2.0, "fiasco": 3.0, "shambles": 3.0, "debacle": 3.0,
    "disaster": 2.8, "disastrous": 3.0, "mess": 2.2, "messed": 2.2, "chaos": 2.2, "chaotic": 2.2,
    "farce": 3.0, "circus": 1.6, "poor": 2.0, "poorly": 2.2, "bad": 2.0, "badly": 2.0,
    "worse": 2.6, "worsening": 2.2, "mediocre": 2.0, "subpar": 2.4, "inferior": 2.0,
    "unbelievable": 1.6, "unreal": 1.2, "ugh": 2.4, "argh": 2.6, "grr": 2.4, "smh": 2.4,
    "sigh": 1.6, "fml": 2.6, "ffs": 3.0, "omfg": 2.0, "meh": 1.2, "seriously": 1.2,
    "honestly": 0.4, "nonsense": 2.6, "unfair": 2.6, "unfairly": 2.6, "unjust": 2.6,
    "unreasonable": 2.4, "greedy": 2.8, "greed": 2.6, "cheated": 3.0, "cheat": 2.6, "robbed": 3.0,
    "robbery": 3.0, "stolen": 2.2, "steal": 2.2, "stole": 2.4, "stealing": 2.6, "misleading": 2.6,
    "misled": 2.8, "deceptive": 2.8, "deceived": 2.8, "dishonest": 3.0, "fraudulent": 2.8,
    "shady": 2.6, "dodgy": 2.4, "sketchy": 2.2, "betrayed": 2.8, "ashamed": 2.4, "regret": 2.2,
    "regretting": 2.4, "worried": 1.8, "worry": 1.4, "worrying": 1.8, "anxious": 1.8,
    "concerned": 1.2, "concerning": 1.4, "confused": 1.0, "confusing": 1.4, "baffled": 1.8,
    "fail": 2.4, "fails": 2.4, "failed": 2.0, "failing": 2.2, "failure": 2.4, "failures": 2.4,
    "neglected": 2.4, "ignored": 2.6, "ignoring": 2.6, "ignore": 1.8, "ignores": 2.4, "dumb": 2.4,
    "stupid": 2.8, "idiots": 3.2, "idiot": 3.0, "idiotic": 3.0, "moron": 3.2, "morons": 3.2,
    "ugly": 2.0, "nasty": 2.6, "gross": 2.4, "vile": 3.0, "toxic": 2.6, "unsafe": 2.4,
    "dangerous": 2.4, "hazard": 1.6, "harassment": 2.6, "harassed": 2.8, "threatened": 2.4,
    "penalised": 2.4, "penalized": 2.4, "punished": 2.4, "victim": 2.2, "helpless": 2.4,
    "powerless": 2.4, "desperate": 2.4, "stranded": 2.6, "trapped": 2.4, "annoys": 2.4,
    "bothered": 1.4, "complain": 1.8, "complaining": 1.8, "complaint": 1.8, "complaints": 1.8,
    "rant": 2.0, "vent": 1.6, "hassle": 2.2, "headache": 2.2, "inconvenience": 1.8,
    "inconvenienced": 2.4, "inconvenient": 2.0, "struggle": 1.6, "struggling": 1.6,
    "suffering": 2.2, "suffer": 2.0, "pain": 1.6, "painful": 2.2, "torture": 2.8, "unhelpful": 2.8,
    "uncooperative": 2.6, "unreliable": 2.6, "unacceptably": 3.0, "excuse": 1.4, "excuses": 2.2,
    "waste": 2.4, "wasted": 2.4, "wasting": 2.4, "overpriced": 2.4, "overcharged": 2.8,
    "overcharging": 2.8, "extortion": 3.0, "extortionate": 3.0, "exorbitant": 2.6,
    "ridiculousness": 3.0, "bizarre": 1.6, "weird": 0.8, "strange": 0.6, "inadequate": 2.4,
    "incorrectly": 1.6, "ruin": 2.6, "ruined": 2.8, "ruining": 2.8, "ruins": 2.6, "asshole": 3.4,
    "assholes": 3.4, "blows": 2.2, "troubling": 1.8, "inconsistent": 1.8, "insufficient": 1.8,
    "weak": 1.2, "fake": 2.0, "counterfeit": 2.2, "glitchy": 2.0, "killing": 1.4,
    "deplorable": 3.0, "discrimination": 2.6, "discriminated": 2.8, "misrepresented": 2.6,
    "predatory": 3.0, "harass": 2.6, "harassing": 2.8, "threatening": 2.4, "screaming": 2.0,
    "yelling": 2.2, "crying": 1.8, "unreachable": 2.0, "incompetency": 3.2, "angering": 3.0,
    "slowness": 1.6, "darn": 1.6, "unhelpfully": 2.6, "abandoned": 2.4, "forgotten": 1.6,
    "unclear": 1.2, "dismissive": 2.6, "sucky": 2.6,
}

# Something went wrong: the situation a complaint describes. Milder than anger on its own,
# and what turns a positive word sarcastic ("great, another delay").
TROUBLE: dict[str, float] = {
    "broken": 2.0, "broke": 1.6, "damaged": 2.0, "damage": 1.4, "defective": 2.2, "faulty": 2.2,
    "malfunction": 2.0, "malfunctioning": 2.2, "cracked": 1.8, "torn": 1.6, "missing": 1.6,
    "lost": 1.6, "losing": 1.4, "stuck": 1.8, "delayed": 1.8, "delay": 1.6, "delays": 1.8,
    "late": 1.3, "later": 0.2, "overdue": 1.8, "cancelled": 1.6, "canceled": 1.6,
    "cancellation": 0.5, "wrong": 1.8, "wrongly": 2.0, "incorrect": 1.6, "error": 1.4,
    "errors": 1.6, "glitch": 1.6, "glitches": 1.8, "bug": 1.2, "buggy": 2.0, "crash": 1.6,
    "crashed": 1.8, "crashes": 1.8, "crashing": 1.8, "freezes": 1.6, "frozen": 1.2, "outage": 1.6,
    "down": 0.5, "problem": 1.0, "problems": 1.4, "issue": 0.8, "issues": 1.2, "trouble": 1.4,
    "unresolved": 2.2, "unanswered": 2.2, "unable": 1.2, "impossible": 1.8, "nowhere": 1.2,
    "nobody": 1.6, "noone": 1.6, "nothing": 0.6, "never": 0.9, "refused": 2.0, "refuse": 1.6,
    "refuses": 2.0, "refusing": 2.0, "denied": 1.8, "declined": 1.2, "rejected": 1.6,
    "overbooked": 2.0, "disconnected": 1.6, "dropped": 1.0, "charged": 1.0, "charging": 0.6,
    "fee": 0.4, "fees": 0.8, "penalty": 1.0, "debited": 0.8, "deducted": 1.0, "refund": 0.7,
    "compensation": 1.2, "compensate": 1.0, "reimburse": 0.8, "reimbursement": 0.8, "hold": 0.5,
    "waiting": 1.0, "waited": 1.4, "wait": 0.5, "forever": 1.6, "ages": 1.0, "hours": 0.8,
    "hrs": 0.8, "days": 0.3, "weeks": 0.6, "months": 0.6, "still": 0.9, "again": 0.9, "yet": 0.3,
    "even": 0.3, "already": 0.5, "supposed": 0.8, "apparently": 0.8, "rebook": 0.5,
    "rebooked": 0.5, "reschedule": 0.3, "missed": 1.4, "miss": 0.6, "misplaced": 1.8,
    "leaking": 1.8, "leak": 1.4, "mould": 2.0, "mold": 2.0, "expired": 1.0, "stale": 1.6,
    "spoiled": 2.0, "rotten": 2.4, "dirty": 2.0, "filthy": 2.8, "smelly": 2.0, "stinks": 2.6,
    "cold": 0.4, "slow": 1.4, "slowest": 2.2, "sluggish": 1.6, "long": 0.3, "longer": 0.4,
    "lengthy": 1.0, "unusable": 2.4, "unavailable": 1.2, "inaccessible": 1.6, "locked": 0.8,
    "blocked": 1.0, "suspended": 1.2, "fraud": 1.0, "unauthorized": 1.6, "unauthorised": 1.6,
    "disputed": 1.0, "mistake": 1.6, "mistakes": 1.8, "fault": 1.4, "blame": 1.6, "blamed": 1.8,
    "blaming": 1.8, "hung": 0.8, "disconnect": 1.0, "queue": 0.6, "bumped": 1.4, "downgraded": 1.8,
    "worn": 1.0, "shortage": 1.2, "unpaid": 1.0, "bounced": 1.2, "lack": 1.2, "lacking": 1.4,
    "poorest": 2.6, "confusion": 1.2, "empty": 0.4, "hidden": 1.0, "doubled": 1.2, "twice": 0.8,
    "problematic": 1.6, "uncomfortable": 1.6, "frustratingly": 2.4, "sadly": 1.2,
    "unfortunately": 1.0, "disruption": 1.4, "disrupted": 1.4, "interrupted": 1.0, "chasing": 1.6,
    "chased": 1.4, "begging": 2.0, "beg": 1.4, "pleading": 2.0, "demand": 1.6, "demanding": 1.6,
    "crazy": 1.6, "insane": 2.2, "literally": 0.4, "another": 0.4, "why": 0.6, "forgot": 1.2,
    "booted": 1.6, "kicked": 1.4, "concern": 1.0, "concerns": 1.0, "busy": 0.6, "behind": 0.6,
    "zero": 0.8, "nope": 1.0, "keeps": 0.6, "constantly": 1.0, "overdraft": 1.2,
    "foreclosure": 1.6, "hike": 1.4, "backordered": 1.0, "urgent": 1.0, "urgently": 1.0,
    "asap": 0.6, "immediately": 0.8, "emergency": 1.2, "transferred": 1.0,
}

# Positive words. Negated ("not happy") they count as negative; next to a negative situation
# ("thanks for nothing", "great, another delay") they count for nothing or as sarcasm.
POSITIVE: dict[str, float] = {
    "thanks": 1.8, "thank": 1.8, "thx": 1.6, "ty": 1.2, "cheers": 1.2, "appreciate": 2.0,
    "appreciated": 2.0, "appreciation": 1.8, "grateful": 2.2, "thankful": 2.2, "great": 2.2,
    "good": 1.4, "nice": 1.6, "fine": 0.6, "love": 2.4, "loved": 2.4, "loving": 2.2, "lovely": 2.2,
    "liked": 1.2, "awesome": 2.6, "amazing": 2.6, "excellent": 2.8, "fantastic": 2.8,
    "wonderful": 2.6, "brilliant": 2.6, "superb": 2.8, "outstanding": 2.8, "exceptional": 2.6,
    "perfect": 2.4, "perfectly": 1.8, "best": 2.2, "better": 1.0, "impressed": 2.2,
    "impressive": 2.2, "helpful": 2.0, "helped": 1.4, "happy": 2.2, "glad": 2.0, "pleased": 2.0,
    "delighted": 2.6, "thrilled": 2.6, "excited": 2.0, "exciting": 2.0, "enjoy": 1.8,
    "enjoyed": 2.0, "fun": 1.6, "cool": 1.4, "sweet": 1.4, "kind": 0.8, "kindly": 0.6,
    "kindness": 2.0, "friendly": 2.0, "polite": 1.8, "courteous": 2.0, "professional": 1.6,
    "patient": 1.4, "patience": 1.2, "quick": 1.2, "quickly": 1.0, "fast": 1.2, "easy": 1.4,
    "smooth": 1.6, "seamless": 2.0, "efficient": 1.8, "reliable": 1.6, "resolved": 1.6,
    "sorted": 1.4, "fixed": 1.4, "solved": 1.6, "works": 0.6, "recommend": 2.0, "recommended": 1.6,
    "favourite": 2.0, "favorite": 2.0, "yay": 2.4, "woohoo": 2.4, "hooray": 2.4, "congrats": 2.2,
    "congratulations": 2.2, "welcome": 1.2, "hero": 2.2, "heroes": 2.2, "kudos": 2.6, "props": 1.8,
    "shoutout": 2.0, "rock": 1.0, "rocks": 2.2, "beautiful": 2.2, "gorgeous": 2.2,
    "incredible": 2.2, "phenomenal": 2.8, "stellar": 2.6, "fabulous": 2.6, "terrific": 2.6,
    "marvellous": 2.6, "marvelous": 2.6, "splendid": 2.4, "spectacular": 2.4, "wow": 1.2,
    "safe": 1.2, "comfortable": 1.6, "comfy": 1.6, "pleasant": 2.0, "pleasure": 2.0,
    "satisfied": 2.0, "satisfying": 1.8, "lucky": 1.6, "luck": 1.0, "blessed": 2.0, "proud": 2.0,
    "hope": 0.6, "hopefully": 0.6, "promptly": 1.4, "prompt": 1.2, "responsive": 1.6,
    "attentive": 1.8, "accommodating": 2.0, "generous": 2.0, "valued": 0.6, "trust": 1.2,
    "glorious": 2.4, "flawless": 2.6, "legend": 2.2, "legends": 2.2, "classy": 2.0,
    "impeccable": 2.8, "supportive": 2.0,
    "lifesaver": 2.6, "saved": 0.8, "understanding": 0.4, "helping": 1.0, "worked": 0.8,
    "yummy": 2.0, "delicious": 2.4, "tasty": 2.0, "enjoying": 2.0, "smile": 1.6, "smiles": 1.6,
    "lol": 0.8, "haha": 1.2, "hahaha": 1.2, "lmao": 1.0, "xoxo": 2.0, "xx": 1.2,
    "awesomeness": 2.6, "exceeded": 1.6, "honest": 1.2, "truthful": 1.2, "fixing": 1.0,
    "nicely": 1.6,
}

# Words that flip the polarity of what follows within a few words.
NEGATORS: frozenset[str] = frozenset(
    [
        "not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "without", "hardly",
        "barely", "scarcely", "cannot", "lack", "lacks", "lacking", "zero", "nowhere",
    ]
)

# Swearing keeps its force under negation ("not doing a damn thing").
PROFANITY: frozenset[str] = frozenset(
    [
        "damn", "dammit", "goddamn", "fuck", "fucking", "fucked", "shit", "shitty", "bullshit",
        "crap", "crappy", "hell", "wtf", "ffs", "fml", "bloody", "asshole", "assholes",
    ]
)

# Praise that, opening a message about something gone wrong, is sarcasm ("Great, another
# delay", "Perfect. Charged twice.").
SARCASM_OPENERS: frozenset[str] = frozenset(
    [
        "great", "perfect", "wonderful", "fantastic", "awesome", "brilliant", "lovely", "nice",
        "excellent", "love", "super", "terrific", "marvellous", "marvelous", "splendid", "cool",
        "amazing", "superb", "fabulous",
    ]
)

# Hashtags fuse words ("#epicfail", "#badservice", "#nothappy"): a hashtag that starts or
# ends with one of these reads as negative.
HASHTAG_HEADS: frozenset[str] = frozenset(
    [
        "bad", "worst", "poor", "terrible", "horrible", "awful", "fail", "epicfail", "unhappy",
        "angry", "disappointed", "frustrated", "shame", "ridiculous", "useless", "pathetic",
    ]
)
HASHTAG_TAILS: frozenset[str] = frozenset(
    [
        "fail", "fails", "failure", "epicfail", "sucks", "worst", "disappointed", "unacceptable",
        "ridiculous", "nightmare", "disaster", "joke", "lies", "scam", "frustrated", "frustration",
        "fiasco", "shame", "smh", "fml", "ugh", "badservice", "delayed", "delay", "late", "lost",
        "cancelled", "canceled", "stuck", "stranded", "again",
    ]
)

# Make the next sentiment word stronger or weaker.
INTENSIFIERS: dict[str, float] = {
    "very": 1.3, "so": 1.3, "really": 1.3, "extremely": 1.5, "super": 1.3, "totally": 1.4,
    "absolutely": 1.5, "completely": 1.4, "utterly": 1.5, "incredibly": 1.5, "truly": 1.3,
    "seriously": 1.3, "most": 1.3, "too": 1.2, "such": 1.3, "highly": 1.3, "beyond": 1.4,
    "fucking": 1.5, "freaking": 1.4, "bloody": 1.4, "damn": 1.3, "insanely": 1.5,
    "unbelievably": 1.5, "ridiculously": 1.5, "terribly": 1.4, "awfully": 1.4,
    "exceptionally": 1.4, "thoroughly": 1.4, "deeply": 1.4, "especially": 1.2, "hugely": 1.4,
    "massively": 1.4, "majorly": 1.4, "entirely": 1.3, "way": 1.2, "just": 1.1, "even": 1.1,
    "literally": 1.2, "horribly": 1.5, "dreadfully": 1.5, "quite": 0.9, "pretty": 0.9,
    "fairly": 0.8, "slightly": 0.6, "somewhat": 0.7, "kinda": 0.7, "little": 0.7, "bit": 0.7,
    "mildly": 0.6, "rather": 0.9, "partly": 0.7, "minor": 0.6, "small": 0.8,
}

# A clause after "but" ("thanks, but ...") carries the customer's point.
CONTRAST: frozenset[str] = frozenset({"but", "however", "although"})

# Numbers and number words, for "three times", "5 hours".
QUANTITY: frozenset[str] = frozenset(
    [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "hundred", "several",
        "many", "multiple", "numerous", "countless", "few", "couple", "dozen", "dozens",
    ]
)

# --- phrases ------------------------------------------------------------------------------
# Word sequences on the normalised text, each (weight, tag); `#` matches a quantity (digits or
# QUANTITY). The longest phrase at a position wins and its words are not read again, so
# "not happy" is not also "happy". Tags: anger, complaint, delay, repeat, sarcasm, cancel
# count against; positive counts for (a negative weight there reads the same); irony is
# praise that turns sarcastic next to a complaint; request (a polite ask) softens mild
# complaint words; neutral only keeps its words from being read on their own.

PHRASES: dict[str, tuple[float, str]] = {
    # things that did not happen
    "never received": (2.4, "complaint"), "never arrived": (2.4, "complaint"),
    "never got": (2.0, "complaint"), "never came": (2.0, "complaint"),
    "never showed": (2.2, "complaint"), "never heard back": (2.6, "repeat"),
    "never called": (2.2, "repeat"), "never responded": (2.4, "repeat"),
    "never replied": (2.4, "repeat"), "never answered": (2.4, "repeat"),
    "not received": (2.0, "complaint"), "not receive": (1.8, "complaint"),
    "not arrived": (2.0, "complaint"), "not arrive": (1.8, "complaint"),
    "not delivered": (2.0, "complaint"), "not been delivered": (2.0, "complaint"),
    "not turned up": (2.0, "complaint"), "not show up": (2.0, "complaint"),
    "not showed up": (2.0, "complaint"), "not shown up": (2.0, "complaint"),
    "not working": (1.8, "complaint"), "not work": (1.6, "complaint"),
    "not load": (1.4, "complaint"), "not loading": (1.6, "complaint"),
    "stopped working": (2.0, "complaint"), "keeps crashing": (2.2, "complaint"),
    "not fixed": (2.2, "complaint"), "not resolved": (2.2, "complaint"),
    "not been resolved": (2.2, "complaint"), "not been fixed": (2.2, "complaint"),
    "not refunded": (2.2, "complaint"), "not been refunded": (2.2, "complaint"),
    "not heard back": (2.2, "repeat"), "not heard anything": (2.2, "repeat"),
    "not get back": (1.6, "repeat"), "not got back": (1.8, "repeat"),
    "not gotten": (1.2, "complaint"), "not got": (1.0, "complaint"), "not helpful": (2.4, "anger"),
    "not help": (1.6, "complaint"), "not helping": (2.0, "complaint"), "not care": (2.4, "anger"),
    "not give a": (2.8, "anger"), "not acceptable": (2.8, "anger"),
    "not good enough": (2.8, "anger"), "not okay": (2.0, "anger"), "not ok": (2.0, "anger"),
    "not fair": (2.4, "anger"), "not right": (1.8, "anger"), "not happy": (2.6, "anger"),
    "not impressed": (2.4, "anger"), "not satisfied": (2.4, "anger"), "not even": (1.4, "anger"),
    "not answer": (1.8, "repeat"), "not answering": (2.0, "repeat"),
    "not responding": (2.0, "repeat"), "not respond": (1.8, "repeat"),
    "not reply": (1.8, "repeat"), "not replied": (2.0, "repeat"), "not replying": (2.0, "repeat"),
    "not returned": (1.6, "complaint"), "not let me": (1.8, "complaint"),
    "not allow me": (1.6, "complaint"), "not allowed": (1.0, "complaint"),
    "not able to": (1.0, "complaint"), "not possible": (1.2, "complaint"),
    "not make sense": (1.8, "anger"), "not believe": (1.4, "anger"),
    "no longer": (0.6, "complaint"), "no one": (1.8, "complaint"), "no help": (2.4, "complaint"),
    "no response": (2.4, "repeat"), "no reply": (2.4, "repeat"), "no answer": (2.2, "repeat"),
    "no update": (2.0, "repeat"), "no updates": (2.0, "repeat"),
    "no information": (1.8, "complaint"), "no info": (1.8, "complaint"),
    "no communication": (2.4, "complaint"), "no explanation": (2.4, "complaint"),
    "no apology": (2.4, "complaint"), "no resolution": (2.4, "complaint"),
    "no compensation": (2.2, "complaint"), "no refund": (2.2, "complaint"),
    "no way": (1.0, "complaint"), "no idea": (0.8, "complaint"), "no clue": (1.2, "complaint"),
    "no service": (2.0, "complaint"), "no signal": (1.6, "complaint"),
    "no internet": (1.8, "complaint"), "no power": (1.6, "complaint"),
    "no sign": (1.6, "complaint"), "no call": (1.6, "complaint"), "no call back": (2.2, "repeat"),
    "no callback": (2.2, "repeat"), "no follow up": (2.2, "repeat"),
    "no contact": (1.6, "complaint"), "no notice": (1.6, "complaint"),
    "no warning": (1.6, "complaint"), "no notification": (1.6, "complaint"),
    "no access": (1.4, "complaint"), "no progress": (2.2, "repeat"), "no show": (1.6, "complaint"),
    "nobody cares": (3.0, "anger"), "no one cares": (3.0, "anger"),
    "nobody knows": (2.2, "complaint"), "no one knows": (2.2, "complaint"),
    "zero help": (2.6, "complaint"), "zero communication": (2.6, "complaint"),
    "zero response": (2.6, "repeat"), "unable to": (1.0, "complaint"),
    "does not work": (1.8, "complaint"), "did not work": (1.6, "complaint"),
    "will not work": (1.6, "complaint"), "can not get": (1.2, "complaint"),
    "can not access": (1.4, "complaint"), "can not log": (1.2, "complaint"),
    "can not login": (1.2, "complaint"), "can not reach": (1.8, "complaint"),
    "can not get through": (2.2, "complaint"), "can not find": (0.8, "complaint"),
    "can not believe": (2.2, "anger"), "could not believe": (2.0, "anger"),
    "can not even": (1.8, "anger"), "could not even": (1.6, "anger"),
    "what is going on": (1.2, "anger"), "what the hell": (3.0, "anger"),
    "what the heck": (2.6, "anger"), "what the f": (3.0, "anger"), "what a joke": (3.0, "anger"),
    "is a joke": (2.8, "anger"), "was a joke": (2.8, "anger"), "what a mess": (3.0, "anger"),
    "what a waste": (2.8, "anger"), "rip off": (3.0, "anger"), "ripped off": (3.0, "anger"),
    "fed up": (3.0, "anger"), "sick of": (2.6, "anger"), "sick and tired": (3.2, "anger"),
    "tired of": (2.4, "anger"), "had enough": (2.8, "anger"), "had it with": (2.8, "anger"),
    "enough is enough": (3.0, "anger"), "last straw": (3.0, "anger"),
    "final straw": (3.0, "anger"), "beyond a joke": (3.2, "anger"), "fix this": (1.4, "anger"),
    "fix it": (1.0, "complaint"), "sort it out": (2.0, "anger"), "sort this out": (1.8, "anger"),
    "get your act together": (3.0, "anger"), "get it together": (2.4, "anger"),
    "do better": (2.4, "anger"), "step up": (1.4, "anger"), "shame on you": (3.2, "anger"),
    "how dare": (3.0, "anger"), "how is this acceptable": (3.0, "anger"),
    "how is that acceptable": (3.0, "anger"), "how hard is it": (2.6, "anger"),
    "how difficult is it": (2.6, "anger"), "how is it possible": (1.6, "anger"),
    "how can you": (1.6, "anger"), "how could you": (2.2, "anger"),
    "why would you": (1.6, "anger"), "why is it so": (1.6, "anger"),
    "why does it take": (1.8, "anger"), "who does that": (2.2, "anger"),
    "are you kidding": (2.8, "anger"), "you kidding me": (2.8, "anger"),
    "are you serious": (2.6, "anger"), "you have got to be": (2.4, "anger"),
    "you people": (2.2, "anger"), "you guys suck": (3.2, "anger"), "piece of": (1.8, "anger"),
    "down the drain": (2.4, "anger"), "go to hell": (3.4, "anger"), "screw up": (2.8, "anger"),
    "screwed up": (2.8, "anger"), "messed up": (2.6, "anger"), "mess up": (2.4, "anger"),
    "let down": (2.6, "anger"), "let me down": (2.6, "anger"), "lack of": (1.8, "complaint"),
    "lost faith": (2.8, "anger"), "losing faith": (2.8, "anger"), "lost my": (1.2, "complaint"),
    "lost our": (1.2, "complaint"), "lost trust": (2.8, "anger"), "waste of time": (3.0, "anger"),
    "waste of money": (3.0, "anger"), "wasted my": (2.4, "anger"),
    "money back": (2.0, "complaint"), "want a refund": (1.8, "complaint"),
    "want my refund": (2.4, "complaint"), "where is my": (1.6, "complaint"),
    "where is the": (0.6, "complaint"), "where are my": (1.6, "complaint"),
    "what happened to": (1.2, "complaint"), "what about my": (1.2, "complaint"),
    "charged me": (1.4, "complaint"), "charged twice": (2.4, "complaint"),
    "double charged": (2.4, "complaint"), "charged for": (1.0, "complaint"),
    "took my money": (2.6, "complaint"), "took money": (2.2, "complaint"),
    "taken my money": (2.6, "complaint"), "stole my": (2.8, "anger"),
    "hidden fees": (2.4, "complaint"), "hidden charges": (2.4, "complaint"),
    "wrong item": (2.0, "complaint"), "wrong order": (2.0, "complaint"),
    "wrong size": (1.8, "complaint"), "wrong address": (1.6, "complaint"),
    "wrong information": (2.2, "complaint"), "wrong info": (2.2, "complaint"),
    "went wrong": (1.6, "complaint"), "gone wrong": (1.6, "complaint"),
    "hung up": (2.2, "complaint"), "hang up": (1.6, "complaint"), "cut off": (1.4, "complaint"),
    "hold music": (1.6, "delay"), "customer service": (0.5, "complaint"),
    "customer care": (0.4, "complaint"), "bad service": (3.0, "anger"),
    "poor service": (3.0, "anger"), "terrible service": (3.4, "anger"),
    "horrible service": (3.4, "anger"), "awful service": (3.4, "anger"),
    "worst service": (3.6, "anger"), "bad experience": (3.0, "anger"),
    "poor experience": (3.0, "anger"), "terrible experience": (3.4, "anger"),
    "worst experience": (3.6, "anger"),
    # always sarcastic
    "thanks for nothing": (3.4, "sarcasm"), "thank you for nothing": (3.4, "sarcasm"),
    "sarcasm": (2.4, "sarcasm"),  # also "#sarcasm", "#not" and "/s" (bot/core/social.py)
    "yeah right": (2.6, "sarcasm"), "oh joy": (2.2, "sarcasm"), "big surprise": (2.4, "sarcasm"),
    "what a surprise": (2.4, "sarcasm"), "surprise surprise": (2.6, "sarcasm"),
    "nice try": (2.0, "sarcasm"), "good try": (1.8, "sarcasm"),
    "just what i needed": (2.4, "sarcasm"), "sounds about right": (2.4, "sarcasm"),
    "love waiting": (2.8, "sarcasm"), "love sitting": (2.4, "sarcasm"),
    "love paying": (2.4, "sarcasm"), "love being on hold": (3.0, "sarcasm"),
    "as usual": (2.0, "repeat"), "as always": (0.8, "repeat"), "typical": (2.0, "repeat"),
    "par for the course": (2.4, "repeat"), "same old": (2.2, "repeat"),
    # praise that turns into sarcasm next to a negative situation ("irony"); the weight is
    # the praise, counted as positive when nothing has gone wrong
    "oh great": (2.0, "irony"), "just great": (2.0, "irony"), "oh good": (1.2, "irony"),
    "way to go": (1.6, "irony"), "thanks a lot": (1.8, "irony"), "thanks a bunch": (1.8, "irony"),
    "love how": (2.0, "irony"), "love that": (2.0, "irony"), "love it when": (2.0, "irony"),
    "love being": (2.0, "irony"), "great job": (2.4, "irony"), "good job": (2.0, "irony"),
    "well done": (2.0, "irony"), "so helpful": (2.0, "irony"), "very helpful": (2.0, "irony"),
    "really helpful": (2.0, "irony"), "great service": (2.4, "irony"),
    "great customer service": (2.6, "irony"), "brilliant service": (2.4, "irony"),
    "excellent service": (2.6, "irony"), "no thanks": (0.0, "positive"),
    "could not be happier": (-3.0, "positive"), "can not thank you enough": (-3.0, "positive"),
    "could not be better": (-2.6, "positive"), "can not complain": (-1.6, "positive"),
    "not complaining": (-1.0, "positive"),
    # waiting and delay
    "on hold": (1.8, "delay"), "been on hold": (2.4, "delay"), "hold for": (1.6, "delay"),
    "still waiting": (2.6, "delay"), "been waiting": (2.2, "delay"), "waiting for": (1.0, "delay"),
    "waiting on": (1.2, "delay"), "waiting since": (2.2, "delay"), "kept waiting": (2.4, "delay"),
    "keep waiting": (2.0, "delay"), "waited for": (1.8, "delay"), "for hours": (2.2, "delay"),
    "for days": (2.0, "delay"), "for weeks": (2.2, "delay"), "for months": (2.2, "delay"),
    "for ages": (2.2, "delay"), "all day": (1.6, "delay"), "all night": (1.6, "delay"),
    "all morning": (1.4, "delay"), "over an hour": (2.2, "delay"), "over # hours": (2.4, "delay"),
    "# hours": (1.4, "delay"), "# hrs": (1.4, "delay"), "an hour": (0.8, "delay"),
    "# days": (0.8, "delay"), "# weeks": (1.2, "delay"), "# months": (0.6, "delay"),
    "# mins": (0.6, "delay"), "# minutes": (0.6, "delay"), "hours later": (1.8, "delay"),
    "days later": (1.6, "delay"), "weeks later": (1.8, "delay"), "still no": (2.4, "repeat"),
    "still not": (2.4, "repeat"), "still nothing": (2.6, "repeat"),
    "still have not": (2.4, "repeat"), "still has not": (2.4, "repeat"),
    "still did not": (2.2, "repeat"), "still does not": (2.2, "repeat"),
    "still broken": (2.6, "repeat"), "still down": (2.2, "repeat"), "still stuck": (2.6, "repeat"),
    "still on hold": (2.6, "delay"), "still can not": (2.4, "repeat"), "too long": (1.8, "delay"),
    "taking so long": (2.2, "delay"), "takes forever": (2.6, "delay"),
    "taking forever": (2.6, "delay"), "took forever": (2.4, "delay"), "any update": (0.8, "delay"),
    "any news": (0.6, "delay"), "how much longer": (2.2, "delay"), "how long": (0.8, "delay"),
    # repeat contact
    "second time": (1.2, "repeat"), "third time": (2.6, "repeat"), "fourth time": (2.8, "repeat"),
    "fifth time": (3.0, "repeat"), "# times": (1.6, "repeat"), "# calls": (1.6, "repeat"),
    "# emails": (1.6, "repeat"), "once again": (2.0, "repeat"), "yet again": (2.4, "repeat"),
    "again and again": (2.6, "repeat"), "over and over": (2.4, "repeat"),
    "every time": (1.6, "repeat"), "each time": (1.2, "repeat"),
    "every single time": (2.4, "repeat"), "repeatedly": (2.0, "repeat"),
    "keep getting": (1.8, "repeat"), "keep being told": (2.6, "repeat"),
    "keeps telling": (2.2, "repeat"), "keep telling": (2.2, "repeat"),
    "keep saying": (1.8, "repeat"), "keeps saying": (1.8, "repeat"),
    "keep asking": (1.8, "repeat"), "keeps happening": (2.4, "repeat"),
    "keep happening": (2.2, "repeat"), "keeps dropping": (2.2, "repeat"),
    "already told": (2.6, "repeat"), "already explained": (2.6, "repeat"),
    "already called": (2.2, "repeat"), "already contacted": (2.2, "repeat"),
    "already sent": (1.6, "repeat"), "already provided": (1.8, "repeat"),
    "already gave": (1.8, "repeat"), "already given": (1.8, "repeat"),
    "already did": (1.8, "repeat"), "already done": (1.4, "repeat"),
    "already have": (0.8, "repeat"), "already emailed": (2.0, "repeat"),
    "already spoke": (1.8, "repeat"), "told you": (1.6, "repeat"), "as i said": (2.0, "repeat"),
    "like i said": (2.0, "repeat"), "i said": (0.6, "repeat"), "i was told": (1.4, "repeat"),
    "we were told": (1.4, "repeat"), "was promised": (1.8, "repeat"),
    "were promised": (1.8, "repeat"), "promised me": (1.6, "repeat"),
    "you promised": (2.2, "repeat"), "nobody gets back": (2.8, "repeat"),
    "no one gets back": (2.8, "repeat"), "nobody got back": (2.8, "repeat"),
    "no one got back": (2.8, "repeat"), "nobody has got back": (2.8, "repeat"),
    "no one has got back": (2.8, "repeat"), "nobody has gotten back": (2.8, "repeat"),
    "no one has gotten back": (2.8, "repeat"), "nobody called": (2.6, "repeat"),
    "no one called": (2.6, "repeat"), "nobody answers": (2.6, "repeat"),
    "no one answers": (2.6, "repeat"), "nobody answered": (2.6, "repeat"),
    "no one answered": (2.6, "repeat"), "nobody responded": (2.6, "repeat"),
    "no one responded": (2.6, "repeat"), "weeks ago": (1.4, "repeat"),
    "months ago": (1.4, "repeat"), "days ago": (1.0, "repeat"), "since last": (1.2, "repeat"),
    "still the same": (2.0, "repeat"), "same problem": (1.6, "repeat"),
    "same issue": (1.6, "repeat"), "me again": (1.8, "repeat"), "back again": (1.6, "repeat"),
    "happened again": (2.4, "repeat"), "again today": (1.8, "repeat"),
    "going round in circles": (2.8, "repeat"), "round in circles": (2.6, "repeat"),
    "passed around": (2.4, "repeat"), "runaround": (2.6, "repeat"), "run around": (2.0, "repeat"),
    "copy and paste": (2.4, "anger"), "copy paste": (2.2, "anger"),
    "canned response": (2.6, "anger"), "automated response": (1.8, "anger"),
    "generic response": (2.4, "anger"), "scripted": (2.0, "anger"),
    # relief and resolution: positive evidence
    "no problem": (-1.6, "positive"), "no problems": (-1.6, "positive"),
    "no worries": (-1.8, "positive"), "no issues": (-1.4, "positive"),
    "no issue": (-1.2, "positive"), "all good": (-2.0, "positive"),
    "works now": (-2.2, "positive"), "working now": (-2.2, "positive"),
    "all sorted": (-2.2, "positive"), "problem solved": (-2.4, "positive"),
    "sorted now": (-2.0, "positive"), "fixed now": (-2.0, "positive"),
    "made my day": (-3.0, "positive"), "keep up the good work": (-3.0, "positive"),
    "on time": (-1.0, "positive"), "early": (-0.4, "positive"), "look forward": (-1.6, "positive"),
    "looking forward": (-1.8, "positive"), "cannot wait": (-1.6, "positive"),
    "can not wait": (-1.6, "positive"), "not bad": (-1.0, "positive"),
    "not a problem": (-1.6, "positive"), "never disappoint": (-2.6, "positive"),
    "never disappoints": (-2.6, "positive"), "not disappoint": (-2.0, "positive"),
    "thank you so much": (-1.0, "positive"), "thanks so much": (-1.0, "positive"),
    "no complaints": (-2.0, "positive"), "got it": (-0.6, "positive"),
    "working again": (-2.0, "positive"), "up and running": (-2.0, "positive"),
    "sorry to bother": (-1.0, "positive"), "that helps": (-1.6, "positive"),
    "that helped": (-1.6, "positive"), "you helped": (-1.6, "positive"),
    "thanks for the help": (-2.4, "positive"), "thanks for your help": (-2.4, "positive"),
    "thank you for your help": (-2.4, "positive"), "for the quick": (-1.0, "positive"),
    # more complaint structure
    "gave up": (2.2, "anger"), "give up": (1.8, "anger"), "giving up": (2.2, "anger"),
    "dropped the ball": (2.8, "anger"), "dropping the ball": (2.8, "anger"),
    "drop the ball": (2.4, "anger"), "is anyone there": (2.2, "repeat"),
    "anyone out there": (2.2, "repeat"), "any one out there": (2.2, "repeat"),
    "anybody there": (2.0, "repeat"), "anyone there": (2.0, "repeat"), "hello ?": (1.0, "repeat"),
    "behind schedule": (1.8, "delay"), "after schedule": (1.8, "delay"),
    "not resolve": (2.0, "complaint"), "not solve": (1.8, "complaint"),
    "what was the point": (2.4, "anger"), "what is the point": (2.4, "anger"),
    "would it kill you": (2.8, "anger"), "hearing from me": (2.2, "anger"),
    "different answers": (2.2, "repeat"), "different answer": (1.8, "repeat"),
    "different story": (2.0, "repeat"), "conflicting information": (2.2, "repeat"),
    "contradicting": (1.8, "repeat"), "left behind": (2.0, "complaint"),
    "should not have to": (2.6, "anger"), "should not have": (1.2, "anger"),
    "you should": (0.9, "complaint"), "should have": (0.8, "complaint"),
    "want compensation": (2.0, "complaint"), "nickel and dime": (2.6, "anger"),
    "nickeled and dimed": (2.6, "anger"), "nickel and dimed": (2.6, "anger"),
    "pay extra": (1.4, "complaint"), "have been told": (1.4, "repeat"),
    "been told": (1.2, "repeat"), "stopped using": (2.2, "cancel"), "stop using": (1.8, "cancel"),
    "lines are busy": (1.8, "complaint"), "line is busy": (1.8, "complaint"),
    "busy signal": (1.8, "complaint"), "been trying": (1.6, "repeat"),
    "trying to": (0.6, "complaint"), "kicked off": (2.0, "complaint"),
    "kicked out": (2.0, "complaint"), "2nd time": (1.6, "repeat"), "3rd time": (2.6, "repeat"),
    "4th time": (2.8, "repeat"), "5th time": (3.0, "repeat"), "this has happened": (1.0, "repeat"),
    "hard time": (1.4, "complaint"), "held up": (1.8, "delay"), "still sitting": (2.2, "delay"),
    "standing in line": (1.8, "delay"), "long line": (1.8, "delay"), "long lines": (1.8, "delay"),
    "long queue": (1.8, "delay"), "in line": (0.6, "delay"), "not calling back": (2.2, "repeat"),
    "not call back": (2.0, "repeat"), "not called back": (2.2, "repeat"),
    "not clear": (1.4, "complaint"), "# week": (1.0, "delay"), "# hour": (0.8, "delay"),
    "# day": (0.6, "delay"), "not being": (0.4, "complaint"), "not bother": (1.4, "anger"),
    "how is this okay": (2.8, "anger"), "how is that okay": (2.8, "anger"),
    "how is this ok": (2.8, "anger"), "how is that ok": (2.8, "anger"),
    "how is this fair": (2.8, "anger"), "how is that fair": (2.8, "anger"),
    "how is this right": (2.6, "anger"), "how is this possible": (2.2, "anger"),
    "how does that help": (2.4, "anger"), "how does this help": (2.4, "anger"),
    "how much does that help": (2.4, "anger"), "what gives": (2.0, "anger"),
    "missing my point": (2.4, "anger"), "missing the point": (2.2, "anger"),
    "not listening": (2.4, "anger"), "not listen": (2.0, "anger"), "not reading": (1.8, "anger"),
    "did to my": (1.8, "complaint"), "not download": (1.6, "complaint"),
    "not update": (1.4, "complaint"), "not install": (1.4, "complaint"),
    "not open": (1.4, "complaint"), "not connect": (1.6, "complaint"),
    "not turn on": (1.6, "complaint"), "not charge": (1.4, "complaint"),
    "not start": (1.4, "complaint"), "time to cancel": (2.6, "cancel"),
    "time to switch": (2.6, "cancel"), "time to find": (1.6, "cancel"),
    "is there a": (0.0, "request"),
    # read as one unit so that negation does not flip them
    "not only": (0.0, "neutral"), "never been more": (1.2, "anger"),
    "never been so": (1.2, "anger"), "never seen such": (1.2, "anger"),
    "never experienced such": (1.2, "anger"), "never had such": (1.2, "anger"),
    "neither happened": (2.0, "complaint"), "never happened": (1.8, "complaint"),
    "not happen": (1.4, "complaint"), "help !": (1.2, "complaint"),
    "should not take": (2.2, "anger"), "not give": (1.4, "complaint"),
    "not giving": (1.6, "complaint"), "not hear": (1.8, "repeat"),
    "not hear back": (2.2, "repeat"), "not hear anything": (2.2, "repeat"),
    # across industries: money, deliveries, claims, connections
    "file a complaint": (2.4, "complaint"), "lodge a complaint": (2.4, "complaint"),
    "make a complaint": (2.2, "complaint"), "raise a complaint": (2.2, "complaint"),
    "complaint against": (2.4, "complaint"), "claim against": (2.0, "complaint"),
    "loyal customer": (1.4, "anger"), "how you treat": (2.4, "anger"),
    "is this how": (1.6, "anger"), "transferred around": (2.2, "repeat"),
    "not here": (1.2, "complaint"), "not here yet": (1.6, "complaint"),
    "can not": (0.6, "complaint"), "could not": (0.5, "complaint"),
    "without internet": (1.8, "complaint"), "without service": (1.8, "complaint"),
    "without power": (1.8, "complaint"), "without access": (1.6, "complaint"),
    "without heating": (1.8, "complaint"), "without water": (1.8, "complaint"),
    "without a phone": (1.4, "complaint"), "come on": (1.6, "anger"), "c mon": (1.6, "anger"),
    "kind of": (0.0, "neutral"), "what kind of": (0.0, "neutral"), "kind regards": (0.0, "neutral"),
    "best regards": (0.0, "neutral"), "warm regards": (0.0, "neutral"),
    "best wishes": (0.0, "neutral"), "all the best": (0.0, "neutral"),
    "thanks in advance": (0.0, "neutral"), "thank you in advance": (0.0, "neutral"),
    "money back guarantee": (0.0, "neutral"), "opening hours": (0.0, "neutral"),
    "business hours": (0.0, "neutral"), "office hours": (0.0, "neutral"),
    "working hours": (0.0, "neutral"),
    # time they put in, not time they waited: "300 hours into this game", "40 hours of work"
    "# hours into": (0.0, "neutral"),
    "# hours of play": (0.0, "neutral"), "# hours of gameplay": (0.0, "neutral"),
    "# hours played": (0.0, "neutral"), "# hours of work": (0.0, "neutral"),
    "claim denied": (2.2, "complaint"),
    "denied my claim": (2.4, "complaint"), "late fee": (1.8, "complaint"),
    "late fees": (1.8, "complaint"), "went up": (1.0, "complaint"),
    "price increase": (1.4, "complaint"), "raised my": (1.4, "complaint"),
    "increased my": (1.2, "complaint"), "identity theft": (2.0, "complaint"),
    "bait and switch": (3.0, "anger"), "marked as delivered": (2.0, "complaint"),
    "says delivered": (1.8, "complaint"), "not as described": (2.4, "complaint"),
    "arrived damaged": (2.4, "complaint"), "arrived broken": (2.4, "complaint"),
    "dropped calls": (1.8, "complaint"), "not returning": (2.0, "repeat"),
    "not return my": (2.0, "repeat"), "i am done": (2.4, "anger"), "so done": (2.6, "anger"),
    "done with this": (2.4, "anger"), "not what i asked": (2.2, "complaint"),
    "not what i ordered": (2.2, "complaint"), "not what i paid": (2.2, "complaint"),
    "not moved": (1.6, "complaint"), "not budged": (1.8, "complaint"),
    "not been updated": (1.4, "complaint"), "not updated": (1.4, "complaint"),
    "not changed": (1.2, "complaint"), "wits end": (3.0, "anger"),
    "losing my mind": (2.6, "anger"), "pulling my hair out": (2.8, "anger"),
    "in tears": (2.4, "anger"), "living hell": (3.2, "anger"),
    "this is the last time": (2.4, "cancel"),
    # polite requests: they lower the weight of mild complaint words (weight 0)
    "can you": (0.0, "request"), "could you": (0.0, "request"), "would you": (0.0, "request"),
    "can i": (0.0, "request"), "could i": (0.0, "request"), "how do i": (0.0, "request"),
    "how can i": (0.0, "request"), "how do you": (0.0, "request"),
    "is it possible": (0.0, "request"), "is there a way": (0.0, "request"),
    "what is the best way": (0.0, "request"), "who should i": (0.0, "request"),
    "where can i": (0.0, "request"), "please": (0.0, "request"), "pls": (0.0, "request"),
    "plz": (0.0, "request"), "do you know": (0.0, "request"), "i would like": (0.0, "request"),
    "wondering": (0.0, "request"), "any chance": (0.0, "request"), "let me know": (0.0, "request"),
    "help me": (0.0, "request"), "is there any": (0.0, "request"), "what do i": (0.0, "request"),
    "should i": (0.0, "request"), "do i need": (0.0, "request"), "will i": (0.0, "request"),
}

# --- escalation threats: regular expressions over the normalised text -------------------
# Each entry is (pattern, weight, words): the pattern runs only when one of the words is in
# the message, which keeps the cost of a message without them near zero. A pattern weighing
# THREAT (2.4) or more is a threat that sets the level by itself; weaker ones are cues.

_HUMAN = (
    r"(?:manager|managers|supervisor|supervisors|superior|team lead|team leader|"
    r"someone (?:senior|in charge|more senior|higher up|who (?:can|actually|knows))|"
    r"somebody (?:senior|in charge|who (?:can|actually|knows))|person in charge|"
    r"higher up|higher ups|head of|boss|ceo|director|"
    r"(?:a |an )?(?:real|actual|live|proper|competent) "
    r"(?:person|human|agent|people|representative)|"
    r"(?:a|another) human(?: being)?|a person|human being)"
)
_HUMAN_WORDS = (
    "manager managers supervisor supervisors superior lead leader senior charge higher head "
    "boss ceo director human person"
)
MANAGER_PATTERNS: list[tuple[str, float, str]] = [
    (
        r"\b(?:speak|talk|chat|speaking|talking|escalate|transfer|connect|put me through|"
        r"put me on|get me|want|need|ask for|asking for|asked for|demand|demanding|reach|"
        r"contact|give me|is there|where is|let me|get|pass (?:this|me|it) (?:on|up) to|"
        r"forward (?:this|it|me) to|refer (?:this|it|me) to)\b(?: \w+){0,4}? " + _HUMAN + r"\b",
        3.2,
        _HUMAN_WORDS,
    ),
    (r"\b" + _HUMAN + r" (?:\w+ ){0,3}?(?:speak|talk|escalate)\b", 3.2, "speak talk escalate"),
    (
        r"\b(?:escalate (?:this|it|my|the|me)|escalated|escalation|formal complaint)\b",
        2.6,
        "escalate escalated escalation formal",
    ),
    (r"\b(?:real|actual|live) (?:person|human|people)\b", 2.4, "person human people"),
    (
        r"\b(?:(?:not|stop) (?:talking|talk|speaking|speak) to (?:a )?|(?:than|not) a )"
        r"(?:bot|robot|machine)\b",
        2.6,
        "bot robot machine",
    ),
    (
        r"\b(?:corporate (?:number|office|offices|headquarters|contact)|head office|"
        r"headquarters|your executives)\b",
        2.6,
        "corporate office headquarters executives",
    ),
    (r"\byour (?:manager|supervisor|boss|ceo)\b", 2.0, "manager supervisor boss ceo"),
    # asking for an agent at all: a cue, not a threat
    (
        r"\b(?:speak|talk|chat|speaking|talking|chatting|connect me|transfer me|put me through)"
        r"\b(?: \w+){0,3}? (?:an? )?(?:human |live |real )?(?:agent|agents|representative|rep|"
        r"operator|someone|somebody|anyone|anybody)\b",
        1.6,
        "agent agents representative rep operator someone somebody anyone anybody",
    ),
]

LEGAL_PATTERNS: list[tuple[str, float, str]] = [
    (
        # someone else's lawyer ("her solicitor asked me to close the account") is no threat
        r"\b(?:(?<!\bher )(?<!\bhis )(?<!\btheir )(?<!\bthe )(?<!\bestate's )"
        r"(?:lawyer|lawyers|attorney|attorneys|solicitor|solicitors)|lawsuit|sue|suing|sued|"
        r"legal action|legal advice|legal proceedings|legal team|small claims|class action|"
        r"ombudsman|regulator|regulators|trading standards|better business bureau|bbb|cfpb|"
        r"ftc|fca|ofcom|ofgem|attorney general|consumer protection|consumer rights|"
        r"consumer affairs|chargeback|charge back|breach of contract|illegal|illegally|"
        r"unlawful|(?:to|in) court)\b",
        4.0,
        "lawyer lawyers attorney attorneys solicitor solicitors lawsuit sue suing sued legal "
        "claims class ombudsman regulator regulators trading bureau bbb cfpb ftc fca ofcom ofgem "
        "consumer chargeback charge breach illegal illegally unlawful court",
    ),
    (
        r"\b(?:(?:report|reporting) you|(?:report|reporting|complain|complaining) "
        r"(?:you |this |it )?to (?:the )?(?:police|authorities|authority|watchdog|government|"
        r"council|bank|card company|credit card company|consumer \w+))\b",
        4.0,
        "report reporting complain complaining",
    ),
    (
        r"\b(?:dispute|disputing) (?:it |this |the charge |the payment )?with (?:my|the) "
        r"(?:bank|card|credit card|card issuer|card company)\b",
        4.0,
        "dispute disputing",
    ),
]

PUBLIC_PATTERNS: list[tuple[str, float, str]] = [
    (
        r"\b(?:(?:leave|leaving|write|writing|post|posting|give|giving|left|wrote|posted)"
        r"(?: \w+){0,3}? (?:review|reviews|rating)|(?:1|one|zero|0) star)\b",
        2.6,
        "review reviews rating star",
    ),
    (
        r"\b(?:trustpilot|yelp|social media|go public|going public|"
        r"(?:tell|telling|warn|warning) (?:all |every )?(?:my |of my )?"
        r"(?:friends|family|everyone|everybody|others|people|followers|colleagues)|"
        r"spread the word|let everyone know|let people know|the news|the press|the media|"
        r"journalist|journalists|reporter|newspaper|go viral|going viral|"
        r"(?:post|posting|share|sharing) (?:this|it) (?:on|everywhere)|"
        # a network named as where it will be told, not where they found us
        r"(?:post|posting|posted|put|putting|share|sharing|shared|tell|telling|write|writing|"
        r"review|complain|complaining|expose|exposing|shame|shaming|tag|tagging|warn|warning)"
        r"\b(?: \w+){0,5}? (?:on|to|across|all over) (?:my |our )?"
        r"(?:facebook|instagram|tiktok|youtube|reddit|linkedin|twitter)|"
        r"(?:facebook|instagram|tiktok|youtube|reddit|linkedin)"
        r"(?= (?:post|review|group|page)\b))\b",
        2.6,
        "trustpilot yelp social public tell telling warn warning spread everyone people news "
        "press media journalist journalists reporter newspaper viral post posting share sharing "
        "facebook instagram tiktok youtube reddit linkedin twitter",
    ),
]

CANCEL_PATTERNS: list[tuple[str, float, str]] = [
    (
        r"\b(?:cancel|cancelling|canceling|close|closing|terminate|terminating|end|ending|"
        r"quit|quitting|leave|leaving|drop|dropping) (?:my|our|the|this) (?:\w+ ){0,2}?"
        r"(?:account|accounts|subscription|membership|service|contract|plan|policy|card|"
        r"loyalty|business|custom|prime)\b",
        2.4,
        "cancel cancelling canceling close closing terminate terminating end ending quit "
        "quitting leave leaving drop dropping",
    ),
    (
        r"\b(?:(?:switch|switching|switched|move|moving|go|going|went|take|taking) "
        r"(?:my business |my money |our business )?(?:to|over to) (?:a |another |your )?"
        r"(?:competitor|competitors|competition|another (?:company|provider|bank|supplier))|"
        r"(?:take|taking) my (?:business|money|custom) elsewhere|"
        r"(?:lost|losing|lose) (?:a |my |our |another )?(?:customer|business|custom)|"
        r"find (?:another|a new|a different) (?:provider|company|bank|supplier|insurer|"
        r"carrier|store|service)|looking (?:for|at) (?:other|another)|former customer|"
        r"ex customer|(?:i am|we are|i will be|we will be) (?:switching|leaving|cancelling|"
        r"canceling))\b",
        2.4,
        "switch switching switched competitor competitors competition another elsewhere lost "
        "losing lose find looking former ex leaving cancelling canceling",
    ),
    # said calmly: "I've decided to move my account to another bank", "we're going to switch
    # to a different tool", "unless you can match it I'll be moving when my contract ends"
    (
        r"\b(?:(?:switch|switching|move|moving|transfer|transferring|go|going)(?: \w+){0,3}? "
        r"(?:to|over to) (?:a |an )?(?:different|other|another|new|rival|cheaper) (?:\w+ )?"
        r"(?:company|provider|bank|supplier|network|insurer|lender|tool|service|platform|app|"
        r"firm|gym|carrier|operator|software|system|product|broadband|energy)|"
        r"(?:i|we) (?:will|shall|am going to|are going to) (?:be )?(?:moving|switching|leaving)"
        r"(?= (?:\w+ )?(?:when|once|at the end|unless|if|elsewhere|after)\b)|"
        r"unless you (?:can )?(?:match|beat|price match))\b",
        2.4,
        "switch switching move moving transfer transferring go going will shall unless",
    ),
    (
        r"\b(?:never (?:again|use you|using you|buy from you|shop with you|order from you|"
        r"deal with you|be back|coming back|come back|recommend)|"
        r"(?:will|would) not (?:be (?:using|back|returning|renewing|recommending)|"
        r"use you|recommend|renew|return)|(?:will|would|shall) (?:not|never) (?:\w+ ){1,3}?again|"
        r"(?:not|never) coming back|last time i (?:use|buy|shop|order|book|deal|fly|stay)|"
        r"(?:done|finished) with (?:you|your|this company)|giving up on)\b",
        2.4,
        "never again using back returning renewing recommending recommend renew return coming "
        "last done finished giving",
    ),
]

# fmt: on

# Spanish, French, German and Portuguese: the strongest signals, from their own module. Where a
# word is in both, the English entry wins, so English messages read as before.
from bot.core import escalation_lexicon_multilingual as _other  # noqa: E402

ANGER = {**_other.ANGER, **ANGER}
TROUBLE = {**_other.TROUBLE, **TROUBLE}
POSITIVE = {**_other.POSITIVE, **POSITIVE}
INTENSIFIERS = {**_other.INTENSIFIERS, **INTENSIFIERS}
PHRASES = {**_other.PHRASES, **PHRASES}
NEGATORS = NEGATORS | _other.NEGATORS
PROFANITY = PROFANITY | _other.PROFANITY
CONTRAST = CONTRAST | _other.CONTRAST
MANAGER_PATTERNS = MANAGER_PATTERNS + _other.MANAGER_PATTERNS
CANCEL_PATTERNS = CANCEL_PATTERNS + _other.CANCEL_PATTERNS
LEGAL_PATTERNS = LEGAL_PATTERNS + _other.LEGAL_PATTERNS
