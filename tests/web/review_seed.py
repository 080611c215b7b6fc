"""A morning's review log for the dashboard's browser tests and screenshots: a handful of
conversations in Slack, Teams and from the CLI, written here by hand."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.store.records import utcnow
from tests.store_helpers import event_row

# (hours ago, via, channel, agent, playbook, level, score, outcome, rating, customer, reasons)
CONVERSATIONS = [
    (
        2,
        "slack",
        "C1",
        "U_ANA",
        "billing-dispute",
        "escalate",
        0.91,
        "dismissed",
        None,
        "This is the third time I've been charged for the same order. Fix it today or I'm done.",
        ["repeated problem: 'third time'", "ultimatum: 'or I'm done'"],
    ),
    (
        3,
        "teams",
        "19:support@thread.tacv2",
        "U_BEN",
        "repeat-contact",
        "watch",
        0.55,
        "shown",
        None,
        "I already called about the router on Monday and nobody got back to me.",
        ["repeat contact: 'already called'"],
    ),
    (
        5,
        "slack",
        "C1",
        "U_CHO",
        "order-status",
        "none",
        0.12,
        "used",
        1,
        "Hi, could you tell me when order [ORDER_1] will arrive?",
        [],
    ),
    (
        7,
        "slack",
        "C2",
        "U_ANA",
        "product-defect",
        "watch",
        0.48,
        "edited",
        None,
        "The kettle stopped working after two days, I'd like a replacement.",
        [],
    ),
    (
        20,
        "slack",
        "C2",
        "U_BEN",
        "escalation-request",
        "escalate",
        0.88,
        "used",
        -1,
        "I want to speak to a manager right now.",
        ["asks for a manager: 'manager'"],
    ),
    (
        26,
        "teams",
        "19:support@thread.tacv2",
        "U_CHO",
        "praise",
        "none",
        0.05,
        "used",
        1,
        "Thanks so much, that sorted it!",
        [],
    ),
    (
        30,
        "cli",
        None,
        None,
        "billing-dispute",
        "watch",
        0.5,
        None,
        None,
        "Why was I billed twice this month?",
        [],
    ),
    (31, "cli", None, None, None, "none", 0.02, None, None, "hello?", []),
    (
        44,
        "slack",
        "C1",
        "U_ANA",
        "cancellation-risk",
        "escalate",
        0.83,
        None,
        None,
        "Honestly I'm thinking of cancelling, this is not worth the money.",
        ["cancellation threat: 'cancelling'"],
    ),
    (
        50,
        "slack",
        "C3",
        "U_CHO",
        "account-access",
        "none",
        0.2,
        "shown",
        None,
        "I can't log in since the update, it says my password is wrong.",
        [],
    ),
    (70, "slack", "C1", "U_BEN", None, "none", 0.05, "dismissed", None, "ok", []),
    (
        75,
        "teams",
        "19:support@thread.tacv2",
        "U_ANA",
        "service-outage",
        "watch",
        0.6,
        "used",
        None,
        "Is the service down? Nothing loads for our whole office.",
        [],
    ),
    (
        96,
        "slack",
        "C2",
        "U_CHO",
        "information-request",
        "none",
        0.1,
        "used",
        None,
        "Do you ship to Norway?",
        [],
    ),
    (
        120,
        "slack",
        "C3",
        "U_BEN",
        "purchase-decision",
        "none",
        0.08,
        "edited",
        1,
        "Which plan would suit a team of five?",
        [],
    ),
    (
        150,
        "slack",
        "C1",
        "U_ANA",
        "first-contact",
        "none",
        0.03,
        "used",
        None,
        "Hello, first time here, I have a question about my account.",
        [],
    ),
]


def review_rows(now: datetime | None = None) -> list[dict]:
    now = now or utcnow()
    rows = []
    for n, (
        hours,
        via,
        channel,
        agent,
        playbook,
        level,
        score,
        outcome,
        rating,
        said,
        reasons,
    ) in enumerate(CONVERSATIONS):
        chain = f"{channel};messageid=17000000{n:05d}" if via == "teams" else None
        thread = chain or (f"1700000{n:03d}.000100" if via == "slack" else None)
        rows.append(
            event_row(
                created_at=now - timedelta(hours=hours),
                channel_kind=via,
                workspace={"slack": "T1", "teams": "tenant-1", "cli": None}[via],
                channel=channel,
                thread=thread,
                conversation_id=thread or f"cli-{n}",
                agent=agent,
                playbook=playbook,
                confidence=0.8 if playbook else 0.0,
                escalation_level=level,
                escalation_score=score,
                escalation_reasons=reasons,
                outcome=outcome,
                rating=rating,
                excerpt=[
                    {"role": "customer", "text": said, "author": None},
                    *(
                        [
                            {
                                "role": "agent",
                                "text": "Let me look into that for you.",
                                "author": agent,
                            }
                        ]
                        if agent
                        else []
                    ),
                ],
                suggestions=[
                    {
                        "text": "I'm sorry about this. I've refunded the duplicate charge now.",
                        "why": "Fixes the problem in the first reply",
                        "source": "offline",
                    },
                    {
                        "text": "You won't need to chase us: I'll confirm by email by 5 pm.",
                        "why": "A dated promise rebuilds trust",
                        "source": "offline",
                    },
                ]
                if playbook
                else [],
                coaching=["Name the fix before the apology."] if playbook else None,
            )
        )
    return rows
