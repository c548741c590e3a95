//! Build `data/geo` from `../shared/geo`:
//! `cargo run --release -p rasd-geo --example build_gazetteer -- ../shared/geo data/geo`
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let src = args.get(1).map(String::as_str).unwrap_or("../shared/geo");
    let out = args.get(2).map(String::as_str).unwrap_or("data/geo");
    let t = std::time::Instant::now();
    match rasd_geo::build(src.as_ref(), out.as_ref()) {
        Ok(report) => {
            print!("{report}");
            eprintln!("built in {:.1?}", t.elapsed());
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
