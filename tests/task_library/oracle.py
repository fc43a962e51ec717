"""Run the TFLite Task Library's ImageClassifier on images: an independent oracle of what the Task
Library computes on Android (the same C++ core behind its Java API).

Runs in .venv-task (see requirements.txt), never beside TensorFlow. Reads a JSON request on stdin:
{"model": path, "images": [paths of .npy files holding H x W x 3 uint8 RGB], "max_results": k}
and prints, per image, the categories as [[index, score], ...] best first, as JSON.
"""

import json
import sys

import numpy as np
from tflite_support.task import core, processor, vision


def main() -> None:
    request = json.load(sys.stdin)
    options = vision.ImageClassifierOptions(
        base_options=core.BaseOptions(file_name=request["model"]),
        classification_options=processor.ClassificationOptions(max_results=request["max_results"]),
    )
    classifier = vision.ImageClassifier.create_from_options(options)
    results = []
    for path in request["images"]:
        # The TensorImage points into the array without copying it: keep the array alive.
        pixels = np.ascontiguousarray(np.load(path))
        image = vision.TensorImage.create_from_array(pixels)
        categories = classifier.classify(image).classifications[0].categories
        results.append([[category.index, category.score] for category in categories])
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
