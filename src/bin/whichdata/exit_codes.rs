//! The process exit codes, one place for all of them (as in fd).

/// How the process ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    /// Everything asked for was done.
    Success,
    /// The input had problems; they were reported and the rest was done.
    InputProblems,
    /// The command line or the registry is wrong; nothing was done.
    UsageOrRegistry,
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(match code {
            ExitCode::Success => 0,
            ExitCode::InputProblems => 1,
            ExitCode::UsageOrRegistry => 2,
        })
    }
}
