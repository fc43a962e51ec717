"""Compile a generated project's Android-facing sources without the Android SDK.

Google Maven and android.jar are out of reach here, so a real Gradle build is impossible. This
module does the part of the build that finds source-level mistakes:

1. ``generate_r_java``: an app-module ``R`` class from ``app/src/main/res``, like AGP 8+'s
   compile-time R: non-transitive (only the app's own resources, no library ones) and with
   non-final fields unless gradle.properties sets ``android.nonFinalResIds=false``, so a Java
   ``switch`` on ``R.id`` fails here as it does there. Every declared type gets its nested class
   (``R.plurals`` for ``<plurals>``, ``R.array``, ...).
2. ``generate_view_bindings``: one ``<package>.databinding.<Layout>Binding`` per layout, following
   AGP's view-binding generator (field per ``android:id``, named and typed the same way, sorted
   by name; ``inflate``/``bind``/``getRoot``). A fully qualified tag (a custom view such as
   ``<com.example.app.DetectionOverlayView>``) types the field with that class, which is compiled
   from the app's own sources in the same run.
3. ``check_resource_references``: ``@string/...``-style references in res XML and the manifest
   must name an app resource (aapt2 link would fail otherwise).
4. ``compile_project``: the project's ``app/src/main/java`` plus the generated R and bindings are
   compiled against the hand-written API stubs in ``tests/android_stubs``; Kotlin first with
   kotlinc (Java sources on its source path, as the Kotlin Gradle plugin does), then javac.
   Then ``app/src/androidTest/java`` against the app's classes, the stubs and JUnit 4.

Compiler errors are raised as ``AndroidCompileError`` with the compiler's own output.
"""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STUBS = Path(__file__).resolve().parent / "android_stubs"
KOTLIN_HOME = ROOT / ".tools" / "node_modules" / "kotlin-compiler"
KOTLINC = KOTLIN_HOME / "bin" / "kotlinc"
KOTLIN_STDLIB = KOTLIN_HOME / "lib" / "kotlin-stdlib.jar"

# The generated build uses AGP 9.0.1's built-in Kotlin, i.e. Kotlin Gradle plugin 2.2.10: compile
# as Kotlin 2.2 so newer language features or stdlib APIs are rejected as they would be there.
KOTLIN_LANGUAGE_VERSION = "2.2"
JVM_TARGET = "17"

ANDROID_NS = "http://schemas.android.com/apk/res/android"
TOOLS_NS = "http://schemas.android.com/tools"
A = f"{{{ANDROID_NS}}}"
TOOLS = f"{{{TOOLS_NS}}}"

# Types whose unqualified references (``@type/name``) must resolve to an app resource. Styles and
# attributes are left out on purpose: the template legitimately uses Material's.
CHECKED_REFERENCE_TYPES = frozenset(
    {"string", "plurals", "array", "color", "dimen", "bool", "integer", "layout", "drawable", "mipmap", "xml", "raw", "font", "menu", "anim", "animator"}
)
# Library resources a template may reference unqualified (none today).
LIBRARY_RESOURCES: frozenset[tuple[str, str]] = frozenset()

# res/values element -> R type (``item`` uses its ``type`` attribute).
VALUES_TAGS = {
    "string": "string",
    "string-array": "array",
    "integer-array": "array",
    "array": "array",
    "plurals": "plurals",
    "color": "color",
    "dimen": "dimen",
    "bool": "bool",
    "integer": "integer",
    "fraction": "fraction",
    "drawable": "drawable",
    "style": "style",
    "attr": "attr",
    "declare-styleable": "styleable",
}
FILE_TYPES = {
    "anim", "animator", "color", "drawable", "font", "interpolator", "layout", "menu", "mipmap",
    "navigation", "raw", "transition", "xml",
}
# The brief for R: these nested classes always exist (possibly empty).
ALWAYS_PRESENT_TYPES = ("color", "drawable", "id", "layout", "string", "style")
REFERENCE = re.compile(r"^@(\+?)([a-z-]+)/([A-Za-z0-9_.]+)$")


class AndroidCompileError(AssertionError):
    """A step of the build failed; ``output`` is the tool's own report."""

    def __init__(self, step: str, output: str, command: list[str] | None = None):
        self.step = step
        self.output = output
        self.command = command
        super().__init__(f"{step} failed:\n{output}")


@dataclass
class CompileResult:
    classes: list[Path]
    generated: Path
    warnings: str = ""


