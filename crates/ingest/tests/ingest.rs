//! End-to-end tests of rasd-ingest over the fixtures in `tests/data/` and a local HTTP server.
//!
//! Index:
//! 1. text files: English, French Markdown, Arabic; titles and date lines
//! 2. encodings: Windows-1256 Arabic and Windows-1252 French files, binary, empty, too large
//! 3. HTML: boilerplate never reaches the text; metadata; an RTL Arabic page; broken markup
//! 4. JSONL: good lines, and bad lines named by file and line while the rest goes on
//! 5. feeds: RSS 2.0, Atom, a truncated RSS feed
//! 6. directories: recursive or not, hidden files, unsupported types
//! 7. ids: stable across reads and path spellings, shared through canonical URLs
//! 8. HTTP: a page, a feed, a legacy-encoded page, a redirect, errors, size caps
//! 9. ACLED CSV: by column name across vintages; bad rows are errors with lines

use chrono::NaiveDate;
use rasd_ingest::{
    document_id, read_acled_csv, Error, Ingest, IngestOptions, Input, Item, SkipReason,
};
use rasd_model::{EventType, Language, SubEventType};
use std::path::{Path, PathBuf};

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
}

fn read_with(inputs: &[Input], options: IngestOptions) -> Vec<Item> {
    Ingest::new(options).items(inputs).collect()
}

fn read(inputs: &[Input]) -> Vec<Item> {
    read_with(inputs, IngestOptions::default())
}

fn path(rel: &str) -> Input {
    Input::Path(data(rel))
}

/// The only item of a one-document input, which must be a document.
fn only_doc(items: Vec<Item>) -> (rasd_model::Document, Option<String>, Option<&'static str>) {
    assert_eq!(items.len(), 1, "{items:#?}");
    match items.into_iter().next().unwrap() {
        Item::Doc {
            doc,
            canonical_url,
            decoded_from,
            ..
        } => (doc, canonical_url, decoded_from),
        skipped => panic!("expected a document, got {skipped}"),
    }
}

fn only_skip(items: Vec<Item>) -> (String, SkipReason) {
    assert_eq!(items.len(), 1, "{items:#?}");
    let item = items.into_iter().next().unwrap();
    let shown = item.to_string();
    match item {
        Item::Skipped { reason, .. } => (shown, reason),
        doc => panic!("expected a skip, got {doc}"),
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

// 1. Text files -------------------------------------------------------------------------------

#[test]
fn english_text_file_is_one_document_with_title_and_date() {
    let (doc, canonical, decoded_from) = only_doc(read(&[path("text/en_report.txt")]));
    assert_eq!(
        doc.title.as_deref(),
        Some("Gunmen attack a market near Djibo")
    );
    assert_eq!(doc.published, date(2024, 3, 5));
    assert!(doc.text.contains("killing at least seven traders"));
    assert!(doc.id.starts_with("file-"), "{}", doc.id);
    assert_eq!((canonical, decoded_from), (None, None));
    assert_eq!(doc.lang, None, "language identification is the coder's job");
}

#[test]
fn french_markdown_title_loses_its_hash() {
    let (doc, ..) = only_doc(read(&[path("text/fr_rapport.md")]));
    assert_eq!(
        doc.title.as_deref(),
        Some("Embuscade contre un convoi près de Ménaka")
    );
    assert_eq!(doc.published, date(2024, 3, 5));
    assert!(doc.text.starts_with("# Embuscade"), "text is kept verbatim");
}

#[test]
fn arabic_text_file_with_arabic_indic_date() {
    let (doc, ..) = only_doc(read(&[path("text/ar_report.txt")]));
    assert_eq!(
        doc.title.as_deref(),
        Some("هجوم مسلح على موقع للجيش قرب تيلابيري")
    );
    assert_eq!(doc.published, date(2024, 3, 5));
}

// 2. Encodings --------------------------------------------------------------------------------

#[test]
fn windows_1256_arabic_file_is_decoded_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(data("text/ar_report.txt")).unwrap();
    // Windows-1256 has no Arabic-Indic digits (the encoder would write numeric references):
    // a legacy file holds ASCII digits.
    let text = text.replace("٥ مارس ٢٠٢٤", "5 مارس 2024");
    let (bytes_clean, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&text);
    assert!(!unmappable);
    let file = dir.path().join("legacy.txt");
    std::fs::write(&file, &bytes_clean).unwrap();
    assert!(std::str::from_utf8(&bytes_clean).is_err());
    let (doc, _, decoded_from) = only_doc(read(&[Input::Path(file)]));
    assert_eq!(decoded_from, Some("windows-1256"));
    assert_eq!(doc.text, text);
    assert_eq!(doc.published, date(2024, 3, 5));
}

#[test]
fn windows_1252_french_file_is_decoded_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(data("text/fr_rapport.md")).unwrap();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let file = dir.path().join("latin.md");
    std::fs::write(&file, &bytes).unwrap();
    let (doc, _, decoded_from) = only_doc(read(&[Input::Path(file)]));
    assert_eq!(decoded_from, Some("windows-1252"));
    assert_eq!(doc.text, text);
    assert!(doc.text.contains("sécuritaire"));
}

