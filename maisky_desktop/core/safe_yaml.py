"""Reading a hand-written YAML file so that no input can hang, exhaust or crash the reader.

The catalog is edited by people and may be sent by strangers, so every YAML feature it does
not need is refused with ``file:line: reason`` instead of being obeyed:

- aliases (``*name``): the catalog never needs them, and nested aliases ("a billion laughs")
  expand a few hundred bytes into gigabytes;
- nesting deeper than ``MAX_DEPTH``: records are a few levels deep, and 3,000 nested brackets
  would exhaust Python's recursion;
- keys that are not plain text (``? [a, b]``), and the same key twice in one mapping (YAML
  silently keeps the last value, losing the first);
- files larger than ``MAX_BYTES``, and characters YAML forbids (control characters), which
  PyYAML reports without a line.

Parsing is PyYAML's own (``SafeLoader``'s scanner and parser); this module only watches the
events it produces, so the cost stays linear in the file's size.
"""

from __future__ import annotations

from pathlib import Path

import yaml

MAX_DEPTH = 32
MAX_BYTES = 4 * 2**20


class RefusedYamlError(Exception):
    """Why a file was refused, and the 1-based line where."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"{line}: {reason}")
        self.line, self.reason = line, reason


class _Composer(yaml.SafeLoader):
    """SafeLoader that refuses aliases and deep nesting while it composes the node tree."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            reason = f"aliases (*{event.anchor}) are not allowed in the catalog"
            raise RefusedYamlError(event.start_mark.line + 1, reason)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise RefusedYamlError(mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
            # types-PyYAML says ``index: int``; PyYAML passes None for a document's root and a key node for a value
            return super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, max(position, 0)) + 1


def compose(path: Path) -> yaml.Node | None:
    """The file's node tree, or RefusedYamlError (with its line) for anything malformed or abusive."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RefusedYamlError(1, f"file is {size:,} bytes; a catalog file may have at most {MAX_BYTES:,}")
        raw = path.read_bytes()
    except OSError as exc:
        raise RefusedYamlError(1, f"cannot read file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RefusedYamlError(_line_of(raw.decode("latin-1"), exc.start), "not UTF-8 text") from None
    loader: _Composer | None = None
    try:
        loader = _Composer(text)  # the reader checks every character here
        root = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise RefusedYamlError(_line_of(text, exc.position), f"character {char} is not allowed in YAML") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise RefusedYamlError(mark.line + 1 if mark else 1, f"YAML syntax: {exc.problem or exc}") from None
    except RecursionError:  # belt and braces: MAX_DEPTH should stop it first
        raise RefusedYamlError(1, "nested too deep") from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is not None:
        _check_keys(root)
    return root


def _check_keys(root: yaml.Node) -> None:
    """Every mapping key plain text, none twice in one mapping (iterative: depth is already capped)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                line = key.start_mark.line + 1
                if not isinstance(key, yaml.ScalarNode):
                    raise RefusedYamlError(line, "a key must be plain text, not a list or a mapping")
                if key.value in seen:
                    raise RefusedYamlError(line, f"key {key.value!r} appears twice (first at line {seen[key.value]})")
                seen[key.value] = line
                stack.append(value)
