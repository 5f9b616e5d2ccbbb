//! Python's `random` module: CPython 3.11's `random.py` algorithms over the
//! Mersenne Twister in [`crate::random::mt19937`], so seeded streams are identical
//! to CPython's.

use super::math::libm;
use crate::eval::Interp;
use crate::eval::exceptions::{ExcType, PResult, index_error, raise, type_error, value_error};
use crate::eval::ops::{self, int_from_big};
use crate::eval::value::{Args, Builtin, Value};
use crate::parse::ast::{BinOp, CmpOp};
use crate::random::mt19937::{self, Mt19937};
use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive};
use std::cell::RefCell;
use std::f64::consts::PI;
use std::rc::Rc;

const TWOPI: f64 = 2.0 * PI;

/// The hidden generator behind the module-level functions.
struct State {
    mt: Mt19937,
    /// The second value of the last `gauss()` pair.
    gauss_next: Option<f64>,
}

thread_local!(static STATE: RefCell<Option<State>> = const { RefCell::new(None) });

/// Runs `f` on the hidden generator, seeding it from the clock on first use.
fn with_gen<T>(f: impl FnOnce(&mut State) -> T) -> T {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let st = s.get_or_insert_with(|| State {
            mt: Mt19937::from_array(&time_key()),
            gauss_next: None,
        });
        f(st)
    })
}

/// A seed key from the wall clock, the process id and a monotonic clock, like
/// CPython's fallback `random_seed_time_pid`.
fn time_key() -> Vec<u32> {
    use std::time::{Instant, SystemTime, UNIX_EPOCH};
    thread_local!(static T0: Instant = Instant::now());
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos() as u64;
    let mono = T0.with(|t| t.elapsed().as_nanos() as u64);
    let local = 0u8;
    let addr = &local as *const u8 as usize as u64;
    vec![
        now as u32,
        (now >> 32) as u32,
        std::process::id(),
        mono as u32,
        (mono >> 32) as u32,
        addr as u32,
    ]
}

fn random_f64() -> f64 {
    with_gen(|s| s.mt.next_f64())
}

/// `getrandbits(k)` for 1 <= k <= 64, consuming the same words as CPython.
fn bits_u64(mt: &mut Mt19937, k: u32) -> u64 {
    if k <= 32 {
        (mt.next_u32() >> (32 - k)) as u64
    } else {
        let lo = mt.next_u32() as u64;
        let hi = (mt.next_u32() >> (64 - k)) as u64;
        (hi << 32) | lo
    }
}

/// `_randbelow_with_getrandbits(n)` for 0 < n < 2**64.
fn randbelow_u64(mt: &mut Mt19937, n: u64) -> u64 {
    let k = 64 - n.leading_zeros();
    loop {
        let r = bits_u64(mt, k);
        if r < n {
            return r;
        }
    }
}

/// `_randbelow_with_getrandbits(n)` for n > 0 of any size.
fn randbelow(n: &BigInt) -> BigInt {
    if let Some(small) = n.to_u64() {
        return BigInt::from(with_gen(|s| randbelow_u64(&mut s.mt, small)));
    }
    let k = n.bits();
    with_gen(|s| {
        loop {
            let r = s.mt.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    })
}

fn randbelow_usize(n: usize) -> usize {
    with_gen(|s| randbelow_u64(&mut s.mt, n as u64)) as usize
}

// ---------------------------------------------------------------------------
// Argument binding with the messages of Python methods (`Random.randint()`)

/// Binds positional and keyword arguments to `params` (positional-or-keyword)
/// and `kwonly`; the first `required` params have no default.
fn bind(
    mut a: Args,
    fname: &str,
    params: &[&str],
    required: usize,
    kwonly: &[&str],
) -> PResult<Vec<Option<Value>>> {
    let np = params.len();
    if a.pos.len() > np {
        let given = a.pos.len() + 1;
        let msg = if required == np {
            let s = if np + 1 == 1 { "" } else { "s" };
            format!(
                "Random.{fname}() takes {} positional argument{s} but {given} were given",
                np + 1
            )
        } else {
            format!(
                "Random.{fname}() takes from {} to {} positional arguments but {given} were given",
                required + 1,
                np + 1
            )
        };
        return type_error(msg);
    }
    let mut slots: Vec<Option<Value>> = vec![None; np + kwonly.len()];
    for (i, v) in a.pos.drain(..).enumerate() {
        slots[i] = Some(v);
    }
    for (k, v) in a.kw.drain(..) {
        let i = match params.iter().chain(kwonly).position(|p| **p == *k) {
            Some(i) => i,
            None => {
                return type_error(format!(
                    "Random.{fname}() got an unexpected keyword argument '{k}'"
                ));
            }
        };
        if slots[i].is_some() {
            return type_error(format!(
                "Random.{fname}() got multiple values for argument '{k}'"
            ));
        }
        slots[i] = Some(v);
    }
    let missing: Vec<String> = (0..required)
        .filter(|&i| slots[i].is_none())
        .map(|i| format!("'{}'", params[i]))
        .collect();
    if !missing.is_empty() {
        let names = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        return type_error(format!(
            "Random.{fname}() missing {} required positional argument{s}: {names}",
            missing.len()
        ));
    }
    Ok(slots)
}

fn no_args(a: &Args, fname: &str) -> PResult<()> {
    if !a.kw.is_empty() {
        return type_error(format!("Random.{fname}() takes no keyword arguments"));
    }
    if !a.pos.is_empty() {
        return type_error(format!(
            "Random.{fname}() takes no arguments ({} given)",
            a.pos.len()
        ));
    }
    Ok(())
}

fn float_arg(v: &Value) -> PResult<f64> {
    super::builtins::to_float_arg(v, "")
}

fn int_index(v: &Value) -> PResult<BigInt> {
    match ops::to_bigint(v) {
        Some(b) => Ok(b),
        None => type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        )),
    }
}

