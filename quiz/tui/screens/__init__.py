"""Screens of the app: home, profile picker, study, end of session, statistics, help."""
