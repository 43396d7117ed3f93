//! The mounts a container asks for, typed (`Mount`), and the parsers of the CLI's syntax for
//! them: `-v/--volume` (also Docker's `HostConfig.Binds`), `--mount`, `--tmpfs` and
//! `--volumes-from`. `stored` turns the request, with the image's VOLUME entries, into the
//! `MountSpec`s kept in the container's configuration (see `mounts` for what happens to them).

use super::config::{bad, parse_size};
use super::mounts::MountSpec;
use super::ContainerError;
use crate::volumes;
use std::path::{Path, PathBuf};

/// One mount of a container, as asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Mount {
    /// A host path (absolute, lexically clean).
    Bind {
        source: PathBuf,
        destination: String,
        options: MountOptions,
    },
    /// A named volume (made on first use) or, with no name, an anonymous one made for the
    /// container.
    Volume {
        name: Option<String>,
        destination: String,
        /// Do not copy the image's content at the destination into a new volume.
        nocopy: bool,
        options: MountOptions,
    },
    Tmpfs {
        destination: String,
        tmpfs: TmpfsOptions,
        options: MountOptions,
    },
    /// An image's root filesystem, always read-only.
    Image {
        image: String,
        destination: String,
        options: MountOptions,
    },
}

/// What every kind of mount takes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MountOptions {
    pub readonly: bool,
    /// `exec`/`noexec`, `suid`/`nosuid`, `dev`/`nodev`; None: the kind's default.
    pub exec: Option<bool>,
    pub suid: Option<bool>,
    pub dev: Option<bool>,
    /// None: rprivate.
    pub propagation: Option<Propagation>,
    /// `z`/`Z`: accepted and recorded (hutch does not relabel).
    pub relabel: Option<Relabel>,
    /// `U`: chown the source to the container's user.
    pub chown: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Propagation {
    Private,
    RPrivate,
    Shared,
    RShared,
    Slave,
    RSlave,
    Unbindable,
    RUnbindable,
}

const PROPAGATIONS: &[(&str, Propagation)] = &[
    ("private", Propagation::Private),
    ("rprivate", Propagation::RPrivate),
    ("shared", Propagation::Shared),
    ("rshared", Propagation::RShared),
    ("slave", Propagation::Slave),
    ("rslave", Propagation::RSlave),
    ("unbindable", Propagation::Unbindable),
    ("runbindable", Propagation::RUnbindable),
];

impl Propagation {
    pub fn parse(s: &str) -> Option<Propagation> {
        PROPAGATIONS.iter().find(|(n, _)| *n == s).map(|(_, p)| *p)
    }

    pub fn as_str(self) -> &'static str {
        PROPAGATIONS
            .iter()
            .find(|(_, p)| *p == self)
            .map_or("rprivate", |(n, _)| n)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relabel {
    /// `z`: shared between containers.
    Shared,
    /// `Z`: private to this container.
    Private,
}

impl Relabel {
    fn letter(self) -> &'static str {
        match self {
            Relabel::Shared => "z",
            Relabel::Private => "Z",
        }
    }
}

/// A tmpfs's own mount data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TmpfsOptions {
    pub size: Option<u64>,
    /// File mode of the root directory (`1777`).
    pub mode: Option<u32>,
    /// Further tmpfs data, as given: `uid=`, `gid=`, `nr_inodes=`, `nr_blocks=`.
    pub data: Vec<String>,
    /// Copy the image's content at the destination into the tmpfs; None: no copy (`--mount`'s
    /// default), `--tmpfs` fills in Some(true) as podman does.
    pub copy_up: Option<bool>,
}

/// `--volumes-from CONTAINER[:ro|rw]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumesFrom {
    pub container: String,
    /// None: each mount as the other container has it.
    pub readonly: Option<bool>,
}

impl Mount {
    pub fn destination(&self) -> &str {
        match self {
            Mount::Bind { destination, .. }
            | Mount::Volume { destination, .. }
            | Mount::Tmpfs { destination, .. }
            | Mount::Image { destination, .. } => destination,
        }
    }

