//! Joining arrays: concatenate (axis or flattened), stack, vstack/hstack/dstack,
//! column_stack, and atleast_1d/2d/3d. The result dtype promotes the inputs' dtypes.

use super::dtype::promote_types;
use super::index::IndexItem;
use super::ndarray::{NdArray, Order};
use super::{ArrayError, Result, normalize_axis};

/// `np.concatenate(arrays, axis)`; `axis = None` flattens every input first.
pub fn concatenate(arrays: &[NdArray], axis: Option<i64>) -> Result<NdArray> {
    if arrays.is_empty() {
        return Err(ArrayError::value("need at least one array to concatenate"));
    }
    let Some(axis) = axis else {
        let flat: Vec<NdArray> = arrays
            .iter()
            .map(|a| a.ravel(Order::C))
            .collect::<Result<_>>()?;
        return concatenate(&flat, Some(0));
    };
    let first = &arrays[0];
    let nd = first.ndim();
    if nd == 0 {
        return Err(ArrayError::value(
            "zero-dimensional arrays cannot be concatenated",
        ));
    }
    let ax = normalize_axis(axis, nd)?;
    let mut shape: Vec<usize> = first.shape.to_vec();
    let mut dtype = first.dtype;
    for (i, a) in arrays.iter().enumerate().skip(1) {
        if a.ndim() != nd {
            return Err(ArrayError::value(format!(
                "all the input arrays must have same number of dimensions, but the array at \
                 index 0 has {nd} dimension(s) and the array at index {i} has {} dimension(s)",
                a.ndim()
            )));
        }
        for d in (0..nd).filter(|&d| d != ax) {
            if a.shape[d] != first.shape[d] {
                return Err(ArrayError::value(format!(
                    "all the input array dimensions except for the concatenation axis must \
                     match exactly, but along dimension {d}, the array at index 0 has size {} \
                     and the array at index {i} has size {}",
                    first.shape[d], a.shape[d]
                )));
            }
        }
        shape[ax] += a.shape[ax];
        dtype = promote_types(dtype, a.dtype);
    }
    let out = NdArray::zeros(&shape, dtype, Order::C)?;
    let mut start = 0usize;
    for a in arrays {
        let n = a.shape[ax];
        let mut items = vec![IndexItem::ALL; nd];
        items[ax] = IndexItem::Slice {
            start: Some(start as i64),
            stop: Some((start + n) as i64),
            step: None,
        };
        out.slice_view(&items)?.assign(a)?;
        start += n;
    }
    Ok(out)
}

/// `np.stack(arrays, axis)`: a new axis at `axis` of the result.
pub fn stack(arrays: &[NdArray], axis: i64) -> Result<NdArray> {
    let Some(first) = arrays.first() else {
        return Err(ArrayError::value("need at least one array to stack"));
    };
    if arrays.iter().any(|a| a.shape != first.shape) {
        return Err(ArrayError::value(
            "all input arrays must have the same shape",
        ));
    }
    let ax = normalize_axis(axis, first.ndim() + 1)? as i64;
    let expanded: Vec<NdArray> = arrays
        .iter()
        .map(|a| a.expand_dims(&[ax]))
        .collect::<Result<_>>()?;
    concatenate(&expanded, Some(ax))
}

/// `np.vstack`: inputs made at least 2-d, joined along axis 0.
pub fn vstack(arrays: &[NdArray]) -> Result<NdArray> {
    let a: Vec<NdArray> = arrays.iter().map(atleast_2d).collect();
    concatenate(&a, Some(0))
}

/// `np.hstack`: inputs made at least 1-d, joined along axis 0 if 1-d, else axis 1.
pub fn hstack(arrays: &[NdArray]) -> Result<NdArray> {
    let a: Vec<NdArray> = arrays.iter().map(atleast_1d).collect();
    let axis = if a.first().is_some_and(|x| x.ndim() == 1) {
        0
    } else {
        1
    };
    concatenate(&a, Some(axis))
}

/// `np.dstack`: inputs made at least 3-d, joined along axis 2.
pub fn dstack(arrays: &[NdArray]) -> Result<NdArray> {
    let a: Vec<NdArray> = arrays.iter().map(atleast_3d).collect();
    concatenate(&a, Some(2))
}

