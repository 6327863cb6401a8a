"""Working as a team in the window: merging, agreement, adjudication, the report's charts.

Only :mod:`reader.ui.team.menu` is imported at start-up; it loads the rest (and,
through them, ``reader.core.team``, numpy and krippendorff) when first used.
"""
