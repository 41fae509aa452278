"""kg: knowledge graphs of geopolitical relations from news articles."""

__version__ = "0.1.0"
