"""Diagnosis before and after generating: what a model is (inspect), how fast it runs and what
quantization cost (bench), and whether this machine has what the tool needs (doctor)."""
