"""Render the Android project, and put a new one in place without ever leaving half a project.

Rendering (:func:`render_tree`) produces the whole project in memory: cookiecutter writes it into
a temporary directory, which is read back and deleted. ``new`` then writes that tree into a
staging directory next to ``--out`` (same filesystem) and moves it into place in one step
(:func:`place_project`); ``update`` merges it into the user's tree instead (scaffold.update).

Regenerating over an existing project (``new --force``) only replaces what the last generation
wrote and the user left alone: a project with edits is refused, and ``update`` pointed to, since
``update`` merges them instead of destroying them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from scaffold.errors import OutputDirError, ScaffoldError
from scaffold.render.build_facts import BuildFiles

MANIFEST_NAME = ".tflite-scaffold.json"
# The manifest and the merge base (scaffold.update.snapshot): rewritten by every generation.
RECORD_NAMES = (MANIFEST_NAME, ".tflite-scaffold-base.zip")


@functools.cache
def template_fingerprint() -> str:
    """SHA-256 over the template's files: a changed template (even at the same tool version, as
    in a development checkout) means a project is no longer up to date."""
    root = template_root()
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def template_root() -> Path:
    """templates/android-app in a source checkout, or its copy inside an installed wheel."""
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "_templates" / "android-app", package_dir.parent / "templates" / "android-app"):
        if (candidate / "cookiecutter.json").is_file():
            return candidate
    raise ScaffoldError("the android-app template is missing from this installation of tflite-scaffold.")


@dataclass(frozen=True)
class RenderedTree:
    """A generated project in memory: relative POSIX path → content."""

    files: dict[str, bytes]
    # Paths that must be executable (gradlew).
    executable: frozenset[str] = frozenset()
    build: BuildFiles | None = None

    def with_files(self, extra: dict[str, bytes]) -> RenderedTree:
        return RenderedTree({**self.files, **extra}, self.executable, self.build)


def render_tree(context: dict[str, object], extra_files: dict[str, bytes]) -> RenderedTree:
    """Render the template with ``context`` and add ``extra_files`` (model, labels, golden data)."""
    from cookiecutter.exceptions import CookiecutterException, FailedHookException
    from cookiecutter.main import cookiecutter
    from jinja2 import TemplateError

    with tempfile.TemporaryDirectory(prefix="tflite-scaffold-render-") as scratch:
        try:
            project = Path(cookiecutter(str(template_root()), no_input=True, extra_context=context, output_dir=scratch))
        except FailedHookException as exc:
            raise ScaffoldError(f"the template rejected the options: {exc}") from exc
        except (CookiecutterException, TemplateError) as exc:
            raise ScaffoldError(f"rendering the template failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
        build = _check_build(project)
        files, executable = {}, set()
        for path in sorted(p for p in project.rglob("*") if p.is_file()):
            relative = path.relative_to(project).as_posix()
            files[relative] = path.read_bytes()
            if path.stat().st_mode & stat.S_IXUSR:
                executable.add(relative)
    files.update(extra_files)
    return RenderedTree(dict(sorted(files.items())), frozenset(executable), build)


def _check_build(project: Path) -> BuildFiles:
    """A project whose dependencies break their recorded floors would fail its first Gradle build
    far from here; that is a defect of the template, so nothing is written."""
    from scaffold.render.build_facts import load_facts, problems, read_build_files

    build = read_build_files(project)
    found = problems(build, load_facts(template_root()))
    if found:
        raise ScaffoldError(f"the generated build would fail (a tflite-scaffold template defect): {found[0]}")
    return build


def manifest_bytes(record: dict, generated: dict[str, bytes]) -> bytes:
    """The manifest: how the project was generated (``record``) and the SHA-256 of every file the
    generation wrote, which tells a later run which files the user has changed since."""
    manifest = dict(record, files={path: sha256(data) for path, data in sorted(generated.items())})
    return (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")


def read_manifest(project: Path) -> dict | None:
    """The project's manifest, or None when there is none (or it is not ours)."""
    path = project / MANIFEST_NAME
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return manifest if isinstance(manifest, dict) else None


def generated_hashes(manifest: dict | None) -> dict[str, str]:
    """{file: sha256} the last generation wrote (never a path that leaves the project)."""
    files = (manifest or {}).get("files", {})
    if not isinstance(files, dict):
        return {}
    return {f: d for f, d in files.items() if isinstance(f, str) and isinstance(d, str) and _inside(f)}


