//! Healthchecks: a container's effective check (its own settings over its image's HEALTHCHECK,
//! then Docker's defaults), the files its monitor runs the check from, the state the monitor
//! keeps (`health.json` in the run directory, Docker's `State.Health`), and the verbs around
//! it: `healthcheck run`, and the hook the monitor calls when the status changes (the
//! `health_status` event and `--health-on-failure`).

use super::create_spec::{HealthConfig, HealthOnFailure, HealthTest};
use super::lifecycle::{event, Containers};
use super::{ContainerConfig, ContainerError, Dirs};
use crate::{Engine, EngineError, Result};
use hutch_state::Container;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
pub const DEFAULT_START_INTERVAL: Duration = Duration::from_secs(5);
pub const DEFAULT_RETRIES: u32 = 3;

/// The monitor's state file in the run directory.
const STATE: &str = "health.json";

/// Docker's `State.Health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Health {
    /// starting, healthy or unhealthy.
    pub status: String,
    pub failing_streak: u32,
    /// The last five results, oldest first.
    #[serde(default)]
    pub log: Vec<HealthLog>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HealthLog {
    pub start: String,
    pub end: String,
    pub exit_code: i64,
    pub output: String,
}

fn nanos(v: Option<&Value>) -> Option<Duration> {
    v.and_then(Value::as_u64)
        .filter(|n| *n > 0)
        .map(Duration::from_nanos)
}

/// The container's check: `own` (from the flags or the API) over the image's `Healthcheck`
/// (Docker's JSON, durations in nanoseconds). `["NONE"]` in `own` turns the image's off. None
/// when there is no check at all.
pub fn resolve(
    own: Option<&HealthConfig>,
    image: Option<&Value>,
) -> Result<Option<HealthConfig>, ContainerError> {
    let img = match image.filter(|v| v.is_object()) {
        Some(v) => {
            let test: Vec<String> = v
                .get("Test")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            Some(HealthConfig {
                test: HealthTest::try_from(test)?,
                interval: nanos(v.get("Interval")),
                timeout: nanos(v.get("Timeout")),
                start_period: nanos(v.get("StartPeriod")),
                start_interval: nanos(v.get("StartInterval")),
                retries: v
                    .get("Retries")
                    .and_then(Value::as_u64)
                    .filter(|n| *n > 0)
                    .map(|n| n.min(u32::MAX as u64) as u32),
                on_failure: HealthOnFailure::None,
            })
        }
        None => None,
    };
    let merged = match (own, img) {
        (None, None) => return Ok(None),
        (None, Some(i)) => i,
        (Some(o), None) => o.clone(),
        (Some(o), Some(i)) => HealthConfig {
            test: match &o.test {
                HealthTest::Inherit => i.test,
                t => t.clone(),
            },
            interval: o.interval.or(i.interval),
            timeout: o.timeout.or(i.timeout),
            start_period: o.start_period.or(i.start_period),
            start_interval: o.start_interval.or(i.start_interval),
            retries: o.retries.or(i.retries),
            on_failure: o.on_failure,
        },
    };
    Ok(match merged.test {
        HealthTest::Inherit => None,
        _ => Some(merged),
    })
}

/// The command a check runs, when the container has an active one.
pub fn argv(cfg: &ContainerConfig) -> Option<Vec<String>> {
    match &cfg.health.as_ref()?.test {
        HealthTest::Cmd(args) => Some(args.clone()),
        HealthTest::Shell(cmd) => Some(vec!["/bin/sh".into(), "-c".into(), cmd.clone()]),
        HealthTest::None | HealthTest::Inherit => None,
    }
}

/// The health state the monitor keeps, while the container runs with a check.
pub fn read(dirs: &Dirs) -> Option<Health> {
    let text = std::fs::read(dirs.run.join(STATE)).ok()?;
    serde_json::from_slice(&text).ok()
}

