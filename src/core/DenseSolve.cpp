#include "core/DenseSolve.h"

#include <algorithm>
#include <cmath>

namespace stipple {

bool solveDense(std::vector<double>& a, std::vector<double>& b, std::size_t n, std::size_t columns, double tiny) {
    double largest = 0.0;
    for (double v : a) largest = std::max(largest, std::abs(v));
    if (!(largest > 0.0)) return false;
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t pivot = k;
        for (std::size_t i = k + 1; i < n; ++i)
            if (std::abs(a[i * n + k]) > std::abs(a[pivot * n + k])) pivot = i;
        if (!(std::abs(a[pivot * n + k]) > tiny * largest)) return false;
        if (pivot != k) {
            std::swap_ranges(a.begin() + std::ptrdiff_t(k * n), a.begin() + std::ptrdiff_t(k * n + n),
                             a.begin() + std::ptrdiff_t(pivot * n));
            std::swap_ranges(b.begin() + std::ptrdiff_t(k * columns), b.begin() + std::ptrdiff_t(k * columns + columns),
                             b.begin() + std::ptrdiff_t(pivot * columns));
        }
        const double inverse = 1.0 / a[k * n + k];
        for (std::size_t i = k + 1; i < n; ++i) {
            const double factor = a[i * n + k] * inverse;
            if (factor == 0.0) continue;
            double* row = &a[i * n];
            const double* top = &a[k * n];
            for (std::size_t j = k; j < n; ++j) row[j] -= factor * top[j];
            for (std::size_t c = 0; c < columns; ++c) b[i * columns + c] -= factor * b[k * columns + c];
        }
    }
    for (std::size_t k = n; k-- > 0;) {
        for (std::size_t c = 0; c < columns; ++c) {
            double sum = b[k * columns + c];
            for (std::size_t j = k + 1; j < n; ++j) sum -= a[k * n + j] * b[j * columns + c];
            b[k * columns + c] = sum / a[k * n + k];
        }
    }
    return true;
}

}  // namespace stipple