/// `np.column_stack`: 0-d and 1-d inputs become columns, joined along axis 1.
pub fn column_stack(arrays: &[NdArray]) -> Result<NdArray> {
    let a: Vec<NdArray> = arrays
        .iter()
        .map(|x| {
            if x.ndim() < 2 {
                atleast_2d(x).t()
            } else {
                x.clone()
            }
        })
        .collect();
    concatenate(&a, Some(1))
}

/// `np.atleast_1d`: a 0-d array becomes shape `(1,)` (a view).
pub fn atleast_1d(a: &NdArray) -> NdArray {
    match a.ndim() {
        0 => lead_ones(a, 1),
        _ => a.clone(),
    }
}

/// `np.atleast_2d`: `()` → `(1, 1)`, `(n,)` → `(1, n)`.
pub fn atleast_2d(a: &NdArray) -> NdArray {
    match a.ndim() {
        0 => lead_ones(a, 2),
        1 => lead_ones(a, 1),
        _ => a.clone(),
    }
}

/// `np.atleast_3d`: `()` → `(1, 1, 1)`, `(n,)` → `(1, n, 1)`, `(m, n)` → `(m, n, 1)`.
pub fn atleast_3d(a: &NdArray) -> NdArray {
    let v = match a.ndim() {
        0 => a.slice_view(&[IndexItem::NewAxis, IndexItem::NewAxis, IndexItem::NewAxis]),
        1 => a.slice_view(&[IndexItem::NewAxis, IndexItem::ALL, IndexItem::NewAxis]),
        2 => a.slice_view(&[IndexItem::ALL, IndexItem::ALL, IndexItem::NewAxis]),
        _ => Ok(a.clone()),
    };
    v.unwrap_or_else(|_| a.clone())
}

