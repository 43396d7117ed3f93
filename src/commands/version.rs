//! `hutch version`: podman's Client block (the local engine; there is no remote server), and
//! the same fields under `info`'s `.Version`.

use crate::cli::VersionArgs;
use serde_json::{json, Value};

/// podman's version fields: `.Version`, `.APIVersion`, `.GoVersion` (here the Rust compiler),
/// `.GitCommit`, `.BuiltTime`, `.Built`, `.OsArch`, `.Os`.
pub fn fields() -> Value {
    let built: i64 = env!("HUTCH_BUILT").parse().unwrap_or(0);
    let built_time = chrono::DateTime::from_timestamp(built, 0)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%a %b %e %H:%M:%S %Y")
                .to_string()
        })
        .unwrap_or_default();
    json!({
        // The newest Docker Engine API version `hutch system service` speaks.
        "APIVersion": hutch_api::API_VERSION,
        "Version": env!("CARGO_PKG_VERSION"),
        "GoVersion": env!("HUTCH_RUSTC_VERSION"),
        "GitCommit": env!("HUTCH_GIT_COMMIT"),
        "BuiltTime": built_time,
        "Built": built,
        "OsArch": format!("{}/{}", std::env::consts::OS, go_arch()),
        "Os": std::env::consts::OS,
    })
}

pub fn run(_ctx: &super::Ctx, args: VersionArgs) -> anyhow::Result<i32> {
    let client = fields();
    let info = json!({ "Client": client });
    match args.format.as_deref() {
        Some(f) => println!("{}", crate::format::render_one(f, &info)?),
        None => {
            let s = |k: &str| client[k].as_str().unwrap_or("").to_string();
            println!("Client:       hutch");
            println!("Version:      {}", s("Version"));
            println!("API Version:  {}", s("APIVersion"));
            println!("Go Version:   {}", s("GoVersion"));
            if !s("GitCommit").is_empty() {
                println!("Git Commit:   {}", s("GitCommit"));
            }
            println!("Built:        {}", s("BuiltTime"));
            println!("OS/Arch:      {}", s("OsArch"));
        }
    }
    Ok(0)
}

/// The architecture as OCI and Go name it (amd64, arm64, ...).
pub fn go_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64le",
        other => other,
    }
}
