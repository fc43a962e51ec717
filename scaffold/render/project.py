"""Render the Android project and put it in place without ever leaving half a project behind.

Everything is generated into a staging directory next to ``--out`` (same filesystem), then moved
into place in one step. Into an existing project (``--force``) files are replaced one by one, and
files a previous generation wrote but this one does not (say ``MainActivity.kt`` after switching
to Java) are removed, which the manifest makes possible. Files the user added are never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from scaffold import __version__
from scaffold.errors import OutputDirError, ScaffoldError
from scaffold.render.build_facts import BuildFiles

MANIFEST_NAME = ".tflite-scaffold.json"


def template_root() -> Path:
    """templates/android-app in a source checkout, or its copy inside an installed wheel."""
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "_templates" / "android-app", package_dir.parent / "templates" / "android-app"):
        if (candidate / "cookiecutter.json").is_file():
            return candidate
    raise ScaffoldError("the android-app template is missing from this installation of tflite-scaffold.")


def check_output_dir(out: Path, force: bool) -> None:
    """Fail early (before any conversion) when ``out`` is occupied and --force was not given."""
    if out.exists() and not out.is_dir():
        raise OutputDirError(f"--out {out} exists and is a file.")
    parent = next((p for p in out.resolve().parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        raise OutputDirError(f"--out {out} cannot be created: {parent} is a file.")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise OutputDirError(
            f"--out {out} exists and is not empty; choose a new directory or pass --force to overwrite generated files."
        )


@dataclass(frozen=True)
class RenderResult:
    path: Path
    files: list[str]
    replaced: int = 0
    removed: int = 0
    # Generated files the user had edited since the last generation: overwritten (--force) or,
    # when this generation no longer produces them, set aside as <name>.orig (the new names are
    # listed). Reported by name, never silently.
    overwritten_edits: list[str] = field(default_factory=list)
    kept_edits: list[str] = field(default_factory=list)
    # The generated build, checked against its dependency facts.
    build: BuildFiles | None = None


def render_project(context: dict[str, object], extra_files: dict[str, bytes], record: dict, out: Path, force: bool) -> RenderResult:
    """Render the template with ``context``, add ``extra_files`` (model, labels, golden data),
    write the manifest, then move the result to ``out``."""
    from cookiecutter.exceptions import CookiecutterException, FailedHookException
    from cookiecutter.main import cookiecutter
    from jinja2 import TemplateError

    check_output_dir(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tflite-scaffold-", dir=out.parent))
    try:
        try:
            project = Path(
                cookiecutter(str(template_root()), no_input=True, extra_context=context, output_dir=str(staging))
            )
        except FailedHookException as exc:
            raise ScaffoldError(f"the template rejected the options: {exc}") from exc
        except (CookiecutterException, TemplateError) as exc:
            raise ScaffoldError(f"rendering the template failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
        build = _check_build(project)
        for relative, data in extra_files.items():
            target = project / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        files = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
        manifest = dict(record, generator=f"tflite-scaffold {__version__}", files={f: _sha256(project / f) for f in files})
        (project / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return replace(_move_into_place(project, out, files), build=build)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_build(project: Path) -> BuildFiles:
    """A project whose dependencies break their recorded floors would fail its first Gradle build
    far from here; that is a defect of the template, so nothing is written."""
    from scaffold.render.build_facts import load_facts, problems, read_build_files

    build = read_build_files(project)
    found = problems(build, load_facts(template_root()))
    if found:
        raise ScaffoldError(f"the generated build would fail (a tflite-scaffold template defect): {found[0]}")
    return build


def _move_into_place(project: Path, out: Path, files: list[str]) -> RenderResult:
    if not out.exists() or not any(out.iterdir()):
        if out.exists():
            out.rmdir()
        os.replace(project, out)
        return RenderResult(out, files)

    previous = _previous_hashes(out)
    edited = {f for f, digest in previous.items() if (out / f).is_file() and _sha256(out / f) != digest}
    replaced = sum(1 for f in files if (out / f).exists())
    for relative in [*files, MANIFEST_NAME]:
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(project / relative, target)
    removed, kept = 0, []
    for stale in sorted(set(previous) - set(files)):
        path = out / stale
        if stale in edited:
            # Not deleted (it has the user's work), not left in place (an edited MainActivity.kt
            # next to a new MainActivity.java would be a duplicate class): set aside as .orig.
            kept.append(_set_aside(path).relative_to(out).as_posix())
        elif path.is_file():
            path.unlink()
            removed += 1
            _remove_empty_parents(path.parent, out)
    overwritten = sorted(edited & set(files))
    return RenderResult(out, files, replaced, removed, overwritten, kept)


def _set_aside(path: Path) -> Path:
    target, n = path.with_name(path.name + ".orig"), 2
    while target.exists():
        target, n = path.with_name(f"{path.name}.orig{n}"), n + 1
    path.rename(target)
    return target


def _previous_hashes(out: Path) -> dict[str, str]:
    """{file: sha256} from the last generation's manifest (empty if there is none)."""
    manifest = out / MANIFEST_NAME
    if not manifest.is_file():
        return {}
    try:
        files = json.loads(manifest.read_text(encoding="utf-8")).get("files", {})
    except (ValueError, AttributeError):
        return {}
    return {f: d for f, d in files.items() if isinstance(d, str) and ".." not in Path(f).parts}


def _remove_empty_parents(directory: Path, root: Path) -> None:
    while directory != root and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary sibling, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
