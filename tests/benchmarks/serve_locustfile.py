"""Locust clients for tests/benchmarks/serve_load.py: a historian's requests to a published store.

Each client runs the canned queries and full-text searches through Datasette's JSON API,
with a short pause between requests. Loopback only: the host is given by serve_load.py.
"""

from __future__ import annotations

import random

from locust import HttpUser, between, task

WORDS = ["Rapallo", "Litvinov", "treaty", "embassy", "London", "Comintern", "purge", "Chicherin", "recognition"]
PEOPLE = ["maisky", "litvinov", "Litvinoff", "chicherin", "Molotov", "Churchill", "Eden"]


class Historian(HttpUser):
    wait_time = between(0.0, 0.2)

    @task(3)
    def events_in_years(self) -> None:
        first = random.randint(1917, 1970)
        self.client.get(
            f"/maisky/events_in_years.json?from_year={first}&to_year={first + random.randint(0, 5)}&_shape=array",
            name="/maisky/events_in_years",
        )

    @task(2)
    def person_events(self) -> None:
        self.client.get(
            f"/maisky/person_events.json?person={random.choice(PEOPLE)}&_shape=array", name="/maisky/person_events"
        )

    @task(2)
    def passages_mentioning(self) -> None:
        self.client.get(
            f"/maisky/passages_mentioning.json?name={random.choice(WORDS)}&_shape=array",
            name="/maisky/passages_mentioning",
        )

    @task(3)
    def search_passages(self) -> None:
        self.client.get(
            f"/maisky/passages.json?_search={random.choice(WORDS)}&_shape=array&_size=20",
            name="/maisky/passages?_search",
        )

    @task(1)
    def search_events(self) -> None:
        self.client.get(
            f"/maisky/events.json?_search={random.choice(WORDS)}&_shape=array", name="/maisky/events?_search"
        )