@dataclass
class StubClasspath:
    entries: list[Path]

    def __str__(self) -> str:
        return os.pathsep.join(str(p) for p in self.entries)


# --------------------------------------------------------------------------------------------
# Tools


def _run(step: str, command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True)
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        raise AndroidCompileError(step, output, command)
    return output


def _require_kotlinc() -> None:
    if not KOTLINC.is_file():
        raise AndroidCompileError("kotlinc", f"{KOTLINC} not found: run scripts/bootstrap.sh (it installs kotlinc into .tools)")


def _kotlinc(step: str, out: Path, classpath: list[Path], sources: list[Path]) -> str:
    _require_kotlinc()
    command = [
        str(KOTLINC),
        "-d", str(out),
        "-jvm-target", JVM_TARGET,
        "-language-version", KOTLIN_LANGUAGE_VERSION,
        "-api-version", KOTLIN_LANGUAGE_VERSION,
    ]
    if classpath:
        command += ["-cp", os.pathsep.join(str(p) for p in classpath)]
    return _run(step, command + [str(s) for s in sources])


def _javac(step: str, out: Path, classpath: list[Path], sources: list[Path]) -> str:
    command = [
        "javac", "--release", JVM_TARGET, "-encoding", "UTF-8", "-proc:none", "-implicit:none",
        "-d", str(out),
    ]
    if classpath:
        command += ["-cp", os.pathsep.join(str(p) for p in classpath)]
    return _run(step, command + [str(s) for s in sources])


def compile_stubs(out_dir: Path) -> StubClasspath:
    """Compile tests/android_stubs once: Kotlin stubs (seeing the Java ones), then Java stubs."""
    kotlin_out = out_dir / "kotlin"
    java_out = out_dir / "java"
    kotlin_out.mkdir(parents=True, exist_ok=True)
    java_out.mkdir(parents=True, exist_ok=True)
    kotlin_sources = sorted((STUBS / "kotlin").rglob("*.kt"))
    java_sources = sorted((STUBS / "java").rglob("*.java"))
    # androidx.test's AndroidJUnit4 extends JUnit's Runner: the stubs see JUnit; app code does not.
    junit = junit_jars()
    _kotlinc("kotlinc (stubs)", kotlin_out, junit, [*kotlin_sources, STUBS / "java"])
    _javac("javac (stubs)", java_out, [kotlin_out, KOTLIN_STDLIB, *junit], java_sources)
    return StubClasspath([java_out, kotlin_out, KOTLIN_STDLIB])


def junit_jars() -> list[Path]:
    """JUnit 4 (Debian's junit4 and hamcrest-core, or $JUNIT_CLASSPATH), as `verify` finds it."""
    from scaffold.verify.junit import junit_classpath

    return [Path(p) for p in junit_classpath()]


# --------------------------------------------------------------------------------------------
# Project layout


def app_namespace(project: Path) -> str:
    """``android.namespace`` from app/build.gradle(.kts), else the manifest's package."""
    for name in ("build.gradle.kts", "build.gradle"):
        build = project / "app" / name
        if build.is_file():
            found = re.search(r"""\bnamespace\s*=?\s*["']([\w.]+)["']""", build.read_text(encoding="utf-8"))
            if found:
                return found.group(1)
    manifest = project / "app/src/main/AndroidManifest.xml"
    package = ET.parse(manifest).getroot().get("package") if manifest.is_file() else None
    if not package:
        raise AndroidCompileError("namespace", f"no android.namespace in {project}/app/build.gradle(.kts) and no manifest package")
    return package


def _resource_field(name: str) -> str:
    return re.sub(r"[.:\-]", "_", name)


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as e:
        raise AndroidCompileError("resource parsing", f"{path}: {e}") from None


@dataclass
class Resources:
    names: dict[str, set[str]] = field(default_factory=dict)
    styleables: dict[str, list[str]] = field(default_factory=dict)  # name -> attr names

    def add(self, kind: str, name: str) -> None:
        self.names.setdefault(kind, set()).add(name)

    def has(self, kind: str, name: str) -> bool:
        return _resource_field(name) in {_resource_field(n) for n in self.names.get(kind, ())}


