"""What a view compares: the pick (an outlet, a theme or an actor) and the sentences it covers."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass
class Pick:
    mode: str  # "outlet", "theme" or "actor"
    value: str
    theme_column: str  # "themes" or "policy_frames"

    def scope(self, table: pd.DataFrame) -> pd.DataFrame:
        """The sentences the pick is about: the outlet's, or those naming the theme or actor."""
        if self.mode == "outlet":
            return table[table["outlet_group"] == self.value]
        column = self.theme_column if self.mode == "theme" else "actors"
        return table[table[column].map(lambda labels: self.value in labels)]

    def compared(self, table: pd.DataFrame) -> pd.DataFrame:
        """What the charts compare across outlets: everything for an outlet pick, the pick's sentences otherwise."""
        return table if self.mode == "outlet" else self.scope(table)

    @property
    def highlight(self) -> str | None:
        return self.value if self.mode == "outlet" else None

    def describe(self) -> str:
        return {"outlet": f"outlet {self.value}", "theme": f"theme “{self.value}”", "actor": f"actor “{self.value}”"}[self.mode]
