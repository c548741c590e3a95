//! The streaming driver: inputs to files and URLs, each to a format, each to items.

use crate::encoding::{self, charset_param, html_meta_charset, xml_declared_encoding};
use crate::feed::{self, FeedItems};
#[cfg(feature = "http")]
use crate::fetch;
use crate::ids::{canonical_url, document_id};
use crate::jsonl::JsonlItems;
use crate::walk::Walk;
use crate::{html, text_file, Error};
use rasd_model::Document;
use std::fmt;
use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
#[cfg(feature = "http")]
use std::sync::OnceLock;
use std::time::Duration;
use url::Url;

/// The default [`IngestOptions::max_file_bytes`]: 100 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// One thing to read: a file, a directory, or an `http(s)` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Url(Url),
}

impl Input {
    /// An `http://` or `https://` argument is a URL (and must be a valid one), a `file://` URL
    /// is the path it names, anything else is a path.
    pub fn parse(s: &str) -> Result<Input, Error> {
        let t = s.trim();
        let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
        if lower.starts_with("file://") {
            let url = Url::parse(t).map_err(|source| Error::BadUrl {
                input: s.to_owned(),
                source,
            })?;
            // A file URL with a host (`file://server/share`) has no local path.
            url.to_file_path()
                .map(Input::Path)
                .map_err(|()| Error::NotLocalFile {
                    input: s.to_owned(),
                })
        } else if lower.starts_with("http://") || lower.starts_with("https://") {
            Url::parse(t)
                .map(Input::Url)
                .map_err(|source| Error::BadUrl {
                    input: s.to_owned(),
                    source,
                })
        } else {
            Ok(Input::Path(PathBuf::from(s)))
        }
    }
}

impl From<PathBuf> for Input {
    fn from(p: PathBuf) -> Self {
        Input::Path(p)
    }
}

impl From<&Path> for Input {
    fn from(p: &Path) -> Self {
        Input::Path(p.to_path_buf())
    }
}

impl From<Url> for Input {
    fn from(u: Url) -> Self {
        Input::Url(u)
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Path(p) => write!(f, "{}", p.display()),
            Input::Url(u) => write!(f, "{u}"),
        }
    }
}

/// How [`Ingest`] reads its inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// Walk directories recursively (otherwise only the files directly inside).
    pub recursive: bool,
    /// Files and fetched bodies larger than this are skipped as
    /// [`SkipReason::TooLarge`] without being read. JSONL is streamed, so for JSONL the limit
    /// applies to each line instead.
    pub max_file_bytes: u64,
    /// A JSONL line without an `id` is skipped (the `rasd code` contract); with `false` it gets
    /// a stable id derived from the file path and line number.
    pub require_jsonl_id: bool,
    /// Timeout for each HTTP request, connection included.
    pub timeout: Duration,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            recursive: false,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            require_jsonl_id: true,
            timeout: Duration::from_secs(30),
        }
    }
}

/// Where an item came from: the file or URL as the user gave it (or as the directory walk
/// found it), the 1-based line, and the 1-based item number within a feed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    pub path_or_url: String,
    pub line: Option<usize>,
    pub item: Option<usize>,
}

impl Origin {
    fn whole(name: &str) -> Self {
        Origin {
            path_or_url: name.to_owned(),
            line: None,
            item: None,
        }
    }
}

/// `path`, `path:12`, `path:40 (item 3)`.
impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path_or_url)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(item) = self.item {
            write!(f, " (item {item})")?;
        }
        Ok(())
    }
}

/// Why an input, line or feed item gave no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Not text (NUL bytes, control bytes, a binary signature such as PDF or ZIP).
    Binary,
    /// Over [`IngestOptions::max_file_bytes`]; `bytes` is the size, or a lower bound when the
    /// size was not known before reading.
    TooLarge { bytes: u64, limit: u64 },
    /// No text: an empty file, a page with no article text, a feed item with neither title nor
    /// description, a JSONL `text` that is blank.
    Empty,
    /// The bytes do not decode cleanly even under the best-guess encoding.
    Undecodable { encoding: &'static str },
    /// Malformed content: invalid JSON, a missing field, a bad date, broken or truncated XML.
    Malformed { detail: String },
    /// A file type or content type that is not a document (`.csv`, `.json`, `image/png`, XML
    /// that is not a feed).
    UnsupportedType { kind: String },
    /// The file or directory could not be read.
    Io {
        kind: std::io::ErrorKind,
        detail: String,
    },
    /// The server answered with a non-success status.
    Http { status: u16 },
    /// The request failed: DNS, connection, TLS, timeout, too many redirects.
    Fetch { detail: String },
}

