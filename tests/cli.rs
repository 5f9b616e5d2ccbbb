//! The command line of language.md §2: files, `-c`, `-`, piped stdin,
//! `--version`, exit statuses.

mod common;

use common::run;

#[test]
fn runs_code_from_dash_c() {
    let r = run(&["-c", "print(6 * 7)"], None);
    assert_eq!(r.stdout, "42\n");
    assert_eq!(r.code, Some(0));
}

#[test]
fn runs_piped_stdin_and_dash() {
    let r = run(&[], Some(b"x = 5\nprint(x ** 2)\n"));
    assert_eq!(r.stdout, "25\n");
    let r = run(&["-"], Some(b"print('dash')\n"));
    assert_eq!(r.stdout, "dash\n");
    assert_eq!(r.code, Some(0));
}

#[test]
fn runs_a_file_with_shebang() {
    let dir = std::env::temp_dir().join(format!("numpyx_cli_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("prog.npx");
    std::fs::write(&f, "#!/usr/bin/env numpyx\nprint('from file')\n").unwrap();
    let r = run(&[f.to_str().unwrap()], None);
    assert_eq!(r.stdout, "from file\n");
    assert_eq!(r.code, Some(0));
}

#[test]
fn uncaught_error_exits_1_with_python_last_line() {
    let r = run(&["-c", "print('a')\n1/0"], None);
    assert_eq!(r.stdout, "a\n");
    assert_eq!(r.code, Some(1));
    assert_eq!(
        common::last_nonempty_line(&r.stderr),
        "ZeroDivisionError: division by zero"
    );
    assert!(
        r.stderr.starts_with("Traceback (most recent call last):"),
        "{}",
        r.stderr
    );
}

#[test]
fn missing_file_is_reported() {
    let r = run(&["no/such/file.npx"], None);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("can't open file"), "{}", r.stderr);
}

#[test]
fn version_names_numpy() {
    let r = run(&["--version"], None);
    assert_eq!(r.code, Some(0));
    assert!(
        r.stdout.starts_with("numpyx ") && r.stdout.contains("NumPy 2.4"),
        "{}",
        r.stdout
    );
}

#[test]
fn exit_sets_the_status() {
    let r = run(&["-c", "print('bye')\nexit(3)\nprint('not here')"], None);
    assert_eq!(r.stdout, "bye\n");
    assert_eq!(r.code, Some(3));
}

#[test]
fn stdout_is_flushed_before_the_report() {
    let r = run(
        &[
            "-c",
            "for i in range(3):\n    print(i)\nraise ValueError('boom')",
        ],
        None,
    );
    assert_eq!(r.stdout, "0\n1\n2\n");
    assert_eq!(common::last_nonempty_line(&r.stderr), "ValueError: boom");
}
