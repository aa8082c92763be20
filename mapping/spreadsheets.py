"""Cells for files that people open in a spreadsheet (CSV, XLSX): text is never run as a formula.

A spreadsheet runs a cell that begins with =, +, - or @ as a formula (tab and carriage return
too, in some programs), so a place named `=HYPERLINK("http://evil.example","x")` would reach a
coordinator's spreadsheet as a live link or worse (OWASP: CSV Injection). Such text gets a
single quote in front, which spreadsheets show as text. The same goes for text after a
separator or a line break inside a cell, since a spreadsheet that splits on another separator
than ours (Czech Excel splits on ";") would begin a new cell there. Numbers, dates and
booleans are written as themselves: -14.5 stored as a number is a number, not a formula.
Every writer of CSV or XLSX in the product goes through `spreadsheet_cell`.
"""

import re
from datetime import date, datetime, time
from decimal import Decimal

FORMULA_STARTS = "=+-@\t\r"
# A formula character at the beginning of the text, or after a character that some spreadsheet
# takes for the end of a cell or a row.
_CELL_START = re.compile(r"(^|[,;\t\r\n])(?=[=+\-@\t\r])")
_LITERALS = (int, float, Decimal, date, datetime, time)  # bool is an int


def spreadsheet_cell(value: object) -> object:
    """`value` as a cell: None as empty text, literals as they are, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, _LITERALS):
        return value
    return _CELL_START.sub(r"\1'", str(value))
