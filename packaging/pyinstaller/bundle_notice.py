"""Build-time half of the notice: what PyInstaller collected, mapped to licences, written into the bundle.

The spec hands over the modules and binaries its analysis collected; this finds the Python
distributions behind them (installed metadata), the Python runtime, and, on Debian-like systems,
the Debian package and copyright file of every system library PyInstaller copied in. It writes
``NOTICE.txt`` and a ``licenses/`` folder beside the executables.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

from maisky_desktop.core.notice import APP_NAME, Component, python_components, render_notice
from maisky_desktop.core.records import Source

ROOT = Path(__file__).resolve().parents[2]
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)


def sources(seeds: Path) -> list[Source]:
    """The provenance records as written in ``sources.yaml`` (the rights quoted verbatim)."""
    import yaml

    records = yaml.safe_load((seeds / "sources.yaml").read_text(encoding="utf-8"))
    return [Source(**{k: rec.get(k) for k in Source.__dataclass_fields__}) for rec in records]


def _site_dirs() -> list[Path]:
    return [Path(p).resolve() for p in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}]


def _debian_packages(paths: list[Path]) -> dict[Path, str]:
    """The Debian package owning each path (as given or with links resolved), in one dpkg call."""
    if not paths or not shutil.which("dpkg"):
        return {}
    asked = {str(p): p for p in paths} | {str(p.resolve()): p for p in paths}
    out = subprocess.run(["dpkg", "-S", *asked], capture_output=True, text=True).stdout
    owners = {}
    for line in out.splitlines():
        package, _, where = line.partition(": ")
        if where in asked:
            owners[asked[where]] = package.split(":")[0].strip()
    return owners


def _debian_licences(package: str) -> str:
    copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
    if not copyright_file.is_file():
        return "see the Debian package's copyright file"
    names = []
    for line in copyright_file.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("License:"):
            name = line.split(":", 1)[1].strip()
            if name and name not in names:
                names.append(name)
    return " / ".join(names) if names else "licence text in its copyright file (no DEP-5 License field)"


def system_components(binaries: list[tuple[str, str, str]]) -> tuple[list[Component], list[str]]:
    """Libraries PyInstaller copied from the system (not from a wheel, not Python's own)."""
    site = _site_dirs()
    base = Path(sys.base_prefix).resolve()
    system = {
        Path(src): Path(dest).name
        for dest, src, kind in binaries
        if kind == "BINARY"
        and not Path(dest).name.startswith("libpython")  # listed as the Python runtime (the spec strips a copy)
        and not any(Path(src).resolve().is_relative_to(s) for s in site)
        and not Path(src).resolve().is_relative_to(base)
    }
    owners = _debian_packages(list(system))
    found: dict[str, Component] = {}
    for path, name in system.items():
        package = owners.get(path)
        if package is None:
            found[name] = Component(name, "", "unknown: not from a system package", "system library")
            continue
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True)
        libs = ", ".join(sorted(system[p] for p, owner in owners.items() if owner == package))
        found[package] = Component(package, version.stdout.strip(), _debian_licences(package), f"system library {libs}")
    packages = sorted({c.name for c in found.values() if c.origin.startswith("system library ") and c.version})
    return sorted(found.values(), key=lambda c: c.name.lower()), packages


def _copy_dist_licences(dist_name: str, target: Path) -> None:
    files = [f for f in metadata.files(dist_name) or [] if ".dist-info" in str(f) and LICENCE_FILE.search(f.name)]
    for f in files:
        dest = target / dist_name / Path(*Path(str(f)).parts[1:])
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f.locate(), dest)


def write_notice(bundle: Path, modules: list[str], binaries: list[tuple[str, str, str]], version: str) -> Path:
    """Write NOTICE.txt and licenses/ into the bundle folder; return the notice's path."""
    python = Component("Python", sys.version.split()[0], "PSF-2.0", "Python runtime and standard library")
    pkgs = python_components(modules)
    system, debian = system_components(binaries)
    text = render_notice(version, sources(ROOT / "seeds"), [python, *pkgs, *system])
    notice = bundle / "NOTICE.txt"
    notice.write_text(text, encoding="utf-8")
    licences = bundle / "licenses"
    shutil.rmtree(licences, ignore_errors=True)
    licences.mkdir()
    shutil.copyfile(ROOT / "LICENSE", licences / f"{APP_NAME.replace(' ', '-')}-LICENSE.txt")
    for name in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        shutil.copyfile(ROOT / "packaging" / "licenses" / name, licences / name)
    python_licence = Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (python_licence / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"):
        if candidate.is_file():
            (licences / "Python").mkdir(exist_ok=True)
            shutil.copyfile(candidate, licences / "Python" / "LICENSE.txt")
            break
    for component in pkgs:
        _copy_dist_licences(component.name, licences)
    for package in debian:
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            (licences / "debian").mkdir(exist_ok=True)
            shutil.copyfile(copyright_file, licences / "debian" / f"{package}.copyright")
    return notice
