from decimal import Decimal

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def hours_number(value) -> str:
    """Hours as people write them: 12, 2,5 or 1,25 (German), 2.5 (English); no trailing zeros."""
    if value in (None, ""):
        return ""
    number = Decimal(value).quantize(Decimal("0.01")).normalize()
    places = max(0, -number.as_tuple().exponent)
    return formats.number_format(number, decimal_pos=places, use_l10n=True)