fn opt(v: &Option<Value>, default: f64) -> Value {
    v.clone().unwrap_or(Value::Float(default))
}

fn zero_division<T>() -> PResult<T> {
    raise(ExcType::ZeroDivisionError, "float division by zero")
}

// ---------------------------------------------------------------------------
// Seeding and state

/// SHA-512 (FIPS 180-4), for CPython's version-2 seeding of strings.
fn sha512(data: &[u8]) -> [u8; 64] {
    const K: [u64; 80] = [
        0x428a2f98d728ae22,
        0x7137449123ef65cd,
        0xb5c0fbcfec4d3b2f,
        0xe9b5dba58189dbbc,
        0x3956c25bf348b538,
        0x59f111f1b605d019,
        0x923f82a4af194f9b,
        0xab1c5ed5da6d8118,
        0xd807aa98a3030242,
        0x12835b0145706fbe,
        0x243185be4ee4b28c,
        0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f,
        0x80deb1fe3b1696b1,
        0x9bdc06a725c71235,
        0xc19bf174cf692694,
        0xe49b69c19ef14ad2,
        0xefbe4786384f25e3,
        0x0fc19dc68b8cd5b5,
        0x240ca1cc77ac9c65,
        0x2de92c6f592b0275,
        0x4a7484aa6ea6e483,
        0x5cb0a9dcbd41fbd4,
        0x76f988da831153b5,
        0x983e5152ee66dfab,
        0xa831c66d2db43210,
        0xb00327c898fb213f,
        0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2,
        0xd5a79147930aa725,
        0x06ca6351e003826f,
        0x142929670a0e6e70,
        0x27b70a8546d22ffc,
        0x2e1b21385c26c926,
        0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df,
        0x650a73548baf63de,
        0x766a0abb3c77b2a8,
        0x81c2c92e47edaee6,
        0x92722c851482353b,
        0xa2bfe8a14cf10364,
        0xa81a664bbc423001,
        0xc24b8b70d0f89791,
        0xc76c51a30654be30,
        0xd192e819d6ef5218,
        0xd69906245565a910,
        0xf40e35855771202a,
        0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8,
        0x1e376c085141ab53,
        0x2748774cdf8eeb99,
        0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63,
        0x4ed8aa4ae3418acb,
        0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc,
        0x78a5636f43172f60,
        0x84c87814a1f0ab72,
        0x8cc702081a6439ec,
        0x90befffa23631e28,
        0xa4506cebde82bde9,
        0xbef9a3f7b2c67915,
        0xc67178f2e372532b,
        0xca273eceea26619c,
        0xd186b8c721c0c207,
        0xeada7dd6cde0eb1e,
        0xf57d4f7fee6ed178,
        0x06f067aa72176fba,
        0x0a637dc5a2c898a6,
        0x113f9804bef90dae,
        0x1b710b35131c471b,
        0x28db77f523047d84,
        0x32caab7b40c72493,
        0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6,
        0x597f299cfc657e2a,
        0x5fcb6fab3ad6faec,
        0x6c44198c4a475817,
    ];
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u128) * 8).to_be_bytes());
    for block in msg.chunks(128) {
        let mut w = [0u64; 80];
        for (i, c) in block.chunks(8).enumerate() {
            w[i] = u64::from_be_bytes(c.try_into().unwrap_or([0; 8]));
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// Seeds the generator from a non-negative int: its 32-bit words, least
/// significant first (CPython's `random_seed`).
fn seed_with_int(n: &BigInt) {
    let (_, mut words) = n.to_u32_digits();
    if words.is_empty() {
        words.push(0);
    }
    with_gen(|s| {
        s.mt.init_by_array(&words);
        s.gauss_next = None;
    });
}

fn seed(_: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "seed", &["a", "version"], 0, &[])?;
    let version = args[1].clone().unwrap_or(Value::Int(2));
    let n: BigInt = match args[0].clone().unwrap_or(Value::None) {
        Value::None => {
            let key = time_key();
            with_gen(|s| {
                s.mt.init_by_array(&key);
                s.gauss_next = None;
            });
            return Ok(Value::None);
        }
        v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => int_index(&v)?.abs(),
        v @ Value::Float(_) => BigInt::from(ops::py_hash(&v)? as u64),
        Value::Str(s) => {
            if ops::py_eq(&version, &Value::Int(1))? {
                let chars: Vec<u32> = s.chars().map(|c| c as u32).collect();
                let mut x: u64 = chars.first().map_or(0, |c| (*c as u64) << 7);
                for &c in &chars {
                    x = 1_000_003u64.wrapping_mul(x) ^ c as u64;
                }
                x ^= chars.len() as u64;
                BigInt::from(x)
            } else if ops::py_eq(&version, &Value::Int(2))? {
                let mut bytes = s.as_bytes().to_vec();
                bytes.extend_from_slice(&sha512(s.as_bytes()));
                BigInt::from_bytes_be(Sign::Plus, &bytes)
            } else {
                return type_error(
                    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
                );
            }
        }
        _ => {
            return type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            );
        }
    };
    seed_with_int(&n);
    Ok(Value::None)
}

