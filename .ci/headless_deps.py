"""Print the requirements of the headless job: the runtime and test dependencies except Qt.

Read from pyproject.toml, so the list is written once. The headless job proves that the core
and the store (and their tests) need neither PySide6 nor pyqtgraph.
"""

import tomllib
from pathlib import Path

QT = ("pyside6", "pyqtgraph", "pytest-qt")
# lint runs in the full venv; datasette and Pillow serve the tests outside core and store
NOT_FOR_CORE_TESTS = ("ruff", "import-linter", "mypy", "types-", "datasette", "pillow")


def main() -> None:
    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    for requirement in wanted:
        name = requirement.split(";")[0].strip().lower()
        if not name.startswith(QT + NOT_FOR_CORE_TESTS):
            print(requirement)


if __name__ == "__main__":
    main()
