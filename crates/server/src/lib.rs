//! rasd-server (under construction).
