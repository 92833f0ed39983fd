"""The researcher's layer in the window: notes, own events, import preview, exports, session restore."""

import csv
import hashlib
import io
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image
from PySide6 import QtGui, QtWidgets

from maisky_desktop.core import dates
from maisky_desktop.core.filters import Filter
from maisky_desktop.store.services import Services
from maisky_desktop.store.userdata import DB_NAME
from maisky_desktop.ui.actions import NOTES, SPECS, Act
from maisky_desktop.ui.main_window import MainWindow
from maisky_desktop.ui.notes.research import attach


@pytest.fixture
def research(window, tmp_path):
    r = attach(window, tmp_path / "notes", restore=False)
    yield r


def _select_words(reader, words: str) -> None:
    cursor = reader.text.document().find(words)
    assert not cursor.isNull(), words
    reader.text.setTextCursor(cursor)


def test_a_note_on_an_event_is_listed_searchable_marked_and_jumps_back(research, window):
    window.choose("event", "treaty-of-rapallo")
    research.note_on_event()
    research.panel.editor.setPlainText("Litvinov's view of Rapallo: compare Chicherin")
    note = research.panel.save()
    assert note is not None and note.target_id == "treaty-of-rapallo"
    assert [n.id for n in research.panel.notes_shown()] == [note.id]
    assert "treaty-of-rapallo" in research.marked and len(research.markers.data) == 1
    research.panel.search.setText("Litvinoff")  # a spelling the store knows: the same tolerance as search
    assert [n.id for n in research.panel.notes_shown()] == [note.id]
    research.panel.search.setText("Molotov")
    assert research.panel.notes_shown() == []
    research.panel.search.clear()
    window.choose("event", "maisky-born")
    research.jump(note)
    assert window.timeline.selected_id() == "treaty-of-rapallo"


def test_a_note_from_words_selected_in_the_reader_is_anchored_to_the_source(research, window, source_texts):
    anchor = window.services.anchors("treaty-of-rapallo")[0]
    window.open_in_document(anchor.passage_id, anchor.char_start, anchor.char_end)
    words = "secretly signed the Treaty of Rapallo"
    _select_words(window.reader, words)
    target = research.selection_target()
    assert target.kind == "passage" and target.quote == words
    assert source_texts[target.source_id][target.char_start : target.char_end] == words
    research.note_on_selection()
    research.panel.editor.setPlainText("the key sentence")
    note = research.panel.save()
    assert (note.char_start, note.char_end, note.quote) == (target.char_start, target.char_end, words)
    window.tabs.setCurrentWidget(window.pane)
    research.jump(note)
    assert window.tabs.currentWidget() is window.reader
    assert window.reader.text.document().toPlainText().count(words) >= 1


def test_a_failed_save_says_why_and_keeps_the_text(research, window):
    window.choose("event", "treaty-of-rapallo")
    research.note_on_event()
    research.panel.editor.setPlainText("three hours of thinking")
    research.user.db.execute("PRAGMA query_only = 1")
    assert research.panel.save() is None
    assert "read-only" in research.panel.error.text() and research.panel.error.isVisibleTo(research.panel)
    assert research.panel.editor.toPlainText() == "three hours of thinking"
    research.user.db.execute("PRAGMA query_only = 0")
    assert research.panel.save().body == "three hours of thinking"


def test_an_own_event_from_the_form_joins_its_lane_and_the_filter(qtbot, research, window):
    form = research.event_form()
    form.fill(title="Talks at the Foreign Office", date="summer 1938", people="Maisky; Halifax")
    assert "summer 1938" in form.reading.text() and "1938-22" in form.reading.text()
    form.date.setText("mid 1938")
    assert "not a date word" in form.reading.text()
    form.try_accept()
    assert form.draft is None and "mid" in form.problem.text()
    form.date.setText("summer 1938")
    form.try_accept()
    event_id = research.save_from_form(form)
    layout = window.timeline.layout_data
    i = layout.index_of(event_id)
    assert i is not None and layout.lane[i] == layout.lanes - 1  # the last lane: My events
    assert window.timeline.selected_id() == event_id
    assert window.tabs.currentWidget() is research.own_view
    assert "summer 1938" in research.own_view.toPlainText() and "your event" in research.own_view.toPlainText()
    with qtbot.waitSignal(window.runner.filter_sets, timeout=5000):  # resolved off the UI thread
        window.filter_bar.set_filter(Filter(year_from=1938, year_to=1938))
    shown = window.timeline.items.shown
    assert shown is not None and shown[window.timeline.layout_data.index_of(event_id)]
    with qtbot.waitSignal(window.runner.filter_sets, timeout=5000):
        window.filter_bar.set_filter(Filter(year_from=1920, year_to=1925))
    assert not window.timeline.items.shown[window.timeline.layout_data.index_of(event_id)]


