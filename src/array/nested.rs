//! Building arrays from nested Python-like data (`np.array(obj, dtype, ndmin)`): NumPy's
//! shape discovery (with its ragged-input error), dtype discovery and per-element
//! conversion; and the way back (`tolist`).

use num_complex::Complex64;

use super::alloc::check_dims;
use super::convert::cast_into;
use super::dtype::{DType, promote_types};
use super::ndarray::{NdArray, Order, Shape};
use super::scalar::Scalar;
use super::{ArrayError, Result, shape_repr};

/// NumPy's limit on the number of dimensions.
pub const MAX_DIMS: usize = 64;

/// A Python value as the interpreter hands it to `np.array`.
#[derive(Clone, Debug)]
pub enum Nested {
    Bool(bool),
    /// A Python int that fits in i128.
    Int(i128),
    /// A Python int beyond i128, with its value rounded to f64 (infinite if too large).
    BigInt(f64),
    Float(f64),
    Complex(f64, f64),
    /// A NumPy scalar: keeps ("strong") its dtype.
    Scalar(Scalar),
    Array(NdArray),
    /// A list or tuple.
    List(Vec<Nested>),
}

/// State of NumPy's `PyArray_DiscoverDTypeAndShape_Recursive`.
struct Discovery {
    max_dims: usize,
    shape: Vec<usize>,
    max_dims_reached: bool,
    ragged: bool,
    dtype: Option<DType>,
}

impl Discovery {
    /// NumPy's `update_shape`; false when the input is ragged.
    fn update_shape(&mut self, curr: usize, new_shape: &[usize], sequence: bool) -> bool {
        let mut success = true;
        let reached = self.max_dims_reached;
        let mut new_nd = new_shape.len();
        if curr + new_nd > self.max_dims {
            success = false;
            new_nd = self.max_dims.saturating_sub(curr);
        } else if !sequence && self.max_dims != curr + new_nd {
            self.max_dims = curr + new_nd;
            if reached {
                success = false;
            }
        }
        for (i, &new_dim) in new_shape.iter().enumerate().take(new_nd) {
            if !reached {
                self.shape[curr + i] = new_dim;
            } else if self.shape[curr + i] != new_dim {
                success = false;
                if !sequence {
                    self.max_dims -= new_nd - i;
                } else {
                    self.max_dims = curr;
                }
                break;
            }
        }
        if !sequence {
            self.max_dims_reached = true;
        }
        success
    }

    fn add_dtype(&mut self, d: DType) {
        self.dtype = Some(match self.dtype {
            None => d,
            Some(c) => promote_types(c, d),
        });
    }

    fn visit(&mut self, obj: &Nested, curr: usize) -> Result<()> {
        match obj {
            Nested::List(items) => {
                if !self.update_shape(curr, &[items.len()], true) {
                    self.ragged = true;
                    return Ok(());
                }
                if items.is_empty() {
                    self.max_dims_reached = true;
                    self.max_dims = curr + 1;
                    return Ok(());
                }
                for it in items {
                    self.visit(it, curr + 1)?;
                }
                Ok(())
            }
            Nested::Array(a) => {
                if !self.update_shape(curr, &a.shape, false) {
                    self.ragged = true;
                }
                self.add_dtype(a.dtype);
                Ok(())
            }
            scalar => {
                if !self.update_shape(curr, &[], false) {
                    self.ragged = true;
                }
                self.add_dtype(discover_scalar(scalar)?);
                Ok(())
            }
        }
    }
}

/// The dtype NumPy gives a Python scalar in `np.array`: int → int64 (uint64 for
/// `[2**63, 2**64)`), float → float64, complex → complex128.
fn discover_scalar(obj: &Nested) -> Result<DType> {
    Ok(match obj {
        Nested::Bool(_) => DType::Bool,
        Nested::Int(v) if (i64::MIN as i128..=i64::MAX as i128).contains(v) => DType::Int64,
        Nested::Int(v) if (0..=u64::MAX as i128).contains(v) => DType::UInt64,
        // NumPy makes an object array here; this runtime has none.
        Nested::Int(_) | Nested::BigInt(_) => {
            return Err(ArrayError::overflow(
                "Python int too large to convert to C long",
            ));
        }
        Nested::Float(_) => DType::Float64,
        Nested::Complex(..) => DType::Complex128,
        Nested::Scalar(s) => s.dtype(),
        Nested::Array(a) => a.dtype,
        Nested::List(_) => unreachable!("lists are not scalars"),
    })
}

