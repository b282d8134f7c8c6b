"""digest: turn a week's articles into the newsletter a newsroom sends its readers.

The pipeline, one folder per stage (each `__init__.py` names the functions others call):

    sources/    seed files, folders, URLs, feeds -> Seed
    summarize/  Seed -> Story (headline, byline, lead, quotes)
    render/     Stories -> Digest -> Email (sanitize, UTM, templates, MJML, CSS) and its checks
    deliver/    Email -> html, text, .eml, an ESP's JSON body; a test send over SMTP

build.py chains the stages (batch.py: a folder of seeds in parallel); preview/ rebuilds
on every save; cli/ is the command line. Shared by all: model.py (the values passed
between stages), errors.py, config.py, console.py, atomic.py, links.py, vocabulary.py.
Nothing is imported here, so `digest --help` stays fast.
"""

__version__ = "0.1.0"
