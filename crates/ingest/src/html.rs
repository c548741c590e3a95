//! HTML pages to article text: metadata, boilerplate removal and a text-density choice of the
//! main container.
//!
//! News pages carry the report in a few paragraphs among menus, share buttons, cookie banners,
//! "related articles" lists and footers; an event coder that reads all of it finds attacks in
//! the headlines of other stories. The extraction therefore works in three passes over an
//! html5ever tree (which repairs broken markup the way browsers do):
//!
//! 1. metadata is read from the whole page (title, dates, canonical URL, language), because
//!    some of it lives in `<head>`, `<script type="application/ld+json">` or `<header>`;
//! 2. boilerplate elements are detached: non-content tags (`script`, `nav`, `header`, `footer`,
//!    `aside`, `form`, ...), ARIA landmarks of the same kind, hidden elements, and elements whose
//!    class or id names boilerplate (`cookie`, `share`, `related`, `newsletter`, ...) unless
//!    they hold a long stretch of paragraph text (`<body class="has-sidebar">`);
//! 3. every paragraph credits its parent with its text length and its grandparent with half;
//!    the best-scored container is the article, and its blocks become the text, less blocks
//!    that are mostly links ("Read also: ...") or known boilerplate phrases.

use crate::dates::parse_date;
use chrono::NaiveDate;
use ego_tree::{NodeId, NodeRef};
use rasd_model::Language;
use scraper::{Html, Node};
use std::collections::HashMap;
use url::Url;

/// What [`extract`] reads from a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    pub title: Option<String>,
    /// The article text: one block per line pair (`\n\n` between paragraphs).
    pub text: String,
    pub published: Option<NaiveDate>,
    /// An absolute canonical URL (`<link rel=canonical>`, then `og:url`).
    pub canonical: Option<String>,
    /// The `<html lang>` language, when the text agrees with it.
    pub lang: Option<Language>,
    /// `og:site_name`.
    pub site_name: Option<String>,
}

/// Tags that never hold article text.
const DROP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "nav", "header",
    "footer", "aside", "menu", "button", "select", "input", "textarea", "object", "embed", "video",
    "audio", "map", "dialog", "head", "link", "meta",
];

/// ARIA roles of the same kinds.
const DROP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alertdialog",
];

/// Words in a class or id (split at `-`, `_`, spaces) that name boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "sharer",
    "sharethis",
    "social",
    "socials",
    "related",
    "relatedposts",
    "recommended",
    "newsletter",
    "subscribe",
    "subscription",
    "comment",
    "comments",
    "disqus",
    "breadcrumb",
    "breadcrumbs",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "sidebar",
    "footer",
    "masthead",
    "banner",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "adsbygoogle",
    "sponsored",
    "promo",
    "popup",
    "modal",
    "widget",
    "widgets",
    "tags",
    "tagcloud",
    "pagination",
    "pager",
    "toolbar",
    "topbar",
    "login",
    "signup",
    "print",
    "popular",
    "trending",
    "mostread",
    "outbrain",
    "taboola",
    "aussi",
];

/// Short blocks opening with these are boilerplate even when they are not links.
const BOILERPLATE_PHRASES: &[&str] = &[
    "read also",
    "read more",
    "see also",
    "related articles",
    "related:",
    "share this",
    "share on",
    "we use cookies",
    "this website uses cookies",
    "accept cookies",
    "subscribe to",
    "sign up for",
    "lire aussi",
    "lire la suite",
    "à lire aussi",
    "voir aussi",
    "articles similaires",
    "partager",
    "nous utilisons des cookies",
    "ce site utilise des cookies",
    "abonnez-vous",
    "inscrivez-vous",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "اقرأ المزيد",
    "مقالات ذات صلة",
    "أخبار ذات صلة",
    "شارك",
    "تابعونا",
    "اشترك",
];

/// Paragraph text that keeps a boilerplate-named container (a content wrapper with an unlucky
/// class such as `entry-content share-enabled`).
const KEEP_IF_PARAGRAPH_TEXT: usize = 500;

/// Block-level tags: their text starts a new block.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "figcaption"
            | "figure"
            | "br"
            | "hr"
            | "address"
            | "center"
            | "body"
    )
}