#[test]
fn utf8_bom_is_stripped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bom.txt");
    std::fs::write(&file, "\u{feff}Attaque à Gao\nDes tirs ont été entendus.").unwrap();
    let (doc, _, decoded_from) = only_doc(read(&[Input::Path(file)]));
    assert_eq!(doc.title.as_deref(), Some("Attaque à Gao"));
    assert!(doc.text.starts_with("Attaque"));
    assert_eq!(decoded_from, None);
}

#[test]
fn binary_file_is_skipped_as_binary() {
    let (shown, reason) = only_skip(read(&[path("misc/blob.bin")]));
    assert_eq!(reason, SkipReason::Binary);
    assert!(shown.contains("blob.bin"), "{shown}");
    // Even with a text extension.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("disguised.txt");
    std::fs::write(&file, b"abc\x00\x00\x01def").unwrap();
    assert_eq!(only_skip(read(&[Input::Path(file)])).1, SkipReason::Binary);
}

#[test]
fn empty_and_missing_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let blank = dir.path().join("blank.md");
    std::fs::write(&blank, b"\n  \n").unwrap();
    let missing = dir.path().join("missing.txt");
    let items = read(&[Input::Path(empty), Input::Path(blank), Input::Path(missing)]);
    assert_eq!(items.len(), 3);
    assert!(matches!(
        &items[0],
        Item::Skipped {
            reason: SkipReason::Empty,
            ..
        }
    ));
    assert!(matches!(
        &items[1],
        Item::Skipped {
            reason: SkipReason::Empty,
            ..
        }
    ));
    assert!(matches!(
        &items[2],
        Item::Skipped {
            reason: SkipReason::Io {
                kind: std::io::ErrorKind::NotFound,
                ..
            },
            ..
        }
    ));
    assert!(items[2].to_string().contains("missing.txt"));
}

#[test]
fn file_over_the_limit_is_skipped_without_reading_it() {
    let size = std::fs::metadata(data("pages/article_fr.html"))
        .unwrap()
        .len();
    let options = IngestOptions {
        max_file_bytes: 1000,
        ..IngestOptions::default()
    };
    let items = read_with(
        &[path("pages/article_fr.html"), path("walk/top.txt")],
        options,
    );
    assert_eq!(items.len(), 2);
    let Item::Skipped { reason, .. } = &items[0] else {
        panic!("{}", items[0])
    };
    assert_eq!(
        *reason,
        SkipReason::TooLarge {
            bytes: size,
            limit: 1000
        }
    );
    assert!(items[1].doc().is_some(), "the next input is still read");
}

// 3. HTML -------------------------------------------------------------------------------------

