//! `hutch logout`: removes stored credentials from the auth file.

use crate::cli::LogoutArgs;
use hutch_engine::auth;

pub fn run(ctx: &super::Ctx, args: LogoutArgs) -> anyhow::Result<i32> {
    let path = args
        .authfile
        .clone()
        .unwrap_or_else(|| auth::default_auth_file(&ctx.paths));
    let docker = match std::env::var_os("DOCKER_CONFIG").filter(|v| !v.is_empty()) {
        Some(d) => std::path::PathBuf::from(d).join("config.json"),
        None => ctx.paths.home.join(".docker/config.json"),
    };
    match &args.registry {
        Some(r) if !args.all => {
            let key =
                hutch_engine::login::auth_key(r).map_err(hutch_engine::EngineError::from_login)?;
            hutch_engine::login::logout(&path, Some(&key), &docker)?;
            println!("Removed login credentials for {key}");
        }
        _ => {
            hutch_engine::login::logout(&path, None, &docker)?;
            println!("Removed login credentials for all registries");
        }
    }
    Ok(0)
}