/// Extract the article and its metadata from a whole HTML page. `base` resolves relative
/// canonical URLs (the page's own URL when fetched; `None` for a file).
pub(crate) fn extract(source: &str, base: Option<&Url>) -> Page {
    let mut doc = Html::parse_document(source);
    let mut page = metadata(&doc, base);
    drop_boilerplate(&mut doc);
    let root = doc.tree.root();
    let body = find_element(root, "body").unwrap_or(root);
    let (container, text) = match main_container(body) {
        Some((best, scores)) => (best, with_siblings(best, &scores)),
        None => (body, blocks_to_text(body)),
    };
    page.text = text;
    if page.published.is_none() {
        page.published = time_element(container).or_else(|| time_element(body));
    }
    if page.title.is_none() {
        page.title = find_element(root, "h1")
            .map(|h| clean_inline(&node_text(h)))
            .filter(|t| !t.is_empty());
    }
    page.lang = page.lang.filter(|l| lang_agrees(*l, &page.text));
    page
}

/// The text of an HTML fragment (a feed item's description or content), with the same block
/// rules and boilerplate removal as pages but no container choice.
pub(crate) fn fragment_text(source: &str) -> String {
    if !source.contains(['<', '&']) {
        return clean_blocks(source);
    }
    let mut doc = Html::parse_fragment(source);
    drop_boilerplate(&mut doc);
    blocks_to_text(doc.tree.root())
}

/// An inline string that may hold markup or entities (a feed title): its plain text on one line.
pub(crate) fn inline_text(source: &str) -> String {
    if !source.contains(['<', '&']) {
        return clean_inline(source);
    }
    let doc = Html::parse_fragment(source);
    clean_inline(&node_text(doc.tree.root()))
}

fn element_name(node: NodeRef<'_, Node>) -> Option<&str> {
    node.value().as_element().map(|e| e.name())
}

fn find_element<'a>(root: NodeRef<'a, Node>, tag: &str) -> Option<NodeRef<'a, Node>> {
    root.descendants().find(|n| element_name(*n) == Some(tag))
}

fn node_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        if let Node::Text(t) = n.value() {
            out.push_str(t);
        }
    }
    out
}

/// Bidirectional controls and invisible characters that pages (Arabic ones especially) sprinkle
/// into text; the coder needs none of them.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' | '\u{00AD}'
    )
}

/// One line: invisible characters dropped, whitespace runs (including no-break spaces) as one
/// space, trimmed.
pub(crate) fn clean_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().filter(|c| !is_invisible(*c)) {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Plain text with paragraphs: each non-empty line cleaned, blank-line separated.
fn clean_blocks(s: &str) -> String {
    s.split("\n\n")
        .map(clean_inline)
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn metadata(doc: &Html, base: Option<&Url>) -> Page {
    let root = doc.tree.root();
    let mut meta: HashMap<String, String> = HashMap::new();
    let mut canonical_link = None;
    let mut title_tag = None;
    let mut html_lang = None;
    let mut itemprop_date = None;
    let mut ld_dates = Vec::new();
    for node in root.descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        match el.name() {
            "html" => html_lang = el.attr("lang").or_else(|| el.attr("xml:lang")),
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, el.attr("content")) {
                    meta.entry(k.trim().to_ascii_lowercase())
                        .or_insert_with(|| v.trim().to_owned());
                }
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    canonical_link = canonical_link.or(el.attr("href"));
                }
            }
            "title" if title_tag.is_none() => {
                title_tag = Some(clean_inline(&node_text(node))).filter(|t| !t.is_empty());
            }
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&node_text(node)) {
                    json_ld_dates(&v, &mut ld_dates);
                }
            }
            _ => {}
        }
        if itemprop_date.is_none() && el.attr("itemprop") == Some("datePublished") {
            itemprop_date = el
                .attr("content")
                .or_else(|| el.attr("datetime"))
                .map(str::to_owned)
                .or_else(|| Some(node_text(node)));
        }
    }
    let get = |k: &str| meta.get(k).map(String::as_str).filter(|v| !v.is_empty());
    let title = get("og:title")
        .map(clean_inline)
        .filter(|t| !t.is_empty())
        .or(title_tag);
    let published = [
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "datepublished",
    ]
    .iter()
    .filter_map(|k| get(k))
    .chain(itemprop_date.as_deref())
    .chain(ld_dates.iter().map(String::as_str))
    .chain(
        [
            "date",
            "pubdate",
            "publish-date",
            "dc.date.issued",
            "dc.date",
        ]
        .iter()
        .filter_map(|k| get(k)),
    )
    .find_map(parse_date);
    let canonical = canonical_link
        .into_iter()
        .chain(get("og:url"))
        .find_map(|href| absolute_url(href, base));
    let lang = html_lang
        .and_then(|l| l.split(['-', '_']).next())
        .and_then(Language::parse)
        .filter(|l| *l != Language::Und);
    Page {
        title,
        text: String::new(),
        published,
        canonical,
        lang,
        site_name: get("og:site_name").map(clean_inline),
    }
}

