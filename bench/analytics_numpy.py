"""The numpy baseline of the analytics bench (bench/analytics.ts): the reference funnel of
src/server/analytics/cpa-funnel.ts, vectorised. Same parameters, another random stream, so the
percentiles agree to sampling error (well under 1% at a million trials), not digit for digit.

Usage: /usr/bin/python3 bench/analytics_numpy.py <trials> <seed> <repeats>
Prints one JSON object: the best and every wall time and CPU time in ms, and p10/p50/p90 of cost per
acquisition.
"""

import json
import math
import sys
import time

import numpy as np


def lognormal_params(mean, cv):
    variance = math.log(1 + cv * cv)
    return math.log(mean) - variance / 2, math.sqrt(variance)


def beta_params(mean, weight):
    return mean * weight, (1 - mean) * weight


IMPRESSIONS = lognormal_params(200_000, 0.5)
CTR = beta_params(0.012, 300)
CVR = beta_params(0.03, 200)
CPM = lognormal_params(8, 0.35)


def run(trials, rng):
    impressions = rng.lognormal(IMPRESSIONS[0], IMPRESSIONS[1], trials)
    clicks = impressions * rng.beta(CTR[0], CTR[1], trials)
    conversions = clicks * rng.beta(CVR[0], CVR[1], trials)
    spend = impressions * rng.lognormal(CPM[0], CPM[1], trials) / 1000
    cpa = spend / conversions
    return np.percentile(cpa, [10, 50, 90]), float(conversions.mean())


def main():
    trials, seed, repeats = (int(arg) for arg in sys.argv[1:4])
    rng = np.random.default_rng(seed)
    run(10_000, rng)  # warm-up: first-call overheads out of the timing
    times = []
    cpu = []
    for _ in range(repeats):
        started = time.perf_counter()
        cpu_started = time.process_time()
        percentiles, mean_conversions = run(trials, rng)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    print(
        json.dumps(
            {
                "numpy": np.__version__,
                "python": sys.version.split()[0],
                "best_ms": min(times),
                "times_ms": times,
                "cpu_ms": cpu,
                "cpa": {"p10": percentiles[0], "p50": percentiles[1], "p90": percentiles[2]},
                "mean_conversions": mean_conversions,
            }
        )
    )


if __name__ == "__main__":
    main()
