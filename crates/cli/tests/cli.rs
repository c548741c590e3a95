//! End-to-end tests of the real `rasd` binary.
//!
//! Index:
//! - `code_sample_*`: the bundled sample codes one line per document, in order.
//! - `code_bad_lines_*`: the input contract's error lines and exit codes.
//! - `code_seed_article_*`: the Arabic seed article from ../shared (analysis, hypotheses).

use std::io::Write;
use std::process::{Command, Stdio};

fn rasd(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("output line is JSON"))
        .collect()
}

#[test]
fn code_sample_gives_one_line_per_document_in_order() {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/sample.jsonl"
    ))
    .unwrap();
    let (code, out, err) = rasd(&["code"], sample.as_bytes());
    assert_eq!(code, 0, "stderr: {err}");
    let out = lines(&out);
    let ids_in: Vec<String> = sample
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let ids_out: Vec<String> = out
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids_in, ids_out);
    // Every evidence span lies inside its document text, on character boundaries.
    for (line, v) in sample.lines().zip(&out) {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = doc["text"].as_str().unwrap();
        let title = doc["title"].as_str().unwrap_or("");
        for e in v["events"].as_array().unwrap() {
            for span in e["evidence"].as_array().unwrap() {
                let (s, t) = (
                    span["start"].as_u64().unwrap() as usize,
                    span["end"].as_u64().unwrap() as usize,
                );
                let src = if span.get("field").and_then(|f| f.as_str()) == Some("title") {
                    title
                } else {
                    text
                };
                assert!(s < t && t <= src.len(), "{span} outside {}", doc["id"]);
                assert!(src.is_char_boundary(s) && src.is_char_boundary(t));
            }
        }
    }
}

#[test]
fn code_bad_lines_are_reported_and_the_batch_goes_on() {
    let input = b"{\"id\":\"ok1\",\"text\":\"Gunmen killed 3 villagers in Mali.\"}\n\
{not json\n\
\n\
{\"id\":\"noText\"}\n\
\xff\xfe\xfd\n\
{\"id\":\"ok2\",\"text\":\"Protesters marched in Niamey.\",\"published\":\"2026-02-30\"}\n\
{\"id\":\"ok3\",\"text\":\"Nothing happened.\"}\n";
    let (code, out, err) = rasd(&["code", "--input", "-"], input);
    assert_eq!(code, 3, "some lines rejected -> exit 3");
    let out = lines(&out);
    assert_eq!(out.len(), 6, "one output line per non-blank input line");
    assert_eq!(out[0]["id"], "ok1");
    assert!(out[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(out[2]["id"], "noText");
    assert!(out[2]["error"].as_str().unwrap().contains("text"));
    assert!(out[3]["error"].as_str().unwrap().contains("UTF-8"));
    assert!(
        out[4]["error"].as_str().unwrap().contains("line 6"),
        "malformed date rejected: {}",
        out[4]
    );
    assert_eq!(out[5]["id"], "ok3");
    assert_eq!(out[5]["events"].as_array().unwrap().len(), 0);
    assert!(err.contains("<stdin>:2:"), "stderr names the line: {err}");
}

#[test]
fn code_unusable_arguments_exit_2() {
    let (code, _, _) = rasd(&["code", "--no-such-flag"], b"");
    assert_eq!(code, 2);
    let (code, _, err) = rasd(&["code", "--input", "/nonexistent/file.jsonl"], b"");
    assert_ne!(code, 0);
    assert!(err.contains("/nonexistent/file.jsonl"));
}

#[test]
fn code_seed_article_codes_no_hypothetical_strike() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/000_ff2fd471fe1d52df.txt"
    );
    let text = std::fs::read_to_string(path).expect("../shared/seed is present beside the project");
    let doc = serde_json::json!({"id": "seed", "text": text, "published": "2026-02-15"});
    let (code, out, err) = rasd(&["code"], format!("{doc}\n").as_bytes());
    assert_eq!(code, 0, "{err}");
    let v = &lines(&out)[0];
    assert_eq!(v["lang"], "ar");
    let hypo = text.find("قد تستهدف").or_else(|| text.find("ستهدف"));
    for e in v["events"].as_array().unwrap() {
        for span in e["evidence"].as_array().unwrap() {
            if span["role"] == "trigger" {
                let s = span["start"].as_u64().unwrap() as usize;
                // No trigger sits in a sentence that is a hypothesis about future strikes.
                let sentence_start = text[..s].rfind(['.', '\n']).map(|i| i + 1).unwrap_or(0);
                let sentence_end = text[s..]
                    .find(['.', '\n'])
                    .map(|i| s + i)
                    .unwrap_or(text.len());
                let sentence = &text[sentence_start..sentence_end];
                assert!(
                    !(sentence.contains("قد ") && sentence.contains("تستهدف")),
                    "hypothetical strike coded as an event: {sentence}"
                );
                let _ = hypo;
            }
        }
    }
}
