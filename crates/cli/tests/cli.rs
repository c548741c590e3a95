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
fn code_oversized_document_is_rejected_by_name_and_the_rest_goes_on() {
    let big = format!(
        "{{\"id\":\"big\",\"text\":\"{}\"}}\n",
        "Gunmen attacked. ".repeat(100)
    );
    let input =
        format!("{big}{{\"id\":\"small\",\"text\":\"Gunmen killed 3 villagers near Djibo.\"}}\n");
    let (code, out, err) = rasd(&["code", "--max-doc-mb", "0.001"], input.as_bytes());
    assert_eq!(code, 3);
    let out = lines(&out);
    assert!(
        out[0]["error"].as_str().unwrap().contains("--max-doc-mb"),
        "{}",
        out[0]
    );
    assert_eq!(out[1]["id"], "small");
    assert!(err.contains("<stdin>:1:"), "{err}");
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
    let events = v["events"].as_array().unwrap();
    // The hypothetical US strikes ("surgical air strikes targeting the training camps in Kidal
    // and Timbuktu", in a "scenario" section) must yield nothing.
    let hypothetical: Vec<usize> = text
        .match_indices("وضربات جوية جراحية")
        .map(|(i, _)| i)
        .collect();
    assert!(!hypothetical.is_empty());
    for e in events {
        for span in e["evidence"].as_array().unwrap() {
            let s = span["start"].as_u64().unwrap() as usize;
            assert!(
                !hypothetical.iter().any(|&h| s >= h && s < h + 200),
                "hypothetical strike coded: {e}"
            );
        }
    }
    // The training camps opened in Kidal are a reported development.
    assert!(
        events.iter().any(
            |e| e["sub_event_type"] == "Headquarters or base established"
                && e["location"] == "Kidal"
        ),
        "camps in Kidal not coded: {events:?}"
    );
}

#[test]
fn bench_reports_start_up_apart_from_throughput() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/sample.jsonl");
    let (code, out, err) = rasd(&["bench", "--input", sample, "--repeat", "1"], b"");
    assert_eq!(code, 0, "stderr: {err}");
    let value = |label: &str| -> f64 {
        let line = out
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no '{label}' line in:\n{out}"));
        line[label.len()..].trim().parse().unwrap()
    };
    // Start-up includes loading the gazetteer and building its name index: never free.
    assert!(value("start-up (s)") > 0.0);
    let docs = std::fs::read_to_string(sample).unwrap().lines().count();
    assert_eq!(value("documents ") as usize, docs);
    assert!(value("MB/s") > 0.0);
}
