"""How long `tflite-scaffold update` takes, next to `new`, on the same .tflite project.

Three numbers, each the best of 3 wall-clock runs of the real CLI in a fresh process:
`new`; `update` when nothing changed (goal: at most 1 s, and not one file written); and
`update --set top_k=4` on a project with user edits (a full regeneration and 3-way merge).

    .venv/bin/python benchmarks/update_speed.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from new_speed import build_model

CLI = [sys.executable, "-m", "scaffold"]


def timed(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([*CLI, *args], capture_output=True, text=True, check=True)
    return time.perf_counter() - start


def snapshot(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        model, labels = build_model(workdir)
        news, noops, merges, written = [], [], [], set()
        for attempt in range(3):
            out = workdir / f"app{attempt}"
            news.append(timed("new", str(model), "--out", str(out), "--labels", str(labels), "--mean", "127.5", "--std", "127.5"))
            strings = out / "app/src/main/res/values/strings.xml"
            strings.write_text(strings.read_text().replace("Live camera<", "Camera<"))
            before = snapshot(out)
            noops.append(timed("update", str(out)))
            written |= {path for path, mtime in snapshot(out).items() if before.get(path) != mtime}
            merges.append(timed("update", str(out), "--set", "top_k=4"))
    print("tflite-scaffold on a .tflite project (224x224x3, 10 classes), best of 3, wall clock with process start:")
    print(f"  new                                  : {min(news):5.2f} s")
    print(f"  update, nothing changed              : {min(noops):5.2f} s   (goal <= 1 s), files written: {len(written)}")
    print(f"  update --set top_k=4, with user edits: {min(merges):5.2f} s")


if __name__ == "__main__":
    main()