def collect_resources(res: Path) -> Resources:
    """Every resource the app module declares, by R type (ids from ``@+id/`` anywhere)."""
    found = Resources()
    if not res.is_dir():
        return found
    for folder in sorted(p for p in res.iterdir() if p.is_dir()):
        kind = folder.name.split("-")[0]
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            if kind == "values":
                if path.suffix == ".xml":
                    _collect_values(_parse(path), found)
            elif kind in FILE_TYPES:
                found.add(kind, path.name.split(".")[0])
            if path.suffix == ".xml":
                for element in _parse(path).iter():
                    for value in element.attrib.values():
                        ref = REFERENCE.match(value.strip())
                        if ref and ref.group(1) == "+" and ref.group(2) == "id":
                            found.add("id", ref.group(3))
    return found


def _collect_values(root: ET.Element, found: Resources) -> None:
    for element in root:
        name = element.get("name")
        if not name or not isinstance(element.tag, str):
            continue
        if element.tag == "item":
            if element.get("type"):
                found.add(element.get("type"), name)
            continue
        kind = VALUES_TAGS.get(element.tag)
        if kind is None:
            continue
        found.add(kind, name)
        if kind == "styleable":
            attrs = [a.get("name") for a in element if a.tag == "attr" and a.get("name")]
            found.styleables[name] = attrs
            for attr in attrs:
                if not attr.startswith("android:"):
                    found.add("attr", attr)


def _final_res_ids(project: Path) -> bool:
    """AGP 8.0 made ``android.nonFinalResIds=true`` the default: R fields are not constants."""
    properties = project / "gradle.properties"
    text = properties.read_text(encoding="utf-8") if properties.is_file() else ""
    return re.search(r"^\s*android\.nonFinalResIds\s*=\s*false\s*$", text, re.MULTILINE) is not None


def generate_r_java(project: Path, out_dir: Path, package: str | None = None) -> Path:
    """Write <package>/R.java for app/src/main/res. Field values are arbitrary but unique."""
    package = package or app_namespace(project)
    modifiers = "public static final" if _final_res_ids(project) else "public static"
    resources = collect_resources(project / "app/src/main/res")
    kinds = sorted(set(resources.names) | set(ALWAYS_PRESENT_TYPES))
    lines = [
        "/* AUTO-GENERATED by tests/android_compile.py (stand-in for AGP's R class). */",
        f"package {package};",
        "",
        "public final class R {",
        "    private R() {",
        "    }",
    ]
    attr_ids: dict[str, int] = {}
    for type_index, kind in enumerate(kinds, start=1):
        lines += ["", f"    public static final class {kind} {{", f"        private {kind}() {{", "        }"]
        for entry, name in enumerate(sorted({_resource_field(n) for n in resources.names.get(kind, ())})):
            value = 0x7F000000 | (type_index << 16) | entry
            if kind == "attr":
                attr_ids[name] = value
            if kind == "styleable":
                continue
            lines.append(f"        {modifiers} int {name} = 0x{value:08x};")
        if kind == "styleable":
            for styleable, attrs in sorted(resources.styleables.items()):
                values = ", ".join(
                    "0x01010000" if a.startswith("android:") else f"0x{attr_ids.get(_resource_field(a), 0):08x}" for a in attrs
                )
                lines.append(f"        {modifiers} int[] {_resource_field(styleable)} = {{ {values} }};")
                for index, attr in enumerate(attrs):
                    lines.append(f"        {modifiers} int {_resource_field(styleable)}_{_resource_field(attr)} = {index};")
        lines.append("    }")
    lines.append("}")
    target = out_dir / Path(*package.split(".")) / "R.java"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def check_resource_references(project: Path, resources: Resources | None = None) -> None:
    """Unqualified ``@type/name`` references in res XML and the manifest must resolve (aapt2 link)."""
    main = project / "app/src/main"
    resources = resources or collect_resources(main / "res")
    files = sorted((main / "res").rglob("*.xml")) if (main / "res").is_dir() else []
    if (main / "AndroidManifest.xml").is_file():
        files.append(main / "AndroidManifest.xml")
    problems = []
    for path in files:
        for element in _parse(path).iter():
            values = list(element.attrib.values()) + ([element.text] if element.text else [])
            for value in values:
                ref = REFERENCE.match(value.strip())
                if not ref:
                    continue
                _, kind, name = ref.groups()
                if kind == "id" or kind not in CHECKED_REFERENCE_TYPES or (kind, name) in LIBRARY_RESOURCES:
                    continue
                if not resources.has(kind, name):
                    problems.append(f"{path.relative_to(project)}: @{kind}/{name} is not defined in app/src/main/res")
    if problems:
        raise AndroidCompileError("resource linking", "\n".join(problems))


