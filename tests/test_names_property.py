"""Any app name and label set the tool accepts yields a project whose XML parses, whose code
compiles, whose golden tests pass, and which shows exactly the name given (read back the way
aapt2 reads a string resource)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from android_compile import compile_project
from conftest import classifier_tests, new_args, run_cli

from scaffold.errors import InvalidOption
from scaffold.render.text import check_app_name
from scaffold.text import unsafe_character

UI = "app/src/main/java/com/example/tfliteclassifier"
NASTY_NAME = "@Tom's \"Plant\" Doctor & <Co> 100% {{ 7*7 }} {% raw %} \\u0041 $x `y` *z* 🌱 Ökologie 日本語  x"
NASTY_LABELS = ["O'Brien \"quoted\"", "a&b <c>", "100% {{x}}", "back\\slash $dollar", "🌱 日本語 ünïcode"]

# Everything except what the tool refuses (control, surrogate, private-use, unassigned, line and
# paragraph separators).
TEXT = st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))


def _accepted_name(name: str) -> bool:
    try:
        check_app_name(name)
    except InvalidOption:
        return False
    return True


# A label is one line, trimmed as Java's String.trim() trims (every char <= U+0020).
LABEL = st.text(TEXT, min_size=1, max_size=20).map(lambda s: s.strip("".join(map(chr, range(0x21))))).filter(
    lambda s: s and unsafe_character(s) is None
)


def android_string_value(raw: str, formatted_false: bool) -> str:
    """What aapt2 makes of a <string> element's text: quotes preserve whitespace and are dropped,
    backslash escapes, whitespace runs outside quotes collapse, and the ends are trimmed. Raises
    where aapt2 fails the build: an unescaped apostrophe outside quotes, a leading @ or ? (read as
    a reference), or a % in a string not marked formatted="false" (lint: several substitutions)."""
    if raw[:1] in ("@", "?"):
        raise AssertionError(f"aapt2 would read {raw!r} as a resource reference")
    if "%" in raw and not formatted_false:
        raise AssertionError(f"{raw!r} has a % but no formatted=\"false\"")
    out: list[str] = []
    quoted = False
    i = 0
    pending_space = False
    while i < len(raw):
        char = raw[i]
        if char == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if nxt == "u" and i + 5 < len(raw):
                out.append(chr(int(raw[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
            i += 2
            continue
        if char == "'" and not quoted:
            raise AssertionError(f"unescaped apostrophe in {raw!r}")
        if char == '"':
            quoted = not quoted
        elif char.isspace() and not quoted:
            pending_space = bool(out)
        else:
            if pending_space:
                out.append(" ")
                pending_space = False
            out.append(char)
        i += 1
    return "".join(out)


def _generate(models, tmp_path, name: str, labels: list[str], language: str = "java"):
    labels_file = tmp_path / "labels.txt"
    labels_file.write_text("".join(f"{label}\n" for label in labels), encoding="utf-8")
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite_softmax, out, "--app-name", name, "--language", language, "--force",
                               labels=labels_file))
    assert result.exit_code == 0, result.stdout + result.stderr
    return out


def _check_project(out, name: str, labels: list[str]):
    for xml in (out / "app/src/main/res").rglob("*.xml"):
        ET.parse(xml)  # every resource parses
    ET.parse(out / "app/src/main/AndroidManifest.xml")
    strings = ET.parse(out / "app/src/main/res/values/strings.xml").getroot()
    shown = next(s for s in strings.iter("string") if s.get("name") == "app_name")
    assert android_string_value(shown.text or "", shown.get("formatted") == "false") == name.strip()
    assert (out / "app/src/main/assets/labels.txt").read_text(encoding="utf-8").splitlines() == labels
    settings_gradle = (out / "settings.gradle.kts").read_text()
    project_name = settings_gradle.split('rootProject.name = "')[1].split('"')[0]
    assert project_name and all(c.isascii() and (c.isalnum() or c in " ._-") for c in project_name)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=st.text(TEXT, min_size=1, max_size=40).filter(_accepted_name),
       labels=st.lists(LABEL, min_size=5, max_size=5, unique=True))
@example(name=NASTY_NAME, labels=NASTY_LABELS)
@example(name="?query", labels=["a", "b", "c", "d", "e"])
def test_any_accepted_name_and_labels_make_a_working_project(models, tmp_path, name, labels):
    out = _generate(models, tmp_path, name, labels)
    _check_project(out, name, labels)
    verify = run_cli("verify", out)
    assert verify.exit_code == 0 and f"{classifier_tests()} passed, 0 failed" in verify.stdout, verify.stdout


def test_the_ui_compiles_in_both_languages_with_a_hostile_name(models, stubs, tmp_path):
    for language in ("kotlin", "java"):
        work = tmp_path / language
        work.mkdir()
        out = _generate(models, work, NASTY_NAME, NASTY_LABELS, language)
        _check_project(out, NASTY_NAME, NASTY_LABELS)
        compile_project(out, stubs, work / "build")
    readme = (out / "README.md").read_text(encoding="utf-8").splitlines()[0]
    # Markdown: punctuation that could start emphasis, a link, HTML or a code span is backslash-escaped.
    assert readme.startswith("# @Tom\\'s \\\"Plant\\\" Doctor \\& \\<Co\\> 100% \\{\\{ 7\\*7 \\}\\}")
