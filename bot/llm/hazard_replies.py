"""Care lines for a danger the customer reports (bot/core/hazards.py): the safety step that fits
the hazard first, then a practical next step offered as something the agent will do.

Generic on purpose: the number to call is the team's `{gas_emergency_line}` fact, a clear
placeholder when its knowledge file has none; nothing here claims a report already made.
"""

from __future__ import annotations

from bot.core.hazards import hazard_in
from bot.llm.base import Suggestion

SAFETY_FIRST = {
    "gas": "If you can smell gas, please get everyone out into fresh air now, don't use light "
    "switches or anything that could spark, and call {gas_emergency_line} once you're outside; "
    "everything else can wait.",
    "flood": "Please keep well away from the water and don't walk or drive through it, since it "
    "can hide open drains and be deeper or faster than it looks; if it's coming into homes or "
    "anyone is at risk, call the emergency services.",
    "power": "Please stay well away from the line and keep others back: treat it as live, don't "
    "touch it or anything it's touching, and call the emergency services now; everything else "
    "can wait.",
    "without_supply": "Thank you for telling me; keeping everyone at home safe and well comes "
    "first, and I'll treat this as a priority.",
}
NEXT_STEP = {
    "without_supply": Suggestion(
        text="I'll check straight away how quickly we can get this put right and what help we "
        "can offer you in the meantime, and I'll update you {update_time}; if anyone becomes "
        "unwell, please call the emergency services.",
        why="Checking what can be done today, and saying when, is care a vulnerable household "
        "can rely on.",
    ),
}
REPORT_IT = Suggestion(
    text="I'll pass this to our emergency team as a priority and update you {update_time}. Could "
    "you tell me exactly where it is, such as the nearest house number or a landmark?",
    why="The exact place gets the right people there fastest; a time keeps them informed.",
)


# The last suggestion while the danger is live: staying in touch once they are safe, never
# "tell me a time that suits you" to talk it through.
STAY_IN_TOUCH = Suggestion(
    text="Once you're somewhere safe, tell me the best number to reach you on, and I'll keep "
    "you updated myself until it's made safe; you won't have to chase us.",
    why="In an emergency the only follow-up that matters is reaching them once they're safe.",
)


def hazard_care(texts: list[str]) -> tuple[str, Suggestion, Suggestion | None] | None:
    """(the safety line, the next step, the last suggestion or None to keep the caller's) for
    the hazard in the customer's texts, or None."""
    hazard = hazard_in(texts)
    if hazard is None:
        return None
    last = None if hazard == "without_supply" else STAY_IN_TOUCH  # they are at home, with them
    return SAFETY_FIRST[hazard], NEXT_STEP.get(hazard, REPORT_IT), last
