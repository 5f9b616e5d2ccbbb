//! Language tests written in the language: every `tests/lang/*.npx` is full of
//! `assert`s and prints `ok` at the end.

mod common;

#[test]
fn lang_programs_pass() {
    let dir = common::root().join("tests/lang");
    let mut failures = Vec::new();
    let files = common::files(&dir, "npx");
    assert!(files.len() >= 15, "expected the language test files");
    for f in &files {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let r = common::run_in(&dir, &[name], None, 30);
        if r.stdout != "ok\n" || r.code != Some(0) {
            failures.push(format!("{name}: {}", common::last_nonempty_line(&r.stderr)));
        }
    }
    assert!(
        failures.is_empty(),
        "failing language tests:\n{}",
        failures.join("\n")
    );
}
