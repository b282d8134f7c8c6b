"""Deliver: an `Email` -> HTML, text, .eml or an ESP's JSON body, or a test send over SMTP.

Other stages call `formats.export`, `formats.outgoing` and `smtp.send`.
"""
