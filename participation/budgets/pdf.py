"""The PDF of voting codes: slips to cut, each with its code, the envelope and how to vote."""

from fpdf import FPDF
from django.utils.translation import gettext as _

from .services import display_code

COLUMNS, ROWS = 2, 6
SLIP_W, SLIP_H = 95, 46


def codes_pdf(envelope, codes, vote_url):
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_margins(10, 10)
    per_page = COLUMNS * ROWS
    for index, code in enumerate(codes):
        if index % per_page == 0:
            pdf.add_page()
        column, row = index % COLUMNS, (index % per_page) // COLUMNS
        x, y = 10 + column * SLIP_W, 10 + row * SLIP_H
        pdf.set_draw_color(160)
        pdf.rect(x, y, SLIP_W - 4, SLIP_H - 4)
        pdf.set_xy(x + 3, y + 3)
        pdf.set_font("helvetica", "B", 10)
        pdf.multi_cell(SLIP_W - 10, 5, _sanitise(envelope.budget.title), new_x="LMARGIN")
        pdf.set_x(x + 3)
        pdf.set_font("helvetica", "", 9)
        pdf.multi_cell(SLIP_W - 10, 4.5, _sanitise(_("Envelope: %(name)s") % {"name": envelope.name}), new_x="LMARGIN")
        pdf.set_xy(x + 3, y + 18)
        pdf.set_font("courier", "B", 18)
        pdf.cell(SLIP_W - 10, 9, display_code(code.code), align="C")
        pdf.set_xy(x + 3, y + 29)
        pdf.set_font("helvetica", "", 8)
        pdf.multi_cell(
            SLIP_W - 10, 4,
            _sanitise(_("One vote only, at the polling stand or online at %(url)s") % {"url": vote_url}),
            new_x="LMARGIN",
        )
    return bytes(pdf.output())


def _sanitise(text):
    """The core PDF fonts speak Latin-1: French fits, anything else is replaced rather than failing."""
    return str(text).replace("\u2019", "'").replace("\u00a0", " ").encode("latin-1", "replace").decode("latin-1")
