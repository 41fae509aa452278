"""Reading: decode an article, split it into sentences with offsets, set boilerplate aside."""

from kg.read.reader import read_article, read_text
from kg.read.sentences import split_sentences

__all__ = ["read_article", "read_text", "split_sentences"]
