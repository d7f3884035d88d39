"""DataFrames to files: sinks that write tables chunk by chunk, and paper exports."""
