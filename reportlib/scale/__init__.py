"""Large corpora: chunked tabulation on several cores or a Dask cluster, and the Parquet cache."""
