"""What every chat channel shares: conversation tracking with the database as the source of
truth (tracker.py), who and where (places.py), the nudge policy (nudging.py), listening and
deciding, including through a database outage (listening.py), logging around delivery
(delivered.py), and the runtime and channel shapes `serve` mounts them with (runtime.py,
channel.py, registry.py). bot/slack and bot/teams only parse, render and send."""