/// `np.array(obj, dtype=dtype, ndmin=ndmin)`: always a new C-ordered array.
pub fn from_nested(obj: &Nested, dtype: Option<DType>, ndmin: usize) -> Result<NdArray> {
    let mut d = Discovery {
        max_dims: MAX_DIMS,
        shape: vec![0; MAX_DIMS],
        max_dims_reached: false,
        ragged: false,
        dtype: None,
    };
    // A big int only matters for dtype discovery; with an explicit dtype the element
    // conversion reports it.
    let discovered = d.visit(obj, 0);
    if d.ragged {
        let msg = if d.max_dims >= MAX_DIMS {
            format!(
                "setting an array element with a sequence. The requested array would exceed \
                 the maximum number of dimension of {MAX_DIMS}."
            )
        } else {
            format!(
                "setting an array element with a sequence. The requested array has an \
                 inhomogeneous shape after {} dimensions. The detected shape was {} + \
                 inhomogeneous part.",
                d.max_dims,
                shape_repr(&d.shape[..d.max_dims])
            )
        };
        return Err(ArrayError::value(msg));
    }
    if dtype.is_none() {
        discovered?;
    }
    let shape: Vec<usize> = d.shape[..d.max_dims].to_vec();
    let dtype = dtype.or(d.dtype).unwrap_or(DType::Float64);
    let dims: Vec<i64> = shape.iter().map(|&n| n as i64).collect();
    check_dims(&dims, dtype)?;
    let out = NdArray::zeros(&shape, dtype, Order::C)?;
    let mut pos = out.offset;
    fill(&out, obj, 0, &mut pos)?;
    if out.ndim() < ndmin {
        let mut shape: Shape = std::iter::repeat_n(1, ndmin - out.ndim()).collect();
        shape.extend_from_slice(&out.shape);
        let strides = super::ndarray::contiguous_strides(&shape, dtype.itemsize(), false);
        let mut v = out.with_layout(out.offset, shape, strides);
        v.owns_data = true;
        return Ok(v);
    }
    Ok(out)
}

/// Writes `obj` (which sits at nesting depth `depth`) into `out` starting at byte `*pos`,
/// advancing `*pos` past it (C order).
fn fill(out: &NdArray, obj: &Nested, depth: usize, pos: &mut usize) -> Result<()> {
    let dt = out.dtype;
    match obj {
        Nested::List(items) => {
            for it in items {
                fill(out, it, depth + 1, pos)?;
            }
        }
        Nested::Array(a) => {
            let shape = &out.shape[depth..];
            let n: usize = shape.iter().product();
            let strides = super::ndarray::contiguous_strides(shape, dt.itemsize(), false);
            let dst = out.with_layout(*pos, shape.into(), strides);
            if n > 0 {
                cast_into(&dst, a);
            }
            *pos += n * dt.itemsize();
        }
        scalar => {
            let v = match *scalar {
                Nested::Bool(b) => Scalar::Bool(b).cast(dt),
                Nested::Int(v) => Scalar::from_py_int(Some(v), dt)?,
                Nested::BigInt(x) => {
                    if dt.is_inexact() && x.is_finite() {
                        Scalar::F64(x).cast(dt)
                    } else {
                        Scalar::from_py_int(None, dt)?
                    }
                }
                Nested::Float(x) => Scalar::from_py_float(x, dt)?,
                Nested::Complex(re, im) => Scalar::from_py_complex(re, im, dt)?,
                Nested::Scalar(s) => s.coerce_strong(dt)?,
                Nested::Array(_) | Nested::List(_) => unreachable!("handled above"),
            };
            out.set_at(*pos, v);
            *pos += dt.itemsize();
        }
    }
    Ok(())
}