    /// The form kept in the container's configuration.
    pub fn to_stored(&self) -> MountSpec {
        let (kind, source, destination, options) = match self {
            Mount::Bind {
                source,
                destination,
                options,
            } => ("bind", source.display().to_string(), destination, options),
            Mount::Volume {
                name,
                destination,
                options,
                ..
            } => (
                "volume",
                name.clone().unwrap_or_default(),
                destination,
                options,
            ),
            Mount::Tmpfs {
                destination,
                options,
                ..
            } => ("tmpfs", String::new(), destination, options),
            Mount::Image {
                image,
                destination,
                options,
            } => ("image", image.clone(), destination, options),
        };
        let mut flags = Vec::new();
        if let Mount::Tmpfs { tmpfs, .. } = self {
            flags.extend(tmpfs.size.map(|s| format!("size={}", size_text(s))));
            flags.extend(tmpfs.mode.map(|m| format!("mode={m:o}")));
            flags.extend(tmpfs.data.iter().cloned());
        }
        for (set, on, off) in [
            (options.exec, "exec", "noexec"),
            (options.suid, "suid", "nosuid"),
            (options.dev, "dev", "nodev"),
        ] {
            flags.extend(set.map(|s| if s { on } else { off }.to_string()));
        }
        if let Mount::Tmpfs { tmpfs, .. } = self {
            flags.extend(
                tmpfs
                    .copy_up
                    .map(|c| if c { "tmpcopyup" } else { "notmpcopyup" }.to_string()),
            );
        }
        MountSpec {
            kind: kind.to_string(),
            anonymous: matches!(self, Mount::Volume { name: None, .. }),
            source,
            destination: destination.clone(),
            readonly: options.readonly || matches!(self, Mount::Image { .. }),
            options: flags,
            propagation: options
                .propagation
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
            chown: options.chown,
            nocopy: matches!(self, Mount::Volume { nocopy: true, .. }),
            relabel: options
                .relabel
                .map(|r| r.letter().to_string())
                .unwrap_or_default(),
            image_id: String::new(),
        }
    }
}

/// A byte count as tmpfs's mount data writes it, in the largest exact unit (`1m`, not
/// `1048576`), so the stored option reads as the user wrote it.
fn size_text(bytes: u64) -> String {
    for (unit, shift) in [("g", 30), ("m", 20), ("k", 10)] {
        if bytes != 0 && bytes % (1u64 << shift) == 0 {
            return format!("{}{unit}", bytes >> shift);
        }
    }
    bytes.to_string()
}

/// The mounts as stored: each `Mount` converted, plus the image's VOLUME entries not covered
/// by one, as anonymous volumes. A destination given twice is an error.
pub fn stored(
    mounts: &[Mount],
    image_volumes: &[String],
) -> Result<Vec<MountSpec>, ContainerError> {
    let mut out: Vec<MountSpec> = Vec::new();
    for m in mounts {
        let norm = normalize(m.destination());
        if out.iter().any(|x| normalize(&x.destination) == norm) {
            return Err(bad(
                "-v/--mount/--tmpfs",
                m.destination(),
                format!("duplicate mount destination {}", m.destination()),
            ));
        }
        out.push(m.to_stored());
    }
    for d in image_volumes {
        if !d.starts_with('/')
            || out
                .iter()
                .any(|x| normalize(&x.destination) == normalize(d))
        {
            continue;
        }
        out.push(MountSpec {
            kind: "volume".into(),
            destination: d.clone(),
            anonymous: true,
            ..Default::default()
        });
    }
    Ok(out)
}

fn check_destination(flag: &'static str, value: &str, dest: &str) -> Result<(), ContainerError> {
    if !dest.starts_with('/') {
        return Err(bad(
            flag,
            value,
            format!("destination {dest:?} must be an absolute path"),
        ));
    }
    if Path::new(dest).components().count() <= 1 {
        return Err(bad(
            flag,
            value,
            "cannot mount over the container's root \"/\"",
        ));
    }
    Ok(())
}

