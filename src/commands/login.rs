//! `hutch login`: checks the credentials against the registry, then stores them in the auth file.

use crate::cli::LoginArgs;
use anyhow::Context;
use hutch_engine::auth::{self, AuthFile, AuthOptions, Credentials};
use hutch_engine::login::{self as engine, LoginError};
use hutch_engine::reference::ImageRef;
use std::io::Read;

pub fn run(ctx: &super::Ctx, args: LoginArgs) -> anyhow::Result<i32> {
    let key = engine::auth_key(&args.registry).map_err(hutch_engine::EngineError::from_login)?;
    let path = args
        .authfile
        .clone()
        .unwrap_or_else(|| auth::default_auth_file(&ctx.paths));
    if args.get_login {
        let image = ImageRef::parse(&format!("{key}/x")).map_err(anyhow::Error::from)?;
        let opts = AuthOptions {
            creds: None,
            authfile: args.authfile.clone(),
        };
        return match auth::lookup(&ctx.paths, &opts, &image)? {
            Some(c) => {
                println!("{}", c.username);
                Ok(0)
            }
            None => Err(
                hutch_engine::EngineError::from_login(LoginError::NotLoggedIn { registry: key })
                    .into(),
            ),
        };
    }
    if args.password.is_some() && args.password_stdin {
        anyhow::bail!("--password and --password-stdin cannot be used together");
    }
    let mut password = args.password.clone();
    if args.password_stdin {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("reading the password from standard input")?;
        password = Some(s.trim_end_matches(['\n', '\r']).to_string());
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let check = |c: &Credentials| {
        rt.block_on(engine::check(
            &ctx.paths,
            &key,
            args.tls_verify,
            args.cert_dir.as_deref(),
            c,
        ))
        .map_err(hutch_engine::EngineError::from_login)
    };
    let creds = match (args.username.clone(), password) {
        (Some(username), Some(password)) => Credentials { username, password },
        (None, None) => {
            // podman re-checks stored credentials instead of prompting.
            let image = ImageRef::parse(&format!("{key}/x")).map_err(anyhow::Error::from)?;
            let opts = AuthOptions {
                creds: None,
                authfile: args.authfile.clone(),
            };
            match auth::lookup(&ctx.paths, &opts, &image)? {
                Some(c) => {
                    check(&c)?;
                    println!("Authenticating with existing credentials for {key}");
                    println!("Existing credentials are valid. Already logged in to {key}");
                    return Ok(0);
                }
                None => anyhow::bail!(
                    "logging in to {key}: a username and password are needed: pass -u USER and -p PASS or --password-stdin (hutch does not prompt)"
                ),
            }
        }
        (None, Some(_)) => {
            anyhow::bail!("logging in to {key}: a username is needed: pass -u USER")
        }
        (Some(_), None) => anyhow::bail!(
            "logging in to {key}: a password is needed: pass -p PASS or --password-stdin (hutch does not prompt)"
        ),
    };
    if creds.username.is_empty() {
        anyhow::bail!("logging in to {key}: the username is empty");
    }
    if creds.password.is_empty() {
        anyhow::bail!("logging in to {key}: the password is empty");
    }
    check(&creds)?;
    let mut file = AuthFile::load(&path)?;
    file.set(&key, &creds);
    file.save(&path)?;
    println!("Login Succeeded!");
    Ok(0)
}
