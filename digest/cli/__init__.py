"""The command line: click commands that parse options, call one core function and print.

The entry point is `commands.main`; no other stage imports from here.
"""
