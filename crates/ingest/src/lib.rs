//! rasd-ingest (under construction).
