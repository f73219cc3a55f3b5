"""The terminal UI (Textual). The only package allowed to import textual."""
