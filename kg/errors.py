"""Errors users see: the KgError family, each message one line naming the file and the problem."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg reports to a user (the CLI prints it on one line, exit 1)."""


class InputError(KgError):
    """An input article cannot be read: missing, empty, binary, undecodable."""


class DataError(KgError):
    """A curated data file (rules, gazetteer, ontology) is invalid."""


class GoldError(KgError):
    """A gold file for `kg eval` is invalid."""


class StoreError(KgError):
    """The store cannot be opened or written (in use by another process, damaged)."""


class QueryError(KgError):
    """A SPARQL query is invalid, refused (not read-only, reaches outside) or timed out."""
