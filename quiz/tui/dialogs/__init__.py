"""Dialogs: small screens over another that ask one thing or show one thing, then close."""
