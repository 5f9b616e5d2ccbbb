# complex repr and arithmetic
z = 3 + 4j
print(z, repr(z), abs(z), z.real, z.imag, z.conjugate())
print(1j, -1j, 0j, 1j * 1j, 2j ** 2, (1 + 2j) * (3 - 1j))
print((1 + 2j) / (3 - 1j), (1 + 1j) ** 0.5, complex(1, -0.0), complex(-0.0, -0.0))
print(complex(2), complex("1.5-2j"), complex(1e20, 1e-20), complex(float("inf"), float("nan")))
print([1j, 1 + 0j, -2.5j], (1j,), {"z": 2 - 3j})
print(sum([1j, 2, 0.5]), 1j + True, 2 * (1 - 1j))
print(f"{z:.3f} {z:>12} {1.5j:g} {z!r}")
