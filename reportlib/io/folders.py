"""Output folders that never lose a researcher's files: checked before a run or a tabulation
writes into them, and locked while it does.

* :func:`check_out_dir`: an ``--out`` that is a file, cannot be written, holds the source
  notebooks, or holds files reportlib did not write is refused with a message naming it (unless
  ``force``), before anything is written.
* :class:`OutputLock`: ``<out>/.reportlib.lock`` holds the PID of the process writing there; a
  second process refuses, naming the first; a lock left by a process that no longer runs is
  taken over.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import ReportLibError

LOCK_NAME = ".reportlib.lock"


def _shown(paths: list[Path], root: Path, n: int = 5) -> str:
    names = [p.relative_to(root).as_posix() for p in paths[:n]]
    return ", ".join(names) + (f" … ({len(paths)} in all)" if len(paths) > n else "")


def _previous_outputs(out: Path) -> set[Path]:
    """The files an earlier run listed in ``out/manifest.json`` (and the manifest itself)."""
    manifest = out / "manifest.json"
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    listed = {manifest}
    for run in data.get("runs", []):
        listed |= {out / o["path"] for o in run.get("outputs", []) if isinstance(o, dict) and "path" in o}
    return listed


def check_out_dir(out: str | os.PathLike, *, sources: Iterable[str | os.PathLike] = (), force: bool = False,
                  ours: Callable[[Path], bool] | None = None, option: str = "--out") -> Path:
    """Check the folder a command will write into, create it, and return it.

    Refused, with a :class:`ReportLibError` naming the folder and the problem: a path that is a
    file; a folder that cannot be written; unless ``force``, a folder that holds one of
    ``sources`` (the notebooks being run: their executed copies would replace them) or files
    that reportlib did not write (``ours(path)`` says which files are reportlib's; an earlier
    run's files, listed in its ``manifest.json``, are). Hidden files (``.name``) are not counted.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ReportLibError(f"{option} {out} is a file, not a folder")
    if out.is_dir():
        resolved = out.resolve()
        held = sorted(Path(s) for s in sources if Path(s).resolve().parent == resolved)
        if held and not force:
            raise ReportLibError(f"{option} {out} holds the notebooks being run ({', '.join(p.name for p in held)}): "
                                 "their executed copies would replace them; choose another folder (or --force)")
        previous = _previous_outputs(out)
        foreign = sorted(p for p in out.rglob("*") if p.is_file()
                         and not any(part.startswith(".") for part in p.relative_to(out).parts)
                         and p not in previous and not (ours and ours(p)) and p.resolve() not in
                         {Path(s).resolve() for s in sources})
        if foreign and not force:
            raise ReportLibError(f"{option} {out} holds files that reportlib did not write ({_shown(foreign, out)}): "
                                 "they would be mixed with or replaced by the outputs; choose an empty or new folder "
                                 "(or --force)")
    ensure_writable(out, f"cannot write to {option} {out}")
    return out


def ensure_writable(folder: Path, problem: str, advice: str = "") -> None:
    """Create ``folder`` and prove that a file can be written in it, else a
    :class:`ReportLibError`: ``problem`` (the reason) ``advice``."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".reportlib-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as e:
        raise ReportLibError(f"{problem}: {e.strerror or e}{advice}") from None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class OutputLock:
    """``with OutputLock(folder, "reportlib run"):`` — the folder is this process's until the block
    ends. A second process gets a :class:`ReportLibError` naming the holder's PID and command; a
    lock whose process is gone (killed, machine restarted) is taken over."""

    def __init__(self, folder: str | os.PathLike, command: str = "reportlib") -> None:
        self.path = Path(folder) / LOCK_NAME
        self.command = command
        self.held = False

    def __enter__(self) -> OutputLock:
        text = json.dumps({"pid": os.getpid(), "command": self.command, "since": time.strftime("%Y-%m-%d %H:%M:%S")})
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._holder()
                pid = holder.get("pid")
                if isinstance(pid, int) and pid != os.getpid() and _alive(pid):
                    raise ReportLibError(
                        f"{self.path.parent} is being written by another process ({holder.get('command', 'reportlib')}, "
                        f"PID {pid}, since {holder.get('since', '?')}); wait for it to finish, or choose another folder"
                    ) from None
                self.path.unlink(missing_ok=True)  # a stale lock: its process is gone
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            self.held = True
            return self
        raise ReportLibError(f"cannot take the lock {self.path}")

    def _holder(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def release(self) -> None:
        if self.held:
            if self._holder().get("pid") == os.getpid():
                self.path.unlink(missing_ok=True)
            self.held = False

    def __exit__(self, *exc) -> None:
        self.release()