impl SkipReason {
    pub(crate) fn io(e: &std::io::Error) -> Self {
        SkipReason::Io {
            kind: e.kind(),
            detail: e.to_string(),
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Binary => f.write_str("binary content, not text"),
            SkipReason::TooLarge { bytes, limit } => {
                write!(f, "too large: {bytes} bytes, over the limit of {limit}")
            }
            SkipReason::Empty => f.write_str("no text"),
            SkipReason::Undecodable { encoding } => {
                write!(f, "not decodable as UTF-8 or as its best guess, {encoding}")
            }
            SkipReason::Malformed { detail } => write!(f, "malformed: {detail}"),
            SkipReason::UnsupportedType { kind } => write!(f, "unsupported type: {kind}"),
            SkipReason::Io { detail, .. } => write!(f, "cannot read: {detail}"),
            SkipReason::Http { status } => write!(f, "HTTP status {status}"),
            SkipReason::Fetch { detail } => write!(f, "cannot fetch: {detail}"),
        }
    }
}

/// One result of [`Ingest::items`].
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A document to code.
    Doc {
        doc: Document,
        origin: Origin,
        /// The canonical URL ([`canonical_url`](crate::canonical_url)) when one is known: a
        /// page's `<link rel=canonical>` or `og:url`, a fetched URL after redirects, a feed
        /// item's link, a JSONL `url`.
        canonical_url: Option<String>,
        /// The legacy encoding the text was decoded from (`"windows-1256"`, `"UTF-16LE"`);
        /// `None` for UTF-8.
        decoded_from: Option<&'static str>,
    },
    /// An input, line or feed item that gave no document, and why.
    Skipped { origin: Origin, reason: SkipReason },
}

impl Item {
    pub fn origin(&self) -> &Origin {
        match self {
            Item::Doc { origin, .. } | Item::Skipped { origin, .. } => origin,
        }
    }

    /// The document, if this item is one.
    pub fn doc(&self) -> Option<&Document> {
        match self {
            Item::Doc { doc, .. } => Some(doc),
            Item::Skipped { .. } => None,
        }
    }

    /// The document, if this item is one.
    pub fn into_doc(self) -> Option<Document> {
        match self {
            Item::Doc { doc, .. } => Some(doc),
            Item::Skipped { .. } => None,
        }
    }
}

/// `origin: id` for a document, `origin: reason` for a skipped input.
impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Doc { doc, origin, .. } => write!(f, "{origin}: document {}", doc.id),
            Item::Skipped { origin, reason } => write!(f, "{origin}: skipped: {reason}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Jsonl,
    Feed,
}

/// What the name or the server says a body is, before looking at it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Expect {
    Known(Format),
    /// XML: a feed, or else nothing this crate reads.
    Xml,
    /// Decide from the content; plain text counts only when `text_ok` (a file without an
    /// extension, a `text/plain` body), not for a `.csv` that happens to be text.
    Sniff {
        text_ok: bool,
        kind: String,
    },
}

fn expect_from_extension(path: &Path) -> Expect {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("txt" | "text" | "md" | "markdown") => Expect::Known(Format::Text),
        Some("html" | "htm" | "xhtml" | "shtml") => Expect::Known(Format::Html),
        Some("jsonl" | "ndjson") => Expect::Known(Format::Jsonl),
        Some("xml" | "rss" | "atom" | "rdf") => Expect::Xml,
        None => Expect::Sniff {
            text_ok: true,
            kind: "file without extension".to_owned(),
        },
        Some(other) => Expect::Sniff {
            text_ok: false,
            kind: format!(".{other} file"),
        },
    }
}

#[cfg_attr(not(feature = "http"), allow(dead_code))]
fn expect_from_content_type(content_type: Option<&str>) -> Expect {
    let Some(ct) = content_type else {
        return Expect::Sniff {
            text_ok: true,
            kind: "no content type".to_owned(),
        };
    };
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Expect::Known(Format::Html),
        "application/rss+xml"
        | "application/atom+xml"
        | "application/rdf+xml"
        | "application/xml"
        | "text/xml" => Expect::Xml,
        "application/x-ndjson" | "application/jsonl" | "application/json" => {
            Expect::Known(Format::Jsonl)
        }
        "text/plain" | "text/markdown" | "" => Expect::Sniff {
            text_ok: true,
            kind: mime,
        },
        _ => Expect::Sniff {
            text_ok: false,
            kind: mime,
        },
    }
}