fn lead_ones(a: &NdArray, n: usize) -> NdArray {
    let items = vec![IndexItem::NewAxis; n];
    a.slice_view(&items).unwrap_or_else(|_| a.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::{DType, ErrKind, Scalar};

    fn ones(shape: &[usize]) -> NdArray {
        crate::array::create::ones(shape, DType::Float64, Order::C).unwrap()
    }
    fn arange(n: i64, shape: &[usize]) -> NdArray {
        NdArray::from_vec((0..n).collect::<Vec<_>>(), shape).unwrap()
    }

    #[test]
    fn concatenation() {
        let (a, b) = (arange(6, &[2, 3]), arange(4, &[2, 2]));
        // np.concatenate([a, b], axis=1).tolist() == [[0, 1, 2, 0, 1], [3, 4, 5, 2, 3]]
        let c = concatenate(&[a.clone(), b.clone()], Some(1)).unwrap();
        assert_eq!(
            (c.shape(), c.to_vec::<i64>().unwrap()),
            (&[2, 5][..], vec![0, 1, 2, 0, 1, 3, 4, 5, 2, 3])
        );
        assert_eq!(
            concatenate(&[a.clone(), a.t().t()], Some(0))
                .unwrap()
                .shape(),
            &[4, 3]
        );
        // axis=None flattens: np.concatenate([np.array(1), a], axis=None).shape == (7,)
        let z = NdArray::from_scalar(Scalar::I64(1)).unwrap();
        assert_eq!(
            concatenate(&[z.clone(), a.clone()], None).unwrap().shape(),
            &[7]
        );
        assert_eq!(
            concatenate(&[a.t(), b.clone()], None)
                .unwrap()
                .to_vec::<i64>()
                .unwrap(),
            [0, 3, 1, 4, 2, 5, 0, 1, 2, 3]
        );
        // dtypes: int8 + uint8 -> int16; bool + float16 -> float16
        let i8a = NdArray::from_slice(&[1i8, -1]).unwrap();
        let u8a = NdArray::from_slice(&[200u8]).unwrap();
        let m = concatenate(&[i8a, u8a], Some(0)).unwrap();
        assert_eq!(
            (m.dtype, m.to_vec::<i16>().unwrap()),
            (DType::Int16, vec![1, -1, 200])
        );
        let e = concatenate(&[ones(&[0, 3]), ones(&[2, 3])], Some(0)).unwrap();
        assert_eq!(e.shape(), &[2, 3]);
        let err = |r: Result<NdArray>| r.unwrap_err().msg;
        assert_eq!(
            err(concatenate(&[ones(&[2, 3]), ones(&[2, 2])], Some(0))),
            "all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2"
        );
        assert_eq!(
            err(concatenate(&[ones(&[2, 3]), ones(&[3])], Some(0))),
            "all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)"
        );
        let ax = concatenate(&[a.clone(), a.clone()], Some(2)).unwrap_err();
        assert_eq!(
            (ax.kind, ax.msg.as_str()),
            (
                ErrKind::AxisError,
                "axis 2 is out of bounds for array of dimension 2"
            )
        );
        assert_eq!(
            err(concatenate(&[z.clone(), z.clone()], Some(0))),
            "zero-dimensional arrays cannot be concatenated"
        );
        assert_eq!(
            err(concatenate(&[], Some(0))),
            "need at least one array to concatenate"
        );
    }

    #[test]
    fn stacking() {
        let (x, y) = (arange(3, &[3]), NdArray::from_slice(&[7i64, 8, 9]).unwrap());
        // np.stack([x, y], axis=1).tolist() == [[0, 7], [1, 8], [2, 9]]
        assert_eq!(
            stack(&[x.clone(), y.clone()], 1)
                .unwrap()
                .to_vec::<i64>()
                .unwrap(),
            [0, 7, 1, 8, 2, 9]
        );
        assert_eq!(stack(&[x.clone(), y.clone()], -1).unwrap().shape(), &[3, 2]);
        let a = ones(&[2, 3]);
        assert_eq!(
            stack(&[a.clone(), a.clone()], -1).unwrap().shape(),
            &[2, 3, 2]
        );
        assert_eq!(
            stack(&[a.clone(), a.clone()], 3).unwrap_err().msg,
            "axis 3 is out of bounds for array of dimension 3"
        );
        assert_eq!(
            stack(&[ones(&[3]), ones(&[4])], 0).unwrap_err().msg,
            "all input arrays must have the same shape"
        );
        assert_eq!(
            stack(&[], 0).unwrap_err().msg,
            "need at least one array to stack"
        );
        let z = NdArray::from_scalar(Scalar::I64(1)).unwrap();
        assert_eq!(stack(&[z.clone(), z.clone()], 0).unwrap().shape(), &[2]);
        // vstack/hstack/dstack/column_stack shapes from NumPy 2.4.6
        assert_eq!(vstack(&[x.clone(), y.clone()]).unwrap().shape(), &[2, 3]);
        assert_eq!(hstack(&[x.clone(), ones(&[4])]).unwrap().shape(), &[7]);
        assert_eq!(hstack(&[z.clone(), z.clone()]).unwrap().shape(), &[2]);
        assert_eq!(hstack(&[a.clone(), a.clone()]).unwrap().shape(), &[2, 6]);
        assert_eq!(dstack(&[x.clone(), y.clone()]).unwrap().shape(), &[1, 3, 2]);
        assert_eq!(dstack(&[a.clone(), a.clone()]).unwrap().shape(), &[2, 3, 2]);
        let cs = column_stack(&[x.clone(), arange(6, &[3, 2])]).unwrap();
        assert_eq!(
            (cs.shape(), cs.to_vec::<i64>().unwrap()),
            (&[3, 3][..], vec![0, 0, 1, 1, 2, 3, 2, 4, 5])
        );
        assert_eq!(
            vstack(&[ones(&[3]), ones(&[4])]).unwrap_err().msg,
            "all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 4"
        );
        assert_eq!(
            column_stack(&[ones(&[3]), ones(&[4])]).unwrap_err().msg,
            "all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has size 3 and the array at index 1 has size 4"
        );
        assert_eq!(
            vstack(&[]).unwrap_err().msg,
            "need at least one array to concatenate"
        );
    }

    #[test]
    fn at_least() {
        let z = NdArray::from_scalar(Scalar::F64(1.0)).unwrap();
        let v = ones(&[3]);
        let m = ones(&[2, 3]);
        assert_eq!(atleast_1d(&z).shape(), &[1]);
        assert_eq!(atleast_2d(&z).shape(), &[1, 1]);
        assert_eq!(atleast_2d(&v).shape(), &[1, 3]);
        assert_eq!(atleast_3d(&z).shape(), &[1, 1, 1]);
        assert_eq!(atleast_3d(&v).shape(), &[1, 3, 1]);
        assert_eq!(atleast_3d(&m).shape(), &[2, 3, 1]);
        assert!(atleast_3d(&m).same_storage(&m));
    }
}
