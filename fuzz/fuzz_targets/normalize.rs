//! `rasd_text::normalize` on arbitrary UTF-8: the offset map's invariants and idempotence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd_text::normalize;

fuzz_target!(|s: &str| {
    let n = normalize(s);
    let t = n.as_str();

    // The end of the normalised text maps to the end of the original.
    assert_eq!(n.original_offset(t.len()), s.len());

    let mut prev_start = 0;
    for (i, c) in t.char_indices() {
        let j = i + c.len_utf8();
        // Every byte of a normalised character maps to the same non-empty original range,
        // inside the input and on character boundaries.
        let (a, b) = n.original_span(i, j);
        assert!(a < b && b <= s.len(), "{i}..{j} -> {a}..{b} of {}", s.len());
        assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
        for k in i..j {
            assert_eq!(n.original_span(k, k + 1), (a, b));
        }
        // Original positions never go backwards (normalized_offset relies on it).
        assert!(a >= prev_start, "original starts out of order at {i}");
        prev_start = a;
        // Any char-boundary range maps to a char-boundary range.
        for (x, y) in [(i, t.len()), (0, j)] {
            let (a, b) = n.original_span(x, y);
            assert!(a <= b && b <= s.len());
            assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
        }
        // normalized_offset goes back to (at most) this character, on a boundary.
        let back = n.normalized_offset(a);
        assert!(back <= i && t.is_char_boundary(back));
    }

    // One space per whitespace run, line breaks kept once, nothing at either end.
    assert!(
        !t.starts_with([' ', '\n']) && !t.ends_with([' ', '\n']),
        "{t:?}"
    );
    for bad in ["  ", " \n", "\n ", "\n\n"] {
        assert!(!t.contains(bad), "{bad:?} in {t:?}");
    }

    // Normalising twice changes nothing.
    let twice = normalize(t);
    assert_eq!(twice.as_str(), t);
});
