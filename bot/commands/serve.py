"""`mot-coach serve`: one web process for Slack, Teams, the dashboard and health checks."""

from __future__ import annotations

import functools
import logging
import os

from aiohttp import web

from bot.config import Settings
from bot.messages import UserError


def run(args, settings: Settings) -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if args.workers == 1:
        return serve_one(settings, args.host, args.port)
    from bot.commands.serve_workers import run_workers

    try:
        return run_workers(
            args.workers,
            args.host,
            args.port,
            functools.partial(serve_one, settings, reuse_port=True),
        )
    except OSError as exc:
        raise _cannot_serve(args.host, args.port, exc) from None


def serve_one(settings: Settings, host: str, port: int, reuse_port: bool = False) -> int:
    """One server process; with `reuse_port`, one of several sharing the port."""
    from bot.web.app import create_app  # the web stack loads only for `serve`

    app = create_app(settings)
    worker = f" (worker {os.getpid()})" if reuse_port else ""
    # run_app stops gracefully on SIGINT and SIGTERM: it stops accepting, finishes requests,
    # runs cleanup hooks, then returns.
    try:
        web.run_app(
            app,
            host=host,
            port=port,
            reuse_port=reuse_port or None,
            shutdown_timeout=10,
            print=lambda msg: logging.getLogger("bot.serve").info(
                "mot-coach serving on http://%s:%s%s", host, port, worker
            ),
        )
    except OSError as exc:  # the address is taken, or not this machine's
        raise _cannot_serve(host, port, exc) from None
    return 0


def _cannot_serve(host: str, port: int, exc: OSError) -> UserError:
    return UserError(f"cannot serve on {host}:{port} ({exc.strerror or exc})")
