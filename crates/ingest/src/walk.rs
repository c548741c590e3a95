//! Directory walks: the files under a directory, in a stable order.
//!
//! Entries are sorted by name so that two reads of a directory yield items in the same order.
//! Hidden entries (names starting with `.`, such as `.git`) are skipped inside a walk; a hidden
//! path given explicitly as an input is read. Symbolic links are followed, with loop detection.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The files under a directory: `Ok(path)` per file, `Err((path, error))` for an entry that
/// cannot be read (the walk goes on).
pub(crate) struct Walk {
    inner: walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>,
}

fn visible(entry: &walkdir::DirEntry) -> bool {
    entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
}

impl Walk {
    /// Walk `dir`: only its own files, or with `recursive` every file below it.
    pub(crate) fn new(dir: &Path, recursive: bool) -> Self {
        let mut walk = WalkDir::new(dir)
            .min_depth(1)
            .follow_links(true)
            .sort_by_file_name();
        if !recursive {
            walk = walk.max_depth(1);
        }
        Walk {
            inner: walk
                .into_iter()
                .filter_entry(visible as fn(&walkdir::DirEntry) -> bool),
        }
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, (PathBuf, std::io::Error)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.inner.next()? {
                Ok(entry) if entry.file_type().is_dir() => continue,
                Ok(entry) => return Some(Ok(entry.into_path())),
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_default();
                    let io = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("symbolic link loop"));
                    return Some(Err((path, io)));
                }
            }
        }
    }
}
