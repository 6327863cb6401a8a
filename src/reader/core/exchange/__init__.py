"""Notes leaving and coming back: one module per export format, the export
runner, and importing notes with matching and re-anchoring.
"""
