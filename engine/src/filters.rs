//! `--filter KEY=VALUE` for every list: one parser, podman's matching rule (values of one key
//! are alternatives, different keys must all match) and the matchers of each resource
//! (containers, events, images, networks, volumes).

use crate::container::{self, Observed};
use chrono::{DateTime, Utc};
use hutch_network::networks::Network;
use hutch_state::{Container, Event, Image, Volume};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, thiserror::Error)]
pub enum FilterError {
    #[error("invalid filter {filter:?}: expected KEY=VALUE")]
    Syntax { filter: String },
    #[error("invalid filter {filter:?}: {key} is not {} {resource} filter (supported: {})", article(resource), supported.join(", "))]
    UnknownKey {
        filter: String,
        key: String,
        resource: &'static str,
        supported: &'static [&'static str],
    },
    #[error("invalid filter {filter:?}: {reason}")]
    BadValue { filter: String, reason: String },
}

/// "an image filter", "a volume filter".
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Parsed `--filter` items, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters(Vec<(String, String)>);

impl Filters {
    /// Parses `KEY=VALUE` items whose key is one of `supported` (filters of a `resource`).
    pub fn parse(
        items: &[String],
        resource: &'static str,
        supported: &'static [&'static str],
    ) -> Result<Filters, FilterError> {
        let mut v = Vec::new();
        for f in items {
            let (k, val) = f
                .split_once('=')
                .ok_or_else(|| FilterError::Syntax { filter: f.clone() })?;
            if !supported.contains(&k) {
                return Err(FilterError::UnknownKey {
                    filter: f.clone(),
                    key: k.to_string(),
                    resource,
                    supported,
                });
            }
            v.push((k.to_string(), val.to_string()));
        }
        Ok(Filters(v))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The values given for `key`.
    pub fn values<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// podman's rule: for every key given, one of its values matches (`one(key, value)`).
    pub fn matches(&self, mut one: impl FnMut(&str, &str) -> bool) -> bool {
        let mut by_key: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (k, v) in &self.0 {
            by_key.entry(k).or_default().push(v);
        }
        by_key
            .into_iter()
            .all(|(k, vals)| vals.into_iter().any(|v| one(k, v)))
    }

    /// Renames a key (an alias such as events' `status` for `event`).
    fn alias(mut self, from: &str, to: &str) -> Filters {
        for (k, _) in &mut self.0 {
            if k == from {
                *k = to.to_string();
            }
        }
        self
    }
}

/// Refuses a `dangling=` value not in `accepted` (images take only true/false, volumes 1/0 too).
fn check_dangling(f: &Filters, accepted: &[&str]) -> Result<(), FilterError> {
    match f.values("dangling").find(|v| !accepted.contains(v)) {
        Some(bad) => Err(FilterError::BadValue {
            filter: format!("dangling={bad}"),
            reason: "use true or false".into(),
        }),
        None => Ok(()),
    }
}

/// `label=KEY` or `label=KEY=VALUE` against a label lookup.
fn label_matches<'a>(value: &str, get: impl Fn(&str) -> Option<&'a str>) -> bool {
    match value.split_once('=') {
        Some((k, want)) => get(k) == Some(want),
        None => get(value).is_some(),
    }
}

// ---- containers (`ps`) ----

pub const CONTAINER_KEYS: &[&str] = &[
    "name",
    "id",
    "status",
    "label",
    "ancestor",
    "exited",
    "before",
    "since",
    "network",
    "pod",
    "volume",
    "restart-policy",
    "health",
];
/// `health=` values: a running container's check status, or `none` for no healthcheck.
const HEALTH_STATUSES: &[&str] = &["starting", "healthy", "unhealthy", "none"];
const STATUSES: &[&str] = &[
    "created",
    "running",
    "paused",
    "exited",
    "stopped",
    "unknown",
    "restarting",
    "removing",
    "configured",
    "dead",
];

