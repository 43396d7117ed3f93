//! A tiny static server for the network tests' image (busybox's nc has no UDP): `echo tcp PORT`
//! or `echo udp PORT` answers every connection or datagram with `from=PEER_IP MESSAGE`;
//! `echo send HOST PORT MESSAGE` sends MESSAGE over TCP and prints the first line of the answer.
//! For bulk transfers: `echo cat PORT` sends every connection's bytes back as they come and
//! closes after its end-of-stream; `echo sum PORT` reads a connection to its end, then answers
//! `LENGTH FNV1A64-HEX` (so the client must half-close); `echo gen PORT` reads a decimal byte
//! count and a newline, then sends that many bytes of `pattern` and closes. One thread per
//! connection.
//! Built by the tests with `rustc -C target-feature=+crt-static`; not part of hutch.

use std::io::{Read, Write};
use std::net::{TcpListener, UdpSocket};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "send" {
        let mut c = std::net::TcpStream::connect((args[2].as_str(), args[3].parse::<u16>().expect("port")))
            .expect("connect");
        c.set_read_timeout(Some(std::time::Duration::from_secs(10))).ok();
        c.write_all(args[4].as_bytes()).expect("send");
        let mut got = Vec::new();
        let mut b = [0u8; 1];
        // Up to the first newline: the answer's end, whether or not the close comes through.
        while let Ok(1) = c.read(&mut b) {
            if b[0] == b'\n' {
                break;
            }
            got.push(b[0]);
        }
        println!("{}", String::from_utf8_lossy(&got));
        return;
    }
    let port: u16 = args[2].parse().expect("port");
    if let mode @ ("cat" | "sum" | "gen") = args[1].as_str() {
        let l = TcpListener::bind(("0.0.0.0", port)).expect("bind tcp");
        for c in l.incoming() {
            let Ok(c) = c else { continue };
            let mode = mode.to_string();
            std::thread::spawn(move || bulk(&mode, c));
        }
        return;
    }
    match args[1].as_str() {
        "udp" => {
            let s = UdpSocket::bind(("0.0.0.0", port)).expect("bind udp");
            let mut buf = [0u8; 2048];
            loop {
                let (n, peer) = s.recv_from(&mut buf).expect("recv");
                let msg = String::from_utf8_lossy(&buf[..n]);
                let _ = s.send_to(format!("from={} {}", peer.ip(), msg.trim()).as_bytes(), peer);
            }
        }
        _ => {
            let l = TcpListener::bind(("0.0.0.0", port)).expect("bind tcp");
            for c in l.incoming() {
                let Ok(mut c) = c else { continue };
                let peer = c.peer_addr().map(|p| p.ip().to_string()).unwrap_or_default();
                let mut buf = [0u8; 2048];
                let n = c.read(&mut buf).unwrap_or(0);
                let msg = String::from_utf8_lossy(&buf[..n]);
                let _ = c.write_all(format!("from={peer} {}", msg.trim()).as_bytes());
            }
        }
    }
}

/// The test's data: byte `i` of a stream is `pattern(i)`.
fn pattern(i: u64) -> u8 {
    (i.wrapping_mul(2654435761) >> 13) as u8
}

fn fnv(h: &mut u64, data: &[u8]) {
    for b in data {
        *h ^= u64::from(*b);
        *h = h.wrapping_mul(0x100000001b3);
    }
}

fn bulk(mode: &str, mut c: std::net::TcpStream) {
    let mut buf = vec![0u8; 65536];
    match mode {
        "cat" => loop {
            match c.read(&mut buf) {
                Ok(0) | Err(_) => return,
                Ok(n) => {
                    if c.write_all(&buf[..n]).is_err() {
                        return;
                    }
                }
            }
        },
        "sum" => {
            let (mut len, mut h) = (0u64, 0xcbf29ce484222325u64);
            loop {
                match c.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        len += n as u64;
                        fnv(&mut h, &buf[..n]);
                    }
                    Err(_) => return,
                }
            }
            let _ = c.write_all(format!("{len} {h:016x}\n").as_bytes());
        }
        _ => {
            let mut line = Vec::new();
            let mut b = [0u8; 1];
            while let Ok(1) = c.read(&mut b) {
                if b[0] == b'\n' {
                    break;
                }
                line.push(b[0]);
            }
            let total: u64 = String::from_utf8_lossy(&line).trim().parse().unwrap_or(0);
            let mut sent = 0u64;
            while sent < total {
                let n = (total - sent).min(buf.len() as u64) as usize;
                for (k, x) in buf[..n].iter_mut().enumerate() {
                    *x = pattern(sent + k as u64);
                }
                if c.write_all(&buf[..n]).is_err() {
                    return;
                }
                sent += n as u64;
            }
        }
    }
}
