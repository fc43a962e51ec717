"""tflite-scaffold: a trained vision model in, a ready-to-build Android Studio project out.

The data flow is visible in the sub-packages, in the order ``pipeline.py`` calls them:
``model`` (load + inspect) → ``convert`` → ``metadata`` → ``reference`` / ``golden`` →
``render`` → ``verify``.
"""

__version__ = "0.1.0"