/// `ps --filter` items.
pub fn containers(items: &[String]) -> Result<Filters, FilterError> {
    let f = Filters::parse(items, "container", CONTAINER_KEYS)?;
    if let Some(bad) = f.values("status").find(|s| !STATUSES.contains(s)) {
        return Err(FilterError::BadValue {
            filter: format!("status={bad}"),
            reason: "use created, running, paused, exited or stopped".into(),
        });
    }
    if let Some(bad) = f.values("health").find(|s| !HEALTH_STATUSES.contains(s)) {
        return Err(FilterError::BadValue {
            filter: format!("health={bad}"),
            reason: "use starting, healthy, unhealthy or none".into(),
        });
    }
    Ok(f)
}

/// Whether container `c` (observed as `obs`) matches; `all` resolves `before`/`since`.
pub fn container_matches(f: &Filters, c: &Container, obs: &Observed, all: &[Container]) -> bool {
    if f.is_empty() {
        return true;
    }
    let labels: serde_json::Map<String, Value> =
        serde_json::from_str(&c.labels).unwrap_or_default();
    let label = |v: &str| label_matches(v, |k| labels.get(k).and_then(Value::as_str));
    // Labels are the exception to "one value of a key": every one must match (podman, Docker;
    // compose selects its project's containers with two).
    if !f.values("label").all(label) {
        return false;
    }
    f.matches(|key, v| match key {
        "name" => c.name.contains(v),
        "id" => c.id.starts_with(v),
        "status" => container::display_state(&obs.state) == v || obs.state == v,
        "label" => true,
        "ancestor" => {
            c.image_id.starts_with(v.trim_start_matches("sha256:"))
                || c.image_name == v
                || crate::images::reference_matches(v, &c.image_name)
        }
        "exited" => {
            obs.state == container::EXITED
                && obs.exit_code.map(|e| e.to_string()).as_deref() == Some(v)
        }
        // By the name of a network it is on, or the mode (`host`, `none`).
        "network" => match container::config_of(c).map(|cfg| cfg.network) {
            Ok(hutch_network::NetworkMode::Networks { networks }) => {
                networks.iter().any(|n| n.name == v)
            }
            Ok(mode) => mode.name() == v,
            Err(_) => false,
        },
        // By the pod's name or ID (prefix).
        "pod" => {
            c.spec.contains("\"pod\"")
                && container::config_of(c)
                    .is_ok_and(|cfg| cfg.pod.is_some_and(|p| p.name == v || p.id.starts_with(v)))
        }
        // By a volume's name, a bind mount's source or a mount's destination.
        "volume" => container::config_of(c).is_ok_and(|cfg| {
            cfg.mounts
                .iter()
                .any(|m| (!m.source.is_empty() && m.source == v) || m.destination == v)
        }),
        "before" | "since" => match all.iter().find(|o| o.name == v || o.id.starts_with(v)) {
            Some(o) if key == "before" => c.created < o.created,
            Some(o) => c.created > o.created,
            None => false,
        },
        // A running container's check status; `none`: it has no active check (none at all,
        // or `--no-healthcheck`).
        "health" if v == "none" => {
            container::config_of(c).is_ok_and(|cfg| container::health::argv(&cfg).is_none())
        }
        "health" => obs.health.as_deref() == Some(v),
        // The policy's name (`on-failure` for `on-failure:3`), or several: `always,no`.
        "restart-policy" => {
            let p = c.restart_policy.split(':').next().unwrap_or_default();
            v.split(',').any(|v| p == v || (p.is_empty() && v == "no"))
        }
        _ => false,
    })
}

/// `container prune --filter` items: `until` and `label` (`label!` for those without).
pub const CONTAINER_PRUNE_KEYS: &[&str] = &["until", "label", "label!"];

