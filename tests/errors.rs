//! Error reports are part of the interface. For every `tests/errors/**/*.npx`:
//! - stderr must equal the blessed `NAME.stderr` (regenerate with
//!   `NUMPYX_BLESS=1 cargo test --release --test errors`, then review the diff);
//! - where CPython can run the program, `NAME.err` holds the last line CPython
//!   printed (written by `tests/golden/regen.sh`) and numpyx's last line must equal it;
//! - the exit status is 1 and nothing panics.

mod common;

use std::path::Path;

fn check(dir: &Path, failures: &mut Vec<String>) {
    let bless = std::env::var_os("NUMPYX_BLESS").is_some();
    for f in common::files(dir, "npx") {
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let r = common::run_in(dir, &[&name], None, 30);
        if r.stderr.contains("panicked") || r.timed_out {
            failures.push(format!("{name}: crashed or timed out"));
            continue;
        }
        if r.code != Some(1) {
            failures.push(format!("{name}: exit status {:?}, expected 1", r.code));
        }
        let blessed = f.with_extension("stderr");
        if bless {
            std::fs::write(&blessed, &r.stderr).expect("write blessed stderr");
        } else {
            match std::fs::read_to_string(&blessed) {
                Ok(want) if want == r.stderr => {}
                Ok(want) => failures.push(format!(
                    "{name}: stderr differs from {}\n--- want\n{want}--- got\n{}",
                    blessed.display(),
                    r.stderr
                )),
                Err(_) => failures.push(format!(
                    "{name}: no blessed {} (run with NUMPYX_BLESS=1)",
                    blessed.display()
                )),
            }
        }
        if let Ok(py) = std::fs::read_to_string(f.with_extension("err")) {
            let want = common::last_nonempty_line(&py);
            let got = common::last_nonempty_line(&r.stderr);
            if want != got {
                failures.push(format!(
                    "{name}: last line {got:?}, CPython prints {want:?}"
                ));
            }
        }
    }
}

#[test]
fn error_reports() {
    let root = common::root().join("tests/errors");
    let mut failures = Vec::new();
    check(&root, &mut failures);
    check(&root.join("numpyx_only"), &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
