"""The learning engine: grading answers, rating them, presenting cards, scheduling.

UI-free: the Textual app, the CLI and the tests drive the same objects.
"""
