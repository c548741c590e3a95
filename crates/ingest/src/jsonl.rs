//! JSONL in the `rasd code` input format, one document per line, streamed.
//!
//! `{"id", "text", "title"?, "published": "YYYY-MM-DD"?, "lang"?, "url"?, "source"?}`. Blank
//! lines are ignored; a bad line (not JSON, not an object, no `text`, a malformed date or
//! language) is a `Skipped` item naming its line and the stream goes on. Lines are read one at
//! a time, so the size limit applies to each line rather than to the file: a JSONL corpus may
//! be far larger than any one document.

use crate::dates::parse_ymd;
use crate::ids::{canonical_url, document_id};
use crate::{Item, Origin, SkipReason};
use rasd_model::{Document, Language};
use serde_json::{Map, Value};
use std::io::{BufRead, Read};

/// The items of one JSONL stream.
pub(crate) struct JsonlItems<R> {
    reader: R,
    /// The file or URL as the user named it, for origins.
    name: String,
    /// The absolute path or URL, for ids of lines without one.
    id_key: String,
    line: usize,
    limit: u64,
    require_id: bool,
    done: bool,
}

impl<R: BufRead> JsonlItems<R> {
    pub(crate) fn new(
        reader: R,
        name: String,
        id_key: String,
        limit: u64,
        require_id: bool,
    ) -> Self {
        JsonlItems {
            reader,
            name,
            id_key,
            line: 0,
            limit,
            require_id,
            done: false,
        }
    }

    fn origin(&self) -> Origin {
        Origin {
            path_or_url: self.name.clone(),
            line: Some(self.line),
            item: None,
        }
    }

    fn skipped(&self, reason: SkipReason) -> Item {
        Item::Skipped {
            origin: self.origin(),
            reason,
        }
    }

    /// Discard the rest of an over-long line; the number of bytes discarded.
    fn skip_rest_of_line(&mut self) -> std::io::Result<u64> {
        let mut skipped = 0u64;
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(skipped);
            }
            if let Some(i) = buf.iter().position(|&b| b == b'\n') {
                self.reader.consume(i + 1);
                return Ok(skipped + i as u64);
            }
            let n = buf.len();
            self.reader.consume(n);
            skipped += n as u64;
        }
    }

    fn parse(&self, bytes: &[u8]) -> Option<Item> {
        let mut bytes = bytes;
        while let Some((b'\n' | b'\r', rest)) = bytes.split_last() {
            bytes = rest;
        }
        if self.line == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let (line, decoded_from) = match std::str::from_utf8(bytes) {
            Ok(s) => (std::borrow::Cow::Borrowed(s), None),
            Err(_) => {
                let mut det = chardetng::EncodingDetector::new();
                det.feed(bytes, true);
                let enc = det.guess(None, false);
                let (text, had_errors) = enc.decode_without_bom_handling(bytes);
                if had_errors {
                    return Some(self.skipped(SkipReason::Undecodable {
                        encoding: enc.name(),
                    }));
                }
                (text, Some(enc.name()))
            }
        };
        Some(match self.document(&line) {
            Ok((doc, canonical_url)) => Item::Doc {
                doc,
                origin: self.origin(),
                canonical_url,
                decoded_from,
            },
            Err(reason) => self.skipped(reason),
        })
    }

    fn document(&self, line: &str) -> Result<(Document, Option<String>), SkipReason> {
        let value: Value = serde_json::from_str(line).map_err(|e| SkipReason::Malformed {
            detail: format!("invalid JSON: {e}"),
        })?;
        let Value::Object(obj) = value else {
            return Err(malformed("the line is not a JSON object"));
        };
        let text = match obj.get("text") {
            Some(Value::String(t)) if !t.trim().is_empty() => t.clone(),
            Some(Value::String(_)) => return Err(SkipReason::Empty),
            _ => return Err(malformed("missing \"text\" (a string)")),
        };
        let url = opt_string(&obj, "url")?;
        let canonical = url.as_deref().and_then(canonical_url);
        let id = match obj.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            None | Some(Value::Null) if !self.require_id => {
                document_id(&format!("{}#L{}", self.id_key, self.line))
            }
            None | Some(Value::Null) => return Err(malformed("missing \"id\"")),
            Some(_) => return Err(malformed("\"id\" must be a non-empty string or a number")),
        };
        let published = match opt_string(&obj, "published")? {
            None => None,
            Some(s) => Some(parse_ymd(&s).ok_or_else(|| {
                malformed(&format!("\"published\" {s:?} is not a YYYY-MM-DD date"))
            })?),
        };
        let lang = match opt_string(&obj, "lang")? {
            None => None,
            Some(s) => Some(
                s.split(['-', '_'])
                    .next()
                    .and_then(Language::parse)
                    .ok_or_else(|| {
                        malformed(&format!("\"lang\" {s:?} is not one of ar, fr, en, und"))
                    })?,
            ),
        };
        let doc = Document {
            id,
            text,
            title: opt_string(&obj, "title")?,
            published,
            lang,
            url,
            source: opt_string(&obj, "source")?,
        };
        Ok((doc, canonical))
    }
}

