//! rasd-analytics (under construction).
