"""A bare Django project: one "hello" view behind the middleware `startproject` writes, the
yardstick the portal's pages are measured against (benchmarks.throughput)."""
