"""The offline composer's own lines: reflecting the customer's issue, offering a manager,
care for someone vulnerable, and a clarifying question when the moment is unclear.

Honest tense throughout: what the agent will do, never what is already done. Slots are the
playbook slot names (bot/core/playbooks.py), so team knowledge fills them the same way.
"""

from __future__ import annotations

from bot.llm.base import Suggestion

# A sentence reflecting the customer's issue: (without a name, with one). {issue} is the case's
# second-person clause, e.g. "your internet has dropped every evening for two weeks". Said back
# as what they told us, never as something the agent has seen or checked ("I can see that ...").
REFLECT_PROBLEM = (
    ("So I've got this right: {issue}.", "So I've got this right, {name}: {issue}."),
    (
        "You've told me {issue}, and I want to get to the bottom of it.",
        "You've told me {issue}, {name}, and I want to get to the bottom of it.",
    ),
    ("Thanks for explaining that {issue}.", "Thanks for explaining that {issue}, {name}."),
)
REFLECT_HOT = (
    (
        "I understand that {issue}, and I'm taking it seriously.",
        "{name}, I understand that {issue}, and I'm taking it seriously.",
    ),
    (
        "Thanks for telling me straight: {issue}.",
        "Thanks for telling me straight, {name}: {issue}.",
    ),
    (
        "You've told me {issue}, and I want to get to the bottom of it.",
        "You've told me {issue}, {name}, and I want to get to the bottom of it.",
    ),
)
# For moments that are not a problem (a question, a decision, leaving, thanks).
REFLECT_NEUTRAL = (
    ("So I've got this right: {issue}.", "So I've got this right, {name}: {issue}."),
    ("Thanks for explaining that {issue}.", "Thanks for explaining that {issue}, {name}."),
    ("I understand that {issue}.", "I understand that {issue}, {name}."),
)
# A question or request, said back ("you'd like to know how to ..."), when no problem is stated.
REFLECT_ASK = (
    ("{Issue}, and I can help with that.", "{Issue}, {name}, and I can help with that."),
    ("If I've understood, {issue}.", "If I've understood, {name}, {issue}."),
    ("Just to confirm, {issue}.", "Just to confirm, {name}: {issue}."),
)
# No clause of theirs can be said back cleanly: the topic only ("your deposit").
REFLECT_TOPIC = (
    (
        "Thanks for telling me what's happened with {issue}.",
        "Thanks for telling me what's happened with {issue}, {name}.",
    ),
    (
        "I've read what you've told me about {issue}.",
        "I've read what you've told me about {issue}, {name}.",
    ),
)
# Thanks and compliments: what they are pleased about, said back, never a problem sentence.
REFLECT_GOOD_NEWS = (
    ("I'm so glad {issue}.", "I'm so glad {issue}, {name}."),
    ("It's lovely to hear {issue}.", "It's lovely to hear {issue}, {name}."),
    ("Thank you for telling us {issue}.", "Thank you for telling us {issue}, {name}."),
)
# Care: the person first, then their situation said back plainly, without judging it.
REFLECT_CARE = (
    ("I understand that {issue}.", "I understand that {issue}, {name}."),
    ("Thank you for explaining that {issue}.", "Thank you for explaining that {issue}, {name}."),
)
# Unsure of the moment: say back what we understood, then check it.
CONFIRM_UNDERSTANDING = Suggestion(
    text="Thanks for getting in touch. Is that right? If it is, I'll look into it myself and "
    "come back to you {update_time} with an answer; if not, tell me what you need and I'll "
    "start there.",
    why="Checking we heard them right before acting saves a second contact and shows we listened.",
)
# Praise that names someone: they hear it, by name.
PASS_ON_PRAISE = "I'll make sure {praised} hears this personally."
# No clause of theirs can be said back cleanly: the topic only ("your deposit").
REFLECT_TOPIC = (
    (
        "Thanks for telling me what's happened with {issue}.",
        "Thanks for telling me what's happened with {issue}, {name}.",
    ),
    (
        "I've read what you've told me about {issue}.",
        "I've read what you've told me about {issue}, {name}.",
    ),
)
# Thanks and compliments: a problem sentence would contradict the moment.
NO_REFLECTION_PLAYBOOKS = frozenset({"praise"})
NEUTRAL_PLAYBOOKS = frozenset(
    {"first-contact", "information-request", "purchase-decision", "cancellation-risk", "praise"}
)

