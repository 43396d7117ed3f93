//! `hutch version`.

use crate::cli::VersionArgs;

pub fn run(_ctx: &super::Ctx, args: VersionArgs) -> anyhow::Result<i32> {
    let version = env!("CARGO_PKG_VERSION");
    let info = serde_json::json!({
        "Client": {
            "Version": version,
            "APIVersion": version,
            "GoVersion": "",
            "OsArch": format!("{}/{}", std::env::consts::OS, go_arch()),
        }
    });
    match args.format.as_deref() {
        Some(f) => println!("{}", crate::format::render_one(f, &info)?),
        None => {
            println!("Client:       hutch");
            println!("Version:      {version}");
            println!("OS/Arch:      {}/{}", std::env::consts::OS, go_arch());
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
