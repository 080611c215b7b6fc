"""`mot-coach serve`: one web process for Slack, Teams, the dashboard and health checks."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.config import Settings
from bot.messages import UserError


def run(args, settings: Settings) -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    from bot.web.app import create_app  # the web stack loads only for `serve`

    app = create_app(settings)
    # run_app stops gracefully on SIGINT and SIGTERM: it stops accepting, finishes requests,
    # runs cleanup hooks, then returns.
    try:
        web.run_app(
            app,
            host=args.host,
            port=args.port,
            shutdown_timeout=10,
            print=lambda msg: logging.getLogger("bot.serve").info(
                "mot-coach serving on http://%s:%s", args.host, args.port
            ),
        )
    except OSError as exc:  # the address is taken, or not this machine's
        raise UserError(
            f"cannot serve on {args.host}:{args.port} ({exc.strerror or exc})"
        ) from None
    return 0
