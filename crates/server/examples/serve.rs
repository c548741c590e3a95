//! Serve a store without the `rasd` binary (development): `cargo run -p rasd-server --example
//! serve -- DB [--bind ADDR] [--sample] [--synthetic N]`. `--sample` codes and stores the bundled
//! sample reports first (what `rasd demo` does); `--synthetic N` adds N synthetic events.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut config = rasd_server::ServerConfig::new("rasd-dev.sqlite");
    let (mut sample, mut synthetic) = (false, 0usize);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bind" => config.bind = args.next().ok_or("--bind ADDR")?.parse()?,
            "--sample" => sample = true,
            "--synthetic" => synthetic = args.next().ok_or("--synthetic N")?.parse()?,
            "--token" => config.token = args.next(),
            path => config.db = path.into(),
        }
    }
    if synthetic > 0 {
        rasd_server::prepare_bench_store(&rasd_server::BenchServeConfig {
            path: config.db.clone(),
            events: synthetic,
            ..Default::default()
        })?;
    }
    if sample {
        let report = rasd_server::load_jsonl(&config, rasd_server::SAMPLE_JSONL)?;
        eprintln!("stored {} sample documents", report.documents.len());
    }
    rasd_server::run(config, |addr| eprintln!("Rasd dashboard at http://{addr}/"))?;
    Ok(())
}