/// `container prune --filter` items.
pub fn container_prune(items: &[String]) -> Result<Filters, FilterError> {
    let f = Filters::parse(items, "container prune", CONTAINER_PRUNE_KEYS)?;
    if let Some(bad) = f.values("until").find(|v| until(v).is_none()) {
        return Err(FilterError::BadValue {
            filter: format!("until={bad}"),
            reason: "use a time (RFC 3339 or Unix seconds) or a duration such as 10m".into(),
        });
    }
    Ok(f)
}

/// Whether a container that is not running goes in a prune with filters `f`.
pub fn container_prune_matches(f: &Filters, c: &Container) -> bool {
    let labels: serde_json::Map<String, Value> =
        serde_json::from_str(&c.labels).unwrap_or_default();
    let label = |v: &str| label_matches(v, |k| labels.get(k).and_then(Value::as_str));
    if !f.values("label").all(label) || f.values("label!").any(label) {
        return false;
    }
    f.matches(|key, v| match key {
        "until" => until(v).is_some_and(|t| c.created < t),
        "label" | "label!" => true,
        _ => false,
    })
}

// ---- images ----

pub const IMAGE_KEYS: &[&str] = &[
    "dangling",
    "reference",
    "id",
    "label",
    "before",
    "since",
    "readonly",
];

/// `images --filter` items.
pub fn images(items: &[String]) -> Result<Filters, FilterError> {
    let f = Filters::parse(items, "image", IMAGE_KEYS)?;
    check_dangling(&f, &["true", "false"])?;
    Ok(f)
}

/// Whether image `img` matches. `labels` are its config's labels (read only when a `label`
/// filter is given); `created_of` resolves a `before`/`since` value to that image's creation.
pub fn image_matches(
    f: &Filters,
    img: &Image,
    labels: &BTreeMap<String, String>,
    created_of: impl Fn(&str) -> Option<DateTime<Utc>>,
) -> bool {
    f.matches(|key, v| match key {
        "dangling" => img.names.is_empty() == (v == "true"),
        "reference" => img
            .names
            .iter()
            .any(|n| crate::images::reference_matches(v, n)),
        "id" => img.id.starts_with(v.strip_prefix("sha256:").unwrap_or(v)),
        "label" => label_matches(v, |k| labels.get(k).map(String::as_str)),
        "before" => created_of(v).is_some_and(|t| img.created < t),
        "since" => created_of(v).is_some_and(|t| img.created > t),
        "readonly" => v == "false",
        _ => false,
    })
}

/// Keys of `image prune --filter` (and the API's `/images/prune`).
pub const IMAGE_PRUNE_KEYS: &[&str] = &["dangling", "label", "label!", "until"];

/// `image prune --filter` items: `dangling=false` widens the prune to every unused image.
pub fn image_prune(items: &[String]) -> Result<Filters, FilterError> {
    let f = Filters::parse(items, "image prune", IMAGE_PRUNE_KEYS)?;
    check_dangling(&f, &["true", "false", "1", "0"])?;
    if let Some(bad) = f.values("until").find(|v| until(v).is_none()) {
        return Err(FilterError::BadValue {
            filter: format!("until={bad}"),
            reason: "use an RFC 3339 time, Unix seconds or a duration such as 24h".into(),
        });
    }
    Ok(f)
}

/// Whether an unused image may be pruned under `f` (dangling is the caller's choice of
/// images; `labels` are the image's).
pub fn image_prune_matches(f: &Filters, img: &Image, labels: &BTreeMap<String, String>) -> bool {
    let label = |val: &str| label_matches(val, |k| labels.get(k).map(String::as_str));
    f.matches(|key, val| match key {
        "dangling" => true,
        "label" => label(val),
        "label!" => !label(val),
        "until" => until(val).is_some_and(|t| img.created < t),
        _ => false,
    })
}

// ---- pods ----

pub const POD_KEYS: &[&str] = &[
    "name",
    "id",
    "label",
    "status",
    "ctr-names",
    "ctr-ids",
    "ctr-status",
    "ctr-number",
    "network",
];

