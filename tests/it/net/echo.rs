//! A tiny static server for the network tests' image (busybox's nc has no UDP): `echo tcp PORT`
//! or `echo udp PORT` answers every connection or datagram with `from=PEER_IP MESSAGE`;
//! `echo send HOST PORT MESSAGE` sends MESSAGE over TCP and prints the first line of the answer.
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