fn looks_html(head: &str) -> bool {
    let head = head.get(..head.len().min(2048)).unwrap_or(head);
    let lower = head.to_ascii_lowercase();
    let start = lower.trim_start();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || ["<html", "<head", "<body", "<p>", "<div", "<article"]
            .iter()
            .any(|t| lower.contains(t))
}

fn first_line_is_json_object(text: &str) -> bool {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    matches!(
        serde_json::from_str::<serde_json::Value>(first),
        Ok(serde_json::Value::Object(_))
    )
}

/// What the content itself looks like.
fn sniff(text: &str) -> Format {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') && first_line_is_json_object(start) {
        Format::Jsonl
    } else if feed::sniff(start) {
        Format::Feed
    } else if start.starts_with('<') && looks_html(start) {
        Format::Html
    } else {
        Format::Text
    }
}

fn choose(expect: &Expect, text: &str) -> Result<Format, SkipReason> {
    match expect {
        Expect::Known(Format::Html) if feed::sniff(text.trim_start()) => Ok(Format::Feed),
        Expect::Known(f) => Ok(*f),
        Expect::Xml => match sniff(text) {
            Format::Feed => Ok(Format::Feed),
            Format::Html => Ok(Format::Html),
            _ => Err(SkipReason::UnsupportedType {
                kind: "XML that is not an RSS or Atom feed".to_owned(),
            }),
        },
        Expect::Sniff { text_ok, kind } => match sniff(text) {
            Format::Text if !text_ok => Err(SkipReason::UnsupportedType { kind: kind.clone() }),
            f => Ok(f),
        },
    }
}

/// Everything known about a body before parsing it.
struct Source {
    /// The path or URL as the user gave it or the walk found it.
    name: String,
    /// The absolute path, or the URL after redirects: the key of path-based ids.
    id_key: String,
    /// The URL the body was fetched from (after redirects).
    url: Option<Url>,
    content_type: Option<String>,
    expect: Expect,
}

/// `Send`, so that a caller may read on one thread and code on others.
type ItemIter = Box<dyn Iterator<Item = Item> + Send>;

fn one(origin: Origin, reason: SkipReason) -> ItemIter {
    Box::new(std::iter::once(Item::Skipped { origin, reason }))
}

/// Reads inputs into documents. Build once, call [`Ingest::items`] per batch; the HTTP client
/// is built on the first URL and reused.
#[derive(Debug)]
pub struct Ingest {
    options: IngestOptions,
    #[cfg(feature = "http")]
    client: OnceLock<Result<reqwest::blocking::Client, String>>,
}

impl Ingest {
    pub fn new(options: IngestOptions) -> Self {
        Ingest {
            options,
            #[cfg(feature = "http")]
            client: OnceLock::new(),
        }
    }

    pub fn options(&self) -> &IngestOptions {
        &self.options
    }

    /// Stream the items of `inputs`, in order: each input in turn, a directory's files sorted
    /// by name, a file's documents in file order. Nothing is read before it is asked for, and
    /// no input stops the stream: failures are [`Item::Skipped`].
    pub fn items<'a>(&'a self, inputs: &'a [Input]) -> Items<'a> {
        Items {
            ingest: self,
            inputs: inputs.iter(),
            walk: None,
            current: None,
        }
    }

