"""Assessment: the moment a conversation is in (ranked matches) and how hot it is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.core.escalation import EscalationAssessment
from bot.core.matcher import Match
from bot.core.playbooks import Playbook


@dataclass(frozen=True, slots=True)
class Assessment:
    match: Match | None
    ranked: tuple[Match, ...]
    escalation: EscalationAssessment
    playbook: Playbook | None  # the playbook to coach with (None: no tip)
    # Asked for, but no moment reached the threshold: `playbook` only frames a clarifying
    # answer, and `likely` names the best-ranked moments.
    low_confidence: bool = False

    @property
    def likely(self) -> list[str]:
        return [m.playbook_id for m in self.ranked[:2] if m.confidence > 0]

    @property
    def low_confidence_note(self) -> str:
        """The one line every channel shows for a low-confidence answer."""
        likely = ", ".join(self.likely)
        return (
            f"Low confidence — likely: {likely}" if likely else "Low confidence — no clear moment"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "playbook": self.playbook.id if self.playbook else None,
            "low_confidence": self.low_confidence,
            "likely": self.likely if self.low_confidence else [],
            "title": self.playbook.title if self.playbook else None,
            "confidence": self.match.confidence if self.match else 0.0,
            "matched_by": "low_confidence"
            if self.low_confidence
            else (
                "escalation"
                if self.playbook and not self.match
                else ("signals" if self.match else None)
            ),
            "alternatives": [
                {"playbook": m.playbook_id, "confidence": m.confidence} for m in self.ranked[1:3]
            ],
            "escalation": self.escalation.to_dict(),
        }
