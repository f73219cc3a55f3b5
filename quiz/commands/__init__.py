"""Sub-commands of the `quiz` command line."""