impl Containers {
    /// Writes the check's OCI process and settings for the monitor (the rootfs is mounted);
    /// returns the settings' path for `--health`, or None when the container has no check.
    pub(super) fn prepare_health(
        &self,
        c: &Container,
        cfg: &ContainerConfig,
        dirs: &Dirs,
    ) -> Result<Option<PathBuf>> {
        let (Some(cmd), Some(h)) = (argv(cfg), cfg.health.as_ref()) else {
            return Ok(None);
        };
        let spec = super::exec::ExecSpec {
            cmd,
            ..Default::default()
        };
        let process = super::exec::process(&self.paths, c, cfg, dirs, &spec)?;
        let process_path = dirs.userdata.join("health-process.json");
        let json = serde_json::to_vec(&process).map_err(|e| {
            EngineError::from(ContainerError::io(&process_path, std::io::Error::other(e)))
        })?;
        std::fs::write(&process_path, json).map_err(|e| EngineError::io(&process_path, e))?;
        let ms = |d: Option<Duration>, def: Duration| d.unwrap_or(def).as_millis().max(1);
        let conf = format!(
            "process {}\ninterval_ms {}\ntimeout_ms {}\nstart_period_ms {}\nstart_interval_ms {}\nretries {}\n",
            process_path.display(),
            ms(h.interval, DEFAULT_INTERVAL),
            ms(h.timeout, DEFAULT_TIMEOUT),
            h.start_period.unwrap_or_default().as_millis(),
            ms(h.start_interval, DEFAULT_START_INTERVAL),
            h.retries.unwrap_or(DEFAULT_RETRIES).max(1),
        );
        let conf_path = dirs.userdata.join("health.conf");
        std::fs::write(&conf_path, conf).map_err(|e| EngineError::io(&conf_path, e))?;
        Ok(Some(conf_path))
    }
}

impl Engine {
    /// Runs container `name`'s check now (through its monitor, which records the result as
    /// for any scheduled check) and returns the health state that follows.
    pub fn healthcheck_run(&self, name: &str) -> Result<Health> {
        let c = self.lookup(name)?;
        let cfg = super::config_of(&c)?;
        let Some(h) = cfg.health.as_ref().filter(|_| argv(&cfg).is_some()) else {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: "configured".into(),
                reason: "it has no healthcheck defined".into(),
            }
            .into());
        };
        let obs = super::observe(self.paths(), &c);
        if obs.state != super::RUNNING {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: super::display_state(&obs.state).to_string(),
                reason: "a healthcheck runs only in a running container".into(),
            }
            .into());
        }
        let dirs = self.containers().dirs(&c.id);
        let before = read(&dirs).and_then(|s| s.log.last().cloned());
        let ctl = dirs.ctl_fifo();
        {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(&ctl)
                .map_err(|e| EngineError::io(&ctl, e))?;
            f.write_all(b"3\n").map_err(|e| EngineError::io(&ctl, e))?;
        }
        let limit = h.timeout.unwrap_or(DEFAULT_TIMEOUT) + Duration::from_secs(10);
        let started = Instant::now();
        loop {
            if let Some(s) = read(&dirs) {
                if s.log.last().is_some() && s.log.last() != before.as_ref() {
                    return Ok(s);
                }
            }
            if started.elapsed() > limit {
                return Err(ContainerError::Timeout {
                    id: c.id.clone(),
                    seconds: limit.as_secs(),
                    what: "run its healthcheck",
                }
                .into());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The monitor's hook when container `name`'s health status changed: the `health_status`
    /// event, then `--health-on-failure` when it turned unhealthy.
    pub fn health_changed(&self, name: &str, status: &str) -> Result<()> {
        let c = self.lookup(name)?;
        let ev = event(
            "container",
            "health_status",
            &c,
            serde_json::json!({ "health_status": status }),
        );
        self.db().add_event(&ev)?;
        if status != "unhealthy" {
            return Ok(());
        }
        let cfg = super::config_of(&c)?;
        match cfg.health.map(|h| h.on_failure).unwrap_or_default() {
            HealthOnFailure::None => Ok(()),
            HealthOnFailure::Kill => self.kill(&c.id, 9),
            HealthOnFailure::Stop => self.stop(&c.id, None),
            HealthOnFailure::Restart => self.restart(&c.id, None).map(|_| ()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn own_settings_override_the_images() {
        let image =
            json!({"Test": ["CMD-SHELL", "true"], "Interval": 2_000_000_000u64, "Retries": 5});
        let r = resolve(None, Some(&image)).unwrap().unwrap();
        assert_eq!(r.test, HealthTest::Shell("true".into()));
        assert_eq!(r.interval, Some(Duration::from_secs(2)));
        assert_eq!(r.retries, Some(5));
        let own = HealthConfig {
            interval: Some(Duration::from_secs(1)),
            ..Default::default()
        };
        let r = resolve(Some(&own), Some(&image)).unwrap().unwrap();
        assert_eq!(r.test, HealthTest::Shell("true".into()));
        assert_eq!(r.interval, Some(Duration::from_secs(1)));
        assert_eq!(r.retries, Some(5));
        let off = HealthConfig {
            test: HealthTest::None,
            ..Default::default()
        };
        assert_eq!(
            resolve(Some(&off), Some(&image)).unwrap().unwrap().test,
            HealthTest::None
        );
        assert!(resolve(None, None).unwrap().is_none());
        assert!(resolve(Some(&own), None).unwrap().is_none());
        assert!(resolve(None, Some(&json!({"Test": ["BOGUS"]}))).is_err());
    }
}