def edited_files(project: Path, manifest: dict | None) -> list[str]:
    """Generated files the user changed or deleted since the last generation."""
    return sorted(
        f for f, digest in generated_hashes(manifest).items()
        if not (project / f).is_file() or sha256((project / f).read_bytes()) != digest
    )


def check_output_dir(out: Path, force: bool) -> None:
    """Fail early (before any conversion) when ``out`` is occupied and --force was not given, or
    when --force would destroy work: the user's edits to a generated project, or files of a
    directory that is not a generated project at all."""
    if out.is_symlink() and not out.exists():
        raise OutputDirError(f"--out {out} is a symbolic link to {os.readlink(out)}, which does not exist.")
    if out.exists() and not out.is_dir():
        raise OutputDirError(f"--out {out} exists and is a file.")
    parent = next((p for p in out.resolve().parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        raise OutputDirError(f"--out {out} cannot be created: {parent} is a file.")
    if not out.is_dir() or not any(out.iterdir()):
        return
    if not force:
        raise OutputDirError(
            f"--out {out} exists and is not empty; choose a new directory, run `tflite-scaffold update {out}` if it is a "
            "generated project, or pass --force to regenerate it."
        )
    manifest = read_manifest(out)
    if manifest is None:
        raise OutputDirError(
            f"--out {out} is not a project generated by tflite-scaffold (no {MANIFEST_NAME}); --force only regenerates "
            "such projects: choose an empty directory."
        )
    changed = [f for f in edited_files(out, manifest) if (out / f).exists()]
    if changed:
        shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
        raise OutputDirError(
            f"--out {out} has your edits in {shown}; --force would overwrite them: run `tflite-scaffold update {out}` to "
            "merge them into the new generation instead."
        )


@dataclass(frozen=True)
class RenderResult:
    path: Path
    files: list[str]
    replaced: int = 0
    removed: int = 0
    # The generated build, checked against its dependency facts.
    build: BuildFiles | None = None
    # Files the user deleted from the last generation and --force wrote again.
    restored: list[str] = field(default_factory=list)


def place_project(tree: RenderedTree, out: Path, force: bool) -> RenderResult:
    """Write ``tree`` to ``out``: moved into place in one step when ``out`` is new or empty; over
    an unedited generated project (``--force``), generated files replaced one by one and those
    this generation no longer writes removed (user files are never touched)."""
    check_output_dir(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tflite-scaffold-", dir=out.parent))
    try:
        project = staging / "project"
        write_tree(tree, project)
        files = sorted(tree.files)
        if not out.exists() or not any(out.iterdir()):
            if out.exists():
                out.rmdir()
            os.replace(project, out)
            return RenderResult(out, files, build=tree.build)
        previous = generated_hashes(read_manifest(out))
        # A file of the user's own where this generation writes one (their MainActivity.java
        # before a switch to Java): not ours to overwrite.
        theirs = sorted(f for f in files if f not in previous and f not in RECORD_NAMES and (out / f).exists())
        if theirs:
            shown = ", ".join(theirs[:3]) + (f" and {len(theirs) - 3} more" if len(theirs) > 3 else "")
            raise OutputDirError(
                f"--out {out} has files of your own where this generation writes: {shown}; run `tflite-scaffold update "
                f"{out}` to merge them, or move them away."
            )
        restored = sorted(f for f in previous if f in tree.files and not (out / f).exists())
        replaced = sum(1 for f in files if (out / f).exists())
        for relative in files:
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(project / relative, target)
        removed = 0
        for stale in sorted(set(previous) - set(files)):
            path = out / stale
            if path.is_file():  # unedited: check_output_dir refused edited projects
                path.unlink()
                removed += 1
                remove_empty_parents(path.parent, out)
        return RenderResult(out, files, replaced, removed, tree.build, restored)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_tree(tree: RenderedTree, root: Path) -> None:
    for relative, data in tree.files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if relative in tree.executable:
            target.chmod(target.stat().st_mode | (0o111 & ~_umask()))


def remove_empty_parents(directory: Path, root: Path) -> None:
    while directory != root and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def write_file_atomically(path: Path, data: bytes, executable: bool = False) -> None:
    """Write to a temporary sibling, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        # mkstemp creates 0600: give the file the mode it had, or the usual one.
        if path.exists():
            mode = stat.S_IMODE(path.stat().st_mode)
        else:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode | (0o111 & ~_umask() if executable else 0))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _inside(relative: str) -> bool:
    path = Path(relative)
    return not path.is_absolute() and ".." not in path.parts
