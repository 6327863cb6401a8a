"""Reader's core: text model, structure recovery, library, import.

Nothing under ``reader.core`` may import Qt; ``tests/test_layers.py`` checks it.
"""
