//! Python's `time` module: `perf_counter`, `time`, `sleep`, `monotonic`.

use crate::eval::Interp;
use crate::eval::exceptions::{PResult, value_error};
use crate::eval::value::{Args, Builtin, Value};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

fn start() -> Instant {
    thread_local!(static START: Instant = Instant::now());
    START.with(|s| *s)
}

fn perf_counter(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("perf_counter", 0, 0)?;
    Ok(Value::Float(start().elapsed().as_secs_f64()))
}

fn time_now(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("time", 0, 0)?;
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Float(d.as_secs_f64()))
}

fn sleep(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("sleep", 1, 1)?;
    let secs = super::builtins::to_float_arg(&a.pos[0], "sleep")?;
    if secs < 0.0 {
        return value_error("sleep length must be non-negative");
    }
    let end = Instant::now() + std::time::Duration::from_secs_f64(secs);
    // Sleep in slices so Ctrl-C is noticed.
    loop {
        crate::eval::check_interrupt()?;
        let now = Instant::now();
        if now >= end {
            break;
        }
        std::thread::sleep((end - now).min(std::time::Duration::from_millis(20)));
    }
    Ok(Value::None)
}

pub static FUNCS: &[Builtin] = &[
    Builtin {
        name: "perf_counter",
        module: "time",
        sig: "perf_counter()",
        doc: "Seconds from a monotonic high-resolution clock.",
        f: perf_counter,
    },
    Builtin {
        name: "monotonic",
        module: "time",
        sig: "monotonic()",
        doc: "Seconds from a monotonic clock.",
        f: perf_counter,
    },
    Builtin {
        name: "time",
        module: "time",
        sig: "time()",
        doc: "Seconds since the Unix epoch.",
        f: time_now,
    },
    Builtin {
        name: "sleep",
        module: "time",
        sig: "sleep(secs)",
        doc: "Pause for `secs` seconds.",
        f: sleep,
    },
];

pub fn module() -> Value {
    let _ = start();
    super::make_module("time", FUNCS, vec![])
}