/// `datePublished` values anywhere in a JSON-LD value (objects, arrays, `@graph`).
fn json_ld_dates(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(s)) = map.get("datePublished") {
                out.push(s.clone());
            }
            map.values().for_each(|v| json_ld_dates(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_ld_dates(v, out)),
        _ => {}
    }
}

/// `href` made absolute against `base`; only http(s) URLs count.
pub(crate) fn absolute_url(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let url = match Url::parse(href) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href).ok()?,
        Err(_) => return None,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// The first `<time datetime>` (or `<time>` text) under `node` that parses as a date.
fn time_element(node: NodeRef<'_, Node>) -> Option<NaiveDate> {
    node.descendants()
        .filter(|n| element_name(*n) == Some("time"))
        .find_map(|n| {
            let el = n.value().as_element()?;
            el.attr("datetime")
                .and_then(parse_date)
                .or_else(|| parse_date(&clean_inline(&node_text(n))))
        })
}

fn class_words(el: &scraper::node::Element) -> impl Iterator<Item = String> + '_ {
    el.attr("class")
        .into_iter()
        .chain(el.attr("id"))
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            let s = s.to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Total length of paragraph text under `node`.
fn paragraph_text_len(node: NodeRef<'_, Node>) -> usize {
    node.descendants()
        .filter(|n| element_name(*n) == Some("p"))
        .map(|p| clean_inline(&node_text(p)).chars().count())
        .sum()
}

fn drop_boilerplate(doc: &mut Html) {
    let mut doomed: Vec<NodeId> = Vec::new();
    let root = doc.tree.root();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        let drop = match node.value() {
            Node::Comment(_) | Node::ProcessingInstruction(_) => true,
            Node::Element(el) => {
                let name = el.name();
                let structural = matches!(name, "html" | "body" | "main" | "article");
                DROP_TAGS.contains(&name)
                    // A search or comment form; ASP.NET pages wrap the whole body in one.
                    || (name == "form" && paragraph_text_len(node) < KEEP_IF_PARAGRAPH_TEXT)
                    || el.attr("role").is_some_and(|r| {
                        DROP_ROLES.contains(&r.trim().to_ascii_lowercase().as_str())
                    })
                    || is_hidden(el)
                    || (!structural
                        && class_words(el).any(|w| BOILERPLATE_WORDS.contains(&w.as_str()))
                        && paragraph_text_len(node) < KEEP_IF_PARAGRAPH_TEXT)
            }
            _ => false,
        };
        if drop {
            doomed.push(node.id());
        } else {
            stack.extend(node.children());
        }
    }
    for id in doomed {
        if let Some(mut n) = doc.tree.get_mut(id) {
            n.detach();
        }
    }
}

/// The container with the most paragraph text: each paragraph (a `<p>`, or a `<div>`/`<td>`
/// holding text directly, as pages built with `<br>` do) credits its parent with its length and
/// its grandparent with half.
fn main_container(body: NodeRef<'_, Node>) -> Option<(NodeRef<'_, Node>, HashMap<NodeId, f64>)> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for node in body.descendants() {
        let Some(name) = element_name(node) else {
            continue;
        };
        let len = match name {
            "p" | "pre" | "blockquote" => clean_inline(&node_text(node)).chars().count(),
            "div" | "td" | "section" | "article" => {
                // Only the text directly inside counts: the rest belongs to its children.
                let direct: String = node
                    .children()
                    .filter_map(|c| match c.value() {
                        Node::Text(t) => Some(&**t),
                        _ => None,
                    })
                    .collect();
                let n = clean_inline(&direct).chars().count();
                if n < 80 {
                    continue;
                }
                // Text in the node itself: score it as its own container.
                *scores.entry(node.id()).or_default() += n as f64;
                continue;
            }
            _ => continue,
        };
        if len < 25 {
            continue;
        }
        let link = link_text_len(node);
        let len = len.saturating_sub(link) as f64;
        if let Some(parent) = node.parent() {
            *scores.entry(parent.id()).or_default() += len;
            if let Some(grand) = parent.parent() {
                *scores.entry(grand.id()).or_default() += len / 2.0;
            }
        }
    }
    let (&best, _) = scores
        .iter()
        .filter(|(_, s)| **s > 0.0)
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))?;
    Some((body.tree().get(best)?, scores))
}