fn getstate(_: &mut Interp, a: Args) -> PResult<Value> {
    no_args(&a, "getstate")?;
    let (words, gauss) = with_gen(|s| {
        let (key, pos) = s.mt.get_state();
        let mut v: Vec<Value> = key.iter().map(|w| Value::Int(*w as i64)).collect();
        v.push(Value::Int(pos as i64));
        (v, s.gauss_next)
    });
    Ok(Value::tuple(vec![
        Value::Int(3),
        Value::tuple(words),
        gauss.map_or(Value::None, Value::Float),
    ]))
}

fn setstate(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "setstate", &["state"], 1, &[])?;
    let state = args[0].clone().unwrap_or(Value::None);
    let parts = it.collect(&state)?;
    let version = parts.first().cloned().unwrap_or(Value::None);
    let (inner, gauss) =
        if ops::py_eq(&version, &Value::Int(3))? || ops::py_eq(&version, &Value::Int(2))? {
            if parts.len() != 3 {
                return value_error(format!(
                    "too many values to unpack (expected 3, got {})",
                    parts.len()
                ));
            }
            (parts[1].clone(), parts[2].clone())
        } else {
            let v = it.repr(&version)?;
            return value_error(format!(
                "state with version {v} passed to Random.setstate() of version 3"
            ));
        };
    let is_v2 = ops::py_eq(&version, &Value::Int(2))?;
    let Value::Tuple(words) = inner else {
        return type_error("state vector must be a tuple");
    };
    if words.len() != mt19937::N + 1 {
        return value_error("state vector is the wrong size");
    }
    let mut key = [0u32; mt19937::N];
    for (i, w) in words[..mt19937::N].iter().enumerate() {
        let b = int_index(w)?;
        let b = if is_v2 {
            b % (BigInt::one() << 32usize)
        } else {
            b
        };
        key[i] = match b.to_u32() {
            Some(x) => x,
            None if b.is_negative() => {
                return raise(
                    ExcType::OverflowError,
                    "can't convert negative value to unsigned int",
                );
            }
            None => {
                return raise(
                    ExcType::OverflowError,
                    "Python int too large to convert to C unsigned long",
                );
            }
        };
    }
    let pos = int_index(&words[mt19937::N])?;
    let gauss = match gauss {
        Value::None => None,
        g => Some(float_arg(&g)?),
    };
    let ok = with_gen(|s| {
        let ok = pos
            .to_usize()
            .and_then(|p| s.mt.set_state(&key, p))
            .is_some();
        if ok {
            s.gauss_next = gauss;
        }
        ok
    });
    if !ok {
        return value_error("invalid state");
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------------------
// Integers

fn random(_: &mut Interp, a: Args) -> PResult<Value> {
    no_args(&a, "random")?;
    Ok(Value::Float(random_f64()))
}

fn getrandbits(_: &mut Interp, a: Args) -> PResult<Value> {
    if !a.kw.is_empty() {
        return type_error("Random.getrandbits() takes no keyword arguments");
    }
    if a.pos.len() != 1 {
        return type_error(format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            a.pos.len()
        ));
    }
    let k = int_index(&a.pos[0])?;
    if k.is_negative() {
        return value_error("number of bits must be non-negative");
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return raise(
            ExcType::OverflowError,
            "Python int too large to convert to C int",
        );
    };
    Ok(int_from_big(with_gen(|s| s.mt.getrandbits(k))))
}