/// `pod ps --filter` items.
pub fn pods(items: &[String]) -> Result<Filters, FilterError> {
    Filters::parse(items, "pod", POD_KEYS)
}

/// Whether pod `p` matches (podman's pod filters; statuses in lower case).
pub fn pod_matches(f: &Filters, p: &crate::pods::PodInfo) -> bool {
    if f.is_empty() {
        return true;
    }
    let label = |v: &str| label_matches(v, |k| p.labels.get(k).map(String::as_str));
    if !f.values("label").all(label) {
        return false;
    }
    let members = || p.containers.iter();
    f.matches(|key, v| match key {
        "name" => name_matches(&p.pod.name, v),
        "id" => p.pod.id.starts_with(v),
        "label" => true,
        "status" => p.status.as_str().eq_ignore_ascii_case(v),
        "ctr-names" => members().any(|m| name_matches(&m.container.name, v)),
        "ctr-ids" => members().any(|m| m.container.id.starts_with(v)),
        "ctr-status" => members().any(|m| container::display_state(&m.state) == v),
        "ctr-number" => v.parse::<usize>() == Ok(p.containers.len()),
        "network" => match p.infra_config.as_ref().map(|c| &c.network) {
            Some(hutch_network::NetworkMode::Networks { networks }) => {
                networks.iter().any(|n| n.name == v)
            }
            Some(mode) => mode.name() == v,
            None => false,
        },
        _ => false,
    })
}

// ---- events ----

pub const EVENT_KEYS: &[&str] = &[
    "type",
    "event",
    "status",
    "container",
    "image",
    "label",
    "volume",
    "network",
    "pod",
];

/// `events --filter` items (`status` is another name for `event`).
pub fn events(items: &[String]) -> Result<Filters, FilterError> {
    Ok(Filters::parse(items, "event", EVENT_KEYS)?.alias("status", "event"))
}

/// Whether event `ev`, with its attributes `attrs`, matches.
pub fn event_matches(f: &Filters, ev: &Event, attrs: &Value) -> bool {
    let attr = |k: &str| attrs.get(k).and_then(Value::as_str).unwrap_or("");
    f.matches(|key, v| {
        let names_image = |name: &str| {
            !name.is_empty()
                && (name == v
                    || name.ends_with(&format!("/{v}"))
                    || name.ends_with(&format!("/{v}:latest"))
                    || name == format!("{v}:latest"))
        };
        match key {
            "type" => ev.kind == v,
            "event" => ev.action == v,
            "container" => ev.kind == "container" && (ev.name == v || ev.id.starts_with(v)),
            "image" if ev.kind == "image" => ev.id.starts_with(v) || names_image(&ev.name),
            "image" => names_image(attr("image")),
            "volume" => ev.kind == "volume" && ev.name == v,
            "network" => ev.kind == "network" && (ev.name == v || ev.id.starts_with(v)),
            "pod" => ev.kind == "pod" && (ev.name == v || ev.id.starts_with(v)),
            // `label=KEY` matches any value of the attribute.
            "label" => {
                let (k, val) = v.split_once('=').unwrap_or((v, ""));
                attrs
                    .get(k)
                    .and_then(Value::as_str)
                    .is_some_and(|x| val.is_empty() || x == val)
            }
            _ => false,
        }
    })
}

// ---- networks ----

pub const NETWORK_KEYS: &[&str] = &["name", "id", "label", "driver"];

/// `network ls --filter` items.
pub fn networks(items: &[String]) -> Result<Filters, FilterError> {
    Filters::parse(items, "network", NETWORK_KEYS)
}

pub fn network_matches(f: &Filters, n: &Network) -> bool {
    f.matches(|key, v| match key {
        "name" => name_matches(&n.name, v),
        "id" => n.id.starts_with(v),
        "driver" => n.driver == v,
        "label" => label_matches(v, |k| n.labels.get(k).map(String::as_str)),
        _ => false,
    })
}