/// The text of the best container and of those of its siblings that belong to the article too
/// (a lead paragraph in its own `<div class="chapo">`, a second body block after an inline
/// image): a sibling joins when it scores at least a quarter of the best, or is a paragraph
/// of real prose (80 characters or more, under a quarter of it in links).
fn with_siblings(best: NodeRef<'_, Node>, scores: &HashMap<NodeId, f64>) -> String {
    let Some(parent) = best
        .parent()
        .filter(|p| !matches!(element_name(*p), None | Some("html")))
    else {
        return blocks_to_text(best);
    };
    let threshold = scores.get(&best.id()).copied().unwrap_or(0.0) * 0.25;
    let mut parts = Vec::new();
    for sibling in parent.children() {
        let joins = sibling.id() == best.id()
            || scores.get(&sibling.id()).is_some_and(|s| *s >= threshold)
            || (element_name(sibling) == Some("p") && {
                let len = clean_inline(&node_text(sibling)).chars().count();
                len >= 80 && link_text_len(sibling) * 4 < len
            });
        if joins {
            let text = blocks_to_text(sibling);
            if !text.is_empty() {
                parts.push(text);
            }
        }
    }
    parts.join("\n\n")
}

fn link_text_len(node: NodeRef<'_, Node>) -> usize {
    node.descendants()
        .filter(|n| element_name(*n) == Some("a"))
        .map(|a| clean_inline(&node_text(a)).chars().count())
        .sum()
}

/// One block of text being collected, with how much of it sits inside links.
#[derive(Default)]
struct Block {
    text: String,
    link_chars: usize,
}

fn collect_blocks(node: NodeRef<'_, Node>, in_link: bool, blocks: &mut Vec<Block>) {
    match node.value() {
        Node::Text(t) => {
            let cur = blocks.last_mut().expect("a block is always open");
            cur.text.push_str(t);
            if in_link {
                cur.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
            }
        }
        Node::Element(el) => {
            let block = is_block(el.name());
            if block {
                blocks.push(Block::default());
            }
            let in_link = in_link || el.name() == "a";
            for child in node.children() {
                collect_blocks(child, in_link, blocks);
            }
            if block {
                blocks.push(Block::default());
            }
        }
        _ => {
            for child in node.children() {
                collect_blocks(child, in_link, blocks);
            }
        }
    }
}

fn blocks_to_text(node: NodeRef<'_, Node>) -> String {
    let mut blocks = vec![Block::default()];
    collect_blocks(node, false, &mut blocks);
    let mut out: Vec<String> = Vec::new();
    for b in blocks {
        let text = clean_inline(&b.text);
        if text.is_empty() {
            continue;
        }
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        // Mostly links: navigation, "read also", tag lists.
        if b.link_chars * 2 > chars && chars < 300 {
            continue;
        }
        let lower = text.to_lowercase();
        if chars < 160 && BOILERPLATE_PHRASES.iter().any(|p| lower.starts_with(p)) {
            continue;
        }
        out.push(text);
    }
    out.join("\n\n")
}

fn arabic_share(text: &str) -> f64 {
    let (mut arabic, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()).take(5000) {
        letters += 1;
        if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
            arabic += 1;
        }
    }
    if letters == 0 {
        0.0
    } else {
        arabic as f64 / letters as f64
    }
}

