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

    /// The default mode's program: the configured one, else pasta when it is installed, else
    /// slirp4netns (as podman 5).
    pub fn default_program(&self) -> &'static str {
        match self.default_rootless_network_cmd.as_deref() {
            Some("slirp4netns") => "slirp4netns",
            Some("pasta") => "pasta",
            Some(other) => {
                tracing::warn!(
                    "containers.conf: default_rootless_network_cmd {other:?} is not pasta or slirp4netns; ignored"
                );
                Self::installed_default()
            }
            None => Self::installed_default(),
        }
    }

    fn installed_default() -> &'static str {
        if crate::find_program("pasta").is_some() || crate::find_program("slirp4netns").is_none() {
            "pasta"
        } else {
            "slirp4netns"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