/// `_index(x)`, falling back to `int(x)` for integral floats as 3.11 still allows.
fn range_arg(v: &Value, what: &str) -> PResult<BigInt> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => int_index(v),
        Value::Float(f) => {
            let i = super::math::float_to_pyint(*f)?;
            if i.is_none() || *f != f.trunc() {
                return value_error(format!("non-integer {what} for randrange()"));
            }
            int_index(&i)
        }
        _ => type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            v.type_name()
        )),
    }
}

fn randrange_impl(start: &Value, stop: Option<&Value>, step: Option<&Value>) -> PResult<Value> {
    let istart = range_arg(start, "arg 1")?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if step.is_some_and(|s| !matches!(s, Value::Int(1))) {
            return type_error("Missing a non-None stop argument");
        }
        if istart.is_positive() {
            return Ok(int_from_big(randbelow(&istart)));
        }
        return value_error("empty range for randrange()");
    };
    let istop = range_arg(stop, "stop")?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => range_arg(s, "step")?,
        None => BigInt::one(),
    };
    if istep.is_one() {
        if width.is_positive() {
            return Ok(int_from_big(istart + randbelow(&width)));
        }
        return value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        ));
    }
    let n = if istep.is_positive() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep.is_negative() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return value_error("zero step for randrange()");
    };
    if !n.is_positive() {
        return value_error("empty range for randrange()");
    }
    Ok(int_from_big(istart + istep * randbelow(&n)))
}

fn randrange(_: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "randrange", &["start", "stop", "step"], 1, &[])?;
    let start = args[0].clone().unwrap_or(Value::None);
    randrange_impl(&start, args[1].as_ref(), args[2].as_ref())
}

fn randint(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "randint", &["a", "b"], 2, &[])?;
    let (lo, hi) = (
        args[0].clone().unwrap_or(Value::None),
        args[1].clone().unwrap_or(Value::None),
    );
    let stop = it.binop(BinOp::Add, &hi, &Value::Int(1))?;
    randrange_impl(&lo, Some(&stop), None)
}

// ---------------------------------------------------------------------------
// Sequences

fn choice(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "choice", &["seq"], 1, &[])?;
    let seq = args[0].clone().unwrap_or(Value::None);
    let n = super::builtins::len_of(it, &seq)?;
    if n == 0 {
        return index_error("Cannot choose from an empty sequence");
    }
    let i = randbelow_usize(n);
    it.get_item(&seq, &Value::Int(i as i64))
}

fn shuffle(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "shuffle", &["x"], 1, &[])?;
    let x = args[0].clone().unwrap_or(Value::None);
    let n = super::builtins::len_of(it, &x)?;
    if let Value::List(l) = &x {
        for i in (1..n).rev() {
            let j = randbelow_usize(i + 1);
            let mut l = l.borrow_mut();
            if i < l.len() && j < l.len() {
                l.swap(i, j);
            }
        }
        return Ok(Value::None);
    }
    for i in (1..n).rev() {
        let j = randbelow_usize(i + 1);
        let (vi, vj) = (Value::Int(i as i64), Value::Int(j as i64));
        let xj = it.get_item(&x, &vj)?;
        let xi = it.get_item(&x, &vi)?;
        it.set_item(&x, &vi, xj)?;
        it.set_item(&x, &vj, xi)?;
    }
    Ok(Value::None)
}

