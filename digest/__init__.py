"""digest: turn a week's articles into the newsletter a newsroom sends its readers."""

__version__ = "0.1.0"
