"""Run every benchmark: the pages, their throughput beside a bare Django view, the
diagnostic's DNS timings, then starvation."""

from benchmarks import diagnostic, pages, starvation, throughput

pages.main()
throughput.main()
diagnostic.main()
starvation.main()
