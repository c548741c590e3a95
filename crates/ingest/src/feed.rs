//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds, one document per item, parsed as a stream.
//!
//! Feeds arrive truncated (a download cut short, a proxy size limit) or broken (an unescaped
//! `&` or `<br>` in a description). A parser that builds the whole tree first loses every item
//! when the last one is cut; this one reads events with quick-xml and hands out each item as
//! soon as its closing tag is read, so the items before the break are kept, and the break
//! itself becomes one `Skipped` item naming the line and the item it cut.

use crate::dates::parse_date;
use crate::html::{absolute_url, fragment_text, inline_text, lang_agrees};
use crate::ids::{canonical_url, document_id};
use crate::{Item, Origin, SkipReason};
use chrono::NaiveDate;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use rasd_model::{Document, Language};
use std::io::Cursor;
use url::Url;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Rss,
    Rdf,
    Atom,
}

/// Whether the start of a text looks like a feed (an `<rss>`, `<feed>` or `<rdf:RDF>` root).
pub(crate) fn sniff(head: &str) -> bool {
    let head = head.get(..head.len().min(2048)).unwrap_or(head);
    root_name(head).is_some_and(|n| matches!(n, "rss" | "feed" | "rdf:RDF"))
}

/// The name of the first element in `s`, skipping the XML declaration, comments and doctype.
fn root_name(s: &str) -> Option<&str> {
    let mut rest = s;
    loop {
        let at = rest.find('<')?;
        rest = &rest[at + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        return Some(&rest[..end]);
    }
}

/// Feed-level facts that items inherit.
#[derive(Debug, Default)]
struct Channel {
    title: Option<String>,
    link: Option<String>,
    lang: Option<Language>,
}

/// One item or entry being read.
#[derive(Debug, Default)]
struct Entry {
    title: Option<String>,
    link: Option<String>,
    guid: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    description: Option<String>,
    content: Option<String>,
    line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Channel,
    Entry,
}

/// A text field being captured: which element, at which depth, for whom.
#[derive(Debug)]
struct Capture {
    name: String,
    depth: usize,
    target: Target,
    text: String,
}

/// The items of one feed, already decoded to UTF-8.
pub(crate) struct FeedItems {
    reader: Reader<Cursor<Vec<u8>>>,
    buf: Vec<u8>,
    name: String,
    id_key: String,
    base: Option<Url>,
    decoded_from: Option<&'static str>,
    kind: Option<Kind>,
    stack: Vec<String>,
    channel: Channel,
    entry: Option<Entry>,
    entry_depth: usize,
    capture: Option<Capture>,
    index: usize,
    /// Line at byte `counted_to` of the input.
    line: usize,
    counted_to: usize,
    done: bool,
}

impl FeedItems {
    /// `name` is the file or URL as the user gave it (for origins), `id_key` the absolute path
    /// or URL (for ids of items without a link), `base` the URL relative links resolve against.
    pub(crate) fn new(
        text: String,
        name: String,
        id_key: String,
        base: Option<Url>,
        decoded_from: Option<&'static str>,
    ) -> Self {
        let mut reader = Reader::from_reader(Cursor::new(text.into_bytes()));
        reader.config_mut().check_end_names = true;
        FeedItems {
            reader,
            buf: Vec::new(),
            name,
            id_key,
            base,
            decoded_from,
            kind: None,
            stack: Vec::new(),
            channel: Channel::default(),
            entry: None,
            entry_depth: 0,
            capture: None,
            index: 0,
            line: 1,
            counted_to: 0,
            done: false,
        }
    }

    /// The line of the reader's current position.
    fn current_line(&mut self) -> usize {
        let pos =
            (self.reader.buffer_position() as usize).min(self.reader.get_ref().get_ref().len());
        if pos > self.counted_to {
            let data = &self.reader.get_ref().get_ref()[self.counted_to..pos];
            self.line += data.iter().filter(|&&b| b == b'\n').count();
            self.counted_to = pos;
        }
        self.line
    }

    fn broken(&mut self, detail: String) -> Item {
        self.done = true;
        let line = self.current_line();
        Item::Skipped {
            origin: Origin {
                path_or_url: self.name.clone(),
                line: Some(line),
                item: self.entry.as_ref().map(|_| self.index),
            },
            reason: SkipReason::Malformed { detail },
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), String> {
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        if let Some(cap) = &mut self.capture {
            // Markup inside a captured field (Atom xhtml content, raw HTML in a description):
            // kept as tags so that block structure survives into the text.
            cap.text.push('<');
            cap.text.push_str(&name);
            cap.text.push_str(if empty { "/>" } else { ">" });
            if !empty {
                self.stack.push(name);
            }
            return Ok(());
        }
        if self.stack.is_empty() {
            self.kind = Some(match name.as_str() {
                "rss" => Kind::Rss,
                "rdf:RDF" => Kind::Rdf,
                "feed" => Kind::Atom,
                other => return Err(format!("the root element <{other}> is not a feed")),
            });
            self.channel.lang = attr(e, "xml:lang").as_deref().and_then(parse_lang);
        }
        let kind = self.kind.unwrap_or(Kind::Rss);
        let depth = self.stack.len();
        let entry_tag = if kind == Kind::Atom { "entry" } else { "item" };
        if self.entry.is_none() && name == entry_tag {
            let line = self.current_line();
            self.index += 1;
            self.entry = Some(Entry {
                line,
                ..Entry::default()
            });
            self.entry_depth = depth;
        } else if self.entry.is_some() && depth == self.entry_depth + 1 {
            if name == "link" && kind == Kind::Atom {
                let entry = self.entry.as_mut().expect("checked");
                if entry.link.is_none() {
                    entry.link = atom_link(e);
                }
            } else if ENTRY_FIELDS.contains(&name.as_str()) && !empty {
                self.begin(&name, depth + 1, Target::Entry);
            }
        } else if self.entry.is_none() && self.is_channel_child(depth) {
            if name == "link" && kind == Kind::Atom {
                if self.channel.link.is_none() {
                    self.channel.link = atom_link(e);
                }
            } else if matches!(name.as_str(), "title" | "link" | "language" | "dc:language")
                && !empty
            {
                self.begin(&name, depth + 1, Target::Channel);
            }
        }
        if !empty {
            self.stack.push(name);
        }
        Ok(())
    }

    /// Whether an element at `depth` is a direct child of the channel (RSS, RDF) or feed (Atom).
    fn is_channel_child(&self, depth: usize) -> bool {
        match self.kind {
            Some(Kind::Atom) => depth == 1,
            _ => depth == 2 && self.stack.get(1).is_some_and(|s| s == "channel"),
        }
    }

    fn begin(&mut self, name: &str, depth: usize, target: Target) {
        self.capture = Some(Capture {
            name: name.to_owned(),
            depth,
            target,
            text: String::new(),
        });
    }

    /// An end tag; returns a finished item.
    fn end(&mut self, name: &[u8]) -> Option<Item> {
        let depth = self.stack.len();
        self.stack.pop();
        if let Some(cap) = &mut self.capture {
            if depth > cap.depth {
                cap.text.push_str("</");
                cap.text.push_str(&String::from_utf8_lossy(name));
                cap.text.push('>');
                return None;
            }
            let cap = self.capture.take().expect("checked");
            self.store(cap);
            return None;
        }
        if self.entry.is_some() && depth == self.entry_depth + 1 {
            let entry = self.entry.take().expect("checked");
            return Some(self.item(entry));
        }
        None
    }

    fn store(&mut self, cap: Capture) {
        let value = cap.text;
        if value.trim().is_empty() {
            return;
        }
        match cap.target {
            Target::Channel => match cap.name.as_str() {
                "title" => self.channel.title = Some(inline_text(&value)),
                "link" => self.channel.link = Some(value.trim().to_owned()),
                _ => self.channel.lang = parse_lang(&value),
            },
            Target::Entry => {
                let Some(entry) = self.entry.as_mut() else {
                    return;
                };
                let slot = match cap.name.as_str() {
                    "title" => &mut entry.title,
                    "link" => &mut entry.link,
                    "guid" | "id" => &mut entry.guid,
                    "pubDate" | "published" | "dc:date" | "dcterms:issued" => &mut entry.published,
                    "updated" | "dcterms:modified" | "atom:updated" => &mut entry.updated,
                    "description" | "summary" => &mut entry.description,
                    _ => &mut entry.content,
                };
                slot.get_or_insert(value);
            }
        }
    }

    fn item(&self, entry: Entry) -> Item {
        let origin = Origin {
            path_or_url: self.name.clone(),
            line: Some(entry.line),
            item: Some(self.index),
        };
        let base = self
            .channel
            .link
            .as_deref()
            .and_then(|l| Url::parse(l.trim()).ok())
            .or_else(|| self.base.clone());
        let link = entry
            .link
            .as_deref()
            .and_then(|l| absolute_url(l, base.as_ref().or(self.base.as_ref())))
            .or_else(|| {
                // An RSS guid is a permalink unless it says otherwise; accept one that is a URL.
                entry.guid.as_deref().and_then(|g| absolute_url(g, None))
            });
        let canonical = link.as_deref().and_then(canonical_url);
        let title = entry
            .title
            .as_deref()
            .map(inline_text)
            .filter(|t| !t.is_empty());
        let body = entry
            .content
            .as_deref()
            .map(fragment_text)
            .filter(|t| !t.is_empty())
            .or_else(|| {
                entry
                    .description
                    .as_deref()
                    .map(fragment_text)
                    .filter(|t| !t.is_empty())
            });
        // A headline-only item is still a report: its title is its text.
        let Some(text) = body.or_else(|| title.clone()) else {
            return Item::Skipped {
                origin,
                reason: SkipReason::Empty,
            };
        };
        let id = match &canonical {
            Some(url) => document_id(url),
            None => {
                let local = entry
                    .guid
                    .as_deref()
                    .map(str::trim)
                    .filter(|g| !g.is_empty())
                    .map(str::to_owned)
                    .unwrap_or_else(|| self.index.to_string());
                document_id(&format!("{}#{local}", self.id_key))
            }
        };
        let published: Option<NaiveDate> = entry
            .published
            .as_deref()
            .and_then(parse_date)
            .or_else(|| entry.updated.as_deref().and_then(parse_date));
        let lang = self.channel.lang.filter(|l| lang_agrees(*l, &text));
        Item::Doc {
            doc: Document {
                id,
                text,
                title,
                published,
                lang,
                url: link,
                source: self.channel.title.clone().filter(|t| !t.is_empty()),
            },
            origin,
            canonical_url: canonical,
            decoded_from: self.decoded_from,
        }
    }

    fn text(&mut self, s: &str) {
        if let Some(cap) = &mut self.capture {
            cap.text.push_str(s);
        }
    }
}

/// Item and entry children whose text is kept.
const ENTRY_FIELDS: &[&str] = &[
    "title",
    "link",
    "guid",
    "id",
    "pubDate",
    "published",
    "updated",
    "dc:date",
    "dcterms:issued",
    "dcterms:modified",
    "description",
    "summary",
    "content:encoded",
    "content",
];

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key.as_bytes())
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// An Atom `<link>` that points at the article: `rel="alternate"` or no `rel`.
fn atom_link(e: &BytesStart<'_>) -> Option<String> {
    let rel = attr(e, "rel");
    if rel.as_deref().is_some_and(|r| r != "alternate") {
        return None;
    }
    attr(e, "href")
}

fn parse_lang(s: &str) -> Option<Language> {
    s.trim()
        .split(['-', '_'])
        .next()
        .and_then(Language::parse)
        .filter(|l| *l != Language::Und)
}

impl Iterator for FeedItems {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(ev) => ev.into_owned(),
                Err(e) => {
                    let what = self
                        .entry
                        .as_ref()
                        .map(|_| format!(" in item {}", self.index))
                        .unwrap_or_default();
                    return Some(self.broken(format!("XML error{what}: {e}")));
                }
            };
            match event {
                Event::Start(e) => {
                    if let Err(detail) = self.start(&e, false) {
                        return Some(self.broken(detail));
                    }
                }
                Event::Empty(e) => {
                    if let Err(detail) = self.start(&e, true) {
                        return Some(self.broken(detail));
                    }
                }
                Event::End(e) => {
                    if let Some(item) = self.end(e.name().as_ref()) {
                        return Some(item);
                    }
                }
                Event::Text(t) => {
                    if self.capture.is_some() {
                        let s = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                        self.text(&s);
                    }
                }
                Event::CData(t) => {
                    if self.capture.is_some() {
                        let s = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                        self.text(&s);
                    }
                }
                Event::GeneralRef(r) => {
                    if self.capture.is_some() {
                        let s = match r.resolve_char_ref() {
                            Ok(Some(c)) => c.to_string(),
                            _ => {
                                let name = r.decode().map(|c| c.into_owned()).unwrap_or_default();
                                match quick_xml::escape::resolve_predefined_entity(&name) {
                                    Some(v) => v.to_owned(),
                                    // An HTML entity (`&nbsp;`): left for the HTML pass.
                                    None => format!("&{name};"),
                                }
                            }
                        };
                        self.text(&s);
                    }
                }
                Event::Eof => {
                    if self.kind.is_none() {
                        return Some(self.broken("no feed element found".to_owned()));
                    }
                    if let Some(open) = self.stack.last().cloned() {
                        let what = match &self.entry {
                            Some(_) => format!("inside item {}", self.index),
                            None => format!("inside <{open}>"),
                        };
                        return Some(self.broken(format!("the feed is truncated: it ends {what}")));
                    }
                    self.done = true;
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(xml: &str) -> Vec<Item> {
        FeedItems::new(
            xml.to_owned(),
            "f.xml".into(),
            "/abs/f.xml".into(),
            None,
            None,
        )
        .collect()
    }

    #[test]
    fn rss_items_with_dates_links_and_html() {
        let got = items(
            r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Le Sahel</title><link>https://sahel.example/</link><language>fr-FR</language>
            <item><title>Attaque &amp; riposte</title><link>/a/1?utm_source=rss</link>
              <pubDate>Tue, 05 Mar 2024 23:30:00 -0100</pubDate>
              <description>&lt;p&gt;Des hommes armés&amp;nbsp;ont attaqué.&lt;/p&gt;</description></item>
            <item><title>Sans lien</title><guid isPermaLink="false">abc-1</guid>
              <content:encoded><![CDATA[<p>Un <b>convoi</b> a sauté.</p><p>Deux morts.</p>]]></content:encoded></item>
            </channel></rss>"#,
        );
        assert_eq!(got.len(), 2);
        let Item::Doc {
            doc,
            canonical_url,
            origin,
            ..
        } = &got[0]
        else {
            panic!("{}", got[0])
        };
        assert_eq!(doc.title.as_deref(), Some("Attaque & riposte"));
        assert_eq!(doc.text, "Des hommes armés ont attaqué.");
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(canonical_url.as_deref(), Some("https://sahel.example/a/1"));
        assert_eq!(doc.id, document_id("https://sahel.example/a/1"));
        assert_eq!(doc.lang, Some(Language::Fr));
        assert_eq!(doc.source.as_deref(), Some("Le Sahel"));
        assert_eq!(origin.item, Some(1));
        let Item::Doc { doc, .. } = &got[1] else {
            panic!("{}", got[1])
        };
        assert_eq!(doc.text, "Un convoi a sauté.\n\nDeux morts.");
        assert_eq!(doc.id, document_id("/abs/f.xml#abc-1"));
    }

    #[test]
    fn atom_entries() {
        let got = items(
            r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Wire</title>
            <entry><title type="html">Clashes &lt;b&gt;near&lt;/b&gt; Gao</title>
              <link rel="self" href="https://w.example/self"/><link href="https://w.example/e/1"/>
              <id>tag:w,1</id><updated>2024-01-02T10:00:00Z</updated><published>2024-01-01T23:00:00-02:00</published>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Soldiers clashed.</p><p>Two died.</p></div></content>
            </entry></feed>"#,
        );
        assert_eq!(got.len(), 1);
        let Item::Doc { doc, .. } = &got[0] else {
            panic!("{}", got[0])
        };
        assert_eq!(doc.title.as_deref(), Some("Clashes near Gao"));
        assert_eq!(doc.url.as_deref(), Some("https://w.example/e/1"));
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2024, 1, 1));
        assert_eq!(doc.text, "Soldiers clashed.\n\nTwo died.");
        assert_eq!(doc.lang, Some(Language::En));
    }

    #[test]
    fn truncated_feed_keeps_earlier_items() {
        let got = items(
            "<rss><channel><title>T</title>\n<item><title>One</title><description>First report.</description></item>\n\
             <item><title>Two</title>\n<description>Cut he",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(matches!(&got[0], Item::Doc { doc, .. } if doc.text == "First report."));
        let Item::Skipped { origin, reason } = &got[1] else {
            panic!("{}", got[1])
        };
        assert_eq!(origin.item, Some(2));
        assert_eq!(origin.line, Some(4));
        assert!(matches!(reason, SkipReason::Malformed { detail } if detail.contains("truncated")));
    }

    #[test]
    fn mismatched_tag_stops_with_a_skip() {
        let got = items(
            "<rss><channel><item><title>One</title></item><item><title>Two</tilte></item></channel></rss>",
        );
        assert_eq!(got.len(), 2);
        assert!(matches!(&got[0], Item::Doc { doc, .. } if doc.text == "One"));
        assert!(
            got[1].to_string().contains("XML error in item 2"),
            "{}",
            got[1]
        );
    }

    #[test]
    fn sniffing() {
        assert!(sniff(
            "<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"
        ));
        assert!(sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(sniff("<rdf:RDF xmlns:rdf=\"x\">"));
        assert!(!sniff("<!DOCTYPE html><html>"));
        assert!(!sniff("plain text"));
    }
}
