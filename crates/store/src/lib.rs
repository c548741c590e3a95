//! rasd-store (under construction).