/// Applies one `-v`-style option; false when the option is unknown. `nocopy` is kept apart
/// since only volumes have it.
fn apply_option(o: &mut MountOptions, nocopy: &mut bool, opt: &str) -> bool {
    match opt {
        "ro" | "readonly" => o.readonly = true,
        "rw" => o.readonly = false,
        "z" => o.relabel = Some(Relabel::Shared),
        "Z" => o.relabel = Some(Relabel::Private),
        "U" => o.chown = true,
        "nocopy" => *nocopy = true,
        "copy" => *nocopy = false,
        "bind" | "rbind" => {}
        "noexec" => o.exec = Some(false),
        "exec" => o.exec = Some(true),
        "nosuid" => o.suid = Some(false),
        "suid" => o.suid = Some(true),
        "nodev" => o.dev = Some(false),
        "dev" => o.dev = Some(true),
        p => match Propagation::parse(p) {
            Some(p) => o.propagation = Some(p),
            None => return false,
        },
    }
    true
}

const VOLUME_OPTIONS: &str =
    "ro, rw, z, Z, U, nocopy, copy, noexec, exec, nosuid, suid, nodev, dev, bind, rbind, [r]private, [r]shared, [r]slave";

/// `-v SRC:DST[:OPTS]`, `-v NAME:DST[:OPTS]` or `-v DST` (an anonymous volume). A relative
/// host path is taken from this process's working directory.
pub fn parse_volume(value: &str) -> Result<Mount, ContainerError> {
    const FLAG: &str = "-v/--volume";
    let parts: Vec<&str> = value.split(':').collect();
    let (src, dest, opts) = match parts.as_slice() {
        [d] => ("", *d, ""),
        [s, d] => (*s, *d, ""),
        [s, d, o] => (*s, *d, *o),
        _ => {
            return Err(bad(
                FLAG,
                value,
                "expected [SOURCE:]DESTINATION[:OPTIONS] (too many \":\")",
            ))
        }
    };
    if dest.is_empty() {
        return Err(bad(FLAG, value, "the destination is empty"));
    }
    check_destination(FLAG, value, dest)?;
    let bind = src.starts_with('/') || src.starts_with('.');
    if !src.is_empty() && !bind && !volumes::valid_name(src) {
        return Err(bad(
            FLAG,
            value,
            format!("{src:?} is neither an absolute host path nor a valid volume name"),
        ));
    }
    let mut options = MountOptions::default();
    let mut nocopy = false;
    for o in opts.split(',').filter(|o| !o.is_empty()) {
        if !apply_option(&mut options, &mut nocopy, o) {
            return Err(bad(
                FLAG,
                value,
                format!("unknown mount option {o:?} (known: {VOLUME_OPTIONS})"),
            ));
        }
    }
    let destination = dest.to_string();
    Ok(if bind {
        Mount::Bind {
            source: absolute(src),
            destination,
            options,
        }
    } else {
        Mount::Volume {
            name: (!src.is_empty()).then(|| src.to_string()),
            destination,
            nocopy,
            options,
        }
    })
}

/// `absolute(p)` as a path, with `.` and `..` resolved lexically so the stored source is what
/// the user meant. Relative paths are taken from this process's working directory.
pub(super) fn absolute(p: &str) -> PathBuf {
    let path = Path::new(p);
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("/"))
            .join(path)
    };
    let mut out = PathBuf::from("/");
    for c in abs.components() {
        match c {
            std::path::Component::Normal(n) => out.push(n),
            std::path::Component::ParentDir => {
                out.pop();
            }
            _ => {}
        }
    }
    out
}

/// A destination in the form two destinations are compared in.
pub(super) fn normalize(p: &str) -> String {
    absolute(p).display().to_string()
}

fn truthy(
    flag: &'static str,
    value: &str,
    k: &str,
    v: Option<&str>,
) -> Result<bool, ContainerError> {
    match v {
        None | Some("true") | Some("1") => Ok(true),
        Some("false") | Some("0") => Ok(false),
        Some(x) => Err(bad(flag, value, format!("{k}={x}: expected true or false"))),
    }
}

fn tmpfs_mode(flag: &'static str, value: &str, mode: &str) -> Result<u32, ContainerError> {
    u32::from_str_radix(mode, 8)
        .ok()
        .filter(|m| *m <= 0o7777)
        .ok_or_else(|| {
            bad(
                flag,
                value,
                format!("mode={mode}: expected an octal file mode"),
            )
        })
}