#[test]
fn html_boilerplate_never_reaches_the_text() {
    let (doc, canonical, _) = only_doc(read(&[path("pages/article_fr.html")]));
    for kept in [
        "Un convoi de l'armée malienne est tombé dans une embuscade",
        "quatre soldats ont été tués et six autres blessés",
        "L'attaque n'avait pas été revendiquée",
    ] {
        assert!(doc.text.contains(kept), "lost {kept:?} from:\n{}", doc.text);
    }
    for dropped in [
        "MENU-SCRIPT",
        "STYLE-TEXT",
        "cookies",
        "Politique",
        "Accueil",
        "Partager",
        "Lire aussi",
        "Articles similaires",
        "Djibo",
        "Mopti",
        "Abonnez-vous",
        "droits réservés",
    ] {
        assert!(
            !doc.text.contains(dropped),
            "kept {dropped:?} in:\n{}",
            doc.text
        );
    }
    assert_eq!(doc.text.matches("\n\n").count(), 2, "three paragraphs");
    assert_eq!(
        doc.title.as_deref(),
        Some("Mali : quatre soldats tués dans une embuscade près de Ménaka")
    );
    assert_eq!(doc.published, date(2024, 3, 5));
    assert_eq!(doc.lang, Some(Language::Fr));
    assert_eq!(doc.source.as_deref(), Some("Le Courrier du Sahel"));
    let url = "https://courrier-sahel.example/mali/embuscade-menaka";
    assert_eq!(canonical.as_deref(), Some(url));
    assert_eq!(doc.url.as_deref(), Some(url));
    assert_eq!(doc.id, document_id(url));
}

#[test]
fn rtl_arabic_page_comes_out_as_clean_arabic() {
    let (doc, ..) = only_doc(read(&[path("pages/article_ar.html")]));
    assert_eq!(
        doc.text,
        "هاجم مسلحون مجهولون فجر الاثنين موقعا للجيش قرب مدينة تيلابيري غرب النيجر، وفق ما أفادت مصادر محلية.\n\n\
         وقالت المصادر إن ستة جنود قتلوا وأصيب آخرون، فيما انسحب المهاجمون نحو الحدود مع مالي."
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("مقتل ستة جنود في هجوم قرب تيلابيري - أخبار الساحل")
    );
    assert_eq!(doc.published, date(2024, 3, 4));
    assert_eq!(doc.lang, Some(Language::Ar));
    assert!(!doc.text.contains('\u{200F}') && !doc.text.contains('\u{a0}'));
}

#[test]
fn broken_html_still_gives_its_text() {
    let (doc, ..) = only_doc(read(&[path("pages/broken.html")]));
    assert_eq!(doc.title.as_deref(), Some("Clashes in Tillaberi"));
    assert!(doc.text.contains("Clashes between two armed groups"));
    assert!(doc.text.contains("At least three people died"));
    assert!(doc.text.contains("the text must still come out whole"));
}

// 4. JSONL ------------------------------------------------------------------------------------

#[test]
fn jsonl_bad_lines_are_named_and_the_rest_goes_on() {
    let items = read(&[path("jsonl/batch.jsonl")]);
    let shown: Vec<String> = items.iter().map(ToString::to_string).collect();
    let ids: Vec<&str> = items
        .iter()
        .filter_map(|i| i.doc().map(|d| d.id.as_str()))
        .collect();
    assert_eq!(ids, ["en-1", "fr-1", "ar-1"], "{shown:#?}");
    let skipped: Vec<&String> = shown.iter().filter(|s| s.contains("skipped")).collect();
    assert_eq!(skipped.len(), 4, "{shown:#?}");
    assert!(skipped[0].contains("batch.jsonl:4: skipped: malformed: invalid JSON"));
    assert!(skipped[1].contains("batch.jsonl:6:") && skipped[1].contains("YYYY-MM-DD"));
    assert!(skipped[2].contains("batch.jsonl:7:") && skipped[2].contains("\"text\""));
    assert!(skipped[3].contains("batch.jsonl:8:") && skipped[3].contains("\"text\""));
    let Item::Doc {
        doc,
        origin,
        canonical_url,
        ..
    } = &items[0]
    else {
        panic!()
    };
    assert_eq!(origin.line, Some(1));
    assert_eq!(doc.published, date(2024, 3, 4));
    assert_eq!(doc.lang, Some(Language::En));
    assert_eq!(doc.source.as_deref(), Some("Example News"));
    assert_eq!(
        canonical_url.as_deref(),
        Some("https://news.example/en-1"),
        "tracking parameters dropped"
    );
    assert_eq!(items[1].origin().line, Some(3), "blank line 2 is ignored");
}

