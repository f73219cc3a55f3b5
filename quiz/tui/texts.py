"""The app's texts, imported the short way from the screens and widgets: the machinery is `quiz.texts`."""

from quiz.texts import N_, _, choose_language, key_label, language, ngettext, number, percent, use_language

__all__ = ["N_", "_", "choose_language", "key_label", "language", "ngettext", "number", "percent", "use_language"]
