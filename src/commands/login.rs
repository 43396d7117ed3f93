//! `hutch login`: checks the credentials against the registry, then stores them in the auth file.

use crate::cli::LoginArgs;
use anyhow::Context;
use hutch_engine::auth::{self, AuthFile, AuthOptions, Credentials};
use hutch_engine::login::{self as engine, LoginError};
use hutch_engine::reference::ImageRef;
use std::io::{BufRead, IsTerminal, Read, Write};

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
    let mut username = args.username.clone();
    if args.password_stdin {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("reading the password from standard input")?;
        password = Some(s.trim_end_matches(['\n', '\r']).to_string());
    } else if password.is_none() && std::io::stdin().is_terminal() {
        // As podman: ask on the terminal for what the command line did not give, except when
        // nothing was given and stored credentials exist (those are re-checked below).
        let stored = username.is_none() && stored_login(ctx, &args, &key)?.is_some();
        if !stored {
            if username.is_none() {
                username = Some(prompt("Username: ", false)?);
            }
            password = Some(prompt("Password: ", true)?);
        }
    }
    let rt = crate::rt::runtime()?;
    let check = |c: &Credentials| {
        rt.block_on(engine::check(
            &ctx.paths,
            &key,
            args.tls_verify,
            false,
            args.cert_dir.as_deref(),
            c,
        ))
        .map_err(hutch_engine::EngineError::from_login)
    };
    let creds = match (username, password) {
        (Some(username), Some(password)) => Credentials { username, password },
        (None, None) => {
            // podman re-checks stored credentials instead of prompting.
            match stored_login(ctx, &args, &key)? {
                Some(c) => {
                    check(&c)?;
                    println!("Authenticating with existing credentials for {key}");
                    println!("Existing credentials are valid. Already logged in to {key}");
                    return Ok(0);
                }
                None => anyhow::bail!(
                    "logging in to {key}: a username and password are needed: pass -u USER and -p PASS or --password-stdin, or run it on a terminal to be asked"
                ),
            }
        }
        (None, Some(_)) => {
            anyhow::bail!("logging in to {key}: a username is needed: pass -u USER")
        }
        (Some(_), None) => anyhow::bail!(
            "logging in to {key}: a password is needed: pass -p PASS or --password-stdin, or run it on a terminal to be asked"
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

/// The credentials stored for registry `key` (in `--authfile`, else the usual files).
fn stored_login(
    ctx: &super::Ctx,
    args: &LoginArgs,
    key: &str,
) -> anyhow::Result<Option<Credentials>> {
    let image = ImageRef::parse(&format!("{key}/x")).map_err(anyhow::Error::from)?;
    let opts = AuthOptions {
        creds: None,
        authfile: args.authfile.clone(),
    };
    Ok(auth::lookup(&ctx.paths, &opts, &image)?)
}

/// Asks on the terminal (standard input) and reads one line; `secret` turns echo off meanwhile.
fn prompt(question: &str, secret: bool) -> anyhow::Result<String> {
    let mut out = std::io::stdout();
    out.write_all(question.as_bytes())
        .and_then(|()| out.flush())
        .context("writing the login prompt")?;
    let stdin = std::io::stdin();
    let _quiet = if secret {
        Some(
            hutch_engine::term::NoEcho::enter(std::os::fd::AsFd::as_fd(&stdin))
                .context("turning off the terminal's echo for the password")?,
        )
    } else {
        None
    };
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("reading the answer from the terminal")?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}
