#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace convene::bench {

// Median, nearest-rank percentiles and maximum of a benchmark's samples.
struct Stats {
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
    size_t n = 0;
};

inline Stats stats(std::vector<double> values)
{
    Stats s;
    s.n = values.size();
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    const auto rank = [&](double p) {
        const size_t r = size_t(std::ceil(p * double(n)));
        return values[std::min(n - 1, r > 0 ? r - 1 : 0)];
    };
    s.p50 = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    s.p95 = rank(0.95);
    s.p99 = rank(0.99);
    s.max = values.back();
    return s;
}

} // namespace convene::bench
