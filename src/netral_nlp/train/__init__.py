"""Training the trainable parts: ner.py, rules.py, events.py (one module each)."""
