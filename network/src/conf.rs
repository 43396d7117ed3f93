//! The `[network]` table of containers.conf, read from podman's locations in podman's order
//! (later files override earlier ones, key by key): /usr/share/containers/containers.conf,
//! /etc/containers/containers.conf, then the user's; each followed by its `.d/*.conf` drop-ins.
//! `CONTAINERS_CONF` replaces the list; `CONTAINERS_CONF_OVERRIDE` is read last.

use std::path::{Path, PathBuf};

/// The settings hutch uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetConf {
    /// `default_rootless_network_cmd`: "pasta" or "slirp4netns".
    pub default_rootless_network_cmd: Option<String>,
    /// `pasta_options`: extra arguments for every pasta.
    pub pasta_options: Vec<String>,
    /// `[engine] network_cmd_options`: slirp4netns options for every slirp4netns.
    pub network_cmd_options: Vec<String>,
    /// Not a setting: where `pasta --version`'s answer is kept between hutch processes (in the
    /// runtime directory), so choosing the default network does not run pasta every time.
    pub version_cache: Option<PathBuf>,
}

fn with_dropins(file: PathBuf, out: &mut Vec<PathBuf>) {
    let dir = PathBuf::from(format!("{}.d", file.display()));
    out.push(file);
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut d: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "conf"))
            .collect();
        d.sort();
        out.extend(d);
    }
}

/// The files to read, in order. `config_home` is `$XDG_CONFIG_HOME` (or `~/.config`).
pub fn files(config_home: &Path, rootless: bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(f) = std::env::var_os("CONTAINERS_CONF").filter(|v| !v.is_empty()) {
        out.push(PathBuf::from(f));
    } else {
        with_dropins("/usr/share/containers/containers.conf".into(), &mut out);
        with_dropins("/etc/containers/containers.conf".into(), &mut out);
        if rootless {
            with_dropins(config_home.join("containers/containers.conf"), &mut out);
        }
    }
    if let Some(f) = std::env::var_os("CONTAINERS_CONF_OVERRIDE").filter(|v| !v.is_empty()) {
        out.push(PathBuf::from(f));
    }
    out
}

fn strings(v: &toml::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

impl NetConf {
    /// Reads every file that exists; an unreadable or malformed file is skipped with a warning
    /// naming it (podman refuses to start; a warning keeps `ps`/`rm` usable).
    pub fn load(config_home: &Path, rootless: bool) -> NetConf {
        let mut c = NetConf::default();
        for f in files(config_home, rootless) {
            let Ok(text) = std::fs::read_to_string(&f) else {
                continue;
            };
            match text.parse::<toml::Table>() {
                Ok(t) => c.merge(&t),
                Err(e) => tracing::warn!("{}: not valid TOML, ignored: {e}", f.display()),
            }
        }
        c
    }

    fn merge(&mut self, t: &toml::Table) {
        if let Some(n) = t.get("network").and_then(|v| v.as_table()) {
            if let Some(s) = n
                .get("default_rootless_network_cmd")
                .and_then(|v| v.as_str())
            {
                self.default_rootless_network_cmd = Some(s.to_string());
            }
            if let Some(v) = n.get("pasta_options") {
                self.pasta_options = strings(v);
            }
        }
        if let Some(e) = t.get("engine").and_then(|v| v.as_table()) {
            if let Some(v) = e.get("network_cmd_options") {
                self.network_cmd_options = strings(v);
            }
        }
    }

    /// The default mode's program: the configured one, else pasta when it is installed and
    /// known good, else slirp4netns (see [`NetConf::default_choice`]).
    pub fn default_program(&self) -> &'static str {
        self.default_choice().program
    }

    /// The default mode's program and why it was chosen (for `info`).
    pub fn default_choice(&self) -> DefaultChoice {
        match self.default_rootless_network_cmd.as_deref() {
            Some(p @ ("slirp4netns" | "pasta")) => DefaultChoice {
                program: if p == "pasta" { "pasta" } else { "slirp4netns" },
                reason: "default_rootless_network_cmd in containers.conf".into(),
            },
            Some(other) => {
                tracing::warn!(
                    "containers.conf: default_rootless_network_cmd {other:?} is not pasta or slirp4netns; ignored"
                );
                installed_default(self.version_cache.as_deref())
            }
            None => installed_default(self.version_cache.as_deref()),
        }
    }

    /// The program connecting the shared namespace of user-defined networks: the configured one,
    /// else pasta when installed (one pasta serves every container there, so the per-container
    /// costs of old releases matter less), else slirp4netns.
    pub fn uplink_program(&self) -> &'static str {
        match self.default_rootless_network_cmd.as_deref() {
            Some("slirp4netns") => "slirp4netns",
            Some("pasta") => "pasta",
            _ if crate::find_program("pasta").is_some()
                || crate::find_program("slirp4netns").is_none() =>
            {
                "pasta"
            }
            _ => "slirp4netns",
        }
    }
}

