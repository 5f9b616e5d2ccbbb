//! Programs whose output must match CPython's / NumPy's byte for byte.
//! `tests/golden/lang`: Python-language programs; `tests/golden/np`: NumPy programs;
//! `tests/golden/np_print`: array and scalar printing; `tests/golden/np_reduce`: reductions,
//! sorting and selection; `tests/golden/np_index`: indexing and aliasing (all goldens by
//! `tests/golden/regen.sh`).
//! `tests/conformance`: the NumPy-generated conformance cases; the ones numpyx does
//! not pass yet are listed in `tests/conformance/KNOWN_FAILING` (one name a line).
//! A listed case that starts passing fails the test until it is taken off the list.

mod common;

use std::collections::BTreeSet;

fn check_dir(sub: &str, known_failing: &BTreeSet<String>) {
    let dir = common::root().join(sub);
    let cases = common::files(&dir, "py");
    assert!(!cases.is_empty(), "no cases in {sub}");
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    for py in &cases {
        let name = py
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let res = common::check_golden(py);
        match (res, known_failing.contains(&name)) {
            (Some(why), false) => unexpected.push(format!("{name}: {why}")),
            (None, true) => fixed.push(name),
            _ => {}
        }
    }
    assert!(
        unexpected.is_empty(),
        "{} failing in {sub}:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "now passing, remove from KNOWN_FAILING: {}",
        fixed.join(" ")
    );
}

#[test]
fn python_language_goldens() {
    check_dir("tests/golden/lang", &BTreeSet::new());
}

/// Printing of arrays and NumPy scalars (goldens by NumPy 2.4.6 via `tests/golden/regen.sh`).
#[test]
fn numpy_printing_goldens() {
    check_dir("tests/golden/np_print", &BTreeSet::new());
}

#[test]
fn numpy_goldens() {
    check_dir("tests/golden/np", &BTreeSet::new());
}

#[test]
fn numpy_reduction_goldens() {
    check_dir("tests/golden/np_reduce", &BTreeSet::new());
}

/// Indexing: views alias their base, advanced-index results do not, a.flat iteration,
/// index errors.
#[test]
fn numpy_indexing_goldens() {
    check_dir("tests/golden/np_index", &BTreeSet::new());
}

/// NumPy programs' warnings: stderr must match NumPy's (`NAME.stderr`, the directory
/// written as `<dir>`).
#[test]
fn numpy_warnings_stderr() {
    let dir = common::root().join("tests/golden/np");
    for py in common::files(&dir, "py") {
        let Ok(expected) = std::fs::read_to_string(py.with_extension("stderr")) else {
            continue;
        };
        let name = py.file_name().and_then(|n| n.to_str()).expect("name");
        let r = common::run_in(&dir, &[name], None, 20);
        let got = r.stderr.replace(&format!("{}/", dir.display()), "<dir>/");
        assert_eq!(got, expected, "stderr of {name}");
    }
}

#[test]
fn conformance_cases() {
    let list = std::fs::read_to_string(common::root().join("tests/conformance/KNOWN_FAILING"))
        .unwrap_or_default();
    let known: BTreeSet<String> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    check_dir("tests/conformance", &known);
}
