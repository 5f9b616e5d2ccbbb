//! No input may panic numpyx: random bytes, truncated programs, deep nesting,
//! very long files. Each gives a clear error or runs.

mod common;

fn no_panic(label: &str, src: &[u8]) -> common::Run {
    let r = common::run(&["-"], Some(src));
    assert!(!r.timed_out, "{label}: timed out");
    assert!(!r.stderr.contains("panicked"), "{label}: {}", r.stderr);
    assert!(
        matches!(r.code, Some(0 | 1)),
        "{label}: exit {:?}: {}",
        r.code,
        r.stderr
    );
    r
}

/// What random programs are mostly made of.
const ALPHABET: &[u8] = b" \n\t()[]{}:=+-*/%<>!.,'\"#\\abcxyz0123456789_";

#[test]
fn random_bytes_do_not_panic() {
    let mut x: u64 = 0x9E3779B97F4A7C15;
    for round in 0..60 {
        let len = 1 + (round * 37) % 400;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                // Mostly printable, with some control bytes and high bytes.
                match x % 10 {
                    0 => (x >> 8) as u8,
                    _ => ALPHABET[(x >> 16) as usize % ALPHABET.len()],
                }
            })
            .collect();
        no_panic(&format!("random round {round}"), &bytes);
    }
}

#[test]
fn truncated_programs_do_not_panic() {
    let prog = "def f(a, b=2, *args, **kw):\n    s = f\"{a!r:>{b}} {kw}\"\n    return [x for x in args if x]\ntry:\n    print(f(1, 2, 3, k=4))\nexcept (ValueError, TypeError) as e:\n    raise RuntimeError('x') from e\nfinally:\n    d = {'a': (1, 2), **{}}\n";
    for cut in 0..prog.len() {
        if prog.is_char_boundary(cut) {
            no_panic(&format!("cut at {cut}"), &prog.as_bytes()[..cut]);
        }
    }
}

#[test]
fn deep_brackets_give_a_syntax_error() {
    let src = format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
    let r = no_panic("deep parens", src.as_bytes());
    assert_eq!(
        common::last_nonempty_line(&r.stderr),
        "SyntaxError: too many nested parentheses"
    );
    let src = format!("x = {}\n", "[".repeat(10_000));
    no_panic("deep unclosed", src.as_bytes());
}

#[test]
fn deep_expressions_and_long_files_run() {
    let src = format!("x = {}\nprint(x)\n", vec!["1"; 20_000].join(" + "));
    let r = no_panic("long sum", src.as_bytes());
    assert_eq!(r.stdout, "20000\n");
    let mut big = String::new();
    for i in 0..100_000 {
        big.push_str(&format!("v{} = {} * 2\n", i % 100, i));
    }
    big.push_str("print(v99)\n");
    let r = no_panic("100k lines", big.as_bytes());
    assert_eq!(r.stdout, "199998\n");
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let r = no_panic("recursion", b"def f(n):\n    return f(n + 1) + 1\nf(0)\n");
    assert_eq!(
        common::last_nonempty_line(&r.stderr),
        "RecursionError: maximum recursion depth exceeded"
    );
    let r = no_panic(
        "nested lists",
        b"a = []\nfor i in range(100000):\n    a = [a]\nprint(len(repr(a)) > 0)\n",
    );
    assert!(r.code == Some(1) || r.stdout == "True\n");
}
