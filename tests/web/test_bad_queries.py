"""Bad query strings on the dashboard get a 400 page that says what is wrong, never a 500."""

from urllib.parse import parse_qsl

import pytest

from tests.web.conftest import csrf_token, login

BAD_QUERIES = [
    ("until=9999-12-31", "until: &#39;9999-12-31&#39; is out of range"),
    ("since=0001-01-01", "since: &#39;0001-01-01&#39; is out of range"),
    ("since=99999w", "since: &#39;99999w&#39; is out of range"),
    ("since=2026-02-30", "is not a date"),
    ("since=2026-03-02&until=2026-03-01T00:00", "since must be before until"),
    ("trigger=shout", "trigger: &#39;shout&#39; is not one of"),
    ("level=furious", "level: &#39;furious&#39; is not one of calm, watch, escalate"),
    ("attention=maybe", "attention: &#39;maybe&#39; is not one of yes"),
]
BAD_PAGES = ["99999999999999999999", "0", "-1", "1.5", "abc", "9" * 5000]


@pytest.mark.parametrize("query, phrase", BAD_QUERIES)
@pytest.mark.parametrize("page", ["/dashboard/logs", "/dashboard/stats"])
async def test_bad_filters_are_a_400_page_on_every_page(client, page, query, phrase):
    await login(client, "alice")
    response = await client.get(f"{page}?{query}")
    body = await response.text()
    assert response.status == 400, body[:300]
    assert phrase in body


@pytest.mark.parametrize("query, phrase", BAD_QUERIES)
async def test_bad_filters_on_the_export_are_a_400(client, query, phrase):
    await login(client, "alice")
    token = await csrf_token(client, "/dashboard/logs")
    form = {"format": "csv", "csrf_token": token, **dict(parse_qsl(query))}
    response = await client.post("/dashboard/export", data=form)
    assert response.status == 400
    assert phrase in await response.text()


@pytest.mark.parametrize("value", BAD_PAGES)
async def test_bad_page_numbers_are_a_400(client, value):
    await login(client, "alice")
    response = await client.get(f"/dashboard/logs?page={value}")
    body = await response.text()
    assert response.status == 400, body[:300]
    assert "page: " in body and "is not a whole number from 1 to 1,000,000" in body


async def test_a_bad_sort_is_a_400(client):
    await login(client, "alice")
    response = await client.get("/dashboard/logs?sort=loudest")
    assert response.status == 400
    assert (
        "sort: &#39;loudest&#39; is not one of attention, level, newest, oldest, moment, agent"
        in (await response.text())
    )


async def test_the_last_page_and_beyond_still_answer(client):
    await login(client, "alice")
    beyond = await client.get("/dashboard/logs?page=1000000")
    assert beyond.status == 200 and "Page 1000000 of 1" in await beyond.text()


@pytest.mark.parametrize("event_id", ["99999999999999999999", "0", "-3"])
async def test_an_impossible_event_id_is_not_found(client, event_id):
    await login(client, "alice")
    response = await client.get(f"/dashboard/logs/{event_id}")
    assert response.status == 404