def test_the_import_preview_reports_bad_rows_and_writes_nothing_until_confirmed(research, window, tmp_path):
    path = tmp_path / "mine.csv"
    rows = ["title,date,end,people,source,quote,note", "Good one,1938-09-29,,,,,", ",1938,,,,,", "Vague,mid 1938,,,,,"]
    rows += [f"Bulk {i},19{30 + i % 10}-0{1 + i % 9},,,,," for i in range(1500)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dialog = research.import_preview()
    preview = dialog.load(path)
    assert dialog.table.rowCount() == 1503
    dialog.only_bad.setChecked(True)
    cells = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()) for r in range(dialog.table.rowCount())]
    assert cells[0] == ("3", "no title") and cells[1][0] == "4" and "“mid” is not a date word" in cells[1][1]
    assert dialog.import_button.text() == "Import 1501 events"
    assert dialog.progress.value() == dialog.progress.maximum() == 1503
    assert research.user.db["own_events"].count == 0  # nothing written by the preview
    dialog.confirm()
    assert len(dialog.imported) == len(preview.good) == 1501 == research.user.db["own_events"].count


def test_exports_open_in_real_readers_and_the_image_is_the_current_view(research, window, tmp_path, embedded_store):
    before = hashlib.sha256(embedded_store.read_bytes()).hexdigest()
    window.timeline.set_view(1938.0, 1940.0)
    window.choose("event", "treaty-of-rapallo")
    window.timeline.set_view(1938.0, 1940.0)
    dialog = research.export_dialog()
    dialog.choose("view", "CSV")
    dialog.path.setText(str(tmp_path / "view.csv"))
    assert dialog.export() is not None
    rows = list(csv.DictReader(io.StringIO((tmp_path / "view.csv").read_text(encoding="utf-8"), newline="")))
    assert rows and all(r["date"] and r["words"] for r in rows)
    for r in rows:  # every event exported overlaps the view on screen
        when = dates.parse(r["date"])
        assert when.start.year <= 1940 and when.end.year >= 1937, r["date"]

    dialog.choose("image", "PNG")
    assert dialog.width() > 0 and dialog.height() > 0  # the dialog's own size: the spin boxes no longer hide it
    dialog.image_width.setValue(900)
    dialog.image_height.setValue(500)
    dialog.path.setText(str(tmp_path / "view.png"))
    assert dialog.export() is not None, dialog.message.text()
    with Image.open(tmp_path / "view.png") as img:
        assert img.size == (900, 500)
        pixels = np.asarray(img.convert("RGB"))
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 20  # lanes, marks and titles, not a blank page

    dialog.choose("image", "SVG")
    dialog.path.setText(str(tmp_path / "view.svg"))
    assert dialog.export() is not None, dialog.message.text()
    root = ET.parse(tmp_path / "view.svg").getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 900 500"
    texts = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    assert "1939" in texts and "1925" not in texts  # the axis of the view on screen, not the whole span

    dialog.path.setText(str(tmp_path / "missing-folder" / "x.csv"))
    dialog.choose("filter", "JSON")
    dialog.path.setText(str(tmp_path / "missing-folder" / "x.json"))
    assert dialog.export() is None and "Not exported" in dialog.message.text()
    assert hashlib.sha256(embedded_store.read_bytes()).hexdigest() == before


def test_copy_citation_renders_the_chosen_style(research, window):
    window.choose("event", "treaty-of-rapallo")
    text = research.copy_citation("apa")
    assert "(Kocho-Williams, 2013, para." in text
    assert QtGui.QGuiApplication.clipboard().text() == text


def test_the_last_session_comes_back_on_start(qtbot, tmp_path, embedded_store):
    folder = tmp_path / "notes"
    services = Services.open(embedded_store)
    first = MainWindow(services)
    qtbot.addWidget(first)
    first.show()
    r = attach(first, folder)
    first.timeline.set_lane_mode("person")
    first.filter_bar.set_filter(Filter(year_from=1930, year_to=1945))
    first.choose("event", "treaty-of-rapallo")
    first.timeline.set_view(1921.0, 1924.5)
    view = first.timeline.view_range()
    first.close()
    assert (folder / "session.json").exists() and r.user is None
    second = MainWindow(services)
    qtbot.addWidget(second)
    second.show()
    attach(second, folder)
    assert second.timeline.lane_mode == "person"
    assert second.session.filter == Filter(year_from=1930, year_to=1945)
    assert second.timeline.selected_id() == "treaty-of-rapallo"
    assert second.timeline.view_range() == pytest.approx(view, abs=1e-6)
    second.close()
    services.close()


def test_a_damaged_notes_file_is_restored_and_the_window_says_so(qtbot, tmp_path, embedded_store):
    from maisky_desktop.store.userdata import UserData

    folder = tmp_path / "notes"
    user = UserData.open(folder)
    user.add_note("event", "treaty-of-rapallo", "kept in the backup")
    user.backup()
    user.close()
    (folder / DB_NAME).write_bytes(b"garbage" * 1000)
    services = Services.open(embedded_store)
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    r = attach(win, folder, restore=False)
    assert any("restored from the backup" in m for m in r.messages)
    assert "restored from the backup" in win.statusBar().currentMessage()
    assert [n.body for n in r.panel.notes_shown()] == ["kept in the backup"]
    win.close()
    services.close()


