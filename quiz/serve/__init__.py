"""`quiz serve`: the same app in a browser, one app process per tab, a whole class on one machine.

Nothing here imports Textual: each session runs `python -m quiz` as its own
process (through `textual-serve`'s process driver), so the app in the browser
is exactly the app in the terminal.
"""
