//! The `numpyx` command line: runs a file, `-c` code, stdin, or the shell.

use numpyx::eval::INTERRUPTED;
use numpyx::session::{Outcome, Session};
use std::io::{IsTerminal, Read, Write};
use std::sync::atomic::Ordering;

const USAGE: &str = "usage: numpyx [-c CODE | -i FILE | FILE | -] [--version]";

fn status(o: Outcome) -> i32 {
    match o {
        Outcome::Ok => 0,
        Outcome::Error => 1,
        Outcome::Exit(c) => c,
    }
}

fn stdout_sink() -> Box<dyn Write> {
    if std::io::stdout().is_terminal() {
        Box::new(std::io::LineWriter::new(std::io::stdout()))
    } else {
        Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout(),
        ))
    }
}

fn run(args: Vec<String>) -> i32 {
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::Relaxed));
    let mut session = Session::new(stdout_sink());
    let mut it = args.iter().skip(1);
    let code = match it.next().map(String::as_str) {
        None => {
            if std::io::stdin().is_terminal() {
                numpyx::repl::run(&mut session)
            } else {
                run_stdin(&mut session)
            }
        }
        Some("--version" | "-V") => {
            println!(
                "numpyx {} (follows NumPy 2.4.6, Python 3.11)",
                env!("CARGO_PKG_VERSION")
            );
            0
        }
        Some("-h" | "--help") => {
            println!("{USAGE}");
            0
        }
        Some("-c") => match it.next() {
            Some(code) => status(session.run_source("<string>", code, false)),
            None => {
                eprintln!("Argument expected for the -c option\n{USAGE}");
                2
            }
        },
        Some("-") => run_stdin(&mut session),
        Some("-i") => match it.next() {
            Some(path) => {
                let r = run_file(&mut session, path);
                if r == 2 {
                    return 2;
                }
                numpyx::repl::run(&mut session)
            }
            None => numpyx::repl::run(&mut session),
        },
        Some(path) => run_file(&mut session, path),
    };
    session.interp.flush();
    code
}

fn run_file(session: &mut Session, path: &str) -> i32 {
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            status(session.run_source(path, &text, false))
        }
        Err(e) => {
            eprintln!(
                "numpyx: can't open file '{path}': [Errno {}] {}",
                e.raw_os_error().unwrap_or(0),
                io_msg(&e)
            );
            2
        }
    }
}

fn io_msg(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

fn run_stdin(session: &mut Session) -> i32 {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("numpyx: cannot read stdin: {e}");
        return 1;
    }
    let text = String::from_utf8_lossy(&bytes);
    status(session.run_source("<stdin>", &text, false))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Deep recursion in user code and deeply nested expressions need a large stack.
    let child = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || run(args));
    let code = match child.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => 1,
    };
    std::process::exit(code);
}
