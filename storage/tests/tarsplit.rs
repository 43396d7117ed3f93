//! A layer unpacked with a tar-split comes back byte for byte: headers (ustar, GNU long names,
//! PAX records), contents, hard links, padding and the trailing zero blocks.

use hutch_storage::tarsplit::{reassemble, SplitRecorder};
use hutch_storage::unpack::{unpack_layer, UnpackOptions};
use std::io::Write;

fn entry(b: &mut tar::Builder<Vec<u8>>, path: &str, kind: tar::EntryType, data: &[u8]) {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(kind);
    h.set_mode(if kind.is_dir() { 0o755 } else { 0o644 });
    h.set_uid(nix_uid());
    h.set_gid(nix_gid());
    h.set_mtime(1_700_000_000);
    h.set_size(data.len() as u64);
    b.append_data(&mut h, path, data).unwrap();
}

fn nix_uid() -> u64 {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) as u64)
        .unwrap_or(0)
}

fn nix_gid() -> u64 {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::gid(&m) as u64)
        .unwrap_or(0)
}

fn layer_tar() -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    entry(&mut b, "etc/", tar::EntryType::Directory, b"");
    entry(&mut b, "etc/a", tar::EntryType::Regular, b"hello\n");
    let long = format!("etc/{}", "x".repeat(150));
    entry(&mut b, &long, tar::EntryType::Regular, &vec![7u8; 70_000]);
    entry(&mut b, "etc/empty", tar::EntryType::Regular, b"");
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(tar::EntryType::Link);
    h.set_size(0);
    h.set_mode(0o644);
    h.set_uid(nix_uid());
    h.set_gid(nix_gid());
    b.append_link(&mut h, "etc/hard", "etc/a").unwrap();
    entry(&mut b, "etc/.wh.gone", tar::EntryType::Regular, b"");
    b.append_pax_extensions([("mtime", b"1700000000.5".as_slice())])
        .unwrap();
    entry(
        &mut b,
        "etc/pax",
        tar::EntryType::Regular,
        b"with a pax header",
    );
    let mut out = b.into_inner().unwrap();
    // Extra zero padding after the end marker, as some writers leave.
    out.extend_from_slice(&[0u8; 4096]);
    out
}

#[test]
fn unpacked_layer_reassembles_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let dest = tmp.path().join("layer");
    std::fs::create_dir(&dest).unwrap();
    let split = tmp.path().join("layer.tar-split");
    let tar = layer_tar();
    unpack_layer(
        tar.as_slice(),
        &dest,
        &UnpackOptions {
            layer: "sha256:test".into(),
            ignore_chown_errors: true,
            tar_split: Some(split.clone()),
        },
    )
    .unwrap();
    let mut out = Vec::new();
    let n = reassemble(&split, &dest, &mut out).unwrap();
    assert_eq!(n as usize, tar.len());
    assert!(out == tar, "reassembled tar differs");

    // A changed file is noticed, not silently written.
    std::fs::write(dest.join("etc/a"), b"changed and longer\n").unwrap();
    let err = reassemble(&split, &dest, &mut Vec::new()).unwrap_err();
    assert!(err.to_string().contains("etc/a"), "{err}");
}

#[test]
fn a_file_replaced_later_in_the_layer_keeps_no_split() {
    let tmp = tempfile::tempdir().unwrap();
    let dest = tmp.path().join("layer");
    std::fs::create_dir(&dest).unwrap();
    let split = tmp.path().join("layer.tar-split");
    let mut b = tar::Builder::new(Vec::new());
    entry(&mut b, "f", tar::EntryType::Regular, b"first");
    entry(&mut b, "f", tar::EntryType::Regular, b"second");
    let tar = b.into_inner().unwrap();
    unpack_layer(
        tar.as_slice(),
        &dest,
        &UnpackOptions {
            layer: "sha256:test".into(),
            ignore_chown_errors: true,
            tar_split: Some(split.clone()),
        },
    )
    .unwrap();
    assert!(
        !split.exists(),
        "a split that cannot reproduce the layer must not be kept"
    );
}

/// `layer_tar` with an entry renamed by a PAX `path` record, which names the file to read.
fn renamed_tar() -> Vec<u8> {
    let mut tar = layer_tar();
    tar.truncate(tar.len() - 4096 - 1024);
    let mut b = tar::Builder::new(tar);
    b.append_pax_extensions([("path", b"etc/renamed".as_slice())])
        .unwrap();
    entry(
        &mut b,
        "etc/short",
        tar::EntryType::Regular,
        b"renamed by pax\n",
    );
    b.into_inner().unwrap()
}

#[test]
fn a_written_tar_records_the_split_unpacking_it_would() {
    let tmp = tempfile::tempdir().unwrap();
    let dest = tmp.path().join("layer");
    std::fs::create_dir(&dest).unwrap();
    let tar = renamed_tar();
    unpack_layer(
        tar.as_slice(),
        &dest,
        &UnpackOptions {
            layer: "sha256:test".into(),
            ignore_chown_errors: true,
            tar_split: None,
        },
    )
    .unwrap();
    assert!(dest.join("etc/renamed").is_file());
    // The same bytes written through a tap, in pieces that split headers and contents.
    let split = tmp.path().join("written.tar-split");
    let rec = SplitRecorder::create(&split).unwrap();
    let mut w = rec.write_tap(Vec::new());
    let mut rest = tar.as_slice();
    for n in [1, 511, 512, 513, 7, 4096, 100_000].iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let n = (*n).min(rest.len());
        w.write_all(&rest[..n]).unwrap();
        rest = &rest[n..];
    }
    assert!(w.into_inner() == tar);
    assert!(rec.finish().unwrap(), "the split was kept");
    let mut out = Vec::new();
    reassemble(&split, &dest, &mut out).unwrap();
    assert!(out == tar, "reassembled tar differs");
    // The contents come from the layer's files, not the split.
    std::fs::write(dest.join("etc/renamed"), b"changed\n").unwrap();
    let err = reassemble(&split, &dest, &mut Vec::new()).unwrap_err();
    assert!(err.to_string().contains("etc/renamed"), "{err}");
}