/// `--mount type=bind|volume|tmpfs|image,src=,dst=,ro,...`.
pub fn parse_mount(value: &str) -> Result<Mount, ContainerError> {
    const FLAG: &str = "--mount";
    let mut kind = "";
    let mut source = String::new();
    let mut destination = String::new();
    let mut options = MountOptions::default();
    let mut nocopy = false;
    let mut tmpfs = TmpfsOptions::default();
    let mut tmpfs_given = false;
    for item in value.split(',').filter(|s| !s.is_empty()) {
        let (k, v) = match item.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (item, None),
        };
        match (k, v) {
            ("type", Some(t)) => kind = t,
            ("src" | "source", Some(s)) => source = s.to_string(),
            ("dst" | "destination" | "target", Some(d)) => destination = d.to_string(),
            ("ro" | "readonly", v) => options.readonly = truthy(FLAG, value, k, v)?,
            ("rw", v) => options.readonly = !truthy(FLAG, value, k, v)?,
            ("relabel", Some(r)) => {
                options.relabel = Some(match r {
                    "shared" => Relabel::Shared,
                    "private" => Relabel::Private,
                    _ => return Err(bad(FLAG, value, "relabel takes shared or private")),
                })
            }
            ("U" | "chown", v) => options.chown = truthy(FLAG, value, k, v)?,
            ("volume-nocopy" | "nocopy", v) => nocopy = truthy(FLAG, value, k, v)?,
            ("bind-propagation", Some(p)) if Propagation::parse(p).is_some() => {
                options.propagation = Propagation::parse(p)
            }
            ("tmpfs-size" | "size", Some(s)) => {
                tmpfs.size = Some(parse_size(FLAG, s)?);
                tmpfs_given = true;
            }
            ("tmpfs-mode" | "mode", Some(s)) => {
                tmpfs.mode = Some(tmpfs_mode(FLAG, value, s)?);
                tmpfs_given = true;
            }
            ("tmpcopyup" | "notmpcopyup", None) => {
                tmpfs.copy_up = Some(k == "tmpcopyup");
                tmpfs_given = true;
            }
            ("consistency", Some(_)) | ("bind-nonrecursive", _) => {}
            (o, None) if apply_option(&mut options, &mut nocopy, o) => {}
            _ => {
                return Err(bad(
                    FLAG,
                    value,
                    format!("unknown mount option {item:?} (known: type, src, dst, ro, rw, relabel, U, volume-nocopy, bind-propagation, tmpfs-size, tmpfs-mode, noexec, nosuid, nodev)"),
                ))
            }
        }
    }
    if tmpfs_given && kind != "tmpfs" {
        return Err(bad(
            FLAG,
            value,
            "tmpfs-size and tmpfs-mode need type=tmpfs",
        ));
    }
    if kind == "image" && !options.readonly && value.contains("rw") {
        return Err(bad(FLAG, value, "image mounts are read-only in hutch"));
    }
    typed_mount(
        FLAG,
        value,
        kind,
        &source,
        &destination,
        options,
        nocopy,
        tmpfs,
    )
}

/// One mount from its parts (a `--mount` value's, or a Docker `HostConfig.Mounts` entry's):
/// the checks `--mount` makes. `flag` and `value` name what was given in errors.
#[allow(clippy::too_many_arguments)]
pub fn typed_mount(
    flag: &'static str,
    value: &str,
    kind: &str,
    source: &str,
    destination: &str,
    mut options: MountOptions,
    nocopy: bool,
    tmpfs: TmpfsOptions,
) -> Result<Mount, ContainerError> {
    if destination.is_empty() {
        return Err(bad(
            flag,
            value,
            "the destination (the path inside the container) is required",
        ));
    }
    check_destination(flag, value, destination)?;
    let destination = destination.to_string();
    let source = source.to_string();
    let mount = match kind {
        "bind" => {
            if source.is_empty() {
                return Err(bad(flag, value, "a bind mount needs a source"));
            }
            Mount::Bind {
                source: absolute(&source),
                destination,
                options,
            }
        }
        "volume" => {
            if !source.is_empty() && !volumes::valid_name(&source) {
                return Err(bad(
                    flag,
                    value,
                    format!("{source:?} is not a valid volume name"),
                ));
            }
            Mount::Volume {
                name: (!source.is_empty()).then_some(source),
                destination,
                nocopy,
                options,
            }
        }
        "tmpfs" => {
            if !source.is_empty() {
                return Err(bad(flag, value, "a tmpfs mount takes no source"));
            }
            Mount::Tmpfs {
                destination,
                tmpfs,
                options,
            }
        }
        "image" => {
            if source.is_empty() {
                return Err(bad(flag, value, "an image mount needs the image as source"));
            }
            options.readonly = true;
            Mount::Image {
                image: source,
                destination,
                options,
            }
        }
        "" => {
            return Err(bad(
                flag,
                value,
                "the type is required: bind, volume, tmpfs or image",
            ))
        }
        t => {
            return Err(bad(
                flag,
                value,
                format!(
                    "unsupported mount type {t:?}: supported are bind, volume, tmpfs and image"
                ),
            ))
        }
    };
    Ok(mount)
}

