"""Deck files: the format teachers write, its model, loader, schema and writer."""
