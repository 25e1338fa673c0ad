"""CSV and XLSX downloads: the admin statistics and the Verein's application list share this one export.

It is Wagtail's spreadsheet export (openpyxl writes the XLSX) with what both need on top: a text that a
spreadsheet would read as a formula is defused in the CSV (CSV injection; the XLSX writer stores such
texts as text already), and the CSV dialect can follow what German spreadsheet programs expect.
"""

import csv

from django.http import HttpResponse, StreamingHttpResponse
from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(value) -> str:
    """A spreadsheet must not read a text (a label, an applicant's message) as a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SpreadsheetExport(SpreadsheetExportMixin):
    """A view mixin (`?export=csv` or `?export=xlsx`, as Wagtail's SpreadsheetExportMixin), or on its own
    in a function view: `ApplicationSpreadsheet().as_spreadsheet(applications, "xlsx")`."""

    # The query parameter that asks for a download and names its format.
    export_parameter = "export"
    csv_delimiter = ","
    # German spreadsheet programs read the umlauts of a UTF-8 CSV right only after a byte order mark.
    csv_byte_order_mark = False
    # A long export streams; a short one (one Verein's applications) is one response.
    csv_streaming = True

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        str: {SpreadsheetExportMixin.FORMAT_CSV: defuse_formula},
    }

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.is_export = request.GET.get(self.export_parameter) in self.FORMATS

    def get_export_url(self, format):
        params = self.request.GET.copy()
        params[self.export_parameter] = format
        return self.request.path + "?" + params.urlencode()

    def write_csv_response(self, queryset):
        if self.csv_streaming:
            response = StreamingHttpResponse(self.stream_csv(queryset))
        else:
            response = HttpResponse(b"".join(self.stream_csv(queryset)))
        response["Content-Type"] = "text/csv; charset=utf-8"
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=self.csv_delimiter)
        if self.csv_byte_order_mark:
            yield "\ufeff".encode()
        yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))