#[test]
fn jsonl_lines_without_id_get_path_ids_when_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("noid.jsonl");
    std::fs::write(
        &file,
        "{\"text\":\"A clash in Gao.\"}\n{\"text\":\"A protest in Kaya.\"}\n",
    )
    .unwrap();
    let options = IngestOptions {
        require_jsonl_id: false,
        ..IngestOptions::default()
    };
    let items = read_with(&[Input::Path(file.clone())], options);
    let abs = std::fs::canonicalize(&file).unwrap();
    let ids: Vec<String> = items.iter().map(|i| i.doc().unwrap().id.clone()).collect();
    assert_eq!(
        ids,
        [
            document_id(&format!("{}#L1", abs.display())),
            document_id(&format!("{}#L2", abs.display()))
        ]
    );
    // Required by default, as `rasd code` requires it.
    let items = read(&[Input::Path(file)]);
    assert!(items.iter().all(|i| i.doc().is_none()));
}

// 5. Feeds ------------------------------------------------------------------------------------

#[test]
fn rss_feed_gives_one_document_per_item() {
    let items = read(&[path("feeds/sahel_fr.xml")]);
    assert_eq!(items.len(), 3, "{items:#?}");
    let docs: Vec<&rasd_model::Document> = items.iter().filter_map(Item::doc).collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(
        docs[0].text, "Un convoi de l'armée est tombé dans une embuscade près de Ménaka.",
        "the 'read more' link is dropped"
    );
    assert_eq!(docs[0].published, date(2024, 3, 5));
    assert_eq!(
        docs[0].id,
        document_id("https://courrier-sahel.example/mali/embuscade-menaka")
    );
    assert_eq!(
        docs[0].source.as_deref(),
        Some("Le Courrier du Sahel - Sécurité")
    );
    assert_eq!(docs[0].lang, Some(Language::Fr));
    assert_eq!(
        docs[1].url.as_deref(),
        Some("https://courrier-sahel.example/burkina/marche-djibo"),
        "relative link resolved against the channel link"
    );
    assert_eq!(
        docs[1].text,
        "Des hommes armés ont attaqué le marché hebdomadaire d'un village proche de Djibo.\n\nSept commerçants ont été tués."
    );
    assert_eq!(docs[1].published, date(2024, 3, 4));
    // No link, no description: the headline is the text and the guid makes the id.
    assert_eq!(docs[2].text, "Communiqué de l'état-major");
    assert_eq!(docs[2].url, None);
    let abs = std::fs::canonicalize(data("feeds/sahel_fr.xml")).unwrap();
    assert_eq!(
        docs[2].id,
        document_id(&format!("{}#communique-2024-03-03", abs.display()))
    );
    assert_eq!(items[2].origin().item, Some(3));
}

#[test]
fn atom_feed_entries() {
    let items = read(&[path("feeds/wire.atom")]);
    let docs: Vec<&rasd_model::Document> = items.iter().filter_map(Item::doc).collect();
    assert_eq!(docs.len(), 2, "{items:#?}");
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Students march in Niamey over unpaid grants")
    );
    assert_eq!(
        docs[0].url.as_deref(),
        Some("https://wire.example/niger/students-march")
    );
    assert_eq!(
        docs[0].published,
        date(2024, 3, 5),
        "published wins over updated"
    );
    assert_eq!(
        docs[0].text,
        "Hundreds of students marched in Niamey on Tuesday."
    );
    assert_eq!(
        docs[1].published,
        date(2024, 3, 4),
        "updated when nothing else"
    );
    assert_eq!(
        docs[1].text,
        "A drone strike hit a vehicle near Kidal on Monday.\n\nTwo people were killed, residents said."
    );
    assert_eq!(docs[1].lang, Some(Language::En));
    assert_eq!(docs[1].source.as_deref(), Some("Sahel Wire"));
}

#[test]
fn truncated_feed_keeps_the_items_before_the_break() {
    let items = read(&[path("feeds/truncated.rss")]);
    assert_eq!(items.len(), 2, "{items:#?}");
    let doc = items[0].doc().expect("the complete first item");
    assert_eq!(
        doc.title.as_deref(),
        Some("مقتل ستة جنود في هجوم قرب تيلابيري")
    );
    assert_eq!(doc.text, "هاجم مسلحون مجهولون موقعا للجيش قرب تيلابيري.");
    assert_eq!(doc.lang, Some(Language::Ar));
    assert_eq!(doc.published, date(2024, 3, 4));
    let Item::Skipped { origin, reason } = &items[1] else {
        panic!("{}", items[1])
    };
    assert!(matches!(reason, SkipReason::Malformed { detail } if detail.contains("truncated")));
    assert_eq!(origin.item, Some(2));
    assert_eq!(origin.line, Some(17));
    assert!(
        items[1].to_string().contains("truncated.rss:17 (item 2)"),
        "{}",
        items[1]
    );
}