/// Which program connects containers by default, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultChoice {
    pub program: &'static str,
    pub reason: String,
}

/// The oldest pasta release chosen by default. Earlier ones (Debian 12 ships 2023_03_09) dirty
/// about 29 MB per container, stall under sustained uploads from the container and drop UDP
/// answers to loopback clients; podman 4 on such systems defaults to slirp4netns too. The stalls
/// (podman issue 20170, a zero TCP window that pasta did not reopen) were worked on through late
/// 2023; the cutoff is a release of March 2024, when podman 5 made pasta its default.
pub const PASTA_KNOWN_GOOD: (u32, u32, u32) = (2024, 3, 20);

/// The release date in `pasta --version`'s first line: upstream's `pasta 2024_03_26.d03c4e2`,
/// or a package's snapshot date (`pasta 0^20240326.g4988e2b-1`, `pasta 0.0~git20240326.4988e2b-1`).
/// None for builds that do not know theirs (`pasta unknown version`, as Debian 12's says).
pub fn pasta_release(version_line: &str) -> Option<(u32, u32, u32)> {
    let v = version_line.split_whitespace().nth(1)?;
    let valid = |(y, m, d): (u32, u32, u32)| {
        (y >= 2020 && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
    };
    let date = v.split('.').next()?;
    let mut parts = date.split(['_', '-']).map(|p| p.parse::<u32>().ok());
    if let (Some(Some(y)), Some(Some(m)), Some(Some(d))) =
        (parts.next(), parts.next(), parts.next())
    {
        return valid((y, m, d));
    }
    // A snapshot date: eight digits after `git` or `^`.
    let at = v
        .find("git")
        .map(|i| i + 3)
        .or_else(|| v.find('^').map(|i| i + 1))?;
    let digits = v
        .get(at..at + 8)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    let n = |r: std::ops::Range<usize>| digits[r].parse::<u32>().ok();
    valid((n(0..4)?, n(4..6)?, n(6..8)?))
}

/// `pasta --version`'s first line, asked once per process and kept in `cache` (when given)
/// for the processes after it, for as long as the pasta binary (path, size, mtime) is the same.
fn pasta_version_line(cache: Option<&Path>) -> Option<String> {
    static LINE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    LINE.get_or_init(|| {
        let path = crate::find_program("pasta")?;
        let key = std::fs::metadata(&path).ok().map(|m| {
            use std::os::unix::fs::MetadataExt;
            format!(
                "{} {} {} {}",
                path.display(),
                m.size(),
                m.mtime(),
                m.mtime_nsec()
            )
        });
        if let (Some(cache), Some(key)) = (cache, &key) {
            if let Ok(text) = std::fs::read_to_string(cache) {
                if let Some((k, line)) = text.split_once('\n') {
                    if k == key {
                        return Some(line.trim_end().to_string());
                    }
                }
            }
        }
        let out = std::process::Command::new(&path)
            .arg("--version")
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()?;
        let line = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .map(|l| l.trim().to_string())?;
        if let (Some(cache), Some(key)) = (cache, key) {
            // Written whole under a temporary name, then renamed: readers see all or nothing.
            let tmp = cache.with_extension(format!("tmp{}", std::process::id()));
            if std::fs::write(&tmp, format!("{key}\n{line}\n")).is_ok()
                && std::fs::rename(&tmp, cache).is_err()
            {
                let _ = std::fs::remove_file(&tmp);
            }
        }
        Some(line)
    })
    .clone()
}

fn installed_default(version_cache: Option<&Path>) -> DefaultChoice {
    let pasta = crate::find_program("pasta").is_some();
    let slirp = crate::find_program("slirp4netns").is_some();
    let version = if pasta {
        pasta_version_line(version_cache)
    } else {
        None
    };
    let release = version.as_deref().and_then(pasta_release);
    let (y, m, d) = PASTA_KNOWN_GOOD;
    match (pasta, slirp, release) {
        (true, _, Some(r)) if r >= PASTA_KNOWN_GOOD => DefaultChoice {
            program: "pasta",
            reason: format!("pasta {:04}_{:02}_{:02} is known good", r.0, r.1, r.2),
        },
        (true, false, _) => DefaultChoice {
            program: "pasta",
            reason: "slirp4netns is not installed".into(),
        },
        (false, false, _) => DefaultChoice {
            program: "pasta",
            reason: "neither pasta nor slirp4netns is installed".into(),
        },
        (false, true, _) => DefaultChoice {
            program: "slirp4netns",
            reason: "pasta is not installed".into(),
        },
        (true, true, _) => DefaultChoice {
            program: "slirp4netns",
            reason: format!(
                "{} (pastas older than {y:04}_{m:02}_{d:02} dirty ~29 MB per container and stall \
                 under uploads); set default_rootless_network_cmd = \"pasta\" in containers.conf \
                 to use it anyway",
                match release {
                    Some(r) => format!(
                        "pasta {:04}_{:02}_{:02} is older than {y:04}_{m:02}_{d:02}",
                        r.0, r.1, r.2
                    ),
                    None => format!(
                        "pasta does not say its release ({:?})",
                        version.unwrap_or_default()
                    ),
                }
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasta_releases_are_read_from_the_version_line() {
        assert_eq!(
            pasta_release("pasta 2024_03_26.d03c4e2"),
            Some((2024, 3, 26))
        );
        assert_eq!(
            pasta_release("pasta 0^20240326.g4988e2b-1.fc40.x86_64"),
            Some((2024, 3, 26))
        );
        assert_eq!(
            pasta_release("pasta 0.0~git20230309.7c7625d-1"),
            Some((2023, 3, 9))
        );
        assert_eq!(pasta_release("pasta unknown version"), None);
        assert_eq!(pasta_release("pasta 0.0~git2023.abc"), None);
        assert!(pasta_release("pasta 2023_12_30.f091893").unwrap() < PASTA_KNOWN_GOOD);
    }

    #[test]
    fn later_files_override() {
        let mut c = NetConf::default();
        c.merge(
            &"[network]\ndefault_rootless_network_cmd = \"pasta\"\n"
                .parse()
                .unwrap(),
        );
        c.merge(
            &"[network]\ndefault_rootless_network_cmd = \"slirp4netns\"\npasta_options = [\"--mtu\", \"1500\"]\n"
                .parse()
                .unwrap(),
        );
        assert_eq!(c.default_program(), "slirp4netns");
        assert_eq!(c.pasta_options, ["--mtu", "1500"]);
    }

    #[test]
    fn dropins_follow_their_file() {
        let d = tempfile::tempdir().unwrap();
        let conf = d.path().join("containers/containers.conf");
        std::fs::create_dir_all(d.path().join("containers/containers.conf.d")).unwrap();
        std::fs::write(d.path().join("containers/containers.conf.d/b.conf"), "").unwrap();
        std::fs::write(d.path().join("containers/containers.conf.d/a.conf"), "").unwrap();
        let f = files(d.path(), true);
        let i = f.iter().position(|p| *p == conf).unwrap();
        assert!(f[i + 1].ends_with("a.conf") && f[i + 2].ends_with("b.conf"));
    }
}
