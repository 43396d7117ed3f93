//! A stand-in for testcontainers' Ryuk reaper, for the API service's tests (CI has no internet,
//! so the real image cannot be pulled). It speaks Ryuk's protocol: it logs "Started!", listens on
//! port 8080, acknowledges `label=KEY=VALUE` lines from clients, and once every client has gone
//! for RYUK_RECONNECTION_TIMEOUT, removes the containers, networks, volumes and images with those
//! labels through the Docker API socket mounted at /var/run/docker.sock — as Ryuk does.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::os::unix::net::UnixStream;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SOCKET: &str = "/var/run/docker.sock";

#[derive(Default)]
struct Clients {
    filters: BTreeSet<String>,
    open: usize,
    ever: bool,
    last: Option<Instant>,
}

fn main() {
    let timeout = std::env::var("RYUK_RECONNECTION_TIMEOUT")
        .ok()
        .and_then(|v| v.trim_end_matches('s').parse::<u64>().ok())
        .unwrap_or(10);
    let listener = TcpListener::bind("0.0.0.0:8080").expect("listen on 0.0.0.0:8080");
    println!("it-reaper: Started!");
    std::io::stdout().flush().ok();
    let state = Arc::new(Mutex::new(Clients::default()));
    let st = state.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            {
                let mut s = st.lock().unwrap();
                s.open += 1;
                s.ever = true;
            }
            let st = st.clone();
            std::thread::spawn(move || {
                let mut w = conn.try_clone().expect("clone the connection");
                for line in BufReader::new(conn).lines().map_while(Result::ok) {
                    let line = line.trim();
                    if line.is_empty() {
                        continue;
                    }
                    st.lock().unwrap().filters.insert(line.to_string());
                    let _ = w.write_all(b"ACK\n");
                }
                let mut s = st.lock().unwrap();
                s.open -= 1;
                s.last = Some(Instant::now());
            });
        }
    });
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(200));
        let s = state.lock().unwrap();
        if !s.ever && started.elapsed() > Duration::from_secs(120) {
            println!("it-reaper: nobody connected; exiting");
            return;
        }
        let gone = s.open == 0
            && s.last
                .is_some_and(|t| t.elapsed() >= Duration::from_secs(timeout));
        if s.ever && gone {
            let filters = s.filters.clone();
            drop(s);
            reap(&filters);
            return;
        }
    }
}

fn reap(filters: &BTreeSet<String>) {
    for f in filters {
        // Ryuk's lines are query strings: label=KEY=VALUE[&label=...].
        let labels: Vec<String> = f
            .split('&')
            .filter_map(|kv| kv.strip_prefix("label="))
            .map(str::to_string)
            .collect();
        if labels.is_empty() {
            continue;
        }
        let q = encode(&serde_json::json!({ "label": labels }).to_string());
        for (list, id_key, delete) in [
            (
                "/containers/json?all=1&filters=",
                "Id",
                "/containers/{}?force=1&v=1",
            ),
            ("/networks?filters=", "Id", "/networks/{}"),
            ("/volumes?filters=", "Name", "/volumes/{}?force=1"),
            ("/images/json?filters=", "Id", "/images/{}?force=1"),
        ] {
            let (_, body) = request("GET", &format!("{list}{q}"));
            let v: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
            let items = v.get("Volumes").cloned().unwrap_or(v);
            for item in items.as_array().cloned().unwrap_or_default() {
                if let Some(id) = item.get(id_key).and_then(|x| x.as_str()) {
                    let (status, _) = request("DELETE", &delete.replace("{}", id));
                    println!("it-reaper: removed {id} ({status})");
                }
            }
        }
    }
}

fn request(method: &str, path: &str) -> (u16, Vec<u8>) {
    let Ok(mut s) = UnixStream::connect(SOCKET) else {
        println!("it-reaper: cannot connect to {SOCKET}");
        return (0, Vec::new());
    };
    let _ = write!(s, "{method} {path} HTTP/1.0\r\nHost: docker\r\n\r\n");
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let end = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(buf.len());
    let status = String::from_utf8_lossy(&buf[..end])
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, buf.get(end + 4..).unwrap_or_default().to_vec())
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