/// Templates often keep `lang="en"` on translated pages: the declaration is kept only when the
/// script of the text agrees (Arabic text for `ar`, Latin text for `fr`/`en`).
pub(crate) fn lang_agrees(lang: Language, text: &str) -> bool {
    let share = arabic_share(text);
    match lang {
        Language::Ar => share >= 0.5,
        Language::Fr | Language::En => share < 0.2,
        Language::Und => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_win_over_menus() {
        let page = extract(
            r#"<html lang="fr"><head><title>Attaque - Journal</title></head><body>
            <ul class="menu"><li><a href="/">Accueil</a></li><li><a href="/p">Politique</a></li></ul>
            <div id="content"><p>Des hommes armés ont attaqué le poste de Boni, tuant six soldats selon l'armée malienne.</p>
            <p>Les assaillants sont arrivés à moto au petit matin et ont incendié des véhicules.</p>
            <p>Lire aussi : <a href="/x">Un autre article</a></p></div>
            <div class="sidebar"><p>Publicité : achetez des billets d'avion pour Dakar à bas prix maintenant.</p></div>
            </body></html>"#,
            None,
        );
        assert!(page.text.starts_with("Des hommes armés"), "{}", page.text);
        assert!(page.text.contains("incendié des véhicules"));
        assert!(!page.text.contains("Accueil"));
        assert!(!page.text.contains("Lire aussi"));
        assert!(!page.text.contains("Publicité"));
        assert_eq!(page.title.as_deref(), Some("Attaque - Journal"));
        assert_eq!(page.lang, Some(Language::Fr));
    }

    #[test]
    fn a_lead_in_a_sibling_block_is_kept() {
        let page = extract(
            r#"<body><div class="wrap">
            <div class="chapo"><p>Trois civils ont été tués dimanche lors d'une attaque contre un village de la région de Ségou.</p></div>
            <div class="texte"><p>Selon des habitants, les assaillants sont arrivés à moto en fin d'après-midi.</p>
            <p>Ils ont ouvert le feu sur des habitants réunis près du puits, puis ont incendié des greniers.</p>
            <p>Les autorités locales ont confirmé l'attaque sans donner de bilan officiel.</p></div>
            <div class="promo-box"><a href="/x">Voir toutes nos vidéos</a></div>
            </div></body>"#,
            None,
        );
        assert!(page.text.starts_with("Trois civils"), "{}", page.text);
        assert!(
            page.text.ends_with("sans donner de bilan officiel."),
            "{}",
            page.text
        );
        assert!(!page.text.contains("vidéos"));
    }

    #[test]
    fn text_written_with_br_in_a_div() {
        let page = extract(
            r#"<body><div class="block"><a href="/1">خبر أول</a><br><a href="/2">خبر ثان</a></div>
            <div class="article-text">أعلن الجيش المالي مقتل عشرة مسلحين في عملية عسكرية قرب مدينة تمبكتو يوم السبت.<br><br>
            وأضاف البيان أن العملية أسفرت أيضا عن تدمير دراجات نارية ومصادرة أسلحة.<br></div></body>"#,
            None,
        );
        assert_eq!(
            page.text,
            "أعلن الجيش المالي مقتل عشرة مسلحين في عملية عسكرية قرب مدينة تمبكتو يوم السبت.\n\n\
             وأضاف البيان أن العملية أسفرت أيضا عن تدمير دراجات نارية ومصادرة أسلحة."
        );
    }

    #[test]
    fn a_page_wrapped_in_a_form_keeps_its_article() {
        let para = "<p>Les forces armées nigériennes ont repoussé une attaque contre le poste \
                    de Chinagodrar, selon un communiqué du ministère de la défense.</p>";
        let page = extract(
            &format!(
                "<body><form id=\"aspnetForm\"><div class=\"article\">{}</div>\
                 <form class=\"search\"><p>Rechercher</p></form></form></body>",
                para.repeat(6)
            ),
            None,
        );
        assert!(page.text.starts_with("Les forces armées"), "{}", page.text);
        assert!(!page.text.contains("Rechercher"));
    }

    #[test]
    fn metadata_order() {
        let page = extract(
            r#"<html><head><meta property="og:title" content="OG title">
            <title>Tag title</title>
            <link rel="canonical" href="/news/1?x=1">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-03-05T10:00:00+00:00"}]}</script>
            </head><body><h1>H1</h1><p>Some paragraph of text long enough to count as one.</p></body></html>"#,
            Some(&Url::parse("https://example.org/a/b").unwrap()),
        );
        assert_eq!(page.title.as_deref(), Some("OG title"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(
            page.canonical.as_deref(),
            Some("https://example.org/news/1?x=1")
        );
        // No base: a relative canonical URL cannot be used.
        let page = extract(r#"<link rel="canonical" href="/news/1"><p>x</p>"#, None);
        assert_eq!(page.canonical, None);
    }

    #[test]
    fn title_falls_back_to_h1_and_date_to_time() {
        let page = extract(
            r#"<body><article><h1>Clashes in Menaka</h1><time datetime="2023-11-02">2 Nov</time>
            <p>Fighting broke out between two armed groups near Menaka on Thursday.</p></article></body>"#,
            None,
        );
        assert_eq!(page.title.as_deref(), Some("Clashes in Menaka"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2023, 11, 2));
    }

    #[test]
    fn declared_lang_must_match_the_script() {
        let page = extract(
            r#"<html lang="en"><body><p>قتل عشرة جنود في هجوم على موقع للجيش قرب منكا</p></body></html>"#,
            None,
        );
        assert_eq!(page.lang, None);
        assert!(page.text.starts_with("قتل عشرة جنود"));
    }

    #[test]
    fn fragments_and_inline_text() {
        assert_eq!(
            fragment_text("<p>One&nbsp;two</p><p>Three <b>four</b></p><script>x()</script>"),
            "One two\n\nThree four"
        );
        assert_eq!(
            inline_text("Attaque &amp; riposte <b>à Gao</b>"),
            "Attaque & riposte à Gao"
        );
        assert_eq!(inline_text("  plain\u{200F}  title "), "plain title");
    }
}
