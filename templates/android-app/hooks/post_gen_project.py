"""Keep only the UI sources of the chosen language.

The template carries a Kotlin and a Java version of the Android-facing classes side by side
(``*.kt`` / ``*.java`` next to each other in the app package); the ml/ core and the tests are Java
in both. Deleting the other language here keeps the template a plain cookiecutter template.
"""

from pathlib import Path

language = "{{ cookiecutter.language }}"
drop = ".java" if language == "kotlin" else ".kt"
app_package = Path("app/src/main/java/{{ cookiecutter.package_dir }}")
for source in app_package.glob(f"*{drop}"):
    source.unlink()
