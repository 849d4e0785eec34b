// Small dense linear systems (a few to a few thousand unknowns) for the fits in core/: the
// camera's normal equations and the head deformation's radial basis functions.
#pragma once

#include <cstddef>
#include <vector>

namespace stipple {

// Solves A X = B in place by Gaussian elimination with partial pivoting. `a` is n x n, row
// major; `b` is n x columns, row major, and receives X. Returns false when A is singular (a
// pivot below `tiny` times the largest entry).
bool solveDense(std::vector<double>& a, std::vector<double>& b, std::size_t n, std::size_t columns,
                double tiny = 1e-12);

}  // namespace stipple