/// `bisect.bisect_right(a, x, lo, hi)` with Python comparisons.
fn bisect_right(
    it: &mut Interp,
    a: &[Value],
    x: &Value,
    mut lo: usize,
    mut hi: usize,
) -> PResult<usize> {
    while lo < hi {
        let mid = (lo + hi) / 2;
        let lt = it.compare(CmpOp::Lt, x, &a[mid])?;
        if it.truthy(&lt)? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

/// `list(itertools.accumulate(xs))`.
fn accumulate(it: &mut Interp, xs: &Value) -> PResult<Vec<Value>> {
    let mut out: Vec<Value> = Vec::new();
    let mut iter = it.iterate(xs)?;
    while let Some(v) = iter.next(it)? {
        let next = match out.last() {
            Some(prev) => it.binop(BinOp::Add, prev, &v)?,
            None => v,
        };
        out.push(next);
    }
    Ok(out)
}

fn sample(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "sample", &["population", "k"], 2, &["counts"])?;
    let population = args[0].clone().unwrap_or(Value::None);
    let kv = args[1].clone().unwrap_or(Value::None);
    if !matches!(
        population,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_)
    ) {
        return type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    let n = super::builtins::len_of(it, &population)?;
    if let Some(counts) = args[2].clone().filter(|c| !c.is_none()) {
        let mut cum_counts = accumulate(it, &counts)?;
        if cum_counts.len() != n {
            return value_error("The number of counts does not match the population");
        }
        let total = cum_counts.pop().unwrap_or(Value::None);
        if !matches!(total, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
            return type_error("Counts must be integers");
        }
        if !int_index(&total)?.is_positive() {
            return value_error("Total of counts must be greater than zero");
        }
        let range = it.call_value(
            &Value::Type(crate::eval::value::TypeObj::Range),
            Args::new(vec![total]),
        )?;
        let mut sub = Args::new(vec![range]);
        sub.kw.push((Rc::from("k"), kv));
        let selections = sample(it, sub)?;
        let mut out = Vec::new();
        for s in it.collect(&selections)? {
            let i = bisect_right(it, &cum_counts, &s, 0, cum_counts.len())?;
            out.push(it.get_item(&population, &Value::Int(i as i64))?);
        }
        return Ok(Value::list(out));
    }
    let in_range = match ops::num_cmp(&Value::Int(0), &kv) {
        Some(Some(o)) => {
            o.is_le()
                && matches!(ops::num_cmp(&kv, &Value::Int(n as i64)), Some(Some(o)) if o.is_le())
        }
        _ => {
            return type_error(format!(
                "'<=' not supported between instances of 'int' and '{}'",
                kv.type_name()
            ));
        }
    };
    if !in_range {
        return value_error("Sample larger than population or is negative");
    }
    let k = match &kv {
        Value::Int(k) => *k as usize,
        Value::Bool(b) => *b as usize,
        other => {
            return type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                other.type_name()
            ));
        }
    };
    let mut result = Vec::with_capacity(k);
    let mut setsize: f64 = 21.0;
    if k > 5 {
        let e = (libm::log((k * 3) as f64) / libm::log(4.0)).ceil();
        setsize += 4f64.powf(e);
    }
    if (n as f64) <= setsize {
        let mut pool = it.collect(&population)?;
        for i in 0..k {
            let j = randbelow_usize(n - i);
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::with_capacity(k);
        for _ in 0..k {
            let mut j = randbelow_usize(n);
            while selected.contains(&j) {
                j = randbelow_usize(n);
            }
            selected.insert(j);
            result.push(it.get_item(&population, &Value::Int(j as i64))?);
        }
    }
    Ok(Value::list(result))
}

