//! Unpacks an uncompressed layer tarball from stdin into an empty directory, for timing
//! against `tar -xf`: `unpack DEST < layer.tar`.

fn main() {
    let dest = std::env::args_os()
        .nth(1)
        .expect("usage: unpack DEST < layer.tar");
    let opts = hutch_storage::unpack::UnpackOptions {
        layer: "stdin".into(),
        ignore_chown_errors: true,
        tar_split: None,
    };
    let stdin = std::io::stdin().lock();
    match hutch_storage::unpack::unpack_layer(stdin, std::path::Path::new(&dest), &opts) {
        Ok(stats) => eprintln!("{} entries, {} bytes", stats.entries, stats.bytes),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