fn malformed(detail: &str) -> SkipReason {
    SkipReason::Malformed {
        detail: detail.to_owned(),
    }
}

/// An optional string field: absent and `null` are `None`, anything but a string is an error.
fn opt_string(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, SkipReason> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(malformed(&format!("\"{key}\" must be a string"))),
    }
}

impl<R: BufRead> Iterator for JsonlItems<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let mut buf = Vec::new();
        while !self.done {
            buf.clear();
            let read = (&mut self.reader)
                .take(self.limit.saturating_add(1))
                .read_until(b'\n', &mut buf);
            match read {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    if buf.len() as u64 > self.limit && buf.last() != Some(&b'\n') {
                        let rest = self.skip_rest_of_line();
                        let item = match rest {
                            Ok(rest) => self.skipped(SkipReason::TooLarge {
                                bytes: buf.len() as u64 + rest,
                                limit: self.limit,
                            }),
                            Err(e) => {
                                self.done = true;
                                self.skipped(SkipReason::io(&e))
                            }
                        };
                        return Some(item);
                    }
                    if let Some(item) = self.parse(&buf) {
                        return Some(item);
                    }
                }
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    return Some(self.skipped(SkipReason::io(&e)));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn items(input: &str, require_id: bool) -> Vec<Item> {
        JsonlItems::new(
            Cursor::new(input.as_bytes().to_vec()),
            "in.jsonl".into(),
            "/abs/in.jsonl".into(),
            1000,
            require_id,
        )
        .collect()
    }

    #[test]
    fn good_bad_and_blank_lines() {
        let got = items(
            "{\"id\":\"a\",\"text\":\"Attack in Gao\",\"published\":\"2024-03-05\",\"lang\":\"en\"}\n\
             \n\
             not json\n\
             {\"id\":\"b\"}\n\
             {\"id\":\"c\",\"text\":\"x\",\"published\":\"5 March\"}\n\
             {\"id\":7,\"text\":\"هجوم\",\"lang\":\"ar\"}\n",
            true,
        );
        assert_eq!(got.len(), 5);
        let Item::Doc { doc, origin, .. } = &got[0] else {
            panic!("{}", got[0])
        };
        assert_eq!(doc.id, "a");
        assert_eq!(doc.published.unwrap().to_string(), "2024-03-05");
        assert_eq!(origin.line, Some(1));
        assert!(got[1].to_string().starts_with("in.jsonl:3: "), "{}", got[1]);
        assert!(got[2].to_string().contains("\"text\""), "{}", got[2]);
        assert!(got[3].to_string().contains("YYYY-MM-DD"), "{}", got[3]);
        let Item::Doc { doc, origin, .. } = &got[4] else {
            panic!("{}", got[4])
        };
        assert_eq!((doc.id.as_str(), doc.lang), ("7", Some(Language::Ar)));
        assert_eq!(origin.line, Some(6));
    }

    #[test]
    fn missing_id_is_derived_only_when_allowed() {
        let line = "{\"text\":\"Attack in Gao\"}\n";
        assert!(matches!(items(line, true)[0], Item::Skipped { .. }));
        let Item::Doc { doc, .. } = &items(line, false)[0] else {
            panic!()
        };
        assert_eq!(doc.id, document_id("/abs/in.jsonl#L1"));
    }

    #[test]
    fn over_long_line_is_skipped_and_the_next_is_read() {
        let long = format!("{{\"id\":\"x\",\"text\":\"{}\"}}\n", "a".repeat(2000));
        let got = items(&format!("{long}{{\"id\":\"y\",\"text\":\"ok\"}}"), true);
        assert_eq!(got.len(), 2);
        assert!(
            matches!(
                got[0],
                Item::Skipped {
                    reason: SkipReason::TooLarge { limit: 1000, .. },
                    ..
                }
            ),
            "{}",
            got[0]
        );
        assert!(matches!(&got[1], Item::Doc { doc, .. } if doc.id == "y"));
    }
}