fn choices(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(
        a,
        "choices",
        &["population", "weights"],
        1,
        &["cum_weights", "k"],
    )?;
    let population = args[0].clone().unwrap_or(Value::None);
    let weights = args[1].clone().filter(|w| !w.is_none());
    let cum = args[2].clone().filter(|w| !w.is_none());
    let kv = args[3].clone().unwrap_or(Value::Int(1));
    let n = super::builtins::len_of(it, &population)?;
    let repeat = |kv: &Value| -> PResult<usize> {
        match ops::to_bigint(kv) {
            Some(b) => Ok(b
                .to_usize()
                .unwrap_or(if b.is_negative() { 0 } else { usize::MAX })),
            None => type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                kv.type_name()
            )),
        }
    };
    let cum_weights = match (cum, weights) {
        (None, None) => {
            let k = repeat(&kv)?;
            let nf = n as f64;
            let mut out = Vec::new();
            for _ in 0..k {
                let i = super::math::float_to_pyint((random_f64() * nf).floor())?;
                out.push(it.get_item(&population, &i)?);
            }
            return Ok(Value::list(out));
        }
        (None, Some(w)) => match accumulate(it, &w) {
            Ok(c) => c,
            Err(e) => {
                if e.ty() == ExcType::TypeError
                    && matches!(w, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
                {
                    let r = it.repr(&w)?;
                    return type_error(format!(
                        "The number of choices must be a keyword argument: k={r}"
                    ));
                }
                return Err(e);
            }
        },
        (Some(c), None) => it.collect(&c)?,
        (Some(_), Some(_)) => {
            return type_error("Cannot specify both weights and cumulative weights");
        }
    };
    if cum_weights.len() != n {
        return value_error("The number of weights does not match the population");
    }
    let Some(last) = cum_weights.last() else {
        return index_error("list index out of range");
    };
    let total = it.binop(BinOp::Add, last, &Value::Float(0.0))?;
    let total = float_arg(&total)?;
    if total <= 0.0 {
        return value_error("Total of weights must be greater than zero");
    }
    if !total.is_finite() {
        return value_error("Total of weights must be finite");
    }
    let k = repeat(&kv)?;
    let hi = n - 1;
    let mut out = Vec::new();
    for _ in 0..k {
        let x = Value::Float(random_f64() * total);
        let i = bisect_right(it, &cum_weights, &x, 0, hi)?;
        out.push(it.get_item(&population, &Value::Int(i as i64))?);
    }
    Ok(Value::list(out))
}

// ---------------------------------------------------------------------------
// Real-valued distributions

fn uniform(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "uniform", &["a", "b"], 2, &[])?;
    let (lo, hi) = (
        args[0].clone().unwrap_or(Value::None),
        args[1].clone().unwrap_or(Value::None),
    );
    let width = it.binop(BinOp::Sub, &hi, &lo)?;
    let scaled = it.binop(BinOp::Mul, &width, &Value::Float(random_f64()))?;
    it.binop(BinOp::Add, &lo, &scaled)
}

fn triangular(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "triangular", &["low", "high", "mode"], 0, &[])?;
    let (mut low, mut high) = (opt(&args[0], 0.0), opt(&args[1], 1.0));
    let mut u = random_f64();
    let mut c = match args[2].clone().filter(|m| !m.is_none()) {
        None => 0.5,
        Some(mode) => {
            let num = it.binop(BinOp::Sub, &mode, &low)?;
            let den = it.binop(BinOp::Sub, &high, &low)?;
            match it.binop(BinOp::Div, &num, &den) {
                Ok(c) => float_arg(&c)?,
                Err(e) if e.ty() == ExcType::ZeroDivisionError => return Ok(low),
                Err(e) => return Err(e),
            }
        }
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    let width = it.binop(BinOp::Sub, &high, &low)?;
    let scaled = it.binop(BinOp::Mul, &width, &Value::Float((u * c).sqrt()))?;
    it.binop(BinOp::Add, &low, &scaled)
}

/// `mu + z * sigma` with Python arithmetic.
fn affine(it: &mut Interp, mu: &Value, z: f64, sigma: &Value) -> PResult<Value> {
    let zs = it.binop(BinOp::Mul, &Value::Float(z), sigma)?;
    it.binop(BinOp::Add, mu, &zs)
}

fn normal_z() -> f64 {
    let nv_magicconst = 4.0 * libm::exp(-0.5) / 2.0f64.sqrt();
    loop {
        let u1 = random_f64();
        let u2 = 1.0 - random_f64();
        let z = nv_magicconst * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -libm::log(u2) {
            return z;
        }
    }
}

fn normalvariate(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "normalvariate", &["mu", "sigma"], 0, &[])?;
    let z = normal_z();
    affine(it, &opt(&args[0], 0.0), z, &opt(&args[1], 1.0))
}