/// `--tmpfs /path[:opts]`.
pub fn parse_tmpfs(value: &str) -> Result<Mount, ContainerError> {
    const FLAG: &str = "--tmpfs";
    let (dest, opts) = value.split_once(':').unwrap_or((value, ""));
    check_destination(FLAG, value, dest)?;
    let mut options = MountOptions::default();
    let mut tmpfs = TmpfsOptions::default();
    for o in opts.split(',').filter(|o| !o.is_empty()) {
        match o.split_once('=') {
            Some(("size", s)) => tmpfs.size = Some(parse_size(FLAG, s)?),
            Some(("mode", m)) => tmpfs.mode = Some(tmpfs_mode(FLAG, value, m)?),
            Some(("uid" | "gid" | "nr_inodes" | "nr_blocks", _)) => tmpfs.data.push(o.to_string()),
            Some(_) => return Err(bad(FLAG, value, format!("unknown tmpfs option {o:?}"))),
            None if matches!(o, "tmpcopyup" | "notmpcopyup") => {
                tmpfs.copy_up = Some(o == "tmpcopyup")
            }
            None => {
                let mut nocopy = false;
                if matches!(o, "U" | "nocopy" | "copy")
                    || !apply_option(&mut options, &mut nocopy, o)
                {
                    return Err(bad(
                        FLAG,
                        value,
                        format!("unknown tmpfs option {o:?} (known: size=, mode=, uid=, gid=, ro, rw, noexec, exec, nosuid, suid, nodev, dev)"),
                    ));
                }
            }
        }
    }
    // As podman: the image's content at the path is copied into the tmpfs unless asked not to.
    tmpfs.copy_up.get_or_insert(true);
    Ok(Mount::Tmpfs {
        destination: dest.to_string(),
        tmpfs,
        options,
    })
}

