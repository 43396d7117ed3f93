//! A recording `OciRuntime` for unit tests of the lifecycle: it runs nothing, remembers every
//! call in order, and can kill a stand-in process on SIGKILL or fail `delete` on demand.

use super::runtime::{ExecCommand, OciRuntime, RuntimeState};
use super::ContainerError;
use std::ffi::OsString;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};

/// One call the lifecycle made, with the container ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Call {
    Create(String),
    Start(String),
    State(String),
    Kill(String, i32),
    Delete(String),
    Pause(String),
    Resume(String),
}

#[derive(Default)]
pub(crate) struct Script {
    pub calls: Vec<Call>,
    /// Killed on SIGKILL: the process standing in for the container's monitor.
    pub sigkill_kills: Option<u32>,
    /// `delete` fails this many more times.
    pub failing_deletes: u32,
    /// What `state` answers.
    pub status: Option<String>,
}

#[derive(Clone, Default)]
pub(crate) struct FakeRuntime {
    script: Arc<Mutex<Script>>,
}

impl FakeRuntime {
    pub(crate) fn script(&self) -> std::sync::MutexGuard<'_, Script> {
        self.script.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn calls(&self) -> Vec<Call> {
        self.script().calls.clone()
    }

    fn record(&self, call: Call) {
        self.script().calls.push(call);
    }
}

impl OciRuntime for FakeRuntime {
    fn name(&self) -> &str {
        "fake"
    }

    fn path(&self) -> &Path {
        Path::new("/nonexistent/fake-runtime")
    }

    fn global_args(&self) -> Vec<OsString> {
        Vec::new()
    }

    fn create(&self, id: &str, _bundle: &Path, _pid_file: &Path) -> Result<(), ContainerError> {
        self.record(Call::Create(id.into()));
        Ok(())
    }

    fn start(&self, id: &str) -> Result<(), ContainerError> {
        self.record(Call::Start(id.into()));
        Ok(())
    }

    fn state(&self, id: &str) -> Result<Option<RuntimeState>, ContainerError> {
        self.record(Call::State(id.into()));
        Ok(self
            .script()
            .status
            .clone()
            .map(|status| RuntimeState { status, pid: 0 }))
    }

    fn kill(&self, id: &str, signal: i32, _all: bool) -> Result<(), ContainerError> {
        self.record(Call::Kill(id.into(), signal));
        if signal == 9 {
            if let Some(pid) = self.script().sigkill_kills.take() {
                let _ = hutch_sys::process::kill(pid as i32);
            }
        }
        Ok(())
    }

    fn delete(&self, id: &str, _force: bool) -> Result<(), ContainerError> {
        self.record(Call::Delete(id.into()));
        let mut s = self.script();
        if s.failing_deletes > 0 {
            s.failing_deletes -= 1;
            return Err(ContainerError::Runtime {
                id: id.into(),
                runtime: "fake".into(),
                op: "delete",
                stderr: "scripted failure".into(),
            });
        }
        Ok(())
    }

    fn pause(&self, id: &str) -> Result<(), ContainerError> {
        self.record(Call::Pause(id.into()));
        Ok(())
    }

    fn resume(&self, id: &str) -> Result<(), ContainerError> {
        self.record(Call::Resume(id.into()));
        Ok(())
    }

    fn exec(&self, _id: &str, _process: &Path, _opts: &ExecCommand) -> Command {
        Command::new("false")
    }
}
