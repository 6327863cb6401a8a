"""Reader's Qt layer: models over core dataclasses, widgets, dialogs.

Only ``reader.app`` builds the QApplication.
"""
