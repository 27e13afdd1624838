"""Amounts in French: « 12 500 € », « 1 234,50 € » (amounts are stored in cents)."""

from decimal import Decimal

from django.utils.formats import number_format


def euros(cents):
    if cents is None:
        return ""
    whole = cents % 100 == 0
    value = Decimal(cents) / 100
    return f"{number_format(value, 0 if whole else 2, use_l10n=True, force_grouping=True)}\u00a0€"


def parse_euros(raw):
    """Cents of an amount typed in euros (« 1 200 », « 1200,50 », « 1 200 € »), or None."""
    text = str(raw or "").replace("€", "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except ArithmeticError:
        return None
    if not value.is_finite() or value <= 0 or value != value.quantize(Decimal("0.01")):
        return None
    return int(value * 100)
