//! Advisory whole-file locks (flock) used to serialise work between hutch processes, such as
//! creating the pause process. A lock is released when its guard drops or the process dies.

use crate::{Result, SysError};
use nix::fcntl::{Flock, FlockArg};
use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// A held flock; dropping it unlocks.
#[derive(Debug)]
pub struct FileLock {
    _lock: Flock<File>,
    path: PathBuf,
}

impl FileLock {
    /// Blocks until this process holds the exclusive lock on `path` (created 0600 if missing).
    pub fn exclusive(path: &Path) -> Result<FileLock> {
        Self::take(path, FlockArg::LockExclusive)
    }

    /// Blocks until this process holds a shared lock on `path` (created 0600 if missing).
    pub fn shared(path: &Path) -> Result<FileLock> {
        Self::take(path, FlockArg::LockShared)
    }

    /// The exclusive lock if nobody holds the file locked, else `None` without waiting.
    pub fn try_exclusive(path: &Path) -> Result<Option<FileLock>> {
        match Self::take(path, FlockArg::LockExclusiveNonblock) {
            Ok(l) => Ok(Some(l)),
            Err(SysError::Path { source, .. })
                if source.kind() == std::io::ErrorKind::WouldBlock =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    fn take(path: &Path, arg: FlockArg) -> Result<FileLock> {
        // O_CLOEXEC (std's default) keeps helpers we exec from holding the lock after we exit.
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(path)
            .map_err(|e| SysError::path("open lock file", path, e))?;
        let mut file = file;
        loop {
            match Flock::lock(file, arg) {
                Ok(lock) => {
                    return Ok(FileLock {
                        _lock: lock,
                        path: path.to_path_buf(),
                    })
                }
                Err((f, nix::errno::Errno::EINTR)) => file = f,
                Err((_, e)) => return Err(SysError::path("flock", path, e)),
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusive_excludes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.lock");
        let held = FileLock::exclusive(&p).unwrap();
        // flock locks belong to the open file description, so a second open conflicts even
        // within one process.
        assert!(FileLock::try_exclusive(&p).unwrap().is_none());
        drop(held);
        assert!(FileLock::try_exclusive(&p).unwrap().is_some());
    }
}
