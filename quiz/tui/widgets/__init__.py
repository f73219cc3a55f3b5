"""Widgets shared by the screens: answer widgets, feedback, progress, charts."""