# --------------------------------------------------------------------------------------------
# View binding (mirrors androidx.databinding's view binder: BaseLayoutModel + ViewBinderGenerateJava)

UNQUALIFIED_VIEW_PACKAGES = {
    "View": "android.view",
    "ViewGroup": "android.view",
    "ViewStub": "android.view",
    "TextureView": "android.view",
    "SurfaceView": "android.view",
    "WebView": "android.webkit",
}
NOT_VIEWS = {"merge", "requestFocus", "tag", "fragment", "data", "layout", "variable", "import"}


def binding_class_name(layout_name: str) -> str:
    """activity_main -> ActivityMainBinding (ParserHelper.toClassName + "Binding")."""
    return "".join(_capitalize(part) for part in layout_name.split("_")) + "Binding"


def binding_field_name(resource_id: str) -> str:
    """``@+id/picked_image`` -> ``pickedImage``: view binding's ``stripNonJava()`` of the id name.

    Dots become underscores (parseXmlResourceReference), the name is split on every character
    outside [a-zA-Z0-9], the first part is kept as is and the others are capitalized (Locale.US).
    """
    name = resource_id.split("/", 1)[1].replace(".", "_")
    parts = [p.strip() for p in re.split(r"[^a-zA-Z0-9]", name)]
    if len(parts) == 1:
        return parts[0]
    return parts[0] + "".join(_capitalize(p) for p in parts[1:])


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else ""


def _view_class(element: ET.Element) -> str:
    explicit = element.get(f"{TOOLS}viewBindingType")
    tag = element.get("class") if element.tag == "view" and element.get("class") else element.tag
    tag = explicit or tag
    if "." not in tag:
        return f"{UNQUALIFIED_VIEW_PACKAGES.get(tag, 'android.widget')}.{tag}"
    return tag.replace("$", ".")


def _app_id(element: ET.Element) -> str | None:
    value = element.get(f"{A}id")
    if value and (value.startswith("@+id/") or value.startswith("@id/")):
        return value
    return None


@dataclass
class _Target:
    field: str
    id_name: str
    type: str  # fully qualified
    is_binder: bool
    is_root: bool
    configurations: set[str]


def _layout_targets(root: ET.Element, package: str) -> list[tuple[str, str, bool, bool]]:
    """Binding targets of one layout file: (id name, fully qualified type, is_binder, is_root)."""
    targets = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        resource_id = _app_id(element)
        if resource_id is None or element.tag in NOT_VIEWS:
            continue
        is_root = element is root
        if element.tag == "include":
            included = (element.get("layout") or "").split("/")[-1]
            type_name = f"{package}.databinding.{binding_class_name(included)}"
            targets.append((resource_id.split("/", 1)[1], type_name, True, is_root))
        else:
            targets.append((resource_id.split("/", 1)[1], _view_class(element), False, is_root))
    return targets


def generate_view_bindings(project: Path, out_dir: Path, package: str | None = None) -> list[Path]:
    """Write one binding class per layout, like AGP with ``buildFeatures { viewBinding = true }``."""
    package = package or app_namespace(project)
    res = project / "app/src/main/res"
    variants: dict[str, dict[str, ET.Element]] = {}
    for folder in sorted(res.glob("layout*")) if res.is_dir() else []:
        for path in sorted(folder.glob("*.xml")):
            variants.setdefault(path.stem, {})[folder.name] = _parse(path)
    written = []
    for layout, by_folder in sorted(variants.items()):
        roots = list(by_folder.values())
        if any(r.get(f"{TOOLS}viewBindingIgnore") == "true" for r in roots):
            continue
        written.append(_write_binding(layout, by_folder, package, out_dir))
    return written