fn gauss(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "gauss", &["mu", "sigma"], 0, &[])?;
    let z = with_gen(|s| match s.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = s.mt.next_f64() * TWOPI;
            let g2rad = (-2.0 * libm::log(1.0 - s.mt.next_f64())).sqrt();
            s.gauss_next = Some(libm::sin(x2pi) * g2rad);
            libm::cos(x2pi) * g2rad
        }
    });
    affine(it, &opt(&args[0], 0.0), z, &opt(&args[1], 1.0))
}

fn lognormvariate(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "lognormvariate", &["mu", "sigma"], 2, &[])?;
    let z = normal_z();
    let v = affine(it, &opt(&args[0], 0.0), z, &opt(&args[1], 1.0))?;
    let x = float_arg(&v)?;
    let r = libm::exp(x);
    if r.is_infinite() && x.is_finite() {
        return raise(ExcType::OverflowError, "math range error");
    }
    Ok(Value::Float(r))
}

fn expovariate(it: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "expovariate", &["lambd"], 1, &[])?;
    let lambd = args[0].clone().unwrap_or(Value::None);
    let num = Value::Float(-libm::log(1.0 - random_f64()));
    it.binop(BinOp::Div, &num, &lambd)
}

fn vonmisesvariate(_: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "vonmisesvariate", &["mu", "kappa"], 2, &[])?;
    let mu = float_arg(&opt(&args[0], 0.0))?;
    let kappa = float_arg(&opt(&args[1], 0.0))?;
    if kappa <= 1e-6 {
        return Ok(Value::Float(TWOPI * random_f64()));
    }
    let s = 0.5 / kappa;
    let r = s + (1.0 + s * s).sqrt();
    let z = loop {
        let u1 = random_f64();
        let z = libm::cos(PI * u1);
        let d = z / (r + z);
        let u2 = random_f64();
        if u2 < 1.0 - d * d || u2 <= (1.0 - d) * libm::exp(d) {
            break z;
        }
    };
    let q = 1.0 / r;
    let f = (q + z) / (1.0 + q * z);
    let u3 = random_f64();
    let theta = if u3 > 0.5 {
        ops::float_mod(mu + libm::acos(f), TWOPI)
    } else {
        ops::float_mod(mu - libm::acos(f), TWOPI)
    };
    Ok(Value::Float(theta))
}

fn gamma_f64(alpha: f64, beta: f64) -> PResult<f64> {
    if alpha <= 0.0 || beta <= 0.0 {
        return value_error("gammavariate: alpha and beta must be > 0.0");
    }
    if alpha > 1.0 {
        let ainv = (2.0 * alpha - 1.0).sqrt();
        let bbb = alpha - libm::log(4.0);
        let ccc = alpha + ainv;
        let sg_magicconst = 1.0 + libm::log(4.5);
        loop {
            let u1 = random_f64();
            if !(1e-7 < u1 && u1 < 0.9999999) {
                continue;
            }
            let u2 = 1.0 - random_f64();
            let v = libm::log(u1 / (1.0 - u1)) / ainv;
            let x = alpha * libm::exp(v);
            let z = u1 * u1 * u2;
            let r = bbb + ccc * v - x;
            if r + sg_magicconst - 4.5 * z >= 0.0 || r >= libm::log(z) {
                return Ok(x * beta);
            }
        }
    } else if alpha == 1.0 {
        Ok(-libm::log(1.0 - random_f64()) * beta)
    } else {
        let e = std::f64::consts::E;
        let x = loop {
            let u = random_f64();
            let b = (e + alpha) / e;
            let p = b * u;
            let x = if p <= 1.0 {
                libm::pow(p, 1.0 / alpha)
            } else {
                -libm::log((b - p) / alpha)
            };
            let u1 = random_f64();
            if p > 1.0 {
                if u1 <= libm::pow(x, alpha - 1.0) {
                    break x;
                }
            } else if u1 <= libm::exp(-x) {
                break x;
            }
        };
        Ok(x * beta)
    }
}

fn gammavariate(_: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "gammavariate", &["alpha", "beta"], 2, &[])?;
    let alpha = float_arg(&opt(&args[0], 0.0))?;
    let beta = float_arg(&opt(&args[1], 0.0))?;
    Ok(Value::Float(gamma_f64(alpha, beta)?))
}