#[test]
fn windows_1256_feed_follows_its_xml_declaration() {
    let dir = tempfile::tempdir().unwrap();
    let feed = "<?xml version=\"1.0\" encoding=\"windows-1256\"?>\n<rss version=\"2.0\"><channel>\
        <title>أخبار</title><item><title>اشتباكات في منكا</title>\
        <description>اندلعت اشتباكات عنيفة بين جماعتين مسلحتين قرب منكا.</description>\
        <guid>a-1</guid></item></channel></rss>";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(feed);
    assert!(!unmappable);
    let file = dir.path().join("legacy.rss");
    std::fs::write(&file, &bytes).unwrap();
    let items = read(&[Input::Path(file)]);
    let Some(Item::Doc {
        doc, decoded_from, ..
    }) = items.first()
    else {
        panic!("{items:#?}")
    };
    assert_eq!(items.len(), 1);
    assert_eq!(*decoded_from, Some("windows-1256"));
    assert_eq!(doc.title.as_deref(), Some("اشتباكات في منكا"));
    assert_eq!(
        doc.text,
        "اندلعت اشتباكات عنيفة بين جماعتين مسلحتين قرب منكا."
    );
    assert_eq!(doc.source.as_deref(), Some("أخبار"));
}

#[test]
fn xml_that_is_not_a_feed_is_unsupported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.xml");
    std::fs::write(
        &file,
        "<?xml version=\"1.0\"?><config><key>v</key></config>",
    )
    .unwrap();
    let (_, reason) = only_skip(read(&[Input::Path(file)]));
    assert!(
        matches!(reason, SkipReason::UnsupportedType { .. }),
        "{reason}"
    );
}

// 6. Directories ------------------------------------------------------------------------------

fn names(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|i| {
            let p = &i.origin().path_or_url;
            let rel = p.split("tests/data/walk/").nth(1).unwrap_or(p);
            let kind = if i.doc().is_some() { "doc" } else { "skip" };
            format!("{kind} {rel}")
        })
        .collect()
}

#[test]
fn directory_walk_non_recursive_reads_only_the_top() {
    let items = read(&[path("walk")]);
    assert_eq!(names(&items), ["doc top.txt"]);
}

#[test]
fn directory_walk_recursive_reads_subdirectories_and_skips_what_is_not_a_document() {
    let options = IngestOptions {
        recursive: true,
        ..IngestOptions::default()
    };
    let items = read_with(&[path("walk")], options);
    assert_eq!(
        names(&items),
        [
            "doc nested/inner.md",
            "skip nested/notes.csv",
            "doc top.txt"
        ],
        "sorted by name, hidden files left out"
    );
    assert!(
        items[1]
            .to_string()
            .ends_with("skipped: unsupported type: .csv file"),
        "{}",
        items[1]
    );
}

#[test]
fn hidden_file_given_explicitly_is_read() {
    let (doc, ..) = only_doc(read(&[path("walk/.hidden.txt")]));
    assert!(doc.text.contains("scratch file"));
}

// 7. Ids --------------------------------------------------------------------------------------

#[test]
fn ids_are_stable_across_reads_and_path_spellings() {
    let inputs = [
        path("text"),
        path("feeds/sahel_fr.xml"),
        path("jsonl/batch.jsonl"),
        path("pages"),
    ];
    let ids = |items: Vec<Item>| -> Vec<String> {
        items
            .into_iter()
            .filter_map(|i| i.into_doc().map(|d| d.id))
            .collect()
    };
    let first = ids(read(&inputs));
    let second = ids(read(&inputs));
    assert!(first.len() >= 12, "{first:?}");
    assert_eq!(first, second);
    let unique: std::collections::HashSet<&String> = first.iter().collect();
    // The saved page and the feed item that links to it are one document.
    let shared = document_id("https://courrier-sahel.example/mali/embuscade-menaka");
    assert_eq!(first.iter().filter(|id| **id == shared).count(), 2);
    assert_eq!(unique.len(), first.len() - 1, "otherwise unique: {first:?}");
    // Another spelling of the same file.
    let a = only_doc(read(&[path("text/en_report.txt")])).0.id;
    let b = only_doc(read(&[path("walk/../text/en_report.txt")])).0.id;
    assert_eq!(a, b);
}