    fn file_items(&self, path: &Path) -> ItemIter {
        let name = path.display().to_string();
        let origin = Origin::whole(&name);
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return one(origin, SkipReason::io(&e)),
        };
        if meta.len() == 0 {
            return one(origin, SkipReason::Empty);
        }
        let id_key = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string();
        let expect = expect_from_extension(path);
        let limit = self.options.max_file_bytes;
        if expect == Expect::Known(Format::Jsonl) {
            return match File::open(path) {
                Ok(f) => Box::new(JsonlItems::new(
                    BufReader::new(f),
                    name,
                    id_key,
                    limit,
                    self.options.require_jsonl_id,
                )),
                Err(e) => one(origin, SkipReason::io(&e)),
            };
        }
        if meta.len() > limit {
            return one(
                origin,
                SkipReason::TooLarge {
                    bytes: meta.len(),
                    limit,
                },
            );
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        let read = File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes));
        if let Err(e) = read {
            return one(origin, SkipReason::io(&e));
        }
        if bytes.len() as u64 > limit {
            // The file grew after its size was read.
            return one(
                origin,
                SkipReason::TooLarge {
                    bytes: bytes.len() as u64,
                    limit,
                },
            );
        }
        self.body_items(
            bytes,
            Source {
                name,
                id_key,
                url: None,
                content_type: None,
                expect,
            },
        )
    }

    #[cfg(not(feature = "http"))]
    fn url_items(&self, url: &Url) -> ItemIter {
        one(
            Origin::whole(url.as_str()),
            SkipReason::UnsupportedType {
                kind: "http(s) URL (rasd-ingest was built without its `http` feature)".to_owned(),
            },
        )
    }

    #[cfg(feature = "http")]
    fn url_items(&self, url: &Url) -> ItemIter {
        let name = url.to_string();
        let origin = Origin::whole(&name);
        let client = match self
            .client
            .get_or_init(|| fetch::client(self.options.timeout))
        {
            Ok(c) => c,
            Err(detail) => {
                return one(
                    origin,
                    SkipReason::Fetch {
                        detail: detail.clone(),
                    },
                )
            }
        };
        let fetched = match fetch::fetch(client, url, self.options.max_file_bytes) {
            Ok(f) => f,
            Err(reason) => return one(origin, reason),
        };
        if fetched.body.is_empty() {
            return one(origin, SkipReason::Empty);
        }
        let expect = expect_from_content_type(fetched.content_type.as_deref());
        let id_key = canonical_url(fetched.final_url.as_str())
            .unwrap_or_else(|| fetched.final_url.to_string());
        self.body_items(
            fetched.body,
            Source {
                name,
                id_key,
                url: Some(fetched.final_url),
                content_type: fetched.content_type,
                expect,
            },
        )
    }

    fn body_items(&self, bytes: Vec<u8>, src: Source) -> ItemIter {
        let origin = Origin::whole(&src.name);
        if encoding::looks_binary(&bytes) {
            return one(origin, SkipReason::Binary);
        }
        let declared = src
            .content_type
            .as_deref()
            .and_then(charset_param)
            .map(str::to_owned)
            .or_else(|| xml_declared_encoding(&bytes))
            .or_else(|| html_meta_charset(&bytes));
        let decoded = match encoding::decode(&bytes, declared.as_deref()) {
            Ok(d) => d,
            Err(reason) => return one(origin, reason),
        };
        drop(bytes);
        let format = match choose(&src.expect, &decoded.text) {
            Ok(f) => f,
            Err(reason) => return one(origin, reason),
        };
        let decoded_from = decoded.decoded_from;
        let fetched_url = src.url.as_ref().and_then(|u| canonical_url(u.as_str()));
        match format {
            Format::Jsonl => {
                let items = JsonlItems::new(
                    Cursor::new(decoded.text.into_bytes()),
                    src.name,
                    src.id_key,
                    self.options.max_file_bytes,
                    self.options.require_jsonl_id,
                );
                Box::new(items.map(move |mut item| {
                    if let Item::Doc {
                        decoded_from: d, ..
                    } = &mut item
                    {
                        *d = d.or(decoded_from);
                    }
                    item
                }))
            }
            Format::Feed => Box::new(FeedItems::new(
                decoded.text,
                src.name,
                src.id_key,
                src.url,
                decoded_from,
            )),
            Format::Text => {
                let meta = text_file::meta(&decoded.text);
                let id = document_id(fetched_url.as_deref().unwrap_or(&src.id_key));
                let doc = Document {
                    id,
                    text: decoded.text.trim_start_matches('\u{feff}').to_owned(),
                    title: meta.title,
                    published: meta.published,
                    lang: None,
                    url: fetched_url.clone(),
                    source: None,
                };
                Box::new(std::iter::once(Item::Doc {
                    doc,
                    origin,
                    canonical_url: fetched_url,
                    decoded_from,
                }))
            }
            Format::Html => {
                let page = html::extract(&decoded.text, src.url.as_ref());
                if page.text.trim().is_empty() {
                    return one(origin, SkipReason::Empty);
                }
                let canonical = page
                    .canonical
                    .as_deref()
                    .and_then(canonical_url)
                    .or(fetched_url);
                let id = document_id(canonical.as_deref().unwrap_or(&src.id_key));
                let source = page.site_name.filter(|s| !s.is_empty()).or_else(|| {
                    src.url
                        .as_ref()
                        .and_then(|u| u.host_str())
                        .map(|h| h.trim_start_matches("www.").to_owned())
                });
                let doc = Document {
                    id,
                    text: page.text,
                    title: page.title,
                    published: page.published,
                    lang: page.lang,
                    url: canonical.clone(),
                    source,
                };
                Box::new(std::iter::once(Item::Doc {
                    doc,
                    origin,
                    canonical_url: canonical,
                    decoded_from,
                }))
            }
        }
    }
}

