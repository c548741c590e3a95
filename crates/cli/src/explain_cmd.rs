//! `rasd explain "TEXT"`: what the lexicon saw in a text and what the coder made of it.

use anyhow::Result;
use rasd_coder::{Coder, CoderConfig};
use rasd_lexicon::Target;
use rasd_model::Document;
use std::process::ExitCode;

pub fn run(
    text: &str,
    published: Option<chrono::NaiveDate>,
    config: &CoderConfig,
) -> Result<ExitCode> {
    let coder = Coder::new(config.clone());
    let lex = coder.lexicon();
    let norm = rasd_text::normalize(text);
    println!(
        "language: {}",
        rasd_text::detect_language(norm.as_str()).as_str()
    );
    println!("normalised: {}", norm.as_str());
    println!("lexicon matches:");
    for m in lex.find(norm.as_str()) {
        let (s, e) = norm.original_span(m.start, m.end);
        let what = match m.target {
            Target::Cue(c) => format!("cue {}", c.key()),
            Target::Actor(id) => format!("actor {}", lex.actor(id).name),
            Target::Generic(g) => format!("role {g:?}"),
            Target::Country(c) => format!("country cue {}", lex.country_name(c)),
        };
        println!("  [{s}..{e}] {:?} -> {what}", &text[s..e]);
    }
    for n in rasd_text::find_numbers(norm.as_str()) {
        let (s, e) = norm.original_span(n.start, n.end);
        println!(
            "  [{s}..{e}] {:?} -> number {} ({:?})",
            &text[s..e],
            n.value,
            n.vagueness
        );
    }
    for d in rasd_text::find_dates(norm.as_str(), published) {
        let (s, e) = norm.original_span(d.start, d.end);
        println!(
            "  [{s}..{e}] {:?} -> date {} (precision {})",
            &text[s..e],
            d.date,
            d.precision
        );
    }
    let doc = Document {
        id: "explain".into(),
        text: text.into(),
        published,
        ..Default::default()
    };
    println!("events:");
    for e in coder.code(&doc).events {
        println!("{}", serde_json::to_string_pretty(&e)?);
    }
    Ok(ExitCode::SUCCESS)
}