/// `a.tolist()`: nested lists of Python scalars (bool, int, float, complex); a 0-d array
/// gives its scalar.
pub fn to_nested(a: &NdArray) -> Nested {
    let mut it = a.offsets();
    build(a, 0, &mut it)
}

fn build(a: &NdArray, depth: usize, it: &mut super::iter::Offsets) -> Nested {
    if depth == a.ndim() {
        let s = a.get_at(it.next().unwrap_or(a.offset));
        return scalar_to_python(s);
    }
    Nested::List(
        (0..a.shape[depth])
            .map(|_| build(a, depth + 1, it))
            .collect(),
    )
}

/// A NumPy scalar as the Python scalar `item()` gives.
pub fn scalar_to_python(s: Scalar) -> Nested {
    match s {
        Scalar::Bool(b) => Nested::Bool(b),
        Scalar::F16(_) | Scalar::F32(_) | Scalar::F64(_) => Nested::Float(s.to_f64()),
        Scalar::C64(_) | Scalar::C128(_) => {
            let Complex64 { re, im } = s.to_c128();
            Nested::Complex(re, im)
        }
        s => Nested::Int(s.to_i128().unwrap_or(0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Nested::*;

    fn ints(v: &[i128]) -> Nested {
        List(v.iter().map(|&x| Int(x)).collect())
    }
    fn err(obj: &Nested, dtype: Option<DType>) -> String {
        from_nested(obj, dtype, 0).unwrap_err().msg
    }

    #[test]
    fn dtype_discovery() {
        let dt = |o: Nested| from_nested(&o, None, 0).unwrap().dtype;
        // np.array([1, 2]).dtype etc. in NumPy 2.4.6
        assert_eq!(dt(ints(&[1, 2])), DType::Int64);
        assert_eq!(dt(List(vec![Int(1), Float(2.0)])), DType::Float64);
        assert_eq!(dt(List(vec![Bool(true), Int(2)])), DType::Int64);
        assert_eq!(dt(List(vec![Bool(true), Bool(false)])), DType::Bool);
        assert_eq!(dt(List(vec![Int(1), Complex(0.0, 1.0)])), DType::Complex128);
        assert_eq!(dt(List(vec![])), DType::Float64);
        assert_eq!(dt(List(vec![List(vec![]), List(vec![])])), DType::Float64);
        // np.array([2**63]) -> uint64; [2**63, 1] -> float64; [2**63, True] -> uint64
        assert_eq!(dt(ints(&[1 << 63])), DType::UInt64);
        assert_eq!(dt(ints(&[1 << 63, 1])), DType::Float64);
        assert_eq!(dt(List(vec![Int(1 << 63), Bool(true)])), DType::UInt64);
        // NumPy scalars are strong: [np.uint8(1), 300] -> int64; [np.int8(1), np.uint8(3)] -> int16
        assert_eq!(
            dt(List(vec![Scalar(super::Scalar::U8(1)), Int(300)])),
            DType::Int64
        );
        assert_eq!(
            dt(List(vec![
                Scalar(super::Scalar::I8(1)),
                Scalar(super::Scalar::U8(3))
            ])),
            DType::Int16
        );
        assert_eq!(
            dt(List(vec![Scalar(super::Scalar::F32(1.0)), Int(3)])),
            DType::Float64
        );
        assert_eq!(
            dt(List(vec![
                Scalar(super::Scalar::F16(half::f16::ONE)),
                Scalar(super::Scalar::I16(3))
            ])),
            DType::Float32
        );
        let i8a = NdArray::from_slice(&[1i8, 2]).unwrap();
        // np.array([np.array([1,2], np.int8), [3, 400]]) -> int64 [[1, 2], [3, 400]]
        let m = from_nested(&List(vec![Array(i8a.clone()), ints(&[3, 400])]), None, 0).unwrap();
        assert_eq!((m.dtype, m.shape()), (DType::Int64, &[2, 2][..]));
        assert_eq!(m.to_vec::<i64>().unwrap(), [1, 2, 3, 400]);
        let z = NdArray::zeros(&[2, 0], DType::Int8, Order::C).unwrap();
        let z32 = NdArray::zeros(&[2, 0], DType::Float32, Order::C).unwrap();
        let e = from_nested(&List(vec![Array(z), Array(z32)]), None, 0).unwrap();
        assert_eq!((e.dtype, e.shape()), (DType::Float32, &[2, 2, 0][..]));
        // np.array([2**64]) is an object array in NumPy; here an OverflowError
        assert_eq!(
            err(&ints(&[1 << 64]), None),
            "Python int too large to convert to C long"
        );
        assert_eq!(
            err(&List(vec![BigInt(1e40)]), None),
            "Python int too large to convert to C long"
        );
    }

    #[test]
    fn explicit_dtypes() {
        // np.array([256], np.uint8) / [2**64] / [300.5] / [nan] / [1+2j] to float
        assert_eq!(
            err(&ints(&[256]), Some(DType::UInt8)),
            "Python integer 256 out of bounds for uint8"
        );
        assert_eq!(
            err(&ints(&[1 << 64]), Some(DType::UInt8)),
            "Python int too large to convert to C long"
        );
        assert_eq!(
            err(&List(vec![Float(300.5)]), Some(DType::Int8)),
            "Python integer 300 out of bounds for int8"
        );
        assert_eq!(
            err(&List(vec![Float(f64::NAN)]), Some(DType::Int8)),
            "cannot convert float NaN to integer"
        );
        assert_eq!(
            err(&List(vec![Complex(1.0, 2.0)]), Some(DType::Float64)),
            "float() argument must be a string or a real number, not 'complex'"
        );
        // np.array([2**1024], np.float64)
        assert_eq!(
            err(&List(vec![BigInt(f64::INFINITY)]), Some(DType::Float64)),
            "int too large to convert to float"
        );
        // np.array([2**100], np.float64) -> [1.2676506e+30]
        let b = from_nested(
            &List(vec![BigInt(1.2676506002282294e30)]),
            Some(DType::Float64),
            0,
        )
        .unwrap();
        assert_eq!(b.to_vec_f64(), [1.2676506002282294e30]);
        // np.array([np.array([300])], np.int8) -> [[44]] (arrays cast unsafe-ly)
        let a = NdArray::from_slice(&[300i64]).unwrap();
        let c = from_nested(&List(vec![Array(a)]), Some(DType::Int8), 0).unwrap();
        assert_eq!(
            (c.shape(), c.to_vec::<i8>().unwrap()),
            (&[1, 1][..], vec![44])
        );
        // np.array([1.5, 2], np.int8) -> [1, 2]; np.array([0.5, 2], np.bool_) -> [True, True]
        assert_eq!(
            from_nested(&List(vec![Float(1.5), Int(2)]), Some(DType::Int8), 0)
                .unwrap()
                .to_vec::<i8>()
                .unwrap(),
            [1, 2]
        );
        assert_eq!(
            from_nested(&List(vec![Float(0.5), Int(2)]), Some(DType::Bool), 0)
                .unwrap()
                .to_vec::<bool>()
                .unwrap(),
            [true, true]
        );
        // np.array([np.complex128(1+2j)], np.float64) -> [1.]
        let s = Scalar(super::Scalar::C128(Complex64::new(1.0, 2.0)));
        assert_eq!(
            from_nested(&List(vec![s]), Some(DType::Float64), 0)
                .unwrap()
                .to_vec_f64(),
            [1.0]
        );
        // np.array([[],[]], np.int8).dtype == int8
        assert_eq!(
            from_nested(
                &List(vec![List(vec![]), List(vec![])]),
                Some(DType::Int8),
                0
            )
            .unwrap()
            .shape(),
            &[2, 0]
        );
    }

    #[test]
    fn ragged_inputs() {
        let r1 = "setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.";
        let r2 = |s: &str| {
            format!(
                "setting an array element with a sequence. The requested array has an inhomogeneous shape after 2 dimensions. The detected shape was {s} + inhomogeneous part."
            )
        };
        // np.array([[1, 2], [3]]), [[1,2],3], [1,[2,3]], [[], [1]], [[1,2],[]]
        assert_eq!(err(&List(vec![ints(&[1, 2]), ints(&[3])]), None), r1);
        assert_eq!(err(&List(vec![ints(&[1, 2]), Int(3)]), None), r1);
        assert_eq!(err(&List(vec![Int(1), ints(&[2, 3])]), None), r1);
        assert_eq!(err(&List(vec![List(vec![]), ints(&[1])]), None), r1);
        assert_eq!(err(&List(vec![ints(&[1, 2]), List(vec![])]), None), r1);
        assert_eq!(
            err(&List(vec![ints(&[1]), ints(&[2, 3])]), Some(DType::Float64)),
            r1
        );
        // np.array([[[1,2],[3,4]],[[1,2],[3]]]) -> (2, 2); [[1,[2]]] -> (1, 2); [[[1]], [2]] -> (2, 1)
        let deep = List(vec![
            List(vec![ints(&[1, 2]), ints(&[3, 4])]),
            List(vec![ints(&[1, 2]), ints(&[3])]),
        ]);
        assert_eq!(err(&deep, None), r2("(2, 2)"));
        assert_eq!(
            err(&List(vec![List(vec![Int(1), ints(&[2])])]), None),
            r2("(1, 2)")
        );
        assert_eq!(
            err(&List(vec![List(vec![ints(&[1])]), ints(&[2])]), None),
            r2("(2, 1)")
        );
        assert_eq!(
            err(&List(vec![ints(&[1]), List(vec![ints(&[2])])]), None),
            r2("(2, 1)")
        );
        assert_eq!(
            err(
                &List(vec![List(vec![List(vec![])]), List(vec![ints(&[1])])]),
                None
            ),
            r2("(2, 1)")
        );
        // arrays among lists: np.array([np.zeros(2), 1]), np.array([np.zeros((2,)), [[1,2],[3,4]]])
        let z2 = NdArray::zeros(&[2], DType::Float64, Order::C).unwrap();
        assert_eq!(err(&List(vec![Array(z2.clone()), Int(1)]), None), r1);
        assert_eq!(err(&List(vec![Int(1), Array(z2.clone())]), None), r1);
        assert_eq!(
            err(
                &List(vec![Array(z2), List(vec![ints(&[1, 2]), ints(&[3, 4])])]),
                None
            ),
            r2("(2, 2)")
        );
        // 65 nested lists
        let mut x = Int(1);
        for _ in 0..65 {
            x = List(vec![x]);
        }
        assert_eq!(
            err(&x, None),
            "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 64."
        );
        let mut y = Int(1);
        for _ in 0..64 {
            y = List(vec![y]);
        }
        assert_eq!(from_nested(&y, None, 0).unwrap().ndim(), 64);
    }

    #[test]
    fn ndmin_scalars_and_tolist() {
        // np.array(5, ndmin=2) -> [[5]]; np.array([1, 2], ndmin=3).shape == (1, 1, 2)
        assert_eq!(from_nested(&Int(5), None, 2).unwrap().shape(), &[1, 1]);
        assert_eq!(
            from_nested(&ints(&[1, 2]), None, 3).unwrap().shape(),
            &[1, 1, 2]
        );
        assert_eq!(from_nested(&ints(&[1, 2]), None, 1).unwrap().shape(), &[2]);
        let z = from_nested(&Float(2.5), None, 0).unwrap();
        assert_eq!((z.ndim(), z.dtype), (0, DType::Float64));
        let m = from_nested(
            &List(vec![ints(&[1, 2]), ints(&[3, 4])]),
            Some(DType::Float32),
            0,
        )
        .unwrap();
        let back = to_nested(&m.t());
        assert_eq!(
            format!("{back:?}"),
            "List([List([Float(1.0), Float(3.0)]), List([Float(2.0), Float(4.0)])])"
        );
        assert_eq!(format!("{:?}", to_nested(&z)), "Float(2.5)");
        let u = from_nested(&ints(&[(1 << 64) - 1]), Some(DType::UInt64), 0).unwrap();
        assert_eq!(
            format!("{:?}", to_nested(&u)),
            "List([Int(18446744073709551615)])"
        );
        let b = NdArray::zeros(&[0, 2], DType::Bool, Order::C).unwrap();
        assert_eq!(format!("{:?}", to_nested(&b)), "List([])");
    }
}
