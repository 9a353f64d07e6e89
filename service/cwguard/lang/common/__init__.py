"""Vocabulary that is the same in every language: app names and their spellings."""
