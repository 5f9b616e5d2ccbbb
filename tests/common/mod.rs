//! Shared helpers for the integration tests: run the numpyx binary with a
//! timeout and compare its output with golden files.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use wait_timeout::ChildExt;

pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: Option<i32>,
    pub timed_out: bool,
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_numpyx")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs numpyx with `args` (in `dir`), feeding `stdin`, for at most `secs` seconds.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>, secs: u64) -> Run {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn numpyx");
    if let Some(input) = stdin {
        let mut s = child.stdin.take().expect("stdin");
        let data = input.to_vec();
        std::thread::spawn(move || {
            let _ = s.write_all(&data);
        });
    }
    let out_pipe = child.stdout.take().expect("stdout");
    let err_pipe = child.stderr.take().expect("stderr");
    let out_t = std::thread::spawn(move || read_all(out_pipe));
    let err_t = std::thread::spawn(move || read_all(err_pipe));
    let status = child.wait_timeout(Duration::from_secs(secs)).expect("wait");
    let timed_out = status.is_none();
    if timed_out {
        let _ = child.kill();
        let _ = child.wait();
    }
    Run {
        stdout: out_t.join().unwrap_or_default(),
        stderr: err_t.join().unwrap_or_default(),
        code: status.and_then(|s| s.code()),
        timed_out,
    }
}

fn read_all(mut r: impl std::io::Read) -> String {
    let mut buf = Vec::new();
    let _ = r.read_to_end(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    run_in(&root(), args, stdin, 20)
}

pub fn last_nonempty_line(s: &str) -> String {
    s.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end()
        .to_string()
}

/// Checks a program against its golden `.out` (and `.err`, the last stderr line of an
/// uncaught exception). Returns a description of the mismatch, if any.
pub fn check_golden(py: &Path) -> Option<String> {
    let expected_out = std::fs::read_to_string(py.with_extension("out")).ok()?;
    let expected_err = std::fs::read_to_string(py.with_extension("err"))
        .ok()
        .map(|e| last_nonempty_line(&e));
    let dir = py.parent().expect("dir");
    let name = py.file_name().and_then(|n| n.to_str()).expect("name");
    let r = run_in(dir, &[name], None, 20);
    if r.timed_out {
        return Some("timed out".into());
    }
    if r.stderr.contains("panicked") {
        return Some(format!("panicked: {}", last_nonempty_line(&r.stderr)));
    }
    if r.stdout != expected_out {
        let (a, e): (Vec<&str>, Vec<&str>) =
            (r.stdout.lines().collect(), expected_out.lines().collect());
        for i in 0..a.len().max(e.len()) {
            let (x, y) = (
                a.get(i).copied().unwrap_or("<missing>"),
                e.get(i).copied().unwrap_or("<missing>"),
            );
            if x != y {
                return Some(format!(
                    "stdout line {}: expected {y:?}, got {x:?} (stderr: {})",
                    i + 1,
                    last_nonempty_line(&r.stderr)
                ));
            }
        }
        return Some("stdout differs in trailing whitespace".into());
    }
    match expected_err {
        Some(e) => {
            let got = last_nonempty_line(&r.stderr);
            if r.code == Some(0) || !got.contains(&e) {
                return Some(format!(
                    "expected error {e:?}, got {got:?} (exit {:?})",
                    r.code
                ));
            }
        }
        None => {
            if r.code != Some(0) {
                return Some(format!(
                    "exit {:?}: {}",
                    r.code,
                    last_nonempty_line(&r.stderr)
                ));
            }
        }
    }
    None
}

/// All files in `dir` with extension `ext`, sorted.
pub fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().and_then(|e| e.to_str()) == Some(ext));
    v.sort();
    v
}
