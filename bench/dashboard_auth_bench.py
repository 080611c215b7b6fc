"""What the dashboard's sign-in limit and server-side sessions cost, over real HTTP.

    python bench/dashboard_auth_bench.py [--requests 200] [--postgres URL]

On a fresh SQLite file and, when a URL is given (or MOT_TEST_POSTGRES_URL is set), on PostgreSQL
in a throw-away schema. Prints medians: a page with a signed-in cookie (the session looked up in
the database) against the same page anonymous (no lookup), as a ratio; one counted sign-in
attempt refused by the limit; and the wall time for 50 parallel wrong guesses to be answered.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.web.app import create_app
from bot.web.passwords import hash_password

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
USERS = {"alice": hash_password("alice-password", iterations=1000)}


async def _token(client) -> str:
    return CSRF.search(await (await client.get("/dashboard/login")).text())[1]


async def _median_ms(client, count: int, method: str, path: str, **kwargs) -> float:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        response = await client.request(method, path, allow_redirects=False, **kwargs)
        await response.read()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


async def measure(url: str, count: int, tmp: Path) -> dict[str, float]:
    settings = Settings(
        mot_database_url=url, mot_dashboard_users=USERS, mot_spool_path=tmp / "spool.jsonl"
    )
    figures = {}
    async with TestClient(TestServer(create_app(settings))) as anonymous:
        figures["login page, anonymous (ms)"] = await _median_ms(
            anonymous, count, "GET", "/dashboard/login"
        )
    async with TestClient(TestServer(create_app(settings))) as client:
        data = {"username": "alice", "password": "alice-password"}
        data["csrf_token"] = await _token(client)
        await client.post("/dashboard/login", data=data, allow_redirects=False)
        figures["login page, signed in (ms)"] = await _median_ms(
            client, count, "GET", "/dashboard/login"
        )
        token = await _token(client)
        wrong = {"username": "bob", "password": "guess-guess", "csrf_token": token}
        start = time.perf_counter()
        await asyncio.gather(
            *(client.post("/dashboard/login", data=wrong, allow_redirects=False) for _ in range(50))
        )
        figures["50 parallel wrong guesses, all answered (ms)"] = (
            time.perf_counter() - start
        ) * 1000
        figures["one refused attempt (ms)"] = await _median_ms(
            client, count, "POST", "/dashboard/login", data=wrong
        )
    figures["signed in / anonymous"] = (
        figures["login page, signed in (ms)"] / figures["login page, anonymous (ms)"]
    )
    return figures


def _postgres(base: str):
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    joiner = "&" if "?" in base else "?"

    def drop():
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')

    return f"{base}{joiner}options=-csearch_path%3D{schema}", drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--postgres", default=os.environ.get("MOT_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        runs = [("sqlite", f"sqlite:///{tmp}/bench.db", lambda: None)]
        if args.postgres:
            runs.append(("postgresql", *_postgres(args.postgres)))
        for name, url, cleanup in runs:
            try:
                figures = asyncio.run(measure(url, args.requests, tmp))
            finally:
                cleanup()
            print(f"{name}:")
            for label, value in figures.items():
                print(f"  {label:46} {value:8.2f}")


if __name__ == "__main__":
    main()