/// `--volumes-from CONTAINER[:OPTIONS]` (ro, rw; z and Z accepted).
pub fn parse_volumes_from(value: &str) -> Result<VolumesFrom, ContainerError> {
    let (name, mode) = value.split_once(':').unwrap_or((value, ""));
    let mut readonly = None;
    for o in mode.split(',').filter(|o| !o.is_empty()) {
        match o {
            "ro" => readonly = Some(true),
            "rw" => readonly = Some(false),
            "z" | "Z" => {}
            _ => {
                return Err(bad(
                    "--volumes-from",
                    value,
                    format!("unknown option {o:?} (known: ro, rw, z)"),
                ))
            }
        }
    }
    Ok(VolumesFrom {
        container: name.to_string(),
        readonly,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_flags_parse() {
        let m = parse_volume("data:/srv:ro,U,nocopy,noexec")
            .unwrap()
            .to_stored();
        assert_eq!((m.kind.as_str(), m.source.as_str()), ("volume", "data"));
        assert!(m.readonly && m.chown && m.nocopy && m.options == ["noexec"]);
        let m = parse_volume("/host/dir:/c:z,rslave").unwrap();
        let Mount::Bind {
            source, options, ..
        } = &m
        else {
            panic!("{m:?}")
        };
        assert_eq!(source, Path::new("/host/dir"));
        assert_eq!(options.relabel, Some(Relabel::Shared));
        assert_eq!(m.to_stored().propagation, "rslave");
        let m = parse_volume("/anon").unwrap();
        assert!(matches!(m, Mount::Volume { name: None, .. }));
        assert!(m.to_stored().anonymous);
        let m = parse_volume("/a/../b/./c:/c").unwrap();
        assert!(matches!(m, Mount::Bind { source, .. } if source == Path::new("/b/c")));
        assert!(parse_volume("data:/srv:bogus").is_err());
        assert!(parse_volume("data:relative").is_err());
        assert!(parse_volume("data:/").is_err());
        assert!(parse_volume("a:b:c:d").is_err());
        assert!(parse_volume("bad name:/x").is_err());
        let e = parse_volume("data:/srv:bogus").unwrap_err().to_string();
        assert!(
            e.starts_with(
                "invalid -v/--volume \"data:/srv:bogus\": unknown mount option \"bogus\""
            ),
            "{e}"
        );
    }

    #[test]
    fn mount_flags_parse() {
        let m = parse_mount("type=bind,src=/a,dst=/b,ro=true,bind-propagation=rslave")
            .unwrap()
            .to_stored();
        assert!(m.readonly && m.propagation == "rslave" && m.source == "/a");
        let m = parse_mount("type=tmpfs,dst=/t,tmpfs-size=1m,tmpfs-mode=1777").unwrap();
        let Mount::Tmpfs { tmpfs, .. } = &m else {
            panic!("{m:?}")
        };
        assert_eq!(
            (tmpfs.size, tmpfs.mode, tmpfs.copy_up),
            (Some(1 << 20), Some(0o1777), None)
        );
        assert_eq!(m.to_stored().options, ["size=1m", "mode=1777"]);
        assert!(
            parse_mount("type=volume,dst=/v")
                .unwrap()
                .to_stored()
                .anonymous
        );
        let m = parse_mount("type=image,src=alpine,dst=/i").unwrap();
        assert!(m.to_stored().readonly);
        assert!(parse_mount("type=image,src=alpine,dst=/i,rw").is_err());
        assert!(parse_mount("type=bind,dst=/b").is_err());
        assert!(parse_mount("type=nfs,src=x,dst=/b").is_err());
        assert!(parse_mount("type=bind,src=/a,dst=/b,wat=1").is_err());
        assert!(parse_mount("type=bind,src=/a,dst=/b,tmpfs-size=1m").is_err());
        assert!(parse_mount("type=tmpfs,dst=/t,tmpfs-mode=99").is_err());
        assert!(parse_mount("src=/a,dst=/b").is_err());
    }

    #[test]
    fn tmpfs_flags_parse() {
        let m = parse_tmpfs("/run/x:size=1m,exec").unwrap();
        assert_eq!(m.to_stored().options, ["size=1m", "exec", "tmpcopyup"]);
        let m = parse_tmpfs("/run/x:notmpcopyup,uid=5,size=1536k,ro").unwrap();
        let s = m.to_stored();
        assert_eq!(s.options, ["size=1536k", "uid=5", "notmpcopyup"]);
        assert!(s.readonly);
        assert!(parse_tmpfs("/x:bogus").is_err());
        assert!(parse_tmpfs("/x:U").is_err());
        assert!(parse_tmpfs("/x:size=lots").is_err());
        assert!(parse_tmpfs("rel").is_err());
    }

    #[test]
    fn stored_adds_image_volumes_and_refuses_duplicates() {
        let all = stored(
            &[parse_volume("v:/data").unwrap(), parse_tmpfs("/t").unwrap()],
            &["/data".into(), "/other".into()],
        )
        .unwrap();
        assert_eq!(all.len(), 3);
        assert!(all[2].anonymous && all[2].destination == "/other");
        let dup = [
            parse_volume("v:/d").unwrap(),
            parse_volume("/x:/d/").unwrap(),
        ];
        assert!(stored(&dup, &[]).is_err());
    }

    #[test]
    fn volumes_from_parse() {
        let v = parse_volumes_from("web:ro,z").unwrap();
        assert_eq!((v.container.as_str(), v.readonly), ("web", Some(true)));
        assert_eq!(parse_volumes_from("web").unwrap().readonly, None);
        assert!(parse_volumes_from("web:bogus").is_err());
    }
}
