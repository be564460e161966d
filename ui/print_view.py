"""The page as it prints (Ctrl+P): the map, its legend and caption, and the table as rows.

On screen the events table is an interactive grid drawn on a canvas, which prints as the few
rows it scrolled to; the sidebar, toolbars and export panels are no use on paper. So the page
carries a print stylesheet, and each table a plain HTML copy of the rows it shows that only
print media display. The map's frame prints itself (its legend unfolds and its buttons hide:
static/sortie.css).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

PRINT_CSS = """
<style>
.sortie-print { display: none; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stSidebarCollapsedControl"], [data-testid="stExpander"], [data-testid="stDataFrame"],
  [data-testid="stNumberInput"], [data-testid="stPopover"], [data-testid="stDecoration"],
  [data-testid="stVegaLiteChart"] { display: none !important; }
  .sortie-print { display: block; }
  .sortie-print table { border-collapse: collapse; width: 100%; font-size: 9pt; }
  .sortie-print th, .sortie-print td { border: 1px solid #bbb; padding: 2px 4px; text-align: left;
                                       vertical-align: top; }
  .sortie-print tr { break-inside: avoid; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none !important; }
  iframe { break-inside: avoid; }
}
</style>
"""


def print_layout() -> None:
    """The print stylesheet, once per page run."""
    st.html(PRINT_CSS)


def print_table(table: pd.DataFrame) -> None:
    """The rows of a readable table (:func:`maps.text.readable_table`) as HTML shown only in
    print; every cell is escaped by pandas, so report text stays text."""
    body = table.astype(object).where(table.notna(), "").to_html(index=False, escape=True, border=0)
    st.html(f'<div class="sortie-print">{body}</div>')
