"""Once-only deliveries and nudge cooldowns: shared through the log's database, and still kept
(in memory) while it is unreachable, so that a hot thread never becomes a nudge storm."""

from __future__ import annotations

import logging

from bot.store import Store
from bot.store.deliveries import Deliveries


async def test_deliveries_and_cooldowns_are_shared_through_the_log(store):
    one, other = Deliveries(store, "slack"), Deliveries(store, "slack")
    assert await one.first("slack:event:Ev1") is True
    assert await other.first("slack:event:Ev1") is False  # another replica, the same event
    assert await one.allow_nudge("C1:1.0", "watch", 900) is True
    assert await other.allow_nudge("C1:1.0", "watch", 900) is False
    assert await other.allow_nudge("C1:1.0", "escalate", 900) is True  # a rise to escalate
    assert await one.allow_nudge("C1:1.0", "escalate", 900) is False


async def test_while_the_log_is_down_the_cooldown_is_kept_in_memory(tmp_path, caplog):
    down = Store(f"sqlite:///{tmp_path / 'missing-dir' / 'log.db'}")  # cannot be opened
    deliveries = Deliveries(down, "teams")
    with caplog.at_level(logging.WARNING, logger="bot.store.deliveries"):
        assert await deliveries.first("teams:a:1") is True  # handled rather than lost
        assert await deliveries.first("teams:a:1") is True  # no dedupe without the log
        assert await deliveries.allow_nudge("teams:chain", "watch", 900) is True
        assert await deliveries.allow_nudge("teams:chain", "watch", 900) is False
        assert await deliveries.allow_nudge("teams:chain", "escalate", 900) is True  # a rise
        assert await deliveries.allow_nudge("teams:chain", "escalate", 900) is False
        assert await deliveries.allow_nudge("teams:chain", "escalate", 0) is True  # cooled
    assert "nudge cooldowns" in caplog.text and "handling every delivery" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_without_a_log_the_cooldown_is_per_process():
    deliveries = Deliveries(None, "slack")
    assert await deliveries.first("x") is True and await deliveries.first("x") is True
    assert await deliveries.allow_nudge("t", "escalate", 900) is True
    assert await deliveries.allow_nudge("t", "escalate", 900) is False
    assert await deliveries.allow_nudge("t", "watch", 900) is False
