"""Decks in and out of other programs: Anki, Quizlet, Moodle GIFT, spreadsheets, a printed test.

One module per format. Readers turn a file into a `Harvest` (cards in the
deck model plus what was skipped and why); `build.py` makes the deck and
checks it with the deck loader. Only `quiz.deck` is used here (and
`quiz.classroom` for the printed test), never the app.
"""