/// The stream returned by [`Ingest::items`].
pub struct Items<'a> {
    ingest: &'a Ingest,
    inputs: std::slice::Iter<'a, Input>,
    walk: Option<Walk>,
    current: Option<ItemIter>,
}

impl fmt::Debug for Items<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("inputs_left", &self.inputs.len())
            .field("walking", &self.walk.is_some())
            .finish()
    }
}

impl Iterator for Items<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    return Some(item);
                }
                self.current = None;
            }
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(Ok(path)) => {
                        self.current = Some(self.ingest.file_items(&path));
                        continue;
                    }
                    Some(Err((path, e))) => {
                        return Some(Item::Skipped {
                            origin: Origin::whole(&path.display().to_string()),
                            reason: SkipReason::io(&e),
                        })
                    }
                    None => self.walk = None,
                }
            }
            match self.inputs.next()? {
                Input::Url(url) => self.current = Some(self.ingest.url_items(url)),
                Input::Path(path) if path.is_dir() => {
                    self.walk = Some(Walk::new(path, self.ingest.options.recursive));
                }
                Input::Path(path) => self.current = Some(self.ingest.file_items(path)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_can_move_to_another_thread() {
        fn assert_send<T: Send>() {}
        assert_send::<Items<'static>>();
        assert_send::<Item>();
    }

    #[test]
    fn input_parsing() {
        assert!(matches!(
            Input::parse("https://ex.org/a"),
            Ok(Input::Url(_))
        ));
        assert!(matches!(Input::parse("HTTP://ex.org/a"), Ok(Input::Url(_))));
        assert!(matches!(Input::parse("reports/a.txt"), Ok(Input::Path(_))));
        assert_eq!(
            Input::parse("file:///data/r%C3%A9sum%C3%A9.txt").unwrap(),
            Input::Path(PathBuf::from("/data/résumé.txt"))
        );
        let err = Input::parse("http://exa mple.org/").unwrap_err();
        assert!(err.to_string().contains("not a valid URL"), "{err}");
    }

    #[test]
    fn format_choice() {
        let txt = Expect::Sniff {
            text_ok: false,
            kind: ".csv file".into(),
        };
        assert_eq!(
            choose(&txt, "a,b,c\n1,2,3\n"),
            Err(SkipReason::UnsupportedType {
                kind: ".csv file".into()
            })
        );
        assert_eq!(choose(&txt, "<!DOCTYPE html><p>x"), Ok(Format::Html));
        assert_eq!(
            choose(&Expect::Xml, "<rss><channel/></rss>"),
            Ok(Format::Feed)
        );
        assert!(choose(&Expect::Xml, "<config><a/></config>").is_err());
        assert_eq!(
            choose(
                &expect_from_content_type(Some("text/html")),
                "<rss version=\"2.0\">"
            ),
            Ok(Format::Feed)
        );
        assert_eq!(
            choose(
                &expect_from_content_type(Some("text/plain")),
                "{\"id\":1}\n"
            ),
            Ok(Format::Jsonl)
        );
        assert_eq!(
            choose(&expect_from_content_type(None), "Just words."),
            Ok(Format::Text)
        );
    }

    #[test]
    fn skip_display_names_file_and_line() {
        let item = Item::Skipped {
            origin: Origin {
                path_or_url: "in/a.jsonl".into(),
                line: Some(3),
                item: None,
            },
            reason: SkipReason::Malformed {
                detail: "invalid JSON".into(),
            },
        };
        assert_eq!(
            item.to_string(),
            "in/a.jsonl:3: skipped: malformed: invalid JSON"
        );
    }
}