def _write_binding(layout: str, by_folder: dict[str, ET.Element], package: str, out_dir: Path) -> Path:
    class_name = binding_class_name(layout)
    first = next(iter(by_folder.values()))
    is_merge = first.tag == "merge"
    if any((r.tag == "merge") != is_merge for r in by_folder.values()):
        raise AndroidCompileError("view binding", f"configurations of {layout}.xml must agree on the use of a root <merge> tag")
    root_types = {_view_class(r) for r in by_folder.values()} if not is_merge else {"android.view.View"}
    root_type = root_types.pop() if len(root_types) == 1 else "android.view.View"

    merged: dict[str, _Target] = {}
    for folder, root in by_folder.items():
        for id_name, type_name, is_binder, is_root in _layout_targets(root, package):
            target = merged.get(id_name)
            if target is None:
                merged[id_name] = _Target("", id_name, type_name, is_binder, is_root, {folder})
            else:
                target.configurations.add(folder)
                if target.type != type_name:
                    target.type, target.is_binder = "android.view.View", False
    # Field names as BaseLayoutModel: stripNonJava(id), made unique, then sorted by field name.
    used: set[str] = set()
    for target in sorted(merged.values(), key=lambda t: t.id_name):
        base = binding_field_name("@id/" + target.id_name)
        candidate, i = base, 0
        while candidate in used:
            i += 1
            candidate = f"{base}{i}"
        used.add(candidate)
        target.field = candidate
    targets = sorted(merged.values(), key=lambda t: t.field)
    all_folders = set(by_folder)

    # Imports like AGP's JavaPoet output: every type used, except where a simple name would clash.
    used_types = {root_type, *(t.type for t in targets)}
    fixed = {
        "android.view.LayoutInflater", "android.view.View", "android.view.ViewGroup",
        "androidx.annotation.NonNull", "androidx.annotation.Nullable",
        "androidx.viewbinding.ViewBinding", "androidx.viewbinding.ViewBindings", f"{package}.R",
        "java.lang.NullPointerException", "java.lang.Override", "java.lang.String",
    }
    taken = {name.rsplit(".", 1)[-1] for name in fixed} | {class_name}
    by_simple: dict[str, set[str]] = {}
    for type_name in used_types - fixed:
        if type_name.rsplit(".", 1)[0] != f"{package}.databinding":
            by_simple.setdefault(type_name.rsplit(".", 1)[-1], set()).add(type_name)
    imported = set(fixed) | {
        next(iter(names)) for simple, names in by_simple.items() if len(names) == 1 and simple not in taken
    }

    def ref(type_name: str) -> str:
        return type_name.rsplit(".", 1)[-1] if type_name in imported or type_name.startswith(f"{package}.databinding.") else type_name

    root_ref = ref(root_type)
    for t in targets:
        t.type = ref(t.type)
    root_type = root_ref

    lines = [
        "// Generated by view binder compiler. Do not edit!",
        "// (Stand-in written by tests/android_compile.py, following AGP's view binding output.)",
        f"package {package}.databinding;",
        "",
        *(f"import {name};" for name in sorted(imported)),
        "",
        f"public final class {class_name} implements ViewBinding {{",
        "  @NonNull",
        f"  private final {root_type} rootView;",
    ]
    for t in targets:
        required = t.configurations == all_folders
        lines += ["", "  @NonNull" if required else "  @Nullable", f"  public final {t.type} {t.field};"]
    params = [f"@NonNull {root_type} rootView"] + [
        f"{'@NonNull' if t.configurations == all_folders else '@Nullable'} {t.type} {t.field}" for t in targets
    ]
    lines += ["", f"  private {class_name}({', '.join(params)}) {{", "    this.rootView = rootView;"]
    lines += [f"    this.{t.field} = {t.field};" for t in targets]
    lines += ["  }", "", "  @Override", "  @NonNull", f"  public {root_type} getRoot() {{", "    return rootView;", "  }", ""]
    if is_merge:
        lines += [
            "  @NonNull",
            f"  public static {class_name} inflate(@NonNull LayoutInflater inflater, @NonNull ViewGroup parent) {{",
            "    if (parent == null) {",
            '      throw new NullPointerException("parent");',
            "    }",
            f"    inflater.inflate(R.layout.{_resource_field(layout)}, parent);",
            "    return bind(parent);",
            "  }",
            "",
        ]
    else:
        lines += [
            "  @NonNull",
            f"  public static {class_name} inflate(@NonNull LayoutInflater inflater) {{",
            "    return inflate(inflater, null, false);",
            "  }",
            "",
            "  @NonNull",
            f"  public static {class_name} inflate(@NonNull LayoutInflater inflater,",
            "      @Nullable ViewGroup parent, boolean attachToParent) {",
            f"    View root = inflater.inflate(R.layout.{_resource_field(layout)}, parent, false);",
            "    if (attachToParent) {",
            "      parent.addView(root);",
            "    }",
            "    return bind(root);",
            "  }",
            "",
        ]
    lines += ["  @NonNull", f"  public static {class_name} bind(@NonNull View rootView) {{", "    int id;", "    missingId: {"]
    args = [f"({root_type}) rootView"]
    for t in targets:
        required = t.configurations == all_folders
        if t.is_root:
            lines.append(f"      {t.type} {t.field} = ({t.type}) rootView;")
            args.append(t.field)
            continue
        lines.append(f"      id = R.id.{_resource_field(t.id_name)};")
        if t.is_binder:
            lines.append(f"      View {t.field}View = ViewBindings.findChildViewById(rootView, id);")
            if required:
                lines += [f"      if ({t.field}View == null) {{", "        break missingId;", "      }"]
                lines.append(f"      {t.type} {t.field}Binding = {t.type}.bind({t.field}View);")
            else:
                lines.append(f"      {t.type} {t.field}Binding = {t.field}View == null ? null : {t.type}.bind({t.field}View);")
            args.append(f"{t.field}Binding")
        else:
            lines.append(f"      {t.type} {t.field} = ViewBindings.findChildViewById(rootView, id);")
            if required:
                lines += [f"      if ({t.field} == null) {{", "        break missingId;", "      }"]
            args.append(t.field)
        lines.append("")
    lines += [
        f"      return new {class_name}({', '.join(args)});",
        "    }",
        "    String missingId = rootView.getResources().getResourceName(id);",
        '    throw new NullPointerException("Missing required view with ID: ".concat(missingId));',
        "  }",
        "}",
    ]
    target_file = out_dir / Path(*package.split(".")) / "databinding" / f"{class_name}.java"
    target_file.parent.mkdir(parents=True, exist_ok=True)
    target_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target_file


