"""Run every benchmark: the pages, the diagnostic's DNS timings, then starvation."""

from benchmarks import diagnostic, pages, starvation

pages.main()
diagnostic.main()
starvation.main()
