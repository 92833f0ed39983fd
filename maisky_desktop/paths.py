"""Where the app finds its inputs and its embedded store, installed or in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def data_dir() -> Path:
    """The package's data folder (the store; in a wheel also seeds and catalog).

    The folder beside this module when it is there (a checkout, a wheel, a PyInstaller bundle: the
    store must be a real file for SQLite anyway); ``importlib.resources`` only otherwise, as its
    first call imports its readers, about 3 ms of every start.
    """
    beside = _PACKAGE / "data"
    return beside if beside.is_dir() else Path(str(resources.files("maisky_desktop") / "data"))


def in_checkout() -> bool:
    """True when running from a source tree that holds the editable inputs."""
    return (_CHECKOUT / "seeds" / "sources.yaml").is_file() and (_CHECKOUT / "resources" / "catalog").is_dir()


def seeds_dir() -> Path:
    return _CHECKOUT / "seeds" if in_checkout() else data_dir() / "seeds"


def catalog_dir() -> Path:
    return _CHECKOUT / "resources" / "catalog" if in_checkout() else data_dir() / "catalog"


def label_base() -> Path:
    """Folder that problem messages are relative to, so they read `seeds/...:12:`."""
    return _CHECKOUT if in_checkout() else data_dir()


def default_store() -> Path:
    return data_dir() / "maisky.sqlite"


USER_DB_NAME = "userdata.sqlite"  # the researcher's database in the user data folder (``store.userdata``)


def user_data_folder() -> Path:
    """The OS user data folder for notes and the session (``~/.local/share/maisky-timeline`` on Linux,
    AppData on Windows); here, not in ``store.userdata``, so start-up finds the session without sqlite-utils."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("maisky-timeline", appauthor=False))