#[test]
fn a_saved_page_and_the_feed_item_linking_to_it_share_an_id() {
    let page = only_doc(read(&[path("pages/article_fr.html")])).0;
    let feed = read(&[path("feeds/sahel_fr.xml")]);
    assert_eq!(feed[0].doc().unwrap().id, page.id);
}

// 8. HTTP -------------------------------------------------------------------------------------

#[cfg(feature = "http")]
mod http {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    /// One canned response.
    struct Reply {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
        /// Send `Content-Length` (otherwise the body ends when the connection closes).
        length: bool,
    }

    fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type", content_type.to_owned())],
            body: body.into(),
            length: true,
        }
    }

    /// Serve `route` on 127.0.0.1 from a thread for the rest of the test process; the base URL
    /// and a log of the User-Agent headers received.
    fn serve(route: fn(&str) -> Reply) -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let agents = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = agents.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                if reader.read_line(&mut request_line).is_err() {
                    continue;
                }
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                        break;
                    }
                    if let Some((k, v)) = header.split_once(':') {
                        if k.eq_ignore_ascii_case("user-agent") {
                            log.lock().unwrap().push(v.trim().to_owned());
                        }
                    }
                }
                let target = request_line.split_whitespace().nth(1).unwrap_or("/");
                let reply = route(target.split('?').next().unwrap_or(target));
                let mut head = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", reply.status);
                for (k, v) in &reply.headers {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
                if reply.length {
                    head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
                }
                head.push_str("\r\n");
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&reply.body);
            }
        });
        (base, agents)
    }

    fn route(target: &str) -> Reply {
        let file = |rel: &str| std::fs::read(data(rel)).unwrap();
        match target {
            "/mali/embuscade" => ok("text/html; charset=utf-8", file("pages/article_fr.html")),
            "/feed" => ok("application/rss+xml", file("feeds/sahel_fr.xml")),
            "/feed-as-html" => ok("text/html", file("feeds/wire.atom")),
            "/ar-legacy" => {
                let page = "<html lang=\"ar\"><head><title>هجوم في تمبكتو</title></head><body>\
                    <p>قتل ثلاثة مدنيين في هجوم على سوق في تمبكتو يوم الأحد حسب مصادر محلية.</p></body></html>";
                let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(page);
                ok("text/html; charset=windows-1256", bytes.into_owned())
            }
            "/plain" => ok(
                "text/plain",
                "Clashes near Gao\nDate: 2024-03-01\nFighting was reported.",
            ),
            "/old" => Reply {
                status: 301,
                headers: vec![("Location", "/plain?utm_source=x".to_owned())],
                body: Vec::new(),
                length: true,
            },
            "/big" => ok("text/html", vec![b'a'; 5000]),
            "/big-unannounced" => Reply {
                length: false,
                ..ok("text/plain", vec![b'a'; 5000])
            },
            "/pdf" => ok("application/pdf", b"%PDF-1.7\n...".to_vec()),
            _ => Reply {
                status: 404,
                headers: Vec::new(),
                body: b"not here".to_vec(),
                length: true,
            },
        }
    }

    fn url(base: &str, path: &str) -> Input {
        Input::parse(&format!("{base}{path}")).unwrap()
    }

    #[test]
    fn http_page_is_fetched_and_extracted() {
        let (base, agents) = serve(route);
        let (doc, canonical, _) = only_doc(read(&[url(&base, "/mali/embuscade")]));
        assert!(doc.text.contains("quatre soldats ont été tués"));
        assert!(!doc.text.contains("cookies"));
        let canon = "https://courrier-sahel.example/mali/embuscade-menaka";
        assert_eq!(
            canonical.as_deref(),
            Some(canon),
            "the page's canonical link wins"
        );
        assert_eq!(doc.id, document_id(canon));
        assert_eq!(agents.lock().unwrap().as_slice(), ["rasd/0.1"]);
    }

    #[test]
    fn http_feed_is_read_as_a_feed() {
        let (base, _) = serve(route);
        let items = read(&[url(&base, "/feed"), url(&base, "/feed-as-html")]);
        let docs: Vec<&rasd_model::Document> = items.iter().filter_map(Item::doc).collect();
        assert_eq!(docs.len(), 5, "{items:#?}");
        assert_eq!(
            docs[0].title.as_deref(),
            Some("Mali : quatre soldats tués près de Ménaka")
        );
        assert_eq!(
            docs[3].title.as_deref(),
            Some("Students march in Niamey over unpaid grants"),
            "a feed served as text/html is sniffed"
        );
        assert!(items[0].origin().path_or_url.ends_with("/feed"));
    }

    #[test]
    fn http_legacy_encoded_page_follows_the_declared_charset() {
        let (base, _) = serve(route);
        let (doc, canonical, decoded_from) = only_doc(read(&[url(&base, "/ar-legacy")]));
        assert_eq!(decoded_from, Some("windows-1256"));
        assert_eq!(
            doc.text,
            "قتل ثلاثة مدنيين في هجوم على سوق في تمبكتو يوم الأحد حسب مصادر محلية."
        );
        assert_eq!(doc.title.as_deref(), Some("هجوم في تمبكتو"));
        assert_eq!(canonical, Some(format!("{base}/ar-legacy")));
        assert_eq!(doc.source.as_deref(), Some("127.0.0.1"));
    }

    #[test]
    fn http_redirect_gives_the_final_url_as_canonical() {
        let (base, _) = serve(route);
        let (doc, canonical, _) = only_doc(read(&[url(&base, "/old")]));
        assert_eq!(canonical, Some(format!("{base}/plain")));
        assert_eq!(doc.id, document_id(&format!("{base}/plain")));
        assert_eq!(doc.published, date(2024, 3, 1));
        assert_eq!(doc.title.as_deref(), Some("Clashes near Gao"));
    }

    #[test]
    fn http_failures_are_skips_and_the_batch_goes_on() {
        let (base, _) = serve(route);
        // A port with nothing listening: bind, read the port, close.
        let dead = {
            let l = TcpListener::bind("127.0.0.1:0").unwrap();
            format!("http://{}", l.local_addr().unwrap())
        };
        let options = IngestOptions {
            max_file_bytes: 1000,
            timeout: std::time::Duration::from_secs(5),
            ..IngestOptions::default()
        };
        let items = read_with(
            &[
                url(&base, "/nowhere"),
                url(&dead, "/x"),
                url(&base, "/big"),
                url(&base, "/big-unannounced"),
                url(&base, "/pdf"),
                url(&base, "/plain"),
            ],
            options,
        );
        assert_eq!(items.len(), 6, "{items:#?}");
        let reasons: Vec<Option<&SkipReason>> = items
            .iter()
            .map(|i| match i {
                Item::Skipped { reason, .. } => Some(reason),
                Item::Doc { .. } => None,
            })
            .collect();
        assert_eq!(reasons[0], Some(&SkipReason::Http { status: 404 }));
        assert!(
            matches!(reasons[1], Some(SkipReason::Fetch { .. })),
            "{}",
            items[1]
        );
        assert_eq!(
            reasons[2],
            Some(&SkipReason::TooLarge {
                bytes: 5000,
                limit: 1000
            })
        );
        assert!(
            matches!(
                reasons[3],
                Some(SkipReason::TooLarge {
                    bytes: 1001,
                    limit: 1000
                })
            ),
            "{}",
            items[3]
        );
        assert_eq!(reasons[4], Some(&SkipReason::Binary));
        assert_eq!(reasons[5], None, "the last input is still read");
        assert!(items[0]
            .to_string()
            .contains("/nowhere: skipped: HTTP status 404"));
    }
}