# --------------------------------------------------------------------------------------------
# The build


def compile_project(project: Path, stubs: StubClasspath, work_dir: Path) -> CompileResult:
    """Generate R and the bindings, check resource references, then compile app/src/main/java.

    Kotlin sources (if any) go through kotlinc first, with every Java source on its source path;
    then javac compiles the Java sources with the Kotlin classes on the classpath. Raises
    AndroidCompileError with the failing tool's output.
    """
    project = Path(project)
    package = app_namespace(project)
    generated = work_dir / "generated"
    kotlin_out = work_dir / "classes-kotlin"
    java_out = work_dir / "classes-java"
    for d in (generated, kotlin_out, java_out):
        d.mkdir(parents=True, exist_ok=True)

    resources = collect_resources(project / "app/src/main/res")
    check_resource_references(project, resources)
    generate_r_java(project, generated, package)
    generate_view_bindings(project, generated, package)

    source_root = project / "app/src/main/java"
    kotlin_sources = sorted(source_root.rglob("*.kt"))
    java_sources = sorted(source_root.rglob("*.java")) + sorted(generated.rglob("*.java"))
    warnings = []
    classpath = list(stubs.entries)
    classes = []
    if kotlin_sources:
        warnings.append(_kotlinc("kotlinc", kotlin_out, classpath, [*kotlin_sources, source_root, generated]))
        classpath.insert(0, kotlin_out)
        classes.append(kotlin_out)
    if java_sources:
        warnings.append(_javac("javac", java_out, classpath, java_sources))
        classes.append(java_out)
    warnings.extend(_compile_device_tests(project, [*classes, *stubs.entries], work_dir))
    return CompileResult(classes=classes, generated=generated, warnings="\n".join(w for w in warnings if w))


def _compile_device_tests(project: Path, app_classpath: list[Path], work_dir: Path) -> list[str]:
    """app/src/androidTest against the compiled app, the stubs and JUnit, as AGP's androidTest
    compilation sees them."""
    source_root = project / "app/src/androidTest/java"
    kotlin_sources = sorted(source_root.rglob("*.kt"))
    java_sources = sorted(source_root.rglob("*.java"))
    classpath = [*app_classpath, *junit_jars()]
    warnings = []
    if kotlin_sources:
        out = work_dir / "android-test-kotlin"
        out.mkdir(parents=True, exist_ok=True)
        warnings.append(_kotlinc("kotlinc (androidTest)", out, classpath, [*kotlin_sources, source_root]))
        classpath.insert(0, out)
    if java_sources:
        out = work_dir / "android-test-java"
        out.mkdir(parents=True, exist_ok=True)
        warnings.append(_javac("javac (androidTest)", out, classpath, java_sources))
    return warnings