def test_an_own_document_is_readable_searchable_and_quotable(research, window, tmp_path):
    path = tmp_path / "letters.md"
    path.write_text("# Letters from London\n\nMaisky called on Halifax at the Foreign Office.\n", encoding="utf-8")
    doc_id = research.import_document(path)
    assert window.tabs.currentWidget() is window.reader
    assert "Maisky called on Halifax" in window.reader.text.document().toPlainText()
    assert "Letters from London" in window.reader.title.text()
    research.panel.search.setText("halifax")
    found = research.panel.found_shown()
    assert [(f.kind, f.title) for f in found] == [("own passage", "Letters from London, ¶ 1")]
    window.choose("event", "treaty-of-rapallo")
    research.jump(found[0])
    assert window.reader.source_id == doc_id
    window.back_action.trigger()  # Back knows the jump
    assert window.timeline.selected_id() == "treaty-of-rapallo"
    _select_words(window.reader, "Maisky called on Halifax") if window.reader.source_id == doc_id else None
    form = research.event_form()
    form.fill(title="Halifax call", date="1938", source=doc_id, quote="called on Halifax")
    form.try_accept()
    own = research.save_from_form(form)
    assert own is not None
    research.panel.search.setText("Halifax call")
    assert any(f.kind == "own event" and f.id == own for f in research.panel.found_shown())


def test_filters_know_notes(research, window, qtbot):
    window.choose("event", "treaty-of-rapallo")
    research.bookmark_event()
    assert len(research.markers.data) == 1
    window.commands[Act.ONLY_NOTED].setChecked(True)
    research.toggle_only_noted()
    shown = window.timeline.items.shown
    layout = window.timeline.layout_data
    assert [layout.ids[i] for i in np.flatnonzero(shown)] == ["treaty-of-rapallo"]
    window.filter_bar.set_filter(Filter(year_from=1930, year_to=1940))  # Rapallo (1922) is filtered out
    qtbot.waitUntil(lambda: not window.timeline.items.shown.any())  # the filter resolves off the UI thread
    assert len(research.markers.data) == 0
    window.commands[Act.ONLY_NOTED].setChecked(False)
    research.toggle_only_noted()
    assert window.timeline.items.shown.sum() > 10 and len(research.markers.data) == 0


def test_no_shortcut_of_the_notes_menu_clashes_with_another_command(research, window):
    """Qt fires neither of two actions that share a key: every shortcut in the window must be unique."""
    from PySide6 import QtWidgets

    seen: dict[str, str] = {}
    for action in window.findChildren(QtGui.QAction):
        if not action.isEnabled() and not action.isVisible():
            continue
        for key in action.shortcuts():
            text = key.toString()
            owner = action.text()
            assert seen.setdefault(text, owner) == owner, f"{text}: {seen[text]!r} and {owner!r}"
    assert seen["Ctrl+B"] == window.commands[Act.BOOKMARK_EVENT].text()
    assert isinstance(window, QtWidgets.QMainWindow)


def test_the_notes_commands_are_in_the_registry_menu_and_shortcuts_list(research, window):
    """F1 lists each Notes command with its keys; the Notes menu holds them and they run the layer's slots."""
    text = window.commands.shortcuts_html()
    assert "<h3>Notes</h3>" in text
    for key in NOTES:
        spec = SPECS[key]
        action = window.commands[key]
        assert action in window.menus["Notes"].actions() and action.isVisible(), key
        if spec.shortcuts:
            assert spec.name in text and spec.shortcuts[0] in text, key
    assert window.menus["Notes"].menuAction().isVisible()
    assert text.index("Note on the selected event") < text.index("Keyboard shortcuts")  # Notes before Help
    window.choose("event", "treaty-of-rapallo")
    window.commands[Act.BOOKMARK_EVENT].trigger()
    assert "treaty-of-rapallo" in research.marked
    window.commands[Act.ONLY_NOTED].trigger()  # checks it, and the timeline keeps only the noted event
    shown = window.timeline.items.shown
    assert [window.timeline.layout_data.ids[i] for i in np.flatnonzero(shown)] == ["treaty-of-rapallo"]


def test_without_the_notes_layer_the_notes_menu_and_its_keys_are_absent(window):
    assert not window.menus["Notes"].menuAction().isVisible()
    assert "Ctrl+Shift+N" not in window.commands.shortcuts_html()
    assert not any(window.commands[key].isEnabled() for key in NOTES)


def test_a_stale_own_event_is_not_deleted_twice(research, window, monkeypatch):
    """Another window on the same notes deleted the event shown here: Delete says so instead of failing."""
    from maisky_desktop.store import own_records

    form = research.event_form()
    form.fill(title="Halifax calls", date="31 March 1939")
    form.try_accept()
    own_id = research.save_from_form(form)
    assert own_id is not None and research.own_event_id == own_id
    own_records.delete_event(research.user, own_id)  # as another window would
    asked = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", lambda *a: asked.append(a))
    research.delete_event()
    assert asked == [] and research.own_event_id is None
    assert "already deleted" in window.statusBar().currentMessage()