#[cfg(not(feature = "http"))]
#[test]
fn urls_are_unsupported_without_the_http_feature() {
    let items = read(&[Input::parse("http://127.0.0.1:9/page").unwrap()]);
    let (shown, reason) = only_skip(items);
    assert!(
        matches!(reason, SkipReason::UnsupportedType { .. }),
        "{shown}"
    );
}

#[test]
fn bad_url_argument_is_an_error() {
    let err = Input::parse("https://exa mple.org/").unwrap_err();
    assert!(matches!(err, Error::BadUrl { .. }), "{err}");
}

// 9. ACLED CSV --------------------------------------------------------------------------------

#[test]
fn acled_full_header_rows() {
    let rows: Vec<_> = read_acled_csv(data("acled/full_header.csv"))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 3);
    let r = &rows[0];
    assert_eq!(r.event_id_cnty, "TST0001");
    assert_eq!(r.event.event_date, date(2019, 1, 17));
    assert_eq!(r.event.time_precision, Some(1));
    assert_eq!(r.event.event_type, EventType::Battles);
    assert_eq!(r.event.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(
        r.event.actor1.as_deref(),
        Some("Military Forces of Mali (2013-)")
    );
    assert_eq!(r.event.assoc_actor_1, None);
    assert_eq!((r.event.inter1, r.event.inter2), (Some(1), Some(3)));
    assert_eq!(r.event.country.as_deref(), Some("Mali"));
    assert_eq!(r.event.admin1.as_deref(), Some("Mopti"));
    assert_eq!(r.event.admin2.as_deref(), Some("Douentza"));
    assert_eq!(r.event.location.as_deref(), Some("Boni"));
    assert_eq!(
        (r.event.latitude, r.event.longitude),
        (Some(15.05), Some(-1.98))
    );
    assert_eq!(r.event.geo_precision, Some(1));
    assert_eq!(r.event.fatalities, Some(2));
    assert_eq!(r.event.confidence, 1.0);
    assert_eq!(r.source.as_deref(), Some("Invented Wire"));
    assert!(r.notes.as_deref().unwrap().starts_with("Invented note"));
    // A quoted note spanning two lines; inter2 0 means no second actor.
    assert_eq!(rows[1].event.inter2, None);
    assert!(rows[1].notes.as_deref().unwrap().contains('\n'));
    assert_eq!(
        rows[1].event.assoc_actor_1.as_deref(),
        Some("Students (Niger)")
    );
    assert_eq!(
        rows[2].event.event_type,
        EventType::ViolenceAgainstCivilians
    );
}

