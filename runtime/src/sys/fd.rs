//! Descriptor hygiene before exec, opening a file relative to a directory descriptor, and
//! setdomainname.
#![allow(unsafe_code)]

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd};

/// Marks every descriptor from `first` up close-on-exec, so that nothing the runtime opened
/// (the bundle, the state dir, the host's /proc) reaches the container's process.
pub fn cloexec_from(first: u32) -> io::Result<()> {
    // SAFETY: close_range only changes descriptor flags; it takes no pointers.
    let r = unsafe {
        libc::syscall(
            libc::SYS_close_range,
            first,
            u32::MAX,
            libc::CLOSE_RANGE_CLOEXEC,
        )
    };
    if r == 0 {
        return Ok(());
    }
    // Kernels before 5.11 lack CLOSE_RANGE_CLOEXEC: mark them one by one.
    let dir = std::fs::read_dir("/proc/self/fd")?;
    let fds: Vec<i32> = dir
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .filter(|fd| *fd >= first as i32)
        .collect();
    for fd in fds {
        let _ = nix::fcntl::fcntl(
            fd,
            nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC),
        );
    }
    Ok(())
}

/// Sets the NIS domain name of the current UTS namespace.
pub fn set_domainname(name: &str) -> io::Result<()> {
    // SAFETY: the pointer and length describe `name`'s bytes, valid for the call; the kernel
    // copies them.
    let r = unsafe { libc::setdomainname(name.as_ptr().cast(), name.len()) };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Opens `name` in the directory `dir` for writing (blocking, as a FIFO's writer waits for its
/// reader). Works where the path of `dir` is out of reach, as after a chroot without /proc.
pub fn open_write_at(dir: BorrowedFd<'_>, name: &str) -> io::Result<File> {
    let fd = nix::fcntl::openat(
        Some(dir.as_raw_fd()),
        name,
        nix::fcntl::OFlag::O_WRONLY | nix::fcntl::OFlag::O_CLOEXEC,
        nix::sys::stat::Mode::empty(),
    )?;
    // SAFETY: openat just returned `fd`, open and owned by nobody else; the File takes it.
    Ok(unsafe { File::from_raw_fd(fd) })
}
