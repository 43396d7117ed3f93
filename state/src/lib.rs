//! hutch's state in SQLite: schema migrations, images, layers and names. Transactions are short
//! and IMMEDIATE; none is held across network or disk-heavy work.
#![deny(unsafe_code)]

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("database {path}: {source}")]
    Sqlite {
        path: std::path::PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}
