"""Reports to DataFrames: the table registry and the builders of every table."""