fn betavariate(_: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "betavariate", &["alpha", "beta"], 2, &[])?;
    let alpha = float_arg(&opt(&args[0], 0.0))?;
    let beta = float_arg(&opt(&args[1], 0.0))?;
    let y = gamma_f64(alpha, 1.0)?;
    if y != 0.0 {
        return Ok(Value::Float(y / (y + gamma_f64(beta, 1.0)?)));
    }
    Ok(Value::Float(0.0))
}

fn paretovariate(_: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "paretovariate", &["alpha"], 1, &[])?;
    let alpha = float_arg(&opt(&args[0], 0.0))?;
    let u = 1.0 - random_f64();
    if alpha == 0.0 {
        return zero_division();
    }
    Ok(Value::Float(libm::pow(u, -1.0 / alpha)))
}

fn weibullvariate(_: &mut Interp, a: Args) -> PResult<Value> {
    let args = bind(a, "weibullvariate", &["alpha", "beta"], 2, &[])?;
    let alpha = float_arg(&opt(&args[0], 0.0))?;
    let beta = float_arg(&opt(&args[1], 0.0))?;
    let u = 1.0 - random_f64();
    if beta == 0.0 {
        return zero_division();
    }
    Ok(Value::Float(alpha * libm::pow(-libm::log(u), 1.0 / beta)))
}

macro_rules! table {
    ($($name:literal, $sig:literal, $doc:literal, $f:ident;)*) => {
        pub static FUNCS: &[Builtin] = &[
            $(Builtin { name: $name, module: "random", sig: $sig, doc: $doc, f: $f },)*
        ];
    };
}

table! {
    "seed", "seed(a=None, version=2)", "Initialize the generator from an int, float or str (None: from the clock).", seed;
    "random", "random()", "Random float in the interval [0.0, 1.0).", random;
    "getrandbits", "getrandbits(k, /)", "Non-negative int with k random bits.", getrandbits;
    "getstate", "getstate()", "Internal state of the generator; pass it to setstate() later.", getstate;
    "setstate", "setstate(state)", "Restore the state returned by getstate().", setstate;
    "randrange", "randrange(start, stop=None, step=1)", "Random item from range(start, stop[, step]).", randrange;
    "randint", "randint(a, b)", "Random integer in range [a, b], including both end points.", randint;
    "choice", "choice(seq)", "Random element from a non-empty sequence.", choice;
    "shuffle", "shuffle(x)", "Shuffle list x in place, and return None.", shuffle;
    "sample", "sample(population, k, *, counts=None)", "k unique random elements from a population sequence.", sample;
    "choices", "choices(population, weights=None, *, cum_weights=None, k=1)", "k sized list of elements chosen with replacement.", choices;
    "uniform", "uniform(a, b)", "Random number in the range [a, b) or [a, b] depending on rounding.", uniform;
    "triangular", "triangular(low=0.0, high=1.0, mode=None)", "Triangular distribution.", triangular;
    "normalvariate", "normalvariate(mu=0.0, sigma=1.0)", "Normal distribution (Kinderman and Monahan method).", normalvariate;
    "gauss", "gauss(mu=0.0, sigma=1.0)", "Gaussian distribution (Box-Muller, values produced in pairs).", gauss;
    "lognormvariate", "lognormvariate(mu, sigma)", "Log normal distribution.", lognormvariate;
    "expovariate", "expovariate(lambd)", "Exponential distribution with rate lambd (1/mean).", expovariate;
    "vonmisesvariate", "vonmisesvariate(mu, kappa)", "Circular data distribution.", vonmisesvariate;
    "gammavariate", "gammavariate(alpha, beta)", "Gamma distribution (not the gamma function).", gammavariate;
    "betavariate", "betavariate(alpha, beta)", "Beta distribution, values between 0 and 1.", betavariate;
    "paretovariate", "paretovariate(alpha)", "Pareto distribution.", paretovariate;
    "weibullvariate", "weibullvariate(alpha, beta)", "Weibull distribution.", weibullvariate;
}

pub fn module() -> Value {
    with_gen(|_| ());
    super::make_module("random", FUNCS, vec![])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha512_known_answers() {
        let hex = |d: [u8; 64]| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert!(
            hex(sha512(b""))
                .starts_with("cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce")
        );
        assert!(
            hex(sha512(b"abc"))
                .starts_with("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a")
        );
        let long = [b'a'; 200];
        assert!(
            hex(sha512(&long))
                .starts_with("4b11459c33f52a22ee8236782714c150a3b2c60994e9acee17fe68947a3e6789")
        );
    }
}