# Added to the best template when they asked for a manager and no template offers one.
MANAGER_OFFER = (
    "You asked to speak to a manager, and I'll arrange that rather than stand in the way: "
    "I'll ask {escalation_path} to contact you {manager_time}."
)
HUMAN_OFFER = (
    "You asked for a real person, and you have one: I'm staying with this myself, and if you'd "
    "rather speak to someone senior, I'll ask {escalation_path} to contact you {manager_time}."
)

# {about_thing}: " with your router" when the case names the thing at stake, else " today".
CLARIFY = (
    Suggestion(
        text=(
            "Thanks for getting in touch, and so that I help with the right thing first, could "
            "you tell me a little more about what you need from us{about_thing}?"
        ),
        why="One open question, asked once, gets to the real need without a script.",
    ),
    Suggestion(
        text=(
            "Hello, and thanks for your message. Which account, order or service is this "
            "about, and what would you most like us to do?"
        ),
        why="Asking for the one detail that matters avoids a generic answer and a second contact.",
    ),
    Suggestion(
        text=(
            "Hi, I'm glad you reached out. What has happened so far, and what would a good "
            "outcome look like for you?"
        ),
        why="Letting them say what good looks like shows we'll solve their problem, not ours.",
    ),
)

# When too few templates fit the conversation: one honest question and a time.
PAD = Suggestion(
    text=(
        "So that I sort the right thing first, could you tell me what you need from us most? "
        "I'll take it from there and update you {update_time}."
    ),
    why="Asking for the one thing that matters beats a reply that fits any message.",
)

# Care that fits (bot/core/care.py `care_mode`). Only an emergency happening now asks whether
# they are safe; nothing here promises a hold, a waiver or a refund nobody has confirmed.
CARE_URGENT = {
    "danger": "First of all, please make sure you're safe: if anyone is in danger, call the "
    "emergency services first, and we'll sort everything else after.",
    "injury": "First of all, are you safe, and if anyone needs medical help right now, please "
    "call the emergency services first; everything else can wait.",
}
# The situation is the contact itself: the person first, in words that fit what happened.
CARE_BY_KIND = {
    "danger": "I'm so sorry that happened, and thank you for telling us straight away.",
    "injury": "I'm so sorry to hear about the injury; how is everyone doing now?",
    "bereavement": "I'm so sorry for your loss. There's no rush on anything here, and I'll "
    "keep the steps as few and as simple as I can.",
    "illness": "Thank you for telling me. I'll keep this as simple as I can, so you can focus "
    "on what matters right now.",
    "hardship": "Thank you for telling me; that can't have been easy. There's no need to "
    "decide anything today.",
    "distress": "I'm really glad you told me, and you don't have to deal with this alone.",
}
# The agent has already said sorry for what happened: not a second condolence, the same care.
CARE_AFTER_SYMPATHY = {
    "bereavement": "Thank you. There's no rush on anything here, and I'll keep the steps as few "
    "and as simple as I can.",
    "injury": "Thank you for bearing with me; I hope everyone is doing better now.",
    "danger": "Thank you for telling us straight away.",
}
# Given as background to another request: one line, then their actual issue.
CARE_CONTEXT = {
    "injury": (
        "Sorry to hear about your injury; I hope you're on the mend.",
        "I hope you're recovering well, and thanks for explaining.",
    ),
    "illness": (
        "Sorry to hear about the illness; I hope things are easier now.",
        "Thank you for explaining what happened; I hope things are easier now.",
    ),
}
# Hardship because money was taken from them (fraud, a wrong charge): not a payment plan.
MONEY_TAKEN_NEXT_STEP = Suggestion(
    text="I'll treat this as a priority: I'll make sure nothing more can leave your account, "
    "check straight away how quickly we can get the money back to you, and update you "
    "{update_time}.",
    why="When the money was taken from them, stopping it and getting it back is the care.",
)
CARE_NEXT_STEP_DEFAULT = Suggestion(
    text="I'll find out exactly what happens next and who will handle it, and I'll personally "
    "update you {update_time}.",
    why="A clear owner and a time, with nothing promised that isn't confirmed, builds trust.",
)
CARE_WHY = "Safety and the person come before the process; no script, no sales."

