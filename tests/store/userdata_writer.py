"""A child process for the kill test: writes notes as fast as it can, printing each id once committed."""

import sys
from pathlib import Path

from maisky_desktop.store.userdata import UserData

PAYLOAD = "Maisky wrote to Litvinov about the Anglo-Soviet talks. " * 40  # a few pages per note


def main() -> None:
    user = UserData.open(Path(sys.argv[1]))
    i = 0
    while True:
        note = user.add_note("event", f"event-{i % 50}", f"{i}:{PAYLOAD}")
        print(note.id, flush=True)
        if i % 7 == 3:
            user.update_note(note.id, f"{i}:{PAYLOAD}edited")
            print(f"edited {note.id}", flush=True)
        i += 1


if __name__ == "__main__":
    main()
