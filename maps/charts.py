"""Charts beside the map, in the map's colours."""

from __future__ import annotations

import altair as alt
import pandas as pd

from events import event_types as et


def weekly_chart(v: pd.DataFrame) -> alt.Chart:
    """Events per week by type: the distribution over time, as Kepler's time histogram shows it."""
    rows = pd.DataFrame({"date": pd.to_datetime(pd.Series(v["date_start"])), "type": v["type"].map(et.LABELS)})
    types = [et.LABELS[t] for t in et.COLORS]
    return (
        alt.Chart(rows)
        .mark_bar()
        .encode(
            # Vega-Lite bins by week itself and sizes each bar to its week
            x=alt.X("yearweek(date):T", title="Week"),
            y=alt.Y("count():Q", title="Events"),
            color=alt.Color("type:N", scale=alt.Scale(domain=types, range=list(et.COLORS.values())),
                            legend=alt.Legend(title=None, orient="right")),
            tooltip=[alt.Tooltip("yearweek(date):T", title="Week of"), "type:N",
                     alt.Tooltip("count():Q", title="Events")],
        )
        .properties(height=180)
    )
