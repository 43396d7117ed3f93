//! Records what `hutch version` and `info` report about the build: the Rust compiler (podman's
//! "Go Version"), the git commit (from HUTCH_GIT_COMMIT, as packagers set it) and the build
//! time (SOURCE_DATE_EPOCH, else 0, as Debian's podman shows it).

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = std::process::Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.split_whitespace().nth(1).map(str::to_string))
        .unwrap_or_default();
    println!("cargo:rustc-env=HUTCH_RUSTC_VERSION=rustc{version}");
    println!(
        "cargo:rustc-env=HUTCH_GIT_COMMIT={}",
        std::env::var("HUTCH_GIT_COMMIT").unwrap_or_default()
    );
    println!(
        "cargo:rustc-env=HUTCH_BUILT={}",
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    );
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=HUTCH_GIT_COMMIT");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
}
