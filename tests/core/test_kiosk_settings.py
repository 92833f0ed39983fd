"""The kiosk settings file: defaults, documented keys, and bad values reported with file:line, never fatal."""

from maisky_desktop.core import kiosk_settings as ks


def test_a_missing_file_means_every_default(tmp_path):
    settings, problems = ks.load(tmp_path / "kiosk.toml")
    assert settings == ks.KioskSettings() and problems == []


def test_values_are_read_and_bad_ones_keep_their_default_with_a_line_number(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(
        'screen = 1\nidle_seconds = "soon"\nexit_pin = "12a4"\nexit_corner = "bottom-right"\n'
        "type_scale = 2\ncolour = 3\nhigh_contrast = true\n",
        encoding="utf-8",
    )
    settings, problems = ks.load(path)
    assert (settings.screen, settings.exit_corner, settings.type_scale, settings.high_contrast) == (
        1,
        "bottom-right",
        2.0,
        True,
    )
    assert settings.idle_seconds == 120 and settings.exit_pin == ""
    assert problems == [
        f"{path}:2: idle_seconds must be a whole number, 0 or more; using 120",
        f"{path}:3: exit_pin must be digits only; using ''",
        f"{path}:6: unknown key 'colour' (known: {', '.join(sorted(ks.DESCRIPTIONS))})",
    ]


def test_a_file_that_is_not_toml_is_reported_and_the_defaults_used(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("screen = 0\nidle_seconds = [\n", encoding="utf-8")
    settings, problems = ks.load(path)
    assert settings == ks.KioskSettings()
    assert len(problems) == 1 and problems[0].startswith(f"{path}:") and "not valid TOML" in problems[0]


def test_the_example_documents_every_key_and_reads_back_as_the_defaults():
    text = ks.example()
    for key in ks.DESCRIPTIONS:
        assert f"\n{key} = " in "\n" + text
    assert ks.parse(text, "example") == (ks.KioskSettings(), [])


def test_the_settings_path_is_the_users_config_folder():
    path = ks.settings_path()
    assert path.name == "kiosk.toml" and path.parent.name == ks.APP_DIR
