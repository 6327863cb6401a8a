"""Reader: read and annotate Chinese newspaper articles offline."""

__version__ = "0.1.0"
