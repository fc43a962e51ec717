# The two commands of the README. Both set up what they need first (scripts/bootstrap.sh).
VENV ?= .venv
EXAMPLE_OUT ?= build/digit-reader

.PHONY: setup example test

setup:
	@scripts/bootstrap.sh

## Train the digits example model, then generate and verify its Android project in $(EXAMPLE_OUT).
example: setup
	$(VENV)/bin/python examples/digits/train.py --out build/digits
	$(VENV)/bin/tflite-scaffold new build/digits/digits.keras \
		--labels build/digits/labels.txt --mean 0 --std 255 \
		--app-name "Digit Reader" --package com.example.digitreader \
		--golden-image build/digits/samples/three.png --golden-image build/digits/samples/seven.png \
		--out $(EXAMPLE_OUT) --force
	$(VENV)/bin/tflite-scaffold verify $(EXAMPLE_OUT)

## Run the test suite.
test: setup
	@$(VENV)/bin/python -m pytest -q
