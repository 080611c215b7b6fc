"""The nudge policy, the same in every channel: when a thread's escalation level rises, whether
its agent gets a private tip, and whether the leads' channel gets an alert.

- A nudge when the level rises to at least the playbook's `nudge.min_level` (MOT_NUDGE_ON
  `playbook`, the default; `escalate` without a playbook), on any rise (`rise`), or only on
  reaching escalate (`escalate`). A customer newly in need of care is worth a nudge at once.
- One cooldown per thread (MOT_NUDGE_COOLDOWN_SECONDS), shared by every replica through the
  log's database; a rise to escalate skips it.
- High risk, which also alerts the leads' channel: a legal threat, a threat to go public, a
  churn threat after repeat contact, a customer who needs care, or a score from MOT_ALERT_SCORE.
- The nudge carries the playbook's `nudge.note` as its first line.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.coach import Assessment
from bot.config import Settings
from bot.core.escalation import EscalationAssessment

LEVELS = ("none", "watch", "escalate")


def rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass(frozen=True, slots=True)
class NudgePolicy:
    nudge_on: str = "playbook"
    cooldown: float = 900.0
    alert_score: float = 0.8
    lead_alerts: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> NudgePolicy:
        return cls(
            settings.mot_nudge_on,
            settings.mot_nudge_cooldown_seconds,
            settings.mot_alert_score,
            settings.mot_lead_alerts,
        )

    def threshold(self, assessment: Assessment) -> str:
        """The lowest level that nudges for this assessment."""
        if self.nudge_on == "rise":
            return "watch"
        if self.nudge_on == "playbook" and assessment.playbook is not None:
            return assessment.playbook.nudge.min_level
        return "escalate"

    def should_nudge(self, before: str, assessment: Assessment, cared: bool = False) -> bool:
        """Whether a thread that was at `before` (its customer already `cared` for) and is now
        assessed so earns a nudge: a rise to the threshold, or a customer newly in need of care
        (at any level)."""
        after, care = assessment.escalation.level, bool(assessment.escalation.care)
        if care and not cared and after != "none":
            return True
        return rank(after) > rank(before) and rank(after) >= rank(self.threshold(assessment))

    def is_high_risk(self, escalation: EscalationAssessment) -> bool:
        signals = escalation.signals
        return (
            bool({"legal", "public"} & signals)
            or {"cancel", "repeat"} <= signals
            or bool(escalation.care)
            or escalation.score >= self.alert_score
        )


def nudge_heading(before: str, after: str, reasons: list[str], note: str | None) -> str:
    """Plain words for the top of a nudge (each channel renders them its own way)."""
    why = "; ".join(reasons[:4]) or "tone and content"
    heading = f"This thread went from {before} to {after}: {why}."
    return f"{heading} {note}" if note else heading
