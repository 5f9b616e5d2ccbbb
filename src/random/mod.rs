//! Random-number engines shared by Python's `random` module and NumPy's legacy `np.random`.

pub mod mt19937;