/// Podman matches names as a regular expression; hutch supports the common forms: a
/// substring, optionally anchored with `^` and `$`.
pub fn name_matches(name: &str, pattern: &str) -> bool {
    let (start, p) = match pattern.strip_prefix('^') {
        Some(p) => (true, p),
        None => (false, pattern),
    };
    let (end, p) = match p.strip_suffix('$') {
        Some(p) => (true, p),
        None => (false, p),
    };
    match (start, end) {
        (true, true) => name == p,
        (true, false) => name.starts_with(p),
        (false, true) => name.ends_with(p),
        (false, false) => name.contains(p),
    }
}

// ---- volumes ----

pub const VOLUME_KEYS: &[&str] = &[
    "name",
    "label",
    "label!",
    "driver",
    "dangling",
    "until",
    "anonymous",
];

/// `volume ls|prune --filter` items.
pub fn volumes(items: &[String]) -> Result<Filters, FilterError> {
    let f = Filters::parse(items, "volume", VOLUME_KEYS)?;
    check_dangling(&f, &["true", "false", "1", "0"])?;
    Ok(f)
}

/// Whether volume `v` matches; `used` says whether a container uses it, `labels` are its
/// labels.
pub fn volume_matches(
    f: &Filters,
    v: &Volume,
    labels: &BTreeMap<String, String>,
    used: bool,
) -> bool {
    let label = |val: &str| label_matches(val, |k| labels.get(k).map(String::as_str));
    f.matches(|key, val| match key {
        "name" => v.name.contains(val),
        "driver" => v.driver == val,
        "label" => label(val),
        "label!" => !label(val),
        "dangling" => matches!(val, "true" | "1") != used,
        "until" => until(val).is_some_and(|t| v.created < t),
        // Docker's prune (API 1.42+) takes only anonymous volumes unless told `all`.
        "anonymous" => matches!(val, "true" | "1") == v.anonymous,
        _ => false,
    })
}

