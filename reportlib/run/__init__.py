"""Running things: the batch runner of the notebooks, explain, the command line."""
