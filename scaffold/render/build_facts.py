"""Check a generated project's build against the dependency facts in ``dependencies.toml``.

Gradle cannot run here (no Google Maven), so the failures a first build would hit are checked on
the build files themselves: every library in ``gradle/libs.versions.toml`` must be a known
(module, version) whose AAR-metadata floors (minCompileSdk, minimum AGP, minSdk) the project
meets; the Gradle wrapper must be new enough for the AGP, and its distribution checksum known;
the JDK target must be what the AGP runs on; native libraries must be 16 KB page-aligned for a
targetSdk of 35 and up, unless a row says why not. Build files must use only catalog aliases that
exist, and the catalog must hold nothing unused.

``new`` runs this on every project before it is moved into place, and the tests run it on every
template variant; ``problems`` returns readable sentences, empty when the build is coherent.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

FACTS_FILE = "dependencies.toml"

# Play rejects apps targeting this API level or higher whose native libraries use 4 KB pages.
PAGE_ALIGNMENT_FROM_TARGET_SDK = 35


@dataclass(frozen=True)
class BuildFiles:
    """What the generated project declares, read from its build files."""

    compile_sdk: int
    target_sdk: int
    min_sdk: int
    agp: str
    gradle: str
    distribution_sha256: str | None
    java_target: int
    kotlin_jvm_target: int | None
    libraries: dict[str, tuple[str, str]]  # catalog alias → (module, version)
    used_aliases: set[str]  # libs.x.y accessors used by the build files, as catalog aliases


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text))


def read_build_files(project: Path) -> BuildFiles:
    """Parse the parts of the build that floors apply to. Raises ValueError for a build file that
    lacks one of them (the template itself would be broken)."""
    catalog = tomllib.loads((project / "gradle/libs.versions.toml").read_text(encoding="utf-8"))
    versions = catalog.get("versions", {})
    libraries = {}
    for alias, entry in catalog.get("libraries", {}).items():
        version = entry.get("version") if isinstance(entry.get("version"), str) else versions[entry["version"]["ref"]]
        libraries[alias] = (f"{entry['group']}:{entry['name']}", version)
    plugin = catalog["plugins"]["android-application"]
    agp = plugin["version"] if isinstance(plugin.get("version"), str) else versions[plugin["version"]["ref"]]

    gradle_files = [project / "build.gradle.kts", project / "app/build.gradle.kts"]
    app_build = gradle_files[1].read_text(encoding="utf-8")
    wrapper = (project / "gradle/wrapper/gradle-wrapper.properties").read_text(encoding="utf-8")

    def number(pattern: str, text: str, what: str) -> int:
        found = re.search(pattern, text)
        if not found:
            raise ValueError(f"no {what} in the generated build")
        return int(found.group(1))

    distribution = re.search(r"distributionUrl=.*gradle-([\d.]+)-(?:bin|all)\.zip", wrapper)
    if not distribution:
        raise ValueError("no Gradle distributionUrl in gradle-wrapper.properties")
    checksum = re.search(r"^distributionSha256Sum=([0-9a-f]{64})\s*$", wrapper, re.MULTILINE)
    kotlin_target = re.search(r"JvmTarget\.JVM_(\d+)", app_build)
    accessors = set()
    for path in gradle_files:
        for accessor in re.findall(r"\blibs\.((?!plugins\.|versions\.)[\w.]+)", path.read_text(encoding="utf-8")):
            accessors.add(accessor.replace(".", "-"))
    return BuildFiles(
        compile_sdk=number(r"\bcompileSdk\s*=\s*(\d+)", app_build, "compileSdk"),
        target_sdk=number(r"\btargetSdk\s*=\s*(\d+)", app_build, "targetSdk"),
        min_sdk=number(r"\bminSdk\s*=\s*(\d+)", app_build, "minSdk"),
        agp=agp,
        gradle=distribution.group(1),
        distribution_sha256=checksum.group(1) if checksum else None,
        java_target=number(r"JavaVersion\.VERSION_(\d+)", app_build, "Java source/target compatibility"),
        kotlin_jvm_target=int(kotlin_target.group(1)) if kotlin_target else None,
        libraries=libraries,
        used_aliases=accessors,
    )


def load_facts(template_dir: Path) -> dict:
    return tomllib.loads((template_dir / FACTS_FILE).read_text(encoding="utf-8"))


def problems(build: BuildFiles, facts: dict) -> list[str]:
    """Every way ``build`` breaks the facts, as sentences (empty: it builds as far as is known)."""
    found: list[str] = []
    decided = facts.get("project", {})
    declared = {
        "compile_sdk": build.compile_sdk, "target_sdk": build.target_sdk, "min_sdk": build.min_sdk,
        "agp": build.agp, "gradle": build.gradle, "jdk": build.java_target,
    }
    for key, value in declared.items():
        if decided.get(key) != value:
            found.append(f"the build has {key} {value}, {FACTS_FILE} records the decision {decided.get(key)}: update both together.")
    agp = facts.get("agp", {}).get(build.agp)
    if agp is None:
        found.append(f"AGP {build.agp} has no row in {FACTS_FILE}: record its Gradle, JDK and API limits first.")
    else:
        if _version(build.gradle) < _version(agp["min_gradle"]):
            found.append(f"AGP {build.agp} needs Gradle {agp['min_gradle']} or newer, the wrapper has {build.gradle}.")
        if build.compile_sdk > agp["max_compile_sdk"]:
            found.append(f"compileSdk {build.compile_sdk} is above what AGP {build.agp} supports ({agp['max_compile_sdk']}).")
        for target, what in ((build.java_target, "Java"), (build.kotlin_jvm_target, "Kotlin JVM")):
            if target is not None and target != agp["jdk"]:
                found.append(f"the {what} target is {target}, AGP {build.agp} runs on JDK {agp['jdk']}.")
    if build.target_sdk > build.compile_sdk:
        found.append(f"targetSdk {build.target_sdk} is above compileSdk {build.compile_sdk}.")

    wrapper = facts.get("gradle_wrapper", {})
    known_sum = wrapper.get("distribution_sha256", {}).get(build.gradle)
    if build.distribution_sha256 is None:
        found.append("gradle-wrapper.properties has no distributionSha256Sum: the download would not be verified.")
    elif build.distribution_sha256 != known_sum:
        found.append(f"distributionSha256Sum does not match the recorded checksum of Gradle {build.gradle}.")

    rows = {(row["module"], row["version"]): row for row in facts.get("library", [])}
    for alias, (module, version) in sorted(build.libraries.items()):
        row = rows.get((module, version))
        if row is None:
            found.append(f"{module}:{version} has no row in {FACTS_FILE}: look up its AAR-metadata floors first.")
            continue
        if row["min_compile_sdk"] > build.compile_sdk:
            found.append(f"{module}:{version} needs compileSdk {row['min_compile_sdk']}, the project has {build.compile_sdk}.")
        if _version(row["min_agp"]) > _version(build.agp):
            found.append(f"{module}:{version} needs AGP {row['min_agp']}, the project has {build.agp}.")
        if row["min_sdk"] > build.min_sdk:
            found.append(f"{module}:{version} needs minSdk {row['min_sdk']}, the project has {build.min_sdk}.")
        unaligned = [name for name, aligned in row.get("native", {}).items() if not aligned]
        if unaligned and build.target_sdk >= PAGE_ALIGNMENT_FROM_TARGET_SDK and not row.get("allow_unaligned"):
            found.append(
                f"{module}:{version} ships {', '.join(unaligned)} without 16 KB page alignment, "
                f"which Play refuses for targetSdk {build.target_sdk}."
            )
        if alias not in build.used_aliases:
            found.append(f"the catalog declares {alias} ({module}), which no build file uses.")
    for alias in sorted(build.used_aliases - set(build.libraries)):
        found.append(f"a build file uses libs.{alias.replace('-', '.')}, which the catalog does not declare.")
    modules = [module for module, _ in build.libraries.values()]
    task_library = [m for m in modules if m.startswith("org.tensorflow:tensorflow-lite-task-")]
    litert = [m for m in modules if m.startswith("com.google.ai.edge.litert:")]
    if task_library and litert:
        found.append(
            f"{task_library[0]} brings org.tensorflow:tensorflow-lite, and {litert[0]} the same classes: "
            "one app cannot have both (duplicate classes)."
        )
    return found
