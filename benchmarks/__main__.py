"""Run every benchmark: the pages, then the diagnostic's when its module exists."""

import importlib
import importlib.util

from benchmarks import pages

pages.main()
if importlib.util.find_spec("benchmarks.diagnostic") is not None:
    importlib.import_module("benchmarks.diagnostic").main()