#[test]
fn acled_other_vintage_by_column_name_with_bad_rows_named() {
    let rows: Vec<Result<_, Error>> = read_acled_csv(data("acled/other_vintage.csv"))
        .unwrap()
        .collect();
    assert_eq!(rows.len(), 6);
    let first = rows[0].as_ref().unwrap();
    assert_eq!(first.event_id_cnty, "TST1001");
    assert_eq!(
        first.event.event_date,
        date(2019, 1, 17),
        "'17 January 2019' form"
    );
    assert_eq!(
        first.event.sub_event_type,
        SubEventType::RemoteExplosiveLandmineIed
    );
    assert_eq!(
        (first.event.inter1, first.event.inter2),
        (Some(3), Some(1)),
        "inter labels of newer exports"
    );
    assert_eq!(first.event.admin2, None, "no admin2 column");
    assert_eq!(first.event.time_precision, None, "no time_precision column");
    assert_eq!(first.source, None);
    let errors: Vec<String> = rows
        .iter()
        .filter_map(|r| r.as_ref().err().map(ToString::to_string))
        .collect();
    assert_eq!(errors.len(), 4, "{errors:#?}");
    assert!(errors[0].contains("other_vintage.csv:3: event_date \"someday in January\""));
    assert!(errors[1].contains(":4: unknown ACLED sub_event_type \"Alien invasion\""));
    assert!(errors[2].contains(":5: sub_event_type \"Armed clash\" does not belong"));
    assert!(errors[3].contains(":6: latitude \"196.27\""));
    let last = rows[5].as_ref().unwrap();
    assert_eq!(
        last.event.sub_event_type,
        SubEventType::LootingPropertyDestruction
    );
    assert_eq!(last.event.fatalities, None, "empty fatalities");
    assert_eq!(last.event.inter2, None);
}

#[test]
fn acled_missing_required_column_or_file_is_an_error() {
    let err = read_acled_csv(data("acled/no_date_column.csv")).unwrap_err();
    assert!(
        matches!(
            err,
            Error::MissingColumn {
                column: "event_date",
                ..
            }
        ),
        "{err}"
    );
    let err = read_acled_csv(data("acled/absent.csv")).unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err}");
    assert!(err.to_string().contains("absent.csv"));
}
