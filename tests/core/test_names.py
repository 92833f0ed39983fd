"""The people list files everyone under their surname, as a book's index would."""

import pytest

from maisky_desktop.core.names import index_key, surname


@pytest.mark.parametrize(
    ("name", "spellings", "expected"),
    [
        ("Ivan Maisky", ["Maisky", "Ivan Mikhailovich Maisky"], "maisky"),
        ("A. V. Fekhner", ["Fekhner"], "fekhner"),
        ("David Lloyd George", ["David Lloyd-George", "Lloyd-George"], "lloyd george"),
        ("King George V", [], "george v"),
        ("Anatole de Monzie", ["de Monzie", "Senator de Monzie"], "monzie"),
        ("Édouard Herriot", [], "herriot"),
        ("Aarno Yrjö-Koskinen", [], "yrjo koskinen"),
        ("Lord Halifax", [], "halifax"),
        ("Stalin", ["Stalin"], "stalin"),
    ],
)
def test_a_person_is_filed_under_their_surname(name, spellings, expected):
    assert surname(name, spellings) == expected


def test_the_list_reads_as_an_index():
    people = {
        "Ivan Maisky": ["Maisky"],
        "Édouard Herriot": [],
        "Władysław Sikorski": ["Sikorski"],
        "Adolf Hitler": [],
        "Joseph P. Kennedy": [],
        "John F. Kennedy": [],
    }
    ordered = sorted(people, key=lambda n: index_key(n, people[n]))
    assert ordered == [
        "Édouard Herriot",
        "Adolf Hitler",
        "John F. Kennedy",
        "Joseph P. Kennedy",
        "Ivan Maisky",
        "Władysław Sikorski",
    ]


def test_the_store_lists_people_by_surname(store):
    names = [p.name for p in store.people()]
    assert names.index("Neville Chamberlain") < names.index("Winston Churchill") < names.index("Ivan Maisky")
    assert names.index("Édouard Herriot") < names.index("Adolf Hitler")  # an accent files as its letter