/// An `until` time: RFC 3339, Unix seconds, or a duration before now (`10m`).
fn until(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(secs) = s.parse::<i64>() {
        return DateTime::from_timestamp(secs, 0);
    }
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit())?);
    let n: i64 = num.parse().ok()?;
    let secs = match unit {
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        _ => return None,
    };
    Some(Utc::now() - chrono::Duration::seconds(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parse_names_the_bad_filter() {
        let e = Filters::parse(&items(&["name"]), "network", NETWORK_KEYS).unwrap_err();
        assert_eq!(e.to_string(), "invalid filter \"name\": expected KEY=VALUE");
        let e = networks(&items(&["name=a", "bogus=1"])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid filter \"bogus=1\": bogus is not a network filter (supported: name, id, label, driver)"
        );
        let e = containers(&items(&["status=up"])).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("invalid filter \"status=up\": use created"),
            "{e}"
        );
        assert!(volumes(&items(&["dangling=maybe"])).is_err());
        // A value may itself hold `=`.
        let f = containers(&items(&["label=a=b"])).unwrap();
        assert_eq!(f.values("label").collect::<Vec<_>>(), ["a=b"]);
    }

    #[test]
    fn values_of_a_key_or_keys_and() {
        let f = networks(&items(&["name=a", "driver=bridge", "name=b"])).unwrap();
        let seen = |name: &str, driver: &str| {
            f.matches(|k, v| match k {
                "name" => name == v,
                "driver" => driver == v,
                _ => false,
            })
        };
        assert!(seen("a", "bridge"));
        assert!(seen("b", "bridge"));
        assert!(!seen("c", "bridge"));
        assert!(!seen("a", "macvlan"));
        assert!(Filters::default().matches(|_, _| false));
    }

    #[test]
    fn events_match_by_kind_image_and_label() {
        let f = events(&items(&["status=died", "image=busybox"])).unwrap();
        let ev = Event {
            seq: 1,
            time: Utc::now(),
            kind: "container".into(),
            action: "died".into(),
            id: "abc".into(),
            name: "web".into(),
            attributes: String::new(),
        };
        let attrs = serde_json::json!({"image": "docker.io/library/busybox:latest", "tier": "x"});
        assert!(event_matches(&f, &ev, &attrs));
        let f = events(&items(&["label=tier", "container=ab"])).unwrap();
        assert!(event_matches(&f, &ev, &attrs));
        let f = events(&items(&["label=tier=y"])).unwrap();
        assert!(!event_matches(&f, &ev, &attrs));
    }

    #[test]
    fn container_labels_must_all_match() {
        let c = Container {
            id: "a".repeat(64),
            name: "web".into(),
            image_id: String::new(),
            image_name: String::new(),
            created: Utc::now(),
            run: Default::default(),
            spec: "{}".into(),
            restart_policy: String::new(),
            labels: r#"{"project":"x","oneoff":"False"}"#.into(),
            rm: false,
        };
        let obs = container::observe(
            &crate::container::fixtures::paths(std::path::Path::new("/nonexistent")),
            &c,
        );
        let m =
            |given: &[&str]| container_matches(&containers(&items(given)).unwrap(), &c, &obs, &[]);
        assert!(m(&["label=project=x", "label=oneoff=False"]));
        assert!(!m(&["label=project=x", "label=oneoff=True"]));
        assert!(m(&["name=we", "name=zz"]));
        let p =
            |given: &[&str]| container_prune_matches(&container_prune(&items(given)).unwrap(), &c);
        assert!(p(&["label=project", "label!=other"]));
        assert!(!p(&["label!=oneoff"]));
        assert!(!p(&["until=10m"]));
        assert!(container_prune(&items(&["until=soon"])).is_err());
    }

    #[test]
    fn containers_match_by_health_status_or_none() {
        use crate::container::create_spec::{HealthConfig, HealthTest};
        let checked = container::ContainerConfig {
            health: Some(HealthConfig {
                test: HealthTest::Cmd(vec!["true".into()]),
                ..Default::default()
            }),
            ..Default::default()
        };
        let with_check = container::fixtures::container("checked", &checked);
        let without = container::fixtures::container("plain", &Default::default());
        let running = |health: Option<&str>| Observed {
            state: container::RUNNING.into(),
            exit_code: None,
            finished_at: None,
            needs_cleanup: false,
            health: health.map(String::from),
        };
        let m = |given: &[&str], c: &Container, obs: &Observed| {
            container_matches(&containers(&items(given)).unwrap(), c, obs, &[])
        };
        assert!(m(
            &["health=healthy"],
            &with_check,
            &running(Some("healthy"))
        ));
        assert!(!m(
            &["health=healthy"],
            &with_check,
            &running(Some("starting"))
        ));
        assert!(m(
            &["health=unhealthy", "health=starting"],
            &with_check,
            &running(Some("starting"))
        ));
        // Not running: no status to match, but it still has a check.
        assert!(!m(&["health=healthy"], &with_check, &running(None)));
        assert!(!m(&["health=none"], &with_check, &running(None)));
        assert!(m(&["health=none"], &without, &running(None)));
        let disabled = container::ContainerConfig {
            health: Some(HealthConfig {
                test: HealthTest::None,
                ..Default::default()
            }),
            ..Default::default()
        };
        let disabled = container::fixtures::container("off", &disabled);
        assert!(m(&["health=none"], &disabled, &running(None)));
        assert!(!m(&["health=healthy"], &without, &running(None)));
        let e = containers(&items(&["health=ok"])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid filter \"health=ok\": use starting, healthy, unhealthy or none"
        );
    }

    #[test]
    fn names_match_anchored_substrings() {
        assert!(name_matches("podman", "pod"));
        assert!(name_matches("podman", "^pod"));
        assert!(!name_matches("podman", "^pod$"));
        assert!(name_matches("podman", "man$"));
    }
}