# Built on the case (bot/llm/case_lines.py) when a line would ask for what the customer already
# said: the one missing thing asked for, or a next step with a time, never a question twice.
ANYTHING_ELSE = "Is there anything else I should know before I start?"
TAKE_IT_FROM_THERE = "I'll take it from there and update you {update_time}."
MISSING_WHY = "Asking only for the one thing still missing shows we listened to everything else."
# ... each naming the case's subject ({subject}: "your parcel PK-88120", "your £950 deposit");
# with nothing to name, the same steps in fewer words (bot/llm/case_next_steps.py).
CASE_NEXT_STEPS = [
    Suggestion(
        text="I'll keep {subject} with me and update you {update_time}, so you won't need to "
        "chase us.",
        why="Owning it with a time, and asking nothing they already said, saves a second contact.",
    ),
    Suggestion(
        text="I'll check what's happened with {subject} on our side and come back to you "
        "{update_time} with a clear answer and the next step.",
        why="A promised answer with a time beats another question they have already answered.",
    ),
    Suggestion(
        text="Thanks, I have what I need to start on {subject}: I'll look into it myself now, and "
        "you'll hear from me {update_time} with what happens next.",
        why="Saying they gave enough, and acting on it, spares them a round of questions.",
    ),
    Suggestion(
        text="I'll send you a clear answer about {subject} in writing {update_time}; if there's "
        "anything else you'd like me to check, tell me.",
        why="An answer in writing, with a time, respects what they already told us.",
    ),
    Suggestion(
        text="I'll sort out {subject} myself and update you {update_time}; if anything doesn't "
        "look right when I do, let me know.",
        why="Doing it for them, and inviting a check, saves a second contact.",
    ),
]
CASE_NEXT_STEPS_PLAIN = (
    "I'll stay on this myself and update you {update_time}, so you won't need to chase us.",
    "I'll check on our side and come back to you {update_time} with the next step.",
    "Thanks, I have what I need to start: I'll look into it myself now, and you'll hear from me "
    "{update_time} with what happens next.",
    "I'll send you what I find in writing {update_time}; if there's anything else you'd like me "
    "to check, tell me.",
    "I'll sort this out and update you {update_time}; if anything looks wrong, let me know.",
)

# A refund they wait for (after we cancelled, after they sent it back), not a charge they
# question: where it is and when it lands, never the charges gone through "line by line".
# ({refund}: "your £86 refund", from the case.)
REFUND_WAIT = [
    Suggestion(
        text="It's a fair question. I'll check where {refund} stands and confirm in "
        "writing {update_time} when you'll see it.",
        why="Tracing their money and naming when they'll see it answers the wait, not a charge.",
    ),
    Suggestion(
        text="I understand you want to know when the money lands. I'll check {refund} myself "
        "and confirm in writing {update_time} the date you'll see it.",
        why="A date for the money, owned, is what someone waiting for a refund wants.",
    ),
    Suggestion(
        text="Thanks for raising this. I'll chase {refund} through myself and let you know in "
        "writing {update_time} when it will reach you.",
        why="Chasing it for them spares a second contact about the same money.",
    ),
]

# When it was we who cancelled their booking, table or plan: our failure, owned, and what we can
# still do, never the lines that keep a customer who is leaving. (Reply-like: `text`, `why`.)
OUR_CANCELLATION = [
    Suggestion(
        text="That's on us, not you, and I'm sorry. I'll check straight away whether we can put "
        "it back as it was, and if we can't, find you the closest alternative and confirm it "
        "{update_time}.",
        why="Owning our own cancellation and trying to undo it first shows their plans matter.",
    ),
    Suggestion(
        text="I'll find out why it was cancelled and tell you plainly, and I'll check what we can "
        "do about the disruption; you'll hear from me {update_time}.",
        why="A plain reason and a check of what we can do, nothing promised, rebuilds trust.",
    ),
    Suggestion(
        text="If we can't put it back, I'll set out every option we have so you can choose what "
        "suits you, and I'll stay with it until it's settled.",
        why="Options laid out, and someone staying with it, give back the control we took away.",
    ),
]
